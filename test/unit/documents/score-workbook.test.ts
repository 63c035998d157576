import { describe, expect, it } from 'vitest';
import { SCORE_WORKBOOK_FORMAT, SCORE_WORKBOOK_VERSION } from '../../../src/commission/score-import';
import { gridFingerprint } from '../../../src/commission/scoring-grid';
import { partitionByRecusal } from '../../../src/documents/member-documents';
import { buildScoreWorkbook } from '../../../src/documents/score-workbook';
import { DomainError } from '../../../src/errors';
import { sheet } from '../commission/fixtures';
import { institution } from '../templates/fixtures';
import { grid, members, recusals, requests, round, session } from './member-fixtures';

const GENERATED_AT = '2026-10-15T09:30:00.000Z';
const bogdan = members[1]!;

describe('score workbook model', () => {
  const { toScore, recused } = partitionByRecusal(bogdan.id, requests, recusals);
  const model = buildScoreWorkbook({ institution: institution(), round, session, member: bogdan, grid: grid(), requests: toScore, recused, generatedAt: GENERATED_AT });

  it('has a column per scoring item (sub-criteria instead of their criterion), headed by its code', () => {
    expect(model.items).toEqual([
      { code: 'A', header: 'A. Experiența organizației', title: 'Experiența organizației', maxPoints: 30 },
      { code: 'B1', header: 'B1. Calitatea serviciilor — Personal', title: 'Calitatea serviciilor — Personal', maxPoints: 10 },
      { code: 'B2', header: 'B2. Calitatea serviciilor — Spații', title: 'Calitatea serviciilor — Spații', maxPoints: 10 },
      { code: 'C', header: 'C. Costuri și beneficiari', title: 'Costuri și beneficiari', maxPoints: 50 },
    ]);
    expect(model.totalMax).toBe(100);
  });

  it('cuts a long header to 60 characters, keeping the code and the sub-criterion’s own title', () => {
    const long = 'Relevanța și calitatea serviciilor sociale oferite beneficiarilor din municipiu';
    const g = grid({ criteria: grid().criteria.map((c) => (c.code === 'A' ? { ...c, title: long } : c.code === 'B' ? { ...c, title: long } : c)) });
    const items = buildScoreWorkbook({ institution: institution(), round, session, member: bogdan, grid: g, requests: toScore, generatedAt: GENERATED_AT }).items;
    expect(items[0]!.header).toBe('A. Relevanța și calitatea serviciilor sociale oferite benef…');
    expect(items[1]!.header).toBe('B1. Relevanța și calitatea serviciilor sociale o… — Personal');
    expect(items.every((i) => i.header.length <= 60)).toBe(true);
    expect(items[1]!.title).toBe(`${long} — Personal`);
  });

  it('has a row per request the member scores, the recused one left out and only named in the instructions', () => {
    expect(model.rows.map((r) => r.label)).toEqual(['4/2026', '9/2026']);
    expect(model.instructions).toContain('Cererile de la care sunteți recuzat(ă) nu apar în registru: 7/2026 — Fundația „Lumina” Cluj.');
  });

  it('ties the file to the session, the member and the grid fingerprint in its metadata', () => {
    expect(model.meta).toEqual({
      format: SCORE_WORKBOOK_FORMAT,
      formatVersion: SCORE_WORKBOOK_VERSION,
      sessionId: 'sesiune-1',
      roundId: 'runda-2027',
      memberId: 'm2',
      memberName: 'Bogdan Rus',
      gridId: 'grila-test',
      gridName: 'Grilă de test',
      gridFingerprint: gridFingerprint(grid()),
      requestIds: ['r1', 'r3'],
      itemCodes: ['A', 'B1', 'B2', 'C'],
      generatedAt: GENERATED_AT,
    });
  });

  it('prefills the points and comment of the member’s stored sheets on the same grid', () => {
    const stored = sheet('s1', 'm2', 'r3', { A: 20, B1: 5 }, { state: 'ciorna', comment: 'De verificat spațiile.' });
    const prefilled = buildScoreWorkbook({ institution: institution(), round, session, member: bogdan, grid: grid(), requests: toScore, sheets: [stored], generatedAt: GENERATED_AT });
    expect(prefilled.rows[1]).toEqual({ requestId: 'r3', label: '9/2026', organizationName: 'Asociația „Pâine și Îngrijire”', points: [20, 5, null, null], comment: 'De verificat spațiile.' });
    expect(prefilled.rows[0]!.points).toEqual([null, null, null, null]);
  });

  it('refuses a grid that is not ready', () => {
    const unready = grid({ criteria: grid().criteria.map((c) => (c.code === 'A' ? { ...c, maxPoints: null } : c)) });
    expect(() => buildScoreWorkbook({ institution: institution(), round, session, member: bogdan, grid: unready, requests: toScore, generatedAt: GENERATED_AT })).toThrow(DomainError);
    expect(() => buildScoreWorkbook({ institution: institution(), round, session, member: bogdan, grid: unready, requests: toScore, generatedAt: GENERATED_AT })).toThrow(
      /Registrul de punctaje nu se poate genera până la completarea grilei „Grilă de test”: Criteriul „A” \(Experiența organizației\): punctajul maxim — de completat/,
    );
  });
});
