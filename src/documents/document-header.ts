import type { InstitutionSettings } from '../settings/institution';

/** The institution's header, as printed at the top of every document. */
export interface DocumentHeader {
  /** Bold lines, top left: authority, institution, department. */
  lines: string[];
  /** Small print under them: address, CUI, contact. */
  contactLine: string;
}

/** One signer of a document: the function above, the name below, room for the signature. */
export interface Signature {
  title: string;
  name: string;
}

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

/**
 * Who signs a document the service issues: the head of the institution approves, the head of
 * service checks, and whoever drew it up (the commission secretary, or the user) signs last.
 */
export function serviceSignatures(settings: InstitutionSettings): Signature[] {
  return [
    { title: settings.headOfInstitutionTitle || 'Director executiv', name: settings.headOfInstitution },
    { title: settings.headOfServiceTitle || 'Șef serviciu', name: settings.headOfService },
    { title: 'Întocmit', name: settings.commissionSecretary || settings.userName },
  ];
}
