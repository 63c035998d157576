import { describe, expect, it } from 'vitest';
import { organizationSearchText } from '../../../src/catalog/organization';
import { unitSearchText } from '../../../src/register/unit';
import { cnpCheckDigit, cnpWarning, findCnps, maskCnpsInText } from '../../../src/validation/cnp';
import { cellValue } from '../../../templates/xlsx/common';

const withCheck = (first12: string): string => first12 + String(cnpCheckDigit(first12));
const CNP = withCheck('196031212345');

describe('a CNP typed into a free text', () => {
  it('is found, also written in groups, and only when it is a valid CNP', () => {
    expect(findCnps(`Beneficiar: Ion Pop, CNP ${CNP}, str. Lungă 3`).map((f) => f.text)).toEqual([CNP]);
    expect(findCnps(`CNP ${CNP.slice(0, 1)} ${CNP.slice(1, 7)} ${CNP.slice(7)}`)).toHaveLength(1);
    // Not a CNP: a wrong check digit, a longer number, an IBAN, a phone number.
    const wrong = CNP.slice(0, 12) + String((Number(CNP[12]) + 1) % 10);
    expect(findCnps(`${wrong} 9${CNP} RO49AAAA1B31007593840000 0264 596 030`)).toEqual([]);
  });

  it('gives the field warning a form shows', () => {
    expect(cnpWarning(`nota ${CNP}`)).toMatch(/^Textul pare să conțină un CNP \(date personale\)/);
    expect(cnpWarning(`${CNP} și ${CNP}`)).toMatch(/2 CNP-uri/);
    expect(cnpWarning('fără date personale')).toBeUndefined();
  });

  it('is masked to its last four digits in exports and search text', () => {
    const masked = maskCnpsInText(`Ion Pop ${CNP}.`);
    expect(masked).toBe(`Ion Pop •••••••••${CNP.slice(9)}.`);
    expect(cellValue(`Observații: ${CNP}`, { type: 'text' })).not.toContain(CNP);
    expect(organizationSearchText({ name: 'Asociația X', cui: '18547290', locality: 'Cluj-Napoca', representativeName: `Ion Pop ${CNP}`, email: '', registryNumber: '' })).not.toContain(CNP);
    expect(unitSearchText({ name: `Centru ${CNP}`, serviceCode: '', locality: '', licenceNumber: '', targetGroup: '' })).not.toContain(CNP);
  });
});
