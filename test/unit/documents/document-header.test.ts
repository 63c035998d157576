import { describe, expect, it } from 'vitest';
import { documentHeader, serviceSignatures } from '../../../src/documents/document-header';
import { defaultInstitutionSettings, signatureWarnings } from '../../../src/settings/institution';
import { authoritySignatures } from '../../../src/documents/convention-document';
import { fileSlug, issuedFileName } from '../../../src/documents/issued-document';
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

  it('signs an act: Aprobat the head of institution, Avizat the head of service, Întocmit the secretary', () => {
    expect(serviceSignatures(institution())).toEqual([
      { role: 'Aprobat', title: 'Director executiv', name: 'Maria Pop' },
      { role: 'Avizat', title: 'Șef serviciu', name: 'Ioana Rus' },
      { role: 'Întocmit', title: 'Secretarul comisiei', name: 'Andrei Șerban' },
    ]);
    // No commission secretary: the user of this computer, as inspector; blank titles fall back to the usual ones.
    expect(serviceSignatures(institution({ commissionSecretary: '', headOfInstitutionTitle: '', headOfServiceTitle: '', headOfInstitution: 'Dan Marin' }))).toEqual([
      { role: 'Aprobat', title: 'Director executiv', name: 'Dan Marin' },
      { role: 'Avizat', title: 'Șef serviciu', name: 'Ioana Rus' },
      { role: 'Întocmit', title: 'Inspector', name: 'Elena Mureșan' },
    ]);
  });

  it('signs a letter under the functions, the preparer under "Întocmit"', () => {
    expect(serviceSignatures(institution(), 'scrisoare')).toEqual([
      { title: 'Director executiv', name: 'Maria Pop' },
      { title: 'Șef serviciu', name: 'Ioana Rus' },
      { role: 'Întocmit', title: 'Secretarul comisiei', name: 'Andrei Șerban' },
    ]);
  });
});

describe('signature warnings before issuing', () => {
  it('says nothing when every signer has a name', () => {
    expect(signatureWarnings(institution())).toEqual([]);
    expect(signatureWarnings(institution(), 'referat_aprobare')).toEqual([]);
  });

  it('names each signer without a name and where to fill it in', () => {
    const empty = { ...defaultInstitutionSettings() };
    expect(signatureWarnings(empty, 'notificare_rezultat')).toEqual([
      'Lipsește numele pentru semnătura „Director executiv”: completați „Conducătorul instituției” în Setări → Instituția.',
      'Lipsește numele pentru semnătura „Șef serviciu”: completați „Șeful serviciului” în Setări → Instituția.',
      'Lipsește numele pentru semnătura „Întocmit”: completați „Secretarul comisiei” în Setări → Instituția (sau „Utilizatorul acestui calculator (pentru jurnalul de modificări)”).',
    ]);
    expect(signatureWarnings({ ...institution(), headOfInstitution: '  ' }, 'referat_aprobare')).toEqual([
      'Lipsește numele pentru semnătura „Aprobat — Director executiv”: completați „Conducătorul instituției” în Setări → Instituția.',
    ]);
    // The user of this computer stands in for a missing secretary.
    expect(signatureWarnings({ ...institution(), commissionSecretary: '' }, 'lista_cereri')).toEqual([]);
    expect(signatureWarnings({ ...institution(), name: '' })).toEqual(['Antetul documentului nu are denumirea instituției: completați „Denumirea instituției” în Setări → Instituția.']);
  });

  it('asks for the mayor, the economic and the legal director on a convention or an amendment, not for Întocmit', () => {
    const noConventionSigners = { ...institution(), mayor: '', economicDirector: ' ', legalDirector: '', commissionSecretary: '', userName: '' };
    expect(signatureWarnings(noConventionSigners, 'conventie')).toEqual([
      'Lipsește numele pentru semnătura „Primar” a convențiilor: completați „Primarul municipiului” în Setări → Instituția.',
      'Lipsește numele pentru semnătura „Direcția Economică” a convențiilor: completați „Directorul economic” în Setări → Instituția.',
      'Lipsește numele pentru „Avizat pentru legalitate” al convențiilor: completați „Directorul Direcției Juridice” în Setări → Instituția.',
    ]);
    expect(signatureWarnings({ ...institution(), legalDirector: '' }, 'act_aditional')).toHaveLength(1);
    // A notification is not signed by them.
    expect(signatureWarnings({ ...institution(), mayor: '' }, 'notificare_rezultat')).toEqual([]);
  });

  it('signs a convention for the municipality with the names from Settings', () => {
    expect(authoritySignatures(institution()).map((s) => `${s.title}: ${s.name}`)).toEqual([
      'Primar: Ion Popescu',
      'Director executiv DASM: Maria Pop',
      'Direcția Economică: Ana Dragomir',
      'Avizat pentru legalitate, Direcția Juridică: Mihai Sima',
    ]);
  });

  it('does not ask for the service’s signers on what the commission or a member signs', () => {
    const empty = defaultInstitutionSettings();
    expect(signatureWarnings(empty, 'proces_verbal_evaluare')).toEqual([]);
    expect(signatureWarnings(empty, 'fisa_evaluare')).toEqual([]);
    // The request summary is checked and drawn up, not approved: no director.
    expect(signatureWarnings({ ...institution(), headOfInstitution: '' }, 'fisa_sintetica')).toEqual([]);
    // An unknown kind is treated as signed by the service.
    expect(signatureWarnings(empty, 'scrisoare_decizie_contestatie')).toHaveLength(3);
  });
});

describe('file names', () => {
  it('makes a number, name or title part of a file name without diacritics or separators', () => {
    expect(fileSlug('Convenția nr. 12/2026')).toBe('conventia-nr-12-2026');
    expect(fileSlug('  Ștefan Țărănescu ')).toBe('stefan-taranescu');
    expect(issuedFileName('conventie-12-2026', 'DASM/125', '2026-12-01', 'docx')).toBe('conventie-12-2026-nr-dasm-125-2026-12-01.docx');
  });
});
