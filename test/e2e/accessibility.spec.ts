import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { choose, goTo, loadDemo } from './helpers';

type Found = { screen: string; id: string; impact: string; help: string; targets: string[] };

/** Runs axe on what is on screen now and keeps its serious and critical violations, readable. */
async function audit(page: Page, screen: string, found: Found[]): Promise<void> {
  // Let MUI finish its transitions (a half-faded dialog reads as low contrast).
  await page.waitForTimeout(400);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  for (const v of results.violations) {
    if (v.impact !== 'serious' && v.impact !== 'critical') continue;
    found.push({ screen, id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}`) });
  }
}

function report(found: Found[]): string {
  return found.map((f) => `[${f.screen}] ${f.impact} ${f.id}: ${f.help}\n${f.targets.map((t) => `    ${t}`).join('\n')}`).join('\n');
}

test('every main screen, a request, a round in the commission and a visit have no serious or critical axe violations', async ({ page }) => {
  // Fourteen screens and dialogs, each audited by axe: 84 s of the former 90 s on a slow 2-core CI machine.
  test.setTimeout(180_000);
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00+02:00'));
  await loadDemo(page);
  const found: Found[] = [];
  await audit(page, 'Setări', found);

  // Each screen's own heading (level 1) says it is there; its lists follow.
  const screens: [label: string, heading: string, ready: RegExp][] = [
    ['Acasă', 'Acasă', /Ce necesită atenție/],
    ['Catalog ONG', 'Catalog ONG', /din 40 /],
    ['Registru unități licențiate', 'Registru unități licențiate', /din 60 unități/],
    ['Documente emise', 'Documente emise', /din \d+ documente/],
    ['Convenții', 'Convenții', /./],
    ['Deconturi și plăți', 'Deconturi și plăți', /./],
    ['Parametri legali', 'Parametri legali', /./],
    ['Jurnal modificări', 'Jurnal modificări', /./],
  ];
  for (const [label, heading, ready] of screens) {
    await goTo(page, label);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole('main').getByText(ready).first()).toBeVisible();
    await audit(page, label, found);
  }

  // Cereri, and a request open.
  await goTo(page, 'Cereri de subvenție');
  await page.getByRole('grid', { name: 'Runde de finanțare' }).getByText('Subvenții Legea 34/1998 pentru anul 2026').click();
  const requests = page.getByRole('grid', { name: 'Cereri de subvenționare' });
  await expect(requests.getByRole('row').nth(1)).toBeVisible();
  await audit(page, 'Cereri', found);
  await requests.getByRole('row').nth(1).getByRole('gridcell').first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await audit(page, 'Cerere deschisă', found);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  // Comisie, and a round.
  await goTo(page, 'Comisie');
  const rounds = page.getByRole('grid', { name: 'Runde de evaluat' });
  await expect(rounds).toBeVisible();
  await audit(page, 'Comisie', found);
  await rounds.getByText('Subvenții Legea 34/1998 pentru anul 2026').click();
  await expect(page.getByText(/Comisia: Comisia de evaluare și selecționare/)).toBeVisible();
  await audit(page, 'Comisie — runda', found);

  // Monitorizare, and a visit planned there.
  await goTo(page, 'Monitorizare');
  await choose(page, page.getByRole('combobox', { name: 'Anul' }), page.getByRole('option', { name: '2025' }));
  await choose(page, page.getByRole('combobox', { name: 'Trimestrul' }), page.getByRole('option', { name: 'Trimestrul al II-lea' }));
  const plan = page.getByRole('table', { name: 'Unitățile finanțate și vizitele lor' });
  await expect(plan.getByRole('row').nth(1)).toBeVisible();
  await audit(page, 'Monitorizare', found);
  await plan.getByRole('button', { name: /^Planifică o vizită: / }).first().click();
  const planDialog = page.getByRole('dialog', { name: /^Planificarea unei vizite/ });
  await planDialog.getByRole('textbox', { name: 'Data planificată' }).fill('12.05.2025');
  await planDialog.getByRole('textbox', { name: 'Numele membrului 1' }).fill('Ana Pop');
  await planDialog.getByRole('combobox', { name: 'Funcția membrului 1' }).fill('inspector de specialitate');
  await planDialog.getByRole('combobox', { name: 'Funcția membrului 1' }).press('Tab');
  await planDialog.getByRole('button', { name: 'Planifică vizita' }).click();
  await expect(page.getByRole('dialog', { name: /^Vizita din 12\.05\.2025/ })).toBeVisible();
  await audit(page, 'Monitorizare — vizita', found);

  expect(found, `axe found serious or critical violations:\n${report(found)}`).toEqual([]);
});

test('a fresh profile loads with no console error: the favicon is there and the meta CSP has no header-only directive', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  await page.goto('/');
  await expect(page.getByRole('navigation', { name: 'Navigare principală' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Acasă' })).toBeVisible();
  const icon = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(icon).toBe('./favicon.svg');
  expect((await page.request.get(icon!)).headers()['content-type']).toContain('image/svg+xml');
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).not.toContain('frame-ancestors');
  expect(failed).toEqual([]);
  expect(errors).toEqual([]);
});
