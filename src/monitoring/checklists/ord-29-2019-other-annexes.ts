import type { ChecklistTemplate } from '../checklist';
import { ord29Annex, pendingTemplate, SOURCES } from './sources';

/**
 * The annexes of Ord. MMJS 29/2019 whose text could not be read: their titles as the Ministry's
 * list gives them (SOURCES.ord29Annexes), no module, "de completat". Their service codes were not
 * read either: the codes here are the app's nomenclature codes of the same kind of service
 * (inferred, not copied from the annex) so that the checklist is proposed for those units.
 */
const INFERRED = 'dedus din nomenclatorul aplicației (neverificat în anexă)';
const NOTE = 'Textul anexei nu a fost citit: modulele, standardele și cerințele sunt de completat din Monitorul Oficial nr. 121 bis/2019.';

const annex = (annex: number, title: string, serviceCodes: string[]): ChecklistTemplate =>
  pendingTemplate({ id: `ord-29-2019-anexa-${annex}`, title, act: ord29Annex(annex, SOURCES.ord29Annexes), serviceCodes, serviceCodesSource: INFERRED, note: NOTE });

export const ORD_29_2019_ANEXA_2 = annex(2, 'Servicii sociale cu cazare, organizate ca locuințe protejate pentru persoanele vârstnice', ['8730 CR-V-III']);
export const ORD_29_2019_ANEXA_4 = annex(4, 'Servicii sociale cu cazare pe perioadă determinată organizate ca centre rezidențiale pentru persoanele fără adăpost', ['8790 CR-PFA-II', '8790 CR-PFA-III']);
export const ORD_29_2019_ANEXA_5 = annex(5, 'Servicii sociale acordate în comunitate, organizate ca adăposturi de noapte', ['8790 CR-PFA-I']);
export const ORD_29_2019_ANEXA_7 = annex(7, 'Servicii sociale acordate în comunitate și servicii sociale acordate în sistem integrat cu alte servicii de interes general destinate persoanelor adulte', ['8899 SAC-I']);
export const ORD_29_2019_ANEXA_8 = annex(8, 'Servicii de îngrijiri la domiciliu pentru persoane vârstnice', ['8810 ID-I']);
