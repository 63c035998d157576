import { describe, expect, it } from 'vitest';
import {
  findNomenclatureEntry,
  mergeNomenclature,
  NOMENCLATURE,
  type NomenclatureEntry,
  nomenclatureKey,
} from '../../../src/register/nomenclature';

const custom = (overrides: Partial<NomenclatureEntry>): NomenclatureEntry => ({
  code: '8899 CZ-X-I',
  name: 'Serviciu adăugat de utilizator',
  form: 'zi',
  targetGroup: 'familii',
  verified: true,
  source: 'HCL Cluj-Napoca',
  ...overrides,
});

describe('the shipped nomenclature', () => {
  it('has no two rows with the same code', () => {
    const keys = NOMENCLATURE.map((e) => nomenclatureKey(e.code));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has a name and target group on every row and a source on every verified row', () => {
    for (const entry of NOMENCLATURE) {
      expect(entry.name, entry.code).not.toBe('');
      expect(entry.targetGroup, entry.code).not.toBe('');
      if (entry.verified) expect(entry.source, entry.code).not.toBe('');
    }
  });
});

describe('nomenclatureKey and findNomenclatureEntry', () => {
  it('ignores case and spaces', () => {
    expect(nomenclatureKey('8790 CR-D-I')).toBe('8790cr-d-i');
    expect(findNomenclatureEntry('8790 cr-d-i')?.code).toBe('8790 CR-D-I');
    expect(findNomenclatureEntry('8790CR-D-I')?.code).toBe('8790 CR-D-I');
    expect(findNomenclatureEntry('  8790  CR-D-I ')?.code).toBe('8790 CR-D-I');
  });

  it('keys a code the same however often it is keyed, also once more codes than its cache holds were keyed', () => {
    expect(nomenclatureKey('8899 CZ-D-Ț')).toBe('8899cz-d-t');
    for (let i = 0; i < 10_050; i++) expect(nomenclatureKey(`${i} CR-X`)).toBe(`${i}cr-x`);
    expect(nomenclatureKey('8899 CZ-D-Ț')).toBe('8899cz-d-t');
    expect(findNomenclatureEntry(' 8790 cr-d-i')?.code).toBe('8790 CR-D-I');
  });

  it('does not confuse CR-D-I with CR-D-II', () => {
    expect(findNomenclatureEntry('8790 CR-D-II')?.name).toMatch(/abilitare și reabilitare/);
  });

  it('finds nothing for an unknown or empty code', () => {
    expect(findNomenclatureEntry('9999 ZZ-I')).toBeUndefined();
    expect(findNomenclatureEntry('')).toBeUndefined();
  });

  it('searches the list it is given', () => {
    const list = [custom({})];
    expect(findNomenclatureEntry('8899 cz-x-i', list)?.name).toBe('Serviciu adăugat de utilizator');
    expect(findNomenclatureEntry('8730 CR-V-I', list)).toBeUndefined();
  });
});

describe('mergeNomenclature', () => {
  it('returns the shipped list, sorted by code, without custom codes', () => {
    const merged = mergeNomenclature();
    expect(merged).toHaveLength(NOMENCLATURE.length);
    expect(merged.map((e) => e.code)).toEqual([...NOMENCLATURE.map((e) => e.code)].sort((a, b) => a.localeCompare(b, 'ro')));
    expect(merged.some((e) => e.isCustom)).toBe(false);
  });

  it('lets a user code replace the shipped row with the same code and flags it as custom', () => {
    const corrected = custom({ code: '8790 cr-d-i', name: 'Centru de îngrijire și asistență (denumire corectată)' });
    const merged = mergeNomenclature([corrected]);
    expect(merged).toHaveLength(NOMENCLATURE.length);
    const entry = findNomenclatureEntry('8790 CR-D-I', merged);
    expect(entry).toMatchObject({ name: 'Centru de îngrijire și asistență (denumire corectată)', isCustom: true });
  });

  it('adds a new user code and flags it as custom', () => {
    const merged = mergeNomenclature([custom({})]);
    expect(merged).toHaveLength(NOMENCLATURE.length + 1);
    expect(findNomenclatureEntry('8899 CZ-X-I', merged)?.isCustom).toBe(true);
    expect(findNomenclatureEntry('8730 CR-V-I', merged)?.isCustom).toBeUndefined();
  });

  it('does not modify the entries it was given', () => {
    const entry = custom({});
    mergeNomenclature([entry]);
    expect(entry.isCustom).toBeUndefined();
  });
});
