import { describe, expect, it } from 'vitest';
import { documentHeader, serviceSignatures } from '../../../src/documents/document-header';
import { defaultInstitutionSettings } from '../../../src/settings/institution';
import { institution } from '../templates/fixtures';

describe('document header and signatures from Settings', () => {
  it('prints authority, institution and department in bold lines, then address, CUI and contact', () => {
    expect(documentHeader(institution())).toEqual({
      lines: ['MUNICIPIUL CLUJ-NAPOCA', 'Direcția de Asistență Socială și Medicală Cluj-Napoca', 'Serviciul Protecție Socială'],
      contactLine: 'str. Venus nr. 20-22, Cluj-Napoca, jud. Cluj · CUI 4305857 · tel. 0264 596 941 · protectie.sociala@example.ro',
    });
  });

  it('leaves out what is not filled in', () => {
    const header = documentHeader({ ...defaultInstitutionSettings(), parentAuthority: ' ', department: '', address: '' });
    expect(header).toEqual({ lines: ['Direcția de Asistență Socială și Medicală Cluj-Napoca'], contactLine: '' });
  });

  it('signs: head of institution, head of service, and whoever drew it up', () => {
    expect(serviceSignatures(institution())).toEqual([
      { title: 'Director executiv', name: 'Maria Pop' },
      { title: 'Șef serviciu', name: 'Ioana Rus' },
      { title: 'Întocmit', name: 'Andrei Șerban' },
    ]);
    // No commission secretary: the user of this computer; blank titles fall back to the usual ones.
    expect(serviceSignatures(institution({ commissionSecretary: '', headOfInstitutionTitle: '', headOfServiceTitle: '', headOfInstitution: 'Dan Marin' }))).toEqual([
      { title: 'Director executiv', name: 'Dan Marin' },
      { title: 'Șef serviciu', name: 'Ioana Rus' },
      { title: 'Întocmit', name: 'Elena Mureșan' },
    ]);
  });
});
