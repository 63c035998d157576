import { describe, expect, it } from 'vitest';
import { VERIFICATION_METHOD_LABELS } from '../../../src/monitoring/checklist';
import { checklistsForServiceCode, serviceCodeMatches, SHIPPED_CHECKLISTS, templateRequirements } from '../../../src/monitoring/checklists';

describe('the shipped checklists', () => {
  it('write ș and ț with the comma below, also where the official text has the cedilla', () => {
    expect(JSON.stringify(SHIPPED_CHECKLISTS)).not.toMatch(/[şţŞŢ]/);
  });

  it('have unique ids, one per act or annex, the convention obligations among them', () => {
    const ids = SHIPPED_CHECKLISTS.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (let annex = 1; annex <= 9; annex++) expect(ids).toContain(`ord-29-2019-anexa-${annex}`);
    expect(ids).toEqual(expect.arrayContaining(['ord-82-2019', 'ord-27-2019', 'ord-25-2019', 'ord-81-2019', 'ord-1335-2020', 'obligatii-conventie']));
    expect(SHIPPED_CHECKLISTS.find((t) => t.id === 'obligatii-conventie')!.kind).toBe('obligatii_conventie');
  });

  for (const template of SHIPPED_CHECKLISTS) {
    describe(template.id, () => {
      const items = templateRequirements(template);

      it('is well formed: codes unique and under their standard and module, methods known and non-empty, basis given', () => {
        expect(template.act.name).not.toBe('');
        expect(template.act.source).not.toBe('');
        expect(template.act.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        const codes = [...template.modules.map((m) => m.code), ...template.modules.flatMap((m) => m.standards.map((s) => s.code)), ...items.map((i) => i.requirement.code)];
        expect(new Set(codes).size).toBe(codes.length);
        for (const module of template.modules) {
          expect(module.title).not.toBe('');
          for (const standard of module.standards) {
            expect(standard.code.startsWith(`${module.code}-S`)).toBe(true);
            expect(standard.title).not.toBe('');
            for (const r of standard.requirements) {
              expect(r.code.startsWith(`${standard.code}.`), `${r.code} under ${standard.code}`).toBe(true);
              expect(r.methods.length).toBeGreaterThan(0);
              for (const m of r.methods) expect(Object.keys(VERIFICATION_METHOD_LABELS)).toContain(m);
              expect(r.legalBasis).not.toBe('');
              // A requirement is either copied text or an empty place "de completat", never both.
              expect(r.toComplete === true ? r.text === '' : r.text.length > 10).toBe(true);
            }
          }
        }
      });

      it('says "verificat" only when it has items and none is "de completat"', () => {
        const partsPending = template.modules.some((m) => m.toComplete || m.standards.some((s) => s.toComplete));
        const complete = items.length > 0 && !partsPending && items.every((i) => !i.requirement.toComplete);
        expect(template.status).toBe(complete ? 'verificat' : 'de_completat');
        if (template.status === 'de_completat') expect(template.note ?? '').toMatch(/[Dd]e completat/);
      });

      it('cites its own act in every requirement', () => {
        if (template.kind !== 'standarde_minime') return;
        const annex = /anexa nr\. (\d)/.exec(template.act.name)?.[1];
        for (const { requirement } of items) expect(requirement.legalBasis).toContain(annex ? `anexa nr. ${annex}, ${requirement.code}` : requirement.code);
      });
    });
  }

  it('marks anexa 9 "de completat" although its one item is copied: the rest of module I and standard 1 is not', () => {
    const canteen = SHIPPED_CHECKLISTS.find((t) => t.id === 'ord-29-2019-anexa-9')!;
    expect(templateRequirements(canteen).every((i) => !i.requirement.toComplete)).toBe(true);
    expect([canteen.modules[0]!.toComplete, canteen.modules[0]!.standards[0]!.toComplete, canteen.status]).toEqual([true, true, 'de_completat']);
  });

  it('keeps the diacritics of the text copied (anexa 9, M.I-S1.1 as the order writes it)', () => {
    const canteen = SHIPPED_CHECKLISTS.find((t) => t.id === 'ord-29-2019-anexa-9')!;
    const item = templateRequirements(canteen).find((i) => i.requirement.code === 'M.I-S1.1')!;
    expect(item.requirement.text).toBe('Cantina pune la dispoziția beneficiarilor/reprezentanților legali/convenționali (ai beneficiarului/ai familiei acestuia) sau oricărei alte persoane interesate materiale informative privind serviciile oferite.');
    expect(item.standard.statement).toContain('Cantina socială asigură informarea');
  });
});

describe('choosing the checklists of a unit by its service code', () => {
  const ids = (code: string) => checklistsForServiceCode(code).map((t) => t.id);

  it('finds anexa 6 for the day centres, anexa 8 for home care, anexa 9 for the canteen, and always the convention obligations', () => {
    expect(ids('8810 CZ-V-II')).toEqual(['ord-29-2019-anexa-6', 'obligatii-conventie']);
    expect(ids('8899 CZ-PFA-I')).toEqual(['ord-29-2019-anexa-6', 'obligatii-conventie']);
    expect(ids('8810 ID-I')).toEqual(['ord-29-2019-anexa-8', 'obligatii-conventie']);
    expect(ids('8899 cpdh-i')).toEqual(['ord-29-2019-anexa-9', 'obligatii-conventie']);
  });

  it('matches a prefix with "*", and a code no template covers gets only the obligations', () => {
    expect(serviceCodeMatches('8790 CR-D-*', '8790 CR-D-II')).toBe(true);
    expect(serviceCodeMatches('8790 CR-D-*', '8790 CR-PD-I')).toBe(false);
    expect(ids('8790 CR-D-I')).toEqual(['ord-82-2019', 'obligatii-conventie']);
    expect(ids('8891 CZ-C-IV')).toEqual(['ord-27-2019', 'obligatii-conventie']);
    expect(ids('9999 XX-I')).toEqual(['obligatii-conventie']);
  });
});
