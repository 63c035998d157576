import { expect, test } from '@playwright/test';
import { holdSession, openDemoRoundSession, scoreAs, VOTERS } from './frozen-round';
import { choose, docxText, fill, issueFrom } from './helpers';

test('an appeal resolved by vote in an appeals session, the recused member kept out of the vote, then the decision letter and the changed-result notifications', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00+02:00'));
  await openDemoRoundSession(page);

  await page.getByRole('tab', { name: 'Punctaj' }).click();
  for (const member of VOTERS) await scoreAs(page, member);

  // The final ranking, adopted by the three members present.
  await page.getByRole('tab', { name: 'Decizii și voturi' }).click();
  await page.getByRole('button', { name: 'Consemnează o decizie' }).click();
  const rankingVote = page.getByRole('dialog');
  for (const name of VOTERS) await rankingVote.getByRole('radiogroup', { name: `Votul: ${name}` }).getByRole('radio', { name: 'pentru' }).check();
  await rankingVote.getByRole('button', { name: 'Consemnează votul' }).click();
  await expect(rankingVote.getByText('Scrieți decizia supusă votului, așa cum apare în procesul-verbal.')).toBeVisible();
  await rankingVote.getByRole('textbox', { name: 'Textul deciziei (ca în procesul-verbal)' }).fill('Se aprobă clasamentul final.');
  for (const name of VOTERS) await rankingVote.getByRole('radiogroup', { name: `Votul: ${name}` }).getByRole('radio', { name: 'pentru' }).check();
  await rankingVote.getByRole('button', { name: 'Consemnează votul' }).click();
  await expect(page.getByText('Decizia a fost consemnată: adoptată.')).toBeVisible();
  await page.getByRole('tab', { name: 'Clasament și alocare' }).click();
  await page.getByRole('button', { name: 'Declară rezultatele finale' }).click();
  await page.getByRole('dialog', { name: 'Declarați rezultatele finale?' }).getByRole('button', { name: /^Declară/ }).click();
  await expect(page.getByText('Rezultatele rundei sunt finale și au fost păstrate așa cum au fost declarate.')).toBeVisible();

  await page.getByRole('button', { name: 'Setările evaluării' }).click();
  await fill(page, 'Data comunicării rezultatelor', '20.11.2026');
  await page.getByRole('dialog').getByRole('button', { name: 'Salvează' }).click();
  await expect(page.getByText('Setările evaluării au fost salvate.')).toBeVisible();

  // The appeal dialog asks before discarding typed text.
  await page.getByRole('tab', { name: 'Contestații' }).click();
  await page.getByRole('button', { name: 'Înregistrează contestație' }).click();
  const appeal = page.getByRole('dialog', { name: /Contestație nouă|Contestația nr\./ });
  await appeal.getByRole('textbox', { name: 'Motivele contestației' }).fill('Text început, nesalvat.');
  await appeal.getByRole('button', { name: 'Închide' }).click();
  await expect(page.getByRole('dialog', { name: 'Modificări nesalvate' })).toBeVisible();
  await page.getByRole('button', { name: 'Rămân în formular' }).click();
  await expect(appeal.getByRole('textbox', { name: 'Motivele contestației' })).toHaveValue('Text început, nesalvat.');

  // The appeal of the NGO Ioan Pop founded (the second request).
  await choose(page, appeal.getByRole('combobox', { name: 'Cererea al cărei rezultat se contestă' }), page.getByRole('option').nth(1));
  await appeal.getByRole('textbox', { name: 'Contestație depusă la' }).fill('24.11.2026');
  await appeal.getByRole('textbox', { name: 'Motivele contestației' }).fill('Punctajul nu ține seama de a doua unitate a asociației.');
  await appeal.getByRole('button', { name: 'Înregistrează' }).click();
  await expect(page.getByText(/Contestația a fost înregistrată cu nr\. 1\/2026\./)).toBeVisible();

  // The appeal's own row: until the register reads the new appeal, its only row is "Nicio contestație".
  await page.getByRole('table', { name: 'Registrul contestațiilor' }).getByRole('cell', { name: '1/2026', exact: true }).click();
  await choose(page, appeal.getByRole('combobox', { name: 'Soluția' }), page.getByRole('option', { name: 'Admisă', exact: true }));
  // No appeals session yet: one is created from the appeal dialog, of the right kind.
  await appeal.getByRole('button', { name: 'Ședință nouă de soluționare' }).click();
  const sessionDialog = page.getByRole('dialog', { name: /Ședință nouă a comisiei/ });
  await expect(sessionDialog.getByRole('combobox', { name: 'Tipul ședinței' })).toHaveText('Ședință de soluționare a contestațiilor');
  await (await holdSession(page, '26.11.2026', 'Sala de ședințe a DASM')).getByRole('button', { name: 'Închide' }).click();
  await expect(appeal.getByRole('combobox', { name: 'Ședința de soluționare' })).toContainText('26.11.2026');

  await appeal.getByRole('textbox', { name: 'Data soluționării' }).fill('26.11.2026');
  await appeal.getByRole('textbox', { name: 'Soluția comisiei (ca în procesul-verbal)' }).fill('Se admite: a doua unitate se punctează; punctajul devine 95 de puncte.');
  await appeal.getByRole('textbox', { name: 'Punctaj revizuit' }).fill('95');
  await appeal.getByRole('textbox', { name: 'Actul noii decizii' }).fill('PV nr. 2/26.11.2026');

  // Saving without the vote is refused.
  await appeal.getByRole('button', { name: 'Salvează' }).click();
  await expect(appeal.getByText(/Consemnați votul comisiei asupra contestației/)).toBeVisible();

  // The vote: Ioan Pop is recused from his NGO's request, hence from its appeal.
  await appeal.getByRole('button', { name: 'Consemnează votul' }).click();
  const vote = page.getByRole('dialog', { name: 'Consemnează decizia și votul' });
  const votes = vote.getByRole('table', { name: 'Votul membrilor' });
  await expect(votes.getByRole('row').filter({ hasText: 'Ioan Pop' })).toContainText('recuzat — Ioan Pop are calitatea de fondator al organizației');
  await expect(votes.getByRole('radiogroup', { name: 'Votul: Ioan Pop' })).toHaveCount(0);
  for (const name of ['Maria Ionescu', 'Elena Moldovan']) await vote.getByRole('radiogroup', { name: `Votul: ${name}` }).getByRole('radio', { name: 'pentru' }).check();
  await expect(vote.getByRole('status')).toContainText('Decizia a fost adoptată cu 2 voturi pentru, 0 împotrivă și 0 abțineri; membrul Ioan Pop nu a votat, fiind recuzat');
  await page.screenshot({ path: testInfo.outputPath('vot-contestatie.png') });
  await vote.getByRole('button', { name: 'Consemnează votul' }).click();
  await expect(page.getByText('Decizia a fost consemnată: adoptată.')).toBeVisible();
  await appeal.getByRole('button', { name: 'Salvează' }).click();
  await expect(page.getByText(/Contestația nr\. 1\/2026 a fost actualizată\./)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Registrul contestațiilor' })).toContainText('Admisă — PV nr. 2/26.11.2026');
  await page.screenshot({ path: testInfo.outputPath('contestatii.png'), fullPage: true });

  // The appellant's decision letter: the verdict, the session, the vote, the new score, the remedy.
  const letterFile = await issueFrom(page, 'Scrisorile după contestații', 'Deciziile către contestatari (DOCX)');
  await expect(page.getByText(/^A fost emisă 1 decizie, cu numărul \d+\.$/)).toBeVisible();
  await letterFile.saveAs(testInfo.outputPath('decizii-contestatii.docx'));
  const letter = await docxText(letterFile);
  expect(letter).toContain('CONTESTAȚIA SE ADMITE');
  expect(letter).toContain('în ședința de soluționare a contestațiilor din 26.11.2026');
  expect(letter).toContain('membrul Ioan Pop nu a votat, fiind recuzat');
  expect(letter).toContain('95,00 puncte');
  expect(letter).toContain('Legii contenciosului administrativ nr. 554/2004');

  // The other applicants moved down one place by the appeal are notified, with the old and new rank.
  const noticeFile = await issueFrom(page, 'Scrisorile după contestații', 'Notificările privind rezultatele modificate (DOCX)');
  await noticeFile.saveAs(testInfo.outputPath('notificari-modificare.docx'));
  const notices = await docxText(noticeFile);
  expect(notices.match(/privind modificarea rezultatului evaluării cererii de subvenționare nr\./g)).toHaveLength(3);
  expect(notices).toContain('cererea trece de pe locul 1 pe locul 2');
  expect(notices).toContain('Contestația nr. 1/2026');

  // The letters are issued documents of the round, each with its number.
  await page.getByRole('tab', { name: 'Documente emise' }).click();
  const issued = page.getByRole('table', { name: 'Documentele emise în rundă' });
  await expect(issued.getByRole('row').filter({ hasText: 'Decizia privind contestația nr. 1/2026' })).toHaveCount(1);
  await expect(issued.getByRole('row').filter({ hasText: 'Notificare privind modificarea rezultatului' })).toHaveCount(3);

  // The register of decisions: the final ranking and the appeal, each with its vote.
  await page.getByRole('tab', { name: 'Decizii și voturi' }).click();
  const decisions = page.getByRole('table', { name: 'Deciziile comisiei' });
  await expect(decisions.getByRole('row').filter({ hasText: 'Aprobarea clasamentului final' })).toContainText('adoptată (3–0–0)');
  await expect(decisions.getByRole('row').filter({ hasText: 'Contestația nr. 1/2026' })).toContainText('adoptată (2–0–0)');
  await page.screenshot({ path: testInfo.outputPath('decizii.png'), fullPage: true });
});
