import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildImpartialityDeclaration, RECUSED_NOTE } from '../../../src/documents/impartiality-declaration';
import { renderImpartialityDeclarationDocx } from '../../../templates/docx/impartiality-declaration';
import { convertToPdf, sofficeAvailable } from '../../helpers/libreoffice';
import { institution } from '../templates/fixtures';
import { commission, members, recusals, requests, round, session } from './member-fixtures';

const agendaFor = (memberId: string) =>
  requests.map((r) => ({ label: r.label, organizationName: r.organizationName, isRecused: recusals.some((x) => x.memberId === memberId && x.requestId === r.id) }));

describe('impartiality and confidentiality declaration', () => {
  const declaration = buildImpartialityDeclaration({ institution: institution(), commission, member: members[0]!, session, round, requests: agendaFor('m1') });

  it('names the member, the institution represented, the role, the appointment act, the session and the law', () => {
    expect(declaration.title).toBe('DECLARAȚIE DE IMPARȚIALITATE ȘI CONFIDENȚIALITATE');
    expect(declaration.intro).toBe(
      'Subsemnatul(a) Ana Pop, reprezentând Consiliul Local Cluj-Napoca, în calitate de președinte al Comisiei de evaluare și selecționare (Legea 34/1998), ' +
        'numit(ă) prin Dispoziția Primarului nr. 1234 din 10.01.2026, participant(ă) la ședința de evaluare și selecție din 20.10.2026, ora 10:00, ' +
        'sala 12, str. Venus nr. 20-22, Cluj-Napoca, în care se analizează cererile de subvenționare depuse în cadrul rundei „Subvenții Legea 34/1998 pentru anul 2027”, ' +
        'potrivit Legii nr. 34/1998 privind acordarea unor subvenții asociațiilor și fundațiilor române cu personalitate juridică, care înființează și administrează unități de asistență socială,',
    );
    expect(declaration.date).toBe('20.10.2026');
    expect(declaration.signer).toEqual({ title: 'Președinte al comisiei', name: 'Ana Pop' });
  });

  it('declares no conflict with any applicant, impartiality, confidentiality and withdrawal, citing the regulation only generically', () => {
    const [conflict, impartial, confidential, withdraw] = declaration.commitments;
    expect(conflict).toMatch(/^nu mă aflu în situație de conflict de interese față de niciunul dintre solicitanții enumerați mai jos: nu sunt fondator, membru în consiliul director/);
    expect(conflict).toContain('rudă sau afin până la gradul al doilea inclusiv');
    expect(conflict).toContain('niciun interes financiar');
    expect(impartial).toContain('imparțialitate');
    expect(confidential).toContain('voi păstra confidențialitatea');
    expect(withdraw).toContain('o voi declara de îndată președintelui comisiei');
    expect(withdraw).toContain('mă voi retrage de la evaluarea cererii respective');
    expect(withdraw).toContain('potrivit regulamentului comisiei');
    expect(declaration.commitments.join(' ')).not.toMatch(/art\.\s*\d/);
  });

  it('lists the applicants on the agenda; a linked member marks the request they withdraw from', () => {
    expect(declaration.agenda).toEqual([
      { number: 1, label: '4/2026', organizationName: 'Asociația Șansa Țării', note: '' },
      { number: 2, label: '7/2026', organizationName: 'Fundația „Lumina” Cluj', note: '' },
      { number: 3, label: '9/2026', organizationName: 'Asociația „Pâine și Îngrijire”', note: '' },
    ]);
    const linked = buildImpartialityDeclaration({ institution: institution(), commission, member: members[1]!, session, round, requests: agendaFor('m2') });
    expect(linked.agenda[1]!.note).toBe(RECUSED_NOTE);
    expect(linked.commitments[0]).toMatch(/^față de solicitanții enumerați mai jos, cu excepția celor marcați „conflict de interese — mă retrag”, nu mă aflu/);
    expect(linked.intro).toContain('în calitate de membru al Comisiei');
  });

  it('speaks of non-refundable financing under Law 350/2005', () => {
    const law350 = buildImpartialityDeclaration({
      institution: institution(), commission: { name: 'Comisia de analiză și selecție a proiectelor' }, member: members[2]!, session,
      round: { name: 'Finanțări nerambursabile 2027', law: 'legea_350_2005' }, requests: agendaFor('m3'),
    });
    expect(law350.intro).toContain('cererile de finanțare nerambursabilă');
    expect(law350.intro).toContain('potrivit Legii nr. 350/2005 privind regimul finanțărilor nerambursabile');
    expect(law350.commitments[0]).toContain('în acordarea finanțării nerambursabile');
  });

  it('renders a one-page DOCX that LibreOffice opens, with diacritics and the signature line', async () => {
    const bytes = await renderImpartialityDeclarationDocx(declaration);
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('DECLARAȚIE DE IMPARȚIALITATE ȘI CONFIDENȚIALITATE');
    expect(xml).toContain('Asociația „Pâine și Îngrijire”');
    expect(xml).toContain('Semnătura: ');
    if (!sofficeAvailable()) {
      expect(process.env.CI).not.toBe('true');
      return;
    }
    const pdf = convertToPdf(bytes, 'declaratie-impartialitate.docx');
    expect(pdf.pageCount).toBe(1);
    expect(pdf.text).toContain('Subsemnatul(a) Ana Pop');
    expect(pdf.text).toContain('Fundația „Lumina” Cluj');
    expect(pdf.text).toContain('Pagina 1 din 1');
  }, 120_000);
});
