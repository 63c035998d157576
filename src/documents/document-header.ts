import type { InstitutionSettings } from '../settings/institution';

/** The institution's header, as printed at the top of every document. */
export interface DocumentHeader {
  /** Bold lines, top left: authority, institution, department. */
  lines: string[];
  /** Small print under them: address, CUI, contact. */
  contactLine: string;
}

/**
 * One signer of a document: the capacity in which they sign ("Aprobat", "Avizat", "Întocmit"; none
 * on a letter, where the function itself is the heading), the function, the name, room to sign.
 */
export interface Signature {
  title: string;
  name: string;
  role?: SignatureRole;
}

export type SignatureRole = 'Aprobat' | 'Avizat' | 'Verificat' | 'Întocmit';

export function documentHeader(settings: InstitutionSettings): DocumentHeader {
  const lines = [settings.parentAuthority, settings.name, settings.department].map((l) => l.trim()).filter(Boolean);
  const contact = [
    settings.address,
    settings.cui ? `CUI ${settings.cui}` : '',
    settings.phone ? `tel. ${settings.phone}` : '',
    settings.email,
  ].filter(Boolean);
  return { lines, contactLine: contact.join(' · ') };
}

/** The director who approves: "Aprobat, Director executiv, <name>". */
export function approvalSignature(settings: InstitutionSettings): Signature {
  return { role: 'Aprobat', title: settings.headOfInstitutionTitle || 'Director executiv', name: settings.headOfInstitution };
}

/** The head of service who checks: "Avizat, Șef serviciu, <name>". */
export function reviewSignature(settings: InstitutionSettings): Signature {
  return { role: 'Avizat', title: settings.headOfServiceTitle || 'Șef serviciu', name: settings.headOfService };
}

/** Whoever drew the document up: the commission secretary, or the user of this computer. */
export function preparerSignature(settings: InstitutionSettings): Signature {
  return { role: 'Întocmit', title: settings.commissionSecretary ? 'Secretarul comisiei' : 'Inspector', name: settings.commissionSecretary || settings.userName };
}

/**
 * Who signs a document the service issues, as Romanian practice has it. On an act (a list, a
 * summary, a referat): "Aprobat" the head of the institution, "Avizat" the head of service,
 * "Întocmit" the preparer. On a letter or a report to the council the two heads sign under their
 * function ("Director executiv", "Șef serviciu") and the preparer under "Întocmit".
 */
export function serviceSignatures(settings: InstitutionSettings, style: 'act' | 'scrisoare' = 'act'): Signature[] {
  const signatures = [approvalSignature(settings), reviewSignature(settings), preparerSignature(settings)];
  if (style === 'act') return signatures;
  return signatures.map((s) => (s.role === 'Întocmit' ? s : { title: s.title, name: s.name }));
}
