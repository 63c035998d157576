import { expect, type Page } from '@playwright/test';
import { choose, goTo, loadDemo, setMonthlyLevel } from './helpers';

// The demo round brought to final results through the UI, as the secretariat does it: one session
// with three members present and their declarations signed, their scores, the final-ranking vote,
// then "Declară rezultatele finale". The finance specs start from its frozen awards.

/** Points per member for the demo round's six requests (criteria C1–C3), as in commission.spec; Ioan Pop is recused from the second. */
export const SCORES: Record<string, [string, string, string][]> = {
  'Maria Ionescu': [['35', '25', '25'], ['30', '20', '20'], ['10', '10', '10'], ['32', '24', '24'], ['28', '22', '20'], ['38', '28', '27']],
  'Ioan Pop': [['33', '26', '24'], ['', '', ''], ['12', '8', '10'], ['30', '25', '25'], ['27', '21', '22'], ['36', '27', '29']],
  'Elena Moldovan': [['36', '24', '26'], ['31', '21', '19'], ['11', '9', '12'], ['31', '23', '25'], ['29', '20', '21'], ['37', '29', '28']],
};
export const VOTERS = ['Maria Ionescu', 'Ioan Pop', 'Elena Moldovan'];

/** Selects a member on the Punctaj tab and submits their points for each request. */
export async function scoreAs(page: Page, member: string) {
  await choose(page, page.getByRole('combobox', { name: 'Membrul care punctează' }), page.getByRole('option', { name: member }));
  const rows = page.getByRole('table', { name: `Punctajele acordate de ${member}` }).getByRole('row');
  for (const [i, points] of SCORES[member]!.entries()) {
    if (points[0] === '') continue;
    const row = rows.nth(i + 1);
    for (const [k, value] of points.entries()) await row.getByRole('textbox').nth(k).fill(value);
    await row.getByRole('button', { name: /^Trimite punctajul/ }).click();
    await expect(row.getByText('trimisă')).toBeVisible();
  }
}

/** Ticks the members present in the open session dialog, saves it, then signs their declarations. */
export async function holdSession(page: Page, date: string, place: string) {
  const dialog = page.getByRole('dialog', { name: /Ședință nouă a comisiei|Ședința din/ });
  await dialog.getByRole('textbox', { name: 'Data ședinței', exact: true }).fill(date);
  await dialog.getByRole('textbox', { name: 'Locul', exact: true }).fill(place);
  for (const name of VOTERS) await dialog.getByRole('checkbox', { name: `Prezent: ${name}` }).check();
  await dialog.getByRole('button', { name: 'Salvează ședința' }).click();
  await expect(page.getByText(`Ședința din ${date} a fost salvată.`)).toBeVisible();
  for (const name of VOTERS) {
    const row = dialog.getByRole('table', { name: 'Prezența membrilor' }).getByRole('row').filter({ hasText: name });
    await row.getByRole('button', { name: 'Semnată la data ședinței' }).click();
    await expect(row.getByText('semnată', { exact: true })).toBeVisible();
  }
  return dialog;
}

/** Loads the demo data, enters the day-centre level and holds the 2026 demo round's evaluation session. */
export async function openDemoRoundSession(page: Page): Promise<void> {
  await loadDemo(page);
  await expect(page.getByText(/6 cereri fictive, cu o comisie de evaluare/)).toBeVisible();
  await setMonthlyLevel(page, 'centre de zi', '01.01.2026', '650', 'HCL 1/2026');

  await goTo(page, 'Comisie');
  await page.getByRole('grid', { name: 'Runde de evaluat' }).getByText('Subvenții Legea 34/1998 pentru anul 2026').click();
  await page.getByRole('button', { name: 'Ședință nouă' }).click();
  await (await holdSession(page, '15.10.2026', 'Sala de ședințe a DASM')).getByRole('button', { name: 'Închide' }).click();
}

/** Loads the demo data and declares the 2026 demo round's results final (about a minute). */
export async function freezeDemoRound(page: Page): Promise<void> {
  await openDemoRoundSession(page);

  await page.getByRole('tab', { name: 'Punctaj' }).click();
  for (const member of VOTERS) await scoreAs(page, member);

  await page.getByRole('tab', { name: 'Decizii și voturi' }).click();
  await page.getByRole('button', { name: 'Consemnează o decizie' }).click();
  const vote = page.getByRole('dialog');
  await vote.getByRole('textbox', { name: 'Textul deciziei (ca în procesul-verbal)' }).fill('Se aprobă clasamentul final.');
  for (const name of VOTERS) await vote.getByRole('radiogroup', { name: `Votul: ${name}` }).getByRole('radio', { name: 'pentru' }).check();
  await vote.getByRole('button', { name: 'Consemnează votul' }).click();
  await expect(page.getByText('Decizia a fost consemnată: adoptată.')).toBeVisible();
  await page.getByRole('tab', { name: 'Clasament și alocare' }).click();
  await page.getByRole('button', { name: 'Declară rezultatele finale' }).click();
  await page.getByRole('dialog', { name: 'Declarați rezultatele finale?' }).getByRole('button', { name: /^Declară/ }).click();
  await expect(page.getByText('Rezultatele rundei sunt finale și au fost păstrate așa cum au fost declarate.')).toBeVisible();
}

