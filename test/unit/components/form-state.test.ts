import { describe, expect, it } from 'vitest';
import { focusFirstError, isFormDirty, type FocusableField } from '../../../renderer/components/form-state';

describe('isFormDirty', () => {
  it('is clean when the values are those the form opened with', () => {
    expect(isFormDirty({ name: 'Asociația Speranța', cui: '' }, { name: 'Asociația Speranța', cui: '' })).toBe(false);
  });

  it('is clean after typing and erasing in a field that was empty or absent', () => {
    expect(isFormDirty({ name: 'A', notes: undefined }, { name: 'A', notes: '' })).toBe(false);
    expect(isFormDirty({ name: 'A' }, { name: 'A', notes: '' })).toBe(false);
    expect(isFormDirty({ isActive: undefined }, { isActive: false })).toBe(false);
    expect(isFormDirty({ seats: 5 }, { seats: '5' })).toBe(false);
  });

  it('is clean when the same keys come in another order', () => {
    expect(isFormDirty({ a: '1', b: '2' }, { b: '2', a: '1' })).toBe(false);
  });

  it('is dirty when a value differs, nested values included', () => {
    expect(isFormDirty({ name: 'A' }, { name: 'AB' })).toBe(true);
    expect(isFormDirty({ name: 'A' }, { name: '' })).toBe(true);
    expect(isFormDirty({ criteria: [{ max: '30' }] }, { criteria: [{ max: '35' }] })).toBe(true);
    expect(isFormDirty({ criteria: [{ max: '30' }] }, { criteria: [{ max: '30' }, { max: '' }] })).toBe(true);
    expect(isFormDirty({ isActive: true }, { isActive: false })).toBe(true);
  });
});

describe('focusFirstError', () => {
  const fields = (...ids: string[]) => {
    const focused: string[] = [];
    const elements: FocusableField[] = ids.map((id) => ({ id, focus: () => focused.push(id) }));
    return { elements, focused };
  };

  it('focuses the first field on screen that has an error, not the first error listed', () => {
    const { elements, focused } = fields('field-name', 'field-cui', 'field-email', 'field-phone');
    expect(focusFirstError({ phone: 'Telefon invalid', cui: 'CUI invalid' }, elements)).toBe('cui');
    expect(focused).toEqual(['field-cui']);
  });

  it('ignores elements that are not form fields and focuses nothing when no field is in error', () => {
    const { elements, focused } = fields('title', 'field-name');
    expect(focusFirstError({ other: 'Eroare' }, elements)).toBeUndefined();
    expect(focused).toEqual([]);
  });
});
