import type { NomenclatureEntry } from './nomenclature';

/**
 * Service codes of the Nomenclature of social services (HG 867/2015, as amended by HG 1433/2022).
 * Code form: CAEN class + form (CR residential, CZ day, ID home care, …) + target group + subtype.
 * Only the rows marked `verified` were checked against a source; the others are shipped flagged
 * "neverificat" so the user sees it, and users can add or correct codes in the app.
 */
export const NOMENCLATURE: readonly NomenclatureEntry[] = [
  { code: '8730 CR-V-I', name: 'Cămin pentru persoane vârstnice', form: 'rezidential', targetGroup: 'persoane vârstnice', verified: true, source: 'HG 867/2015; cod întâlnit în licențele publicate ale furnizorilor' },
  { code: '8891 CZ-C-IV', name: 'Centru de zi pentru copii', form: 'zi', targetGroup: 'copii', verified: true, source: 'HG 867/2015; cod întâlnit la DGASPC sector 6' },
  { code: '8790 CR-D-I', name: 'Centru de îngrijire și asistență (CIA)', form: 'rezidential', targetGroup: 'adulți cu dizabilități', verified: true, source: 'HG 1433/2022' },
  { code: '8790 CR-D-II', name: 'Centru de abilitare și reabilitare (CAbR)', form: 'rezidential', targetGroup: 'adulți cu dizabilități', verified: true, source: 'HG 1433/2022' },
  { code: '8790 CR-D-IV', name: 'Centru rezidențial pentru adulți cu dizabilități (denumire de completat)', form: 'rezidential', targetGroup: 'adulți cu dizabilități', verified: true, source: 'HG 1433/2022 (doar codul)' },
  { code: '8790 CR-C-I', name: 'Centru de plasament', form: 'rezidential', targetGroup: 'copii', verified: false, source: '' },
  { code: '8790 CR-C-II', name: 'Centru de primire în regim de urgență pentru copii', form: 'rezidential', targetGroup: 'copii', verified: false, source: '' },
  { code: '8790 CR-C-III', name: 'Centru maternal', form: 'rezidential', targetGroup: 'cuplu mamă-copil', verified: false, source: '' },
  { code: '8891 CZ-C-I', name: 'Centru de zi pentru copii', form: 'zi', targetGroup: 'copii', verified: false, source: '' },
  { code: '8891 CZ-C-II', name: 'Centru de zi de recuperare pentru copii cu dizabilități', form: 'zi', targetGroup: 'copii cu dizabilități', verified: false, source: '' },
  { code: '8891 CZ-C-III', name: 'Centru de consiliere și sprijin pentru părinți și copii', form: 'zi', targetGroup: 'copii și familii', verified: false, source: '' },
  { code: '8730 CR-V-II', name: 'Centru de îngrijire temporară pentru persoane vârstnice', form: 'rezidential', targetGroup: 'persoane vârstnice', verified: false, source: '' },
  { code: '8730 CR-V-III', name: 'Centru de îngrijiri paliative / locuință protejată pentru persoane vârstnice', form: 'rezidential', targetGroup: 'persoane vârstnice', verified: false, source: '' },
  { code: '8810 CZ-V-I', name: 'Centru de zi de asistență și recuperare pentru persoane vârstnice', form: 'zi', targetGroup: 'persoane vârstnice', verified: false, source: '' },
  { code: '8810 CZ-V-II', name: 'Centru de zi de socializare și petrecere a timpului liber (tip club)', form: 'zi', targetGroup: 'persoane vârstnice', verified: false, source: '' },
  { code: '8810 CZ-V-III', name: 'Centru de zi pentru persoane cu Alzheimer', form: 'zi', targetGroup: 'persoane vârstnice', verified: false, source: '' },
  { code: '8810 ID-I', name: 'Îngrijire personală la domiciliu pentru persoane vârstnice', form: 'domiciliu', targetGroup: 'persoane vârstnice', verified: false, source: '' },
  { code: '8810 ID-II', name: 'Îngrijire la domiciliu pentru persoane cu dizabilități', form: 'domiciliu', targetGroup: 'persoane cu dizabilități', verified: false, source: '' },
  { code: '8810 ID-III', name: 'Îngrijire la domiciliu pentru alte categorii de persoane', form: 'domiciliu', targetGroup: 'alte categorii', verified: false, source: '' },
  { code: '8790 CR-D-III', name: 'Centru pentru viață independentă', form: 'rezidential', targetGroup: 'adulți cu dizabilități', verified: false, source: '' },
  { code: '8790 CR-D-V', name: 'Centru de pregătire pentru viață independentă', form: 'rezidential', targetGroup: 'adulți cu dizabilități', verified: false, source: '' },
  { code: '8790 CR-D-VI', name: 'Centru respiro', form: 'rezidential', targetGroup: 'adulți cu dizabilități', verified: false, source: '' },
  { code: '8790 CR-D-VII', name: 'Centru de criză', form: 'rezidential', targetGroup: 'adulți cu dizabilități', verified: false, source: '' },
  { code: '8790 CR-LP-I', name: 'Locuință protejată pentru adulți cu dizabilități', form: 'rezidential', targetGroup: 'adulți cu dizabilități', verified: false, source: '' },
  { code: '8810 CZ-D-I', name: 'Centru de zi pentru persoane adulte cu dizabilități', form: 'zi', targetGroup: 'adulți cu dizabilități', verified: false, source: '' },
  { code: '8810 CZ-D-II', name: 'Centru de servicii de recuperare neuromotorie de tip ambulatoriu', form: 'zi', targetGroup: 'adulți cu dizabilități', verified: false, source: '' },
  { code: '8790 CR-PFA-I', name: 'Adăpost de noapte', form: 'rezidential', targetGroup: 'persoane fără adăpost', verified: false, source: '' },
  { code: '8790 CR-PFA-II', name: 'Centru rezidențial cu găzduire pe perioadă determinată', form: 'rezidential', targetGroup: 'persoane fără adăpost', verified: false, source: '' },
  { code: '8790 CR-PFA-III', name: 'Locuință socială temporară / centru de urgență', form: 'rezidential', targetGroup: 'persoane fără adăpost', verified: false, source: '' },
  { code: '8899 CZ-PFA-I', name: 'Centru de zi pentru persoane fără adăpost', form: 'zi', targetGroup: 'persoane fără adăpost', verified: false, source: '' },
  { code: '8899 CZ-PFA-II', name: 'Echipă mobilă / ambulanță socială', form: 'comunitate', targetGroup: 'persoane fără adăpost', verified: false, source: '' },
  { code: '8790 CR-VD-I', name: 'Centru de primire în regim de urgență (adăpost) pentru victimele violenței domestice', form: 'rezidential', targetGroup: 'victime ale violenței domestice', verified: false, source: '' },
  { code: '8790 CR-VD-II', name: 'Centru de recuperare pentru victimele violenței domestice', form: 'rezidential', targetGroup: 'victime ale violenței domestice', verified: false, source: '' },
  { code: '8790 CR-VD-III', name: 'Locuință protejată pentru victimele violenței domestice', form: 'rezidential', targetGroup: 'victime ale violenței domestice', verified: false, source: '' },
  { code: '8899 CZ-VD-I', name: 'Centru de consiliere pentru prevenirea și combaterea violenței în familie', form: 'zi', targetGroup: 'victime ale violenței domestice', verified: false, source: '' },
  { code: '8899 CZ-VD-II', name: 'Grup de sprijin / linie telefonică pentru victimele violenței domestice', form: 'comunitate', targetGroup: 'victime ale violenței domestice', verified: false, source: '' },
  { code: '8899 CZ-AVD-I', name: 'Centru de consiliere pentru agresori', form: 'zi', targetGroup: 'agresori', verified: false, source: '' },
  { code: '8790 CR-VT-I', name: 'Centru de asistență și protecție a victimelor traficului de persoane', form: 'rezidential', targetGroup: 'victime ale traficului de persoane', verified: false, source: '' },
  { code: '8899 CZ-VT-I', name: 'Centru de zi pentru victimele traficului de persoane', form: 'zi', targetGroup: 'victime ale traficului de persoane', verified: false, source: '' },
  { code: '8790 CR-A-I', name: 'Centru rezidențial pentru persoane cu adicții', form: 'rezidential', targetGroup: 'persoane cu adicții', verified: false, source: '' },
  { code: '8899 CZ-A-I', name: 'Centru de zi pentru persoane cu adicții', form: 'zi', targetGroup: 'persoane cu adicții', verified: false, source: '' },
  { code: '8899 CPDH-I', name: 'Cantină socială', form: 'comunitate', targetGroup: 'persoane cu venituri reduse', verified: false, source: '' },
  { code: '8899 CPDH-II', name: 'Serviciu mobil de acordare a hranei (masa pe roți)', form: 'comunitate', targetGroup: 'persoane cu venituri reduse', verified: false, source: '' },
  { code: '8899 SAC-I', name: 'Centru comunitar / serviciu de asistență comunitară', form: 'comunitate', targetGroup: 'familii', verified: false, source: '' },
];
