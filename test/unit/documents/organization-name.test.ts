import { describe, expect, it } from 'vitest';
import { countOf, innerQuotes, quoted, takesDe } from '../../../src/commission/wording';
import { formatDayCount } from '../../../src/calendar/working-days';
import { ofOrganization, organizationGenitive } from '../../../src/documents/organization-name';

describe('the genitive of an organisation’s name', () => {
  it.each([
    ['Asociația „Șansa”', 'Asociației „Șansa”'],
    ['Fundația Comunitară Cluj', 'Fundației Comunitară Cluj'],
    ['Federația Organizațiilor Neguvernamentale', 'Federației Organizațiilor Neguvernamentale'],
    ['Uniunea Nevăzătorilor din România', 'Uniunii Nevăzătorilor din România'],
    ['Organizația Umanitară Concordia', 'Organizației Umanitară Concordia'],
    ['Parohia Ortodoxă Mănăștur', 'Parohiei Ortodoxă Mănăștur'],
    ['Episcopia Greco-Catolică Cluj-Gherla', 'Episcopiei Greco-Catolică Cluj-Gherla'],
    ['Arhiepiscopia Vadului, Feleacului și Clujului', 'Arhiepiscopiei Vadului, Feleacului și Clujului'],
    ['Mitropolia Clujului', 'Mitropoliei Clujului'],
    ['Societatea Națională de Cruce Roșie', 'Societății Națională de Cruce Roșie'],
    ['Centrul Diecezan Caritas', 'Centrului Diecezan Caritas'],
    ['Institutul Social Alfa', 'Institutului Social Alfa'],
  ])('declines the first word of %s', (name, genitive) => {
    expect(organizationGenitive(name)).toBe(genitive);
  });

  it('keeps capitals, reads the cedilla forms and names typed without diacritics', () => {
    expect(organizationGenitive('ASOCIAȚIA ȘANSA')).toBe('ASOCIAȚIEI ȘANSA');
    expect(organizationGenitive('Asociaţia Şansa')).toBe('Asociației Șansa');
    expect(organizationGenitive('Asociatia Sansa')).toBe('Asociatiei Sansa');
    expect(organizationGenitive('asociația Șansa')).toBe('asociației Șansa');
  });

  it('does not decline a name whose first word it does not know', () => {
    expect(organizationGenitive('Caritas Eparhial Cluj')).toBeNull();
    expect(organizationGenitive('„Șansa” Asociația')).toBeNull();
    expect(organizationGenitive('')).toBeNull();
    // Only the whole first word counts: "Asociațiile" is not "Asociația".
    expect(organizationGenitive('Asociațiile Unite')).toBeNull();
  });

  it('writes "a Asociației …", or "depusă de …" when the name cannot be declined', () => {
    expect(`Cererea nr. 12/2026 ${ofOrganization('Asociația „Șansa”', { otherwise: 'depusă de' })}`).toBe('Cererea nr. 12/2026 a Asociației „Șansa”');
    expect(`Cererea nr. 12/2026 ${ofOrganization('Caritas Cluj', { otherwise: 'depusă de' })}`).toBe('Cererea nr. 12/2026 depusă de Caritas Cluj');
    expect(`Dosarul nr. 3 ${ofOrganization('Fundația Alfa', { article: 'al', otherwise: 'depus de' })}`).toBe('Dosarul nr. 3 al Fundației Alfa');
  });
});

describe('counted nouns and nested quotes', () => {
  it('puts "de" from 20 upwards and after numbers ending in 00, never for 1–19 or 101–119', () => {
    expect(countOf(1, 'beneficiar', 'beneficiari')).toBe('1 beneficiar');
    expect(countOf(19, 'beneficiar', 'beneficiari')).toBe('19 beneficiari');
    expect(countOf(25, 'beneficiar', 'beneficiari')).toBe('25 de beneficiari');
    expect(countOf(100, 'beneficiar', 'beneficiari')).toBe('100 de beneficiari');
    expect(countOf(105, 'beneficiar', 'beneficiari')).toBe('105 beneficiari');
    expect(countOf(120, 'beneficiar', 'beneficiari')).toBe('120 de beneficiari');
    expect(countOf(0, 'contestație', 'contestații')).toBe('0 contestații');
    expect(countOf(1, 'contestație', 'contestații')).toBe('1 contestație');
    expect(countOf(2, 'lună', 'luni')).toBe('2 luni');
    expect(takesDe(2000)).toBe(true);
    expect(takesDe(2.5)).toBe(false);
  });

  it('counts days with the same rule', () => {
    expect(formatDayCount(1, 'lucratoare')).toBe('1 zi lucrătoare');
    expect(formatDayCount(3, 'lucratoare')).toBe('3 zile lucrătoare');
    expect(formatDayCount(30, 'calendaristice')).toBe('30 de zile calendaristice');
  });

  it('turns the quotes inside a quoted text into «…»', () => {
    expect(quoted('Runda „Centre de zi” 2027')).toBe('„Runda «Centre de zi» 2027”');
    expect(quoted('Runda "Centre de zi" 2027')).toBe('„Runda «Centre de zi» 2027”');
    expect(innerQuotes('Asociația „Șansa” și Fundația „Alfa”')).toBe('Asociația «Șansa» și Fundația «Alfa»');
    expect(quoted('Asociația Șansa')).toBe('„Asociația Șansa”');
  });
});
