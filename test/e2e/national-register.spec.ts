import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { generateDemoData } from '../../src/demo/demo-data';
import { isoToUtcDate, formatRoDate } from '../../src/validation/dates';
import { buildNationalRegisterWorkbook, type ProviderRow, type ServiceRow } from '../fixtures/national-register';
import { goTo, openApp } from './helpers';

/**
 * The national register cross-check on the demo data: a workbook in the Ministry's layout made
 * from the same demo records, with known changes, gives exactly those differences; one update is
 * applied (audited, source noted), one refused without changing anything.
 */
test('the national register workbook gives the expected differences and one update is applied from it', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await openApp(page, 'setari');
  // The demo's dates are placed around the browser's today (its time zone, not the test runner's).
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  const { organizations, units } = generateDemoData({ today });
  const active = organizations.filter((o) => o.status !== 'radiat');
  const accredited = active.filter((o) => o.accreditationNumber);
  const [missingProvider, struckOff, otherCertificate] = accredited;
  const activeIds = new Set(active.map((o) => o.id));
  const checkedUnits = units.filter((u) => u.status !== 'inchisa' && activeIds.has(u.organizationId));
  const licensed = checkedUnits.filter((u) => u.licenceNumber);
  // Units whose NGO is listed and that are alone with their service code at their NGO (so the change is unambiguous).
  const alone = licensed.filter((u) => u.organizationId !== missingProvider!.id && licensed.filter((v) => v.organizationId === u.organizationId && v.serviceCode === u.serviceCode).length === 1);
  const [missingLicence, otherLicence, otherCode] = alone;
  expect(otherCode).toBeDefined();

  const providers: ProviderRow[] = accredited.filter((o) => o !== missingProvider).map((o) => ({
    name: o.name, cui: `RO${o.cui}`, decision: `Decizia nr. ${o.accreditationNumber}`, accreditationDate: o.accreditationDate ? formatRoDate(o.accreditationDate) : '',
    series: o.accreditationSeries, number: o === otherCertificate ? '009999' : o.accreditationNumber, status: o === struckOff ? 'Acreditare retrasă' : 'Acreditat',
  }));
  const cuiOf = new Map(organizations.map((o) => [o.id, o]));
  const services: ServiceRow[] = licensed.filter((u) => u !== missingLicence).map((u) => ({
    providerCui: cuiOf.get(u.organizationId)!.cui, providerName: cuiOf.get(u.organizationId)!.name,
    code: u === otherCode ? '8891 CZ-C-XX' : u.serviceCode, name: u.name,
    licence: u === otherLicence ? 'nr. 0077777' : u.licenceNumber,
    licenceDate: isoToUtcDate(u === otherLicence ? '2025-06-02' : u.licenceIssueDate!),
    expiryDate: isoToUtcDate(u === otherLicence ? '2030-06-01' : u.licenceExpiryDate!),
    address: `${u.street}, ${u.locality}`, locality: u.locality,
  }));
  services.push({ providerCui: otherCertificate!.cui, providerName: otherCertificate!.name, code: '8899 CPDH-I', name: 'Cantina socială Nouă', licence: '0012345', licenceDate: isoToUtcDate('2025-01-10'), expiryDate: isoToUtcDate('2030-01-09'), address: 'str. Fabricii nr. 5, Cluj-Napoca', locality: 'Municipiul Cluj-Napoca' });
  const buffer = await buildNationalRegisterWorkbook(providers, services);

  await page.getByRole('button', { name: 'Încarcă date demonstrative' }).click();
  await expect(page.getByText(/Au fost încărcate 40 ONG-uri/)).toBeVisible();
  await goTo(page, 'Registru unități licențiate');
  await page.getByRole('button', { name: 'Verificare în registrul național' }).click();
  const dialog = page.getByRole('dialog', { name: 'Verificare în registrul național' });
  await dialog.getByRole('textbox', { name: 'Data registrului național' }).fill('30.11.2026');
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Alege fișierul…' }).click();
  await (await chooser).setFiles({ name: 'registru-mmss.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });

  // Both sheets found and their columns mapped by the Ministry's headers; the unknown ones reported.
  await expect(dialog.getByText('Coloana „Cod SIRUTA” nu corespunde niciunui câmp și va fi ignorată.')).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Furnizori acreditați: câmp pentru coloana Număr certificat' })).toContainText('Număr certificat');
  await expect(dialog.getByRole('combobox', { name: 'Servicii licențiate: câmp pentru coloana Valabilitate licență' })).toContainText('Valabilitate licență');
  await page.screenshot({ path: testInfo.outputPath('mapping.png') });
  await dialog.getByRole('button', { name: 'Compară cu registrul local' }).click();

  const notAccredited = active.length - accredited.length + 1;
  const noLicence = checkedUnits.length - licensed.length + 1;
  const group = (label: string) => dialog.getByRole('table', { name: label });
  await expect(dialog.getByRole('heading', { name: `ONG-uri care nu apar ca furnizori acreditați (${notAccredited})` })).toBeVisible();
  await expect(group('ONG-uri care nu apar ca furnizori acreditați')).toContainText(missingProvider!.name);
  await expect(dialog.getByRole('heading', { name: 'Furnizori radiați, suspendați sau cu acreditarea retrasă (1)' })).toBeVisible();
  await expect(group('Furnizori radiați, suspendați sau cu acreditarea retrasă')).toContainText(struckOff!.name);
  await expect(dialog.getByRole('heading', { name: 'Certificat de acreditare diferit (1)' })).toBeVisible();
  await expect(group('Certificat de acreditare diferit')).toContainText('nr. 009999');
  await expect(dialog.getByRole('heading', { name: `Licențe care lipsesc din registrul național (${noLicence})` })).toBeVisible();
  await expect(group('Licențe care lipsesc din registrul național')).toContainText(missingLicence!.name);
  await expect(dialog.getByRole('heading', { name: 'Număr sau date ale licenței diferite (1)' })).toBeVisible();
  await expect(group('Număr sau date ale licenței diferite')).toContainText('nr. 0077777 din 02.06.2025, valabilă până la 01.06.2030');
  await expect(dialog.getByRole('heading', { name: 'Cod de serviciu diferit (1)' })).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Servicii din Cluj-Napoca care lipsesc din registrul local (1)' })).toBeVisible();
  await expect(group('Servicii din Cluj-Napoca care lipsesc din registrul local')).toContainText('Cantina socială Nouă');
  await page.screenshot({ path: testInfo.outputPath('differences.png'), fullPage: true });

  // A code that is not in the nomenclature is refused and nothing changes.
  await dialog.getByRole('button', { name: `Actualizează din registru: ${otherCode!.name}` }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'nu a fost actualizat' })).toContainText(/nu a fost actualizat: Codul de serviciu „8891 CZ-C-XX” nu există în nomenclatorul HG 867\/2015\. Nu s-a modificat nimic\./);

  // The licence is taken over from the register.
  await dialog.getByRole('button', { name: `Actualizează din registru: ${otherLicence!.name}` }).click();
  await expect(group('Număr sau date ale licenței diferite').getByText('Actualizat')).toBeVisible();

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Descarcă diferențele (XLSX)' }).click();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(await (await download).path())) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Diferențe')!;
  const texts = sheet.getSheetValues().map((row) => (Array.isArray(row) ? row.join(' ') : ''));
  expect(texts.filter((t) => /^ ?\d+ /.test(t) && /ONG-uri care nu apar|Furnizori radiați|Certificat de acreditare|Licențe care lipsesc|Număr sau date|Cod de serviciu|Servicii din Cluj/.test(t))).toHaveLength(notAccredited + noLicence + 5);
  expect(texts.join('\n')).toContain('registrul național din 30.11.2026');
  await dialog.getByRole('button', { name: 'Închide' }).click();

  // The register shows the new licence, the unit's notes name the register and its date; the other unit kept its code.
  await page.getByRole('textbox', { name: 'Căutare rapidă' }).fill(otherLicence!.name);
  const grid = page.getByRole('grid', { name: 'Registru unități licențiate' });
  await expect(grid.getByText('0077777')).toBeVisible();
  await grid.getByText(otherLicence!.name).first().click();
  await expect(page.getByRole('dialog').getByRole('textbox', { name: 'Observații' })).toHaveValue(/Actualizat din Registrul electronic unic al serviciilor sociale \(MMSS\), ediția din 30\.11\.2026: Nr\. licenței, Data eliberării licenței, Data expirării licenței\./);
});
