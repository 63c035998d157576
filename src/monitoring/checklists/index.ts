import type { ChecklistTemplate } from '../checklist';
import { nomenclatureKey } from '../../register/nomenclature';
import { OBLIGATII_CONVENTIE } from './obligatii-conventie';
import { ORD_29_2019_ANEXA_1 } from './ord-29-2019-anexa-1';
import { ORD_29_2019_ANEXA_3 } from './ord-29-2019-anexa-3';
import { ORD_29_2019_ANEXA_6 } from './ord-29-2019-anexa-6';
import { ORD_29_2019_ANEXA_9 } from './ord-29-2019-anexa-9';
import { ORD_29_2019_ANEXA_2, ORD_29_2019_ANEXA_4, ORD_29_2019_ANEXA_5, ORD_29_2019_ANEXA_7, ORD_29_2019_ANEXA_8 } from './ord-29-2019-other-annexes';
import { ORD_1335_2020, ORD_25_2019, ORD_27_2019, ORD_81_2019, ORD_82_2019 } from './other-orders';

export { OBLIGATII_CONVENTIE };

/**
 * The checklists the app ships: the minimum quality standards orders (one template per act or
 * annex, structured as the order is) and the convention's obligations. What could not be copied
 * from the official text is marked "de completat"; users complete it in the checklist editor.
 */
export const SHIPPED_CHECKLISTS: readonly ChecklistTemplate[] = [
  ORD_29_2019_ANEXA_1,
  ORD_29_2019_ANEXA_2,
  ORD_29_2019_ANEXA_3,
  ORD_29_2019_ANEXA_4,
  ORD_29_2019_ANEXA_5,
  ORD_29_2019_ANEXA_6,
  ORD_29_2019_ANEXA_7,
  ORD_29_2019_ANEXA_8,
  ORD_29_2019_ANEXA_9,
  ORD_82_2019,
  ORD_27_2019,
  ORD_25_2019,
  ORD_81_2019,
  ORD_1335_2020,
  OBLIGATII_CONVENTIE,
];

/** Whether a template's code ("8810 CZ-V-I") or prefix ("8790 CR-D-*") covers a unit's service code (case, spaces, diacritics ignored). */
export function serviceCodeMatches(pattern: string, code: string): boolean {
  const key = nomenclatureKey(code);
  if (pattern.trim().endsWith('*')) return key.startsWith(nomenclatureKey(pattern.trim().slice(0, -1)));
  return key === nomenclatureKey(pattern);
}

/**
 * The checklists of a visit to a unit with `serviceCode`: the standards templates whose codes
 * cover it (exact codes first), then the convention's obligations, which apply to every unit.
 */
export function checklistsForServiceCode(serviceCode: string, templates: readonly ChecklistTemplate[] = SHIPPED_CHECKLISTS): ChecklistTemplate[] {
  const standards = templates.filter((t) => t.kind === 'standarde_minime');
  const exact = standards.filter((t) => t.serviceCodes.some((p) => !p.endsWith('*') && serviceCodeMatches(p, serviceCode)));
  const byPrefix = standards.filter((t) => !exact.includes(t) && t.serviceCodes.some((p) => p.endsWith('*') && serviceCodeMatches(p, serviceCode)));
  return [...exact, ...byPrefix, ...templates.filter((t) => t.kind === 'obligatii_conventie')];
}

/** Every requirement of a template, with its module and standard (for printing and scoring). */
export function templateRequirements(template: ChecklistTemplate) {
  return template.modules.flatMap((module) => module.standards.flatMap((standard) => standard.requirements.map((requirement) => ({ module, standard, requirement }))));
}
