import { describe, expect, it } from 'vitest';
import { diffRecords } from '../../../src/audit/diff';

describe('field-level audit differences', () => {
  it('list every filled field of a creation, without bookkeeping fields', () => {
    expect(diffRecords(undefined, { name: 'Asociația Șansa', notes: '', capacity: 20, version: 1, updatedAt: 'x', tags: ['a'] })).toEqual([
      { field: 'capacity', before: undefined, after: 20 },
      { field: 'name', before: undefined, after: 'Asociația Șansa' },
      { field: 'tags', before: undefined, after: ['a'] },
    ]);
  });

  it('treat empty, null and missing as the same, and compare lists and objects by content', () => {
    expect(diffRecords({ a: '', b: null, list: [1, 2], obj: { x: 1 } }, { a: undefined, b: '', list: [1, 2], obj: { x: 1 } })).toEqual([]);
    expect(diffRecords({ list: [1, 2] }, { list: [2, 1] })).toEqual([{ field: 'list', before: [1, 2], after: [2, 1] }]);
  });

  it('tell a number from its text and a value from its absence', () => {
    expect(diffRecords({ n: 1, s: 'x' }, { n: '1', s: '' })).toEqual([
      { field: 'n', before: 1, after: '1' },
      { field: 's', before: 'x', after: '' },
    ]);
    expect(diffRecords({ flag: false }, { flag: true })).toEqual([{ field: 'flag', before: false, after: true }]);
  });
});
