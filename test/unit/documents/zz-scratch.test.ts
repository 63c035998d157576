import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { buildEvaluationMinutes } from '../../../src/documents/evaluation-minutes';
import { renderEvaluationMinutesDocx } from '../../../templates/docx/evaluation-minutes';
import { roundResultsFixture } from './round-results-fixture';

it('scratch', async () => {
  const ctx = roundResultsFixture({ hasManualRecusal: true });
  const m = buildEvaluationMinutes(ctx);
  console.log(JSON.stringify(m, null, 1).slice(0, 20000));
  writeFileSync('/tmp/pv.docx', await renderEvaluationMinutesDocx(m));
});
