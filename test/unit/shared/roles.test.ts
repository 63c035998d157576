import { describe, expect, it } from 'vitest';
import { TABLE_DESCRIPTORS } from '../../../src/backup/schema';
import { mayWrite, TABLE_WRITERS, writeRefusal } from '../../../src/shared/roles';

describe('shared-mode roles', () => {
  it('names a writer group for every table the server keeps', () => {
    expect(Object.keys(TABLE_WRITERS).sort()).toEqual(TABLE_DESCRIPTORS.filter((t) => !t.isAppendOnly).map((t) => t.name).sort());
  });
  it('lets finance read but not change NGOs, and says who may', () => {
    expect(mayWrite(['finance'], 'organizations')).toBe(false);
    expect(writeRefusal(['finance'], 'organizations')).toBe('Doar secretariatul sau administratorul aplicației pot modifica ONG-urile.');
    expect(writeRefusal(['finance'], 'conventions')).toBeUndefined();
    expect(writeRefusal(['secretariat'], 'visits')).toBe('Doar monitorizarea sau administratorul aplicației pot modifica vizitele de monitorizare.');
    expect(mayWrite(['admin'], 'settings')).toBe(true);
    expect(writeRefusal(['secretariat'], 'settings')).toBe('Doar administratorul aplicației poate modifica setările.');
  });
});
