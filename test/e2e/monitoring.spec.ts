import { expect, test } from '@playwright/test';
import { choose, docxText, goTo, issueInDialog, loadDemo } from './helpers';

test('monitoring: a visit planned and filled in (one non-compliance, one beneficiary discrepancy), a recommendation followed to its closing, a serious finding suspending the month’s payment by decision, then lifted', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00+02:00'));
  await loadDemo(page);

  // The plan of the demo's finished year, second quarter: the funded units, none visited yet.
  await goTo(page, 'Monitorizare');
  await choose(page, page.getByRole('combobox', { name: 'Anul' }), page.getByRole('option', { name: '2025' }));
  await choose(page, page.getByRole('combobox', { name: 'Trimestrul' }), page.getByRole('option', { name: 'Trimestrul al II-lea' }));
  const plan = page.getByRole('table', { name: 'Unitățile finanțate și vizitele lor' });
  const row = plan.getByRole('row').filter({ hasText: 'nr. 1' }).first();
  await expect(row).toContainText('Niciodată vizitată în perioada convenției');
  await expect(row).toContainText('Restantă'); // the year ended without a visit
  const unitName = (await row.getByRole('cell').first().locator('p').innerText()).replace(/\s*\(.*$/, '').trim();
  await page.getByRole('textbox', { name: 'Echipa de monitorizare a planului' }).fill('Ana Pop, Sorin Bogdan');
  await page.getByRole('button', { name: 'Salvează planul' }).click();
  await expect(page.getByText('Planul pentru trimestrul al ii-lea 2025 a fost salvat.')).toBeVisible();

  await row.getByRole('button', { name: `Planifică o vizită: ${unitName}` }).click();
  const planDialog = page.getByRole('dialog', { name: `Planificarea unei vizite — ${unitName}` });
  await planDialog.getByRole('textbox', { name: 'Data planificată' }).fill('12.05.2025');
  await choose(page, planDialog.getByRole('combobox', { name: 'Tipul vizitei' }), page.getByRole('option', { name: 'Inopinată (neanunțată)' }));
  // The plan's officers, with no function yet (none was on a visit before): each member's function is required.
  const planTeam = planDialog.getByRole('group', { name: 'Echipa de monitorizare' });
  await expect(planTeam.getByRole('textbox', { name: 'Numele membrului 1' })).toHaveValue('Ana Pop');
  await expect(planTeam.getByRole('textbox', { name: 'Numele membrului 2' })).toHaveValue('Sorin Bogdan');
  await planDialog.getByRole('button', { name: 'Planifică vizita' }).click();
  await expect(planTeam.getByRole('alert')).toContainText('Indicați funcția lui Ana Pop în echipa de monitorizare');
  await planTeam.getByRole('combobox', { name: 'Funcția membrului 1' }).fill('inspector de specialitate');
  await planTeam.getByRole('combobox', { name: 'Funcția membrului 1' }).press('Tab');
  await planTeam.getByRole('combobox', { name: 'Funcția membrului 2' }).fill('consilier');
  await planTeam.getByRole('combobox', { name: 'Funcția membrului 2' }).press('Tab');
  await planDialog.getByRole('button', { name: 'Planifică vizita' }).click();

  // The visit's page: done on the planned day.
  const visit = page.getByRole('dialog', { name: `Vizita din 12.05.2025 — ${unitName}` });
  await expect(visit).toBeVisible();
  // The address names the visit: a reload opens it again, its team with each member's function.
  await expect(page).toHaveURL(/#\/monitorizare\/[0-9a-f-]{36}$/);
  await page.reload();
  await expect(visit).toBeVisible();
  const visitTeam = visit.getByRole('group', { name: 'Echipa de monitorizare' });
  await expect(visitTeam.getByRole('textbox', { name: 'Numele membrului 1' })).toHaveValue('Ana Pop');
  await expect(visitTeam.getByRole('combobox', { name: 'Funcția membrului 1' })).toHaveValue('inspector de specialitate');
  await expect(visitTeam.getByRole('textbox', { name: 'Numele membrului 2' })).toHaveValue('Sorin Bogdan');
  await expect(visitTeam.getByRole('combobox', { name: 'Funcția membrului 2' })).toHaveValue('consilier');
  await visit.getByRole('button', { name: 'Marchează efectuată' }).click();
  await visit.getByRole('button', { name: 'Salvează datele vizitei' }).click();
  await expect(page.getByRole('combobox', { name: 'Starea' })).toHaveText('Efectuată');

  // The convention's obligations: one conform, one non-compliance with its evidence; the module's total follows.
  const obligations = visit.getByRole('region', { name: /^Lista Obligații/ });
  await obligations.getByRole('button', { name: /^OC – / }).click();
  await obligations.getByRole('group', { name: 'Cerința OC-S1.1' }).getByRole('radio', { name: 'conform', exact: true }).check();
  await expect(obligations.getByLabel('Total OC')).toContainText('3 din 3 puncte');
  const second = obligations.getByRole('group', { name: 'Cerința OC-S1.2' });
  await second.getByRole('textbox', { name: /^Dovada/ }).fill('Registrul beneficiarilor nu este completat pentru mai 2025.');
  await second.getByRole('radio', { name: 'neconform' }).check();
  await expect(obligations.getByLabel('Total OC')).toContainText('3 din 6 puncte');
  await expect(obligations.getByLabel('Total OC')).toContainText('fără răspuns');

  // Beneficiaries: fewer on the register than the May settlement claims — beyond the 10 % margin.
  const beneficiaries = visit.getByRole('region', { name: 'Beneficiari observați' });
  await beneficiaries.getByRole('textbox', { name: 'Prezenți la vizită' }).fill('3');
  await beneficiaries.getByRole('textbox', { name: 'În registrul unității' }).fill('4');
  await choose(page, beneficiaries.getByRole('combobox', { name: 'Luna comparată' }), page.getByRole('option', { name: 'mai 2025' }));
  await beneficiaries.getByRole('button', { name: 'Compară cu decontul' }).click();
  await expect(beneficiaries.getByRole('status', { name: 'Comparația cu decontul' })).toContainText(/Decontul pentru mai 2025 declară .* Depășește marja/);

  // The proposed finding, with a recommendation for the NGO.
  const findings = visit.getByRole('region', { name: 'Constatări și recomandări' });
  await findings.getByRole('button', { name: 'Preia constatarea propusă' }).click();
  await findings.getByRole('textbox', { name: 'Recomandarea (opțional)' }).fill('Completarea registrului beneficiarilor și corectarea decontului lunii mai.');
  await findings.getByRole('textbox', { name: 'Termen' }).fill('30.06.2025');
  await findings.getByRole('button', { name: 'Adaugă constatarea' }).click();
  await expect(findings.getByText(/^Recomandare: Completarea registrului/)).toBeVisible();
  // A serious finding.
  await choose(page, findings.getByRole('combobox', { name: 'Gravitatea' }), page.getByRole('option', { name: 'Gravă' }));
  await findings.getByRole('textbox', { name: 'Constatarea' }).fill('Beneficiari declarați în decont care nu frecventează centrul.');
  await findings.getByRole('button', { name: 'Adaugă constatarea' }).click();
  await expect(findings.getByText('Beneficiari declarați în decont care nu frecventează centrul.')).toBeVisible();
  // The form is empty again for the next finding, its severity back to the mildest.
  await expect(findings.getByRole('combobox', { name: 'Gravitatea' })).toHaveText('Minoră');
  // The serious finding's "Notă de constatare", proposing the suspension of payments, issued through the register.
  await findings.getByRole('button', { name: 'Emite nota de constatare…' }).click();
  await expect(page.getByRole('dialog', { name: 'Emiterea documentului' })).toBeVisible(); // over the visit's dialog
  const note = await docxText(await issueInDialog(page));
  expect(note).toContain('Beneficiari declarați în decont care nu frecventează centrul.');
  expect(note).toMatch(/suspend/i);
  await expect(findings.getByRole('button', { name: 'Emite o notă de constatare nouă…' })).toBeVisible();
  // A photo attached (its type checked by its first bytes), then withdrawn with its reason in the app's own dialog: kept, struck through.
  const files = visit.getByRole('region', { name: 'Fișiere atașate' });
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f7a6b30000000049454e44ae426082', 'hex');
  const chooser = page.waitForEvent('filechooser');
  await files.getByRole('button', { name: 'Atașează un fișier' }).click();
  await (await chooser).setFiles({ name: 'registru-prezenta.png', mimeType: 'image/png', buffer: png });
  await expect(files.getByText(/^registru-prezenta\.png · /)).toBeVisible();
  await files.getByRole('button', { name: 'Retrage' }).click();
  const withdrawal = page.getByRole('dialog', { name: 'Retragerea fișierului' });
  await withdrawal.getByRole('textbox', { name: 'Motivul' }).fill('fotografie a altei unități');
  await withdrawal.getByRole('button', { name: 'Retrage fișierul' }).click();
  await expect(files.getByText(/retras: fotografie a altei unități/)).toBeVisible();
  await expect(files.getByRole('button', { name: 'Retrage' })).toHaveCount(0);
  await visit.getByRole('region', { name: 'Concluzii' }).getByRole('textbox', { name: 'Concluzii' }).fill('Neconformități privind evidența beneficiarilor.');
  await visit.getByRole('button', { name: 'Salvează concluziile' }).click();
  await expect(page.getByText('Concluziile au fost salvate.')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('visit-page.png'), fullPage: true });

  // The visit report, issued through the register: numbered, stored, and the visit locked; it opens as issued.
  const documents = visit.getByRole('region', { name: 'Documentele vizitei' });
  await documents.getByRole('button', { name: 'Emite raportul de monitorizare…' }).click();
  await expect(page.getByRole('dialog', { name: 'Emiterea documentului' })).toBeVisible();
  const reportFile = await issueInDialog(page);
  await reportFile.saveAs(testInfo.outputPath('raport-monitorizare.docx'));
  const report = await docxText(reportFile);
  expect(report).toContain('RAPORT DE MONITORIZARE');
  expect(report).toContain(unitName);
  expect(report).toContain('Neconformități privind evidența beneficiarilor.');
  expect(report).toContain('Completarea registrului');
  // Each member signs with their own function, the first as the team leader.
  expect(report).toContain('Ana Pop (inspector de specialitate); Sorin Bogdan (consilier)');
  expect(report).toContain('Inspector de specialitate, șeful echipeiAna Pop');
  expect(report).toContain('Consilier,Sorin Bogdan');
  expect(report).not.toContain('Inspector,');
  await expect(documents).toContainText(/Raport de monitorizare — .* nr\. \d+/);
  const again = page.waitForEvent('download');
  await documents.getByRole('button', { name: /^Descarcă: Raport de monitorizare/ }).click();
  expect(await docxText(await again)).toBe(report);
  await visit.getByRole('button', { name: 'Închide vizita' }).click();
  // Closed, the visit goes back to the list of visits, whose tab the address names.
  await expect(page).toHaveURL(/#\/monitorizare\/vizite$/);
  await expect(page.getByRole('tab', { name: 'Vizite', exact: true })).toHaveAttribute('aria-selected', 'true');

  // The suspension: proposed from the serious finding, in force only by the recorded decision.
  await page.getByRole('tab', { name: 'Suspendări' }).click();
  await expect(page).toHaveURL(/#\/monitorizare\/suspendari$/);
  await page.getByRole('button', { name: 'Propune suspendarea' }).click();
  const suspensions = page.getByRole('table', { name: 'Suspendările plăților' });
  await expect(suspensions).toContainText('Propusă (fără efect până la decizie)');
  // A reload keeps the tab.
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Suspendări' })).toHaveAttribute('aria-selected', 'true');
  await expect(suspensions).toContainText('Propusă (fără efect până la decizie)');
  await suspensions.getByRole('button', { name: 'Înregistrează decizia' }).click();
  const decision = page.getByRole('dialog', { name: 'Decizia de suspendare a plăților' });
  await decision.getByRole('textbox', { name: 'Nr. deciziei' }).fill('345');
  await decision.getByRole('textbox', { name: 'Data deciziei' }).fill('20.05.2025');
  await decision.getByRole('textbox', { name: 'Produce efecte de la' }).fill('20.05.2025');
  await decision.getByRole('button', { name: 'Înregistrează' }).click();
  await expect(suspensions).toContainText('Decizia nr. 345 din 20.05.2025');

  // The May settlement of convention nr. 1 (verified) cannot be approved for payment.
  await goTo(page, 'Deconturi și plăți');
  // Back returns to the tab left, Forward to the settlements.
  await page.goBack();
  await expect(page).toHaveURL(/#\/monitorizare\/suspendari$/);
  await expect(page.getByRole('tab', { name: 'Suspendări' })).toHaveAttribute('aria-selected', 'true');
  await expect(suspensions).toContainText('Decizia nr. 345 din 20.05.2025');
  await page.goForward();
  await expect(page).toHaveURL(/#\/deconturi$/);
  await choose(page, page.getByRole('combobox', { name: 'Anul' }), page.getByRole('option', { name: '2025' }));
  await page.getByRole('button', { name: 'Decont mai — convenția nr. 1: Verificat (bun de plată)' }).click();
  const settlement = page.getByRole('dialog', { name: /^Decontul convenției nr\. 1 — mai 2025/ });
  await expect(settlement.getByText(/Plata pentru această lună este suspendată: .*Decizia nr\. 345 din 20\.05\.2025/)).toBeVisible();
  await expect(settlement.getByRole('button', { name: 'Aprobă (ordonanțare)' })).toBeDisabled();
  await settlement.getByRole('button', { name: 'Închide' }).click();

  // The recommendation followed up and closed; the suspension lifted by decision.
  await goTo(page, 'Monitorizare');
  await page.getByRole('tab', { name: 'Constatări și recomandări' }).click();
  const recommendations = page.getByRole('table', { name: 'Recomandările și urmărirea lor' });
  await expect(recommendations).toContainText('Termen depășit');
  await recommendations.getByRole('button', { name: /^Adaugă urmărire: Completarea registrului/ }).click();
  const followUp = page.getByRole('dialog', { name: 'Urmărirea recomandării' });
  await followUp.getByRole('textbox', { name: 'Data urmăririi' }).fill('25.06.2025');
  await followUp.getByRole('textbox', { name: 'Dovada prezentată de ONG' }).fill('Registrul completat, decont corectat.');
  await followUp.getByRole('button', { name: 'Înregistrează' }).click();
  await expect(followUp.getByText('Indicați cine a înregistrat urmărirea.')).toBeVisible(); // no user name set in Setări
  await followUp.getByRole('textbox', { name: 'Înregistrată de' }).fill('Ana Pop');
  await followUp.getByRole('checkbox', { name: /închide urmărirea/ }).check();
  await followUp.getByRole('button', { name: 'Înregistrează' }).click();
  await expect(recommendations).toContainText('Închisă la 25.06.2025');

  await page.getByRole('tab', { name: 'Suspendări' }).click();
  await suspensions.getByRole('button', { name: 'Ridică prin decizie' }).click();
  const lifting = page.getByRole('dialog', { name: 'Decizia de ridicare a suspendării' });
  await lifting.getByRole('textbox', { name: 'Nr. deciziei' }).fill('402');
  await lifting.getByRole('textbox', { name: 'Data deciziei' }).fill('01.07.2025');
  await lifting.getByRole('textbox', { name: 'Produce efecte de la' }).fill('01.07.2025');
  await lifting.getByRole('button', { name: 'Înregistrează' }).click();
  await expect(suspensions).toContainText('Ridicată prin decizie');
  await expect(suspensions).toContainText('Decizia nr. 402 din 01.07.2025');
});
