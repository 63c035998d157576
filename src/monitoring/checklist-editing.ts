import { cleanMultiline, cleanText } from '../validation/diacritics';
import { isValidIsoDate } from '../validation/dates';
import type { ChecklistRequirement, ChecklistTemplate } from './checklist';

/**
 * Users complete the checklists from the official text (items shipped "de completat") and add
 * items: every save is a new version of the template (same id, version + 1), so that a visit keeps
 * the version it was filled in with and a report already issued never changes.
 */

export function validateTemplate(input: ChecklistTemplate): { value: ChecklistTemplate; errors: string[] } {
  const errors: string[] = [];
  const codes = new Set<string>();
  const value: ChecklistTemplate = {
    ...input,
    title: cleanText(input.title),
    act: { ...input.act, name: cleanText(input.act.name), source: cleanText(input.act.source) },
    modules: input.modules.map((m) => ({
      ...m,
      code: cleanText(m.code),
      title: cleanText(m.title),
      standards: m.standards.map((s) => ({
        ...s,
        code: cleanText(s.code),
        title: cleanText(s.title),
        statement: cleanMultiline(s.statement),
        expectedResults: s.expectedResults.map(cleanMultiline).filter(Boolean),
        requirements: s.requirements.map((r): ChecklistRequirement => {
          const text = cleanMultiline(r.text);
          return { ...r, code: cleanText(r.code), text, legalBasis: cleanText(r.legalBasis), toComplete: !text || !!r.toComplete };
        }),
      })),
    })),
  };
  if (!value.title) errors.push('Lista de verificare are nevoie de un titlu.');
  if (!value.act.name) errors.push('Indicați actul normativ care stabilește lista (ordinul și anexa).');
  if (!isValidIsoDate(value.act.validFrom)) errors.push('Data de la care se aplică actul nu este validă.');
  for (const m of value.modules) {
    if (!m.code || !m.title) errors.push('Fiecare modul are cod și titlu.');
    for (const s of m.standards) {
      if (!s.code || !s.title) errors.push(`Un standard din modulul ${m.code} nu are cod sau titlu.`);
      for (const r of s.requirements) {
        if (!r.code) errors.push(`O cerință a standardului ${s.code} nu are cod.`);
        else if (codes.has(r.code)) errors.push(`Codul cerinței „${r.code}” apare de două ori.`);
        codes.add(r.code);
        if (!r.legalBasis) errors.push(`Cerința „${r.code}” nu are temeiul legal.`);
        if (r.methods.length === 0) errors.push(`Cerința „${r.code}” nu are metoda de verificare.`);
      }
    }
  }
  const anyToComplete = value.modules.some((m) => m.toComplete || m.standards.some((s) => s.toComplete || s.requirements.some((r) => r.toComplete)));
  value.status = anyToComplete ? 'de_completat' : 'verificat';
  return { value, errors: [...new Set(errors)] };
}

/** The next version of a template id among the versions known (shipped and saved). */
export function nextTemplateVersion(templates: readonly Pick<ChecklistTemplate, 'id' | 'version'>[], templateId: string): number {
  return Math.max(0, ...templates.filter((t) => t.id === templateId).map((t) => t.version)) + 1;
}

/** The latest version of each template id. */
export function latestVersions(templates: readonly ChecklistTemplate[]): ChecklistTemplate[] {
  const latest = new Map<string, ChecklistTemplate>();
  for (const t of templates) {
    const current = latest.get(t.id);
    if (!current || t.version > current.version) latest.set(t.id, t);
  }
  return [...latest.values()];
}
