// A small round for the results documents, its results computed by computeRoundResults from the
// records (never written by hand). Names, acts and figures are made up for the tests.
//
// Commission: Ana Pop (president), Bogdan Rus, Cristina Mureșan, secretary Gabriela Pascu; Bogdan
// Rus founded the NGO of request 1 and is recused from it. Grid: A 30, B 20 (B1 + B2), C 50 with a
// minimum of 20; pass mark 60; discrepancy margin 10 points. Budget 100.000 lei.
//   1/2026 Asociația Șansa Țării          85 points (2 sheets)   40.000 lei → funded
//   2/2026 Fundația Îngerii Străzii        75 points, tie         30.000 lei → not funded: 20.000 left
//   3/2026 Asociația Vârstnicilor Mănăștur 75 points, tie         40.000 lei → funded (tie decided 3 before 2)
//   4/2026 Asociația Prietenii Copiilor    50,33 points           25.000 lei → below the threshold
//   5/2026 Fundația Casa Deschisă          ineligible (two reasons), not scored
// Results communicated on Friday 27.11.2026: 3 working days run over the weekend and the holidays
// of 30 November and 1 December, to Friday 04.12.2026. Appeals: 4/2026 on 02.12 (in time,
// rejected), 5/2026 on 07.12 (late).
import { DEFAULT_APPEAL_RULES, type Appeal } from '../../../src/commission/appeals';
import { DEFAULT_COMMISSION_RULES, type Commission } from '../../../src/commission/commission';
import type { ImpartialityDeclaration } from '../../../src/commission/conflicts';
import type { CommissionMember } from '../../../src/commission/members';
import { computeRoundResults, type RoundEvaluation } from '../../../src/commission/round-evaluation';
import { UNLOCKED } from '../../../src/commission/round-lock';
import type { ScoreSheet } from '../../../src/commission/scores';
import type { CommissionSession } from '../../../src/commission/session';
import type { ResultRequest, RoundResultsContext } from '../../../src/documents/round-results-context';
import { bani } from '../../../src/money';
import type { FundingRound } from '../../../src/rounds/funding-round';
import { member, sheet, STAMP, testGrid } from '../commission/fixtures';
import { institution, organization } from '../templates/fixtures';

export interface FixtureOptions {
  /** The first request that no longer fits gets what is left (request 2: 20.000 of 30.000 lei). */
  allowPartialLast?: boolean;
  /** Default true: the commission decided the order of the tie 3/2026 before 2/2026. */
  isTieDecided?: boolean;
  /** Cristina Mureșan recused by the commission for request 4 (her sheet is then left out). */
  hasManualRecusal?: boolean;
  /** Request 2's appeal admitted in part: its score becomes 76, recorded in `admittedAppealAct`. */
  hasAdmittedAppeal?: boolean;
  /** The act recording the admitted appeal; default "PV nr. 2/08.12.2026"; empty: not recorded yet. */
  admittedAppealAct?: string;
  /** Request 4 is also ineligible (a missing trial balance), besides being scored below the threshold. */
  isRequest4Ineligible?: boolean;
  /** Only the president comes to the evaluation session. */
  lacksQuorum?: boolean;
  /** Cristina Mureșan is absent; her substitute Horia Stan sits and scores in her place. */
  hasSubstitute?: boolean;
}

export const EVALUATION_SESSION = 'sesiune-1';
export const APPEALS_SESSION = 'sesiune-contestatii';
export const NOTIFIED_ON = '2026-11-27';

const ALL_YEAR = 'ianuarie–decembrie';

export function roundResultsFixture(options: FixtureOptions = {}): RoundResultsContext {
  const orgs = [
    organization(1, { name: 'Asociația Șansa Țării', representativeRole: 'Președinte', representativeName: 'Ioana Țăranu', locality: 'Cluj-Napoca', county: 'Cluj' }),
    organization(2, { name: 'Fundația Îngerii Străzii', representativeRole: 'Președinte', representativeName: 'Mihai Știrbu', locality: 'Cluj-Napoca', county: 'Cluj' }),
    organization(3, { name: 'Asociația Vârstnicilor Mănăștur', representativeRole: 'Președinte', representativeName: 'Elena Bălan', locality: 'Cluj-Napoca', county: 'Cluj' }),
    organization(4, { name: 'Asociația Prietenii Copiilor', representativeRole: 'Director executiv', representativeName: 'Radu Lupșa', locality: 'Cluj-Napoca', county: 'Cluj' }),
    organization(5, { name: 'Fundația Casa Deschisă', representativeRole: 'Președinte', representativeName: 'Sorina Oațu', locality: 'Cluj-Napoca', county: 'Cluj' }),
  ];
  const request = (n: number, registeredOn: string, subsidy: number | null, unitLines: ResultRequest['unitLines'], extra: Partial<ResultRequest> = {}): ResultRequest => ({
    id: `r${n}`,
    organizationId: orgs[n - 1]!.id,
    organizationName: orgs[n - 1]!.name,
    organization: orgs[n - 1]!,
    label: `${n}/2026`,
    registeredOn,
    sequence: n,
    isEligible: true,
    eligibilityReasons: [],
    computedSubsidy: subsidy === null ? null : bani(subsidy),
    unitLines,
    ...extra,
  });
  const requests: ResultRequest[] = [
    request(1, '2026-09-10', 4_000_000, [{ unitName: 'Centrul de zi „Lumina”', serviceLabel: 'Centre de zi pentru copii (8891 CZ-C-IV)', beneficiariesPerMonth: 25, months: ALL_YEAR }]),
    request(2, '2026-09-12', 3_000_000, [
      { unitName: 'Cantina socială „Pâinea zilnică”', serviceLabel: 'Cantine sociale (8899 CPDH-I)', beneficiariesPerMonth: 60, months: ALL_YEAR },
      { unitName: 'Centrul de zi „Ștefan”', serviceLabel: 'Centre de zi pentru copii (8891 CZ-C-IV)', beneficiariesPerMonth: 20, months: 'ianuarie–iunie' },
    ]),
    request(3, '2026-09-15', 4_000_000, [{ unitName: 'Centrul de îngrijire la domiciliu „Mănăștur”', serviceLabel: 'Îngrijire la domiciliu pentru persoane vârstnice', beneficiariesPerMonth: 40, months: ALL_YEAR }]),
    request(4, '2026-09-20', 2_500_000, [{ unitName: 'Centrul de zi „Prietenia”', serviceLabel: 'Centre de zi pentru copii (8891 CZ-C-IV)', beneficiariesPerMonth: 18, months: ALL_YEAR }],
      options.isRequest4Ineligible ? { isEligible: false, eligibilityReasons: ['Balanța de verificare pentru luna august lipsește din dosar.'] } : {}),
    request(5, '2026-09-29', null, [{ unitName: 'Adăpostul de noapte „Casa Deschisă”', serviceLabel: 'Adăposturi de noapte', beneficiariesPerMonth: 30, months: ALL_YEAR }], {
      isEligible: false,
      eligibilityReasons: [
        'Certificatul de atestare fiscală de la bugetul local lipsește din dosar.',
        'Licența de funcționare a serviciului social „Adăpostul de noapte «Casa Deschisă»” a expirat la 30.06.2026.',
      ],
    }),
  ];

  const members: CommissionMember[] = [
    member('m1', { name: 'Ana Pop', role: 'presedinte', institution: 'Consiliul Local Cluj-Napoca' }),
    member('m2', { name: 'Bogdan Rus', institution: 'DASM Cluj-Napoca', ngoLinks: [{ organizationId: orgs[0]!.id, kind: 'fondator', note: '' }] }),
    member('m3', { name: 'Cristina Mureșan', institution: 'Primăria Municipiului Cluj-Napoca' }),
    member('sec', { name: 'Gabriela Pascu', role: 'secretar', institution: 'DASM Cluj-Napoca' }),
    ...(options.hasSubstitute ? [member('s3', { name: 'Horia Stan', isSubstitute: true, substituteForId: 'm3', institution: 'Primăria Municipiului Cluj-Napoca' })] : []),
  ];
  const third = options.hasSubstitute ? 's3' : 'm3';

  const attendance: CommissionSession['attendance'] = options.lacksQuorum
    ? { m1: { isPresent: true }, m2: { isPresent: false }, m3: { isPresent: false }, sec: { isPresent: true } }
    : options.hasSubstitute
      ? { m1: { isPresent: true }, m2: { isPresent: true }, m3: { isPresent: false }, s3: { isPresent: true, replacesMemberId: 'm3' }, sec: { isPresent: true } }
      : { m1: { isPresent: true }, m2: { isPresent: true }, m3: { isPresent: true }, sec: { isPresent: true } };
  const session = (id: string, kind: CommissionSession['kind'], date: string, agenda: string[]): CommissionSession => ({
    id, ...STAMP, roundId: 'runda-2027', commissionId: 'comisia-34', kind, date, time: '10:00',
    place: 'Sala de ședințe a DASM, str. Venus nr. 20-22, Cluj-Napoca', agenda, attendance, status: 'incheiata', notes: '',
  });
  const sessions = [
    session(EVALUATION_SESSION, 'evaluare', '2026-11-25', requests.map((r) => r.id)),
    session(APPEALS_SESSION, 'contestatii', '2026-12-08', ['r4', 'r5', ...(options.hasAdmittedAppeal ? ['r2'] : [])]),
  ];

  // Points per member: A, B1, B2, C. Bogdan Rus has no sheet for request 1 (recused).
  const scoresOf: Record<string, Record<string, [number, number, number, number]>> = {
    r1: { m1: [28, 9, 8, 40], [third]: [27, 9, 9, 40] },
    r2: { m1: [25, 8, 7, 35], m2: [24, 8, 8, 35], [third]: [26, 7, 7, 35] },
    // Criterion A: 20, 30 and 15 — a difference of 15 points, over the margin of 10.
    r3: { m1: [20, 9, 9, 37], m2: [30, 5, 5, 35], [third]: [15, 10, 10, 40] },
    r4: { m1: [15, 5, 5, 25], m2: [14, 6, 5, 25], [third]: [16, 5, 4, 26] },
  };
  const sheets: ScoreSheet[] = Object.entries(scoresOf).flatMap(([requestId, byMember]) =>
    Object.entries(byMember).map(([memberId, [A, B1, B2, C]]) => sheet(`${requestId}-${memberId}`, memberId, requestId, { A, B1, B2, C })),
  );

  const appeals: Appeal[] = [
    {
      id: 'a1', ...STAMP, roundId: 'runda-2027', requestId: 'r4', organizationId: orgs[3]!.id, registration: { year: 2026, sequence: 1 },
      notifiedOn: NOTIFIED_ON, receivedOn: '2026-12-02', grounds: 'Punctajul pe criteriul C nu ține seama de cei 18 copii din lista de așteptare.', status: 'respinsa',
      resolution: { sessionId: APPEALS_SESSION, decidedOn: '2026-12-08', decision: 'Fișele au fost reverificate: criteriul C se punctează după beneficiarii efectiv deserviți, nu după lista de așteptare.', decisionAct: '' },
    },
    {
      id: 'a2', ...STAMP, roundId: 'runda-2027', requestId: 'r5', organizationId: orgs[4]!.id, registration: { year: 2026, sequence: 2 },
      notifiedOn: NOTIFIED_ON, receivedOn: '2026-12-07', grounds: 'Licența a fost reînnoită după depunerea cererii.', status: 'tardiva',
      resolution: { sessionId: APPEALS_SESSION, decidedOn: '2026-12-08', decision: 'Contestația a fost depusă după împlinirea termenului de 3 zile lucrătoare.', decisionAct: '' },
    },
    ...(options.hasAdmittedAppeal
      ? [{
          id: 'a3', ...STAMP, roundId: 'runda-2027', requestId: 'r2', organizationId: orgs[1]!.id, registration: { year: 2026, sequence: 3 },
          notifiedOn: NOTIFIED_ON, receivedOn: '2026-12-01', grounds: 'Criteriul B2 (spații) nu a luat în calcul a doua locație.', status: 'admisa_partial' as const,
          resolution: { sessionId: APPEALS_SESSION, decidedOn: '2026-12-08', decision: 'Se acordă un punct în plus la criteriul B2; celelalte motive se resping.', revisedScore: 76, decisionAct: options.admittedAppealAct ?? 'PV nr. 2/08.12.2026' },
        }]
      : []),
  ];

  const commission: Commission = {
    id: 'comisia-34', ...STAMP, name: 'Comisia de evaluare și selecționare (Legea 34/1998)', law: 'legea_34_1998', legalBasis: 'HCL 632/2016',
    rules: { ...DEFAULT_COMMISSION_RULES, discrepancyMargin: 10 }, notes: '',
  };
  const round: FundingRound = {
    id: 'runda-2027', ...STAMP, law: 'legea_34_1998', year: 2027, name: 'Subvenții Legea 34/1998 pentru anul 2027', budget: bani(10_000_000),
    submissionStart: '2026-09-01', submissionEnd: '2026-09-30', legalBasis: 'HCL 500/2026', status: 'in_evaluare', maxShareBasisPoints: null, maxShareSource: '', notes: '',
  };
  const evaluation: RoundEvaluation = {
    id: 'evaluare-2027', ...STAMP, roundId: round.id, commissionId: commission.id, gridId: testGrid().id,
    ruleOverrides: options.allowPartialLast ? { allocation: { allowPartialLast: true, skipToNextThatFits: false } } : {},
    appealRules: { ...DEFAULT_APPEAL_RULES },
    tieDecisions: options.isTieDecided === false ? [] : [{ order: ['r3', 'r2'], sessionId: EVALUATION_SESSION, note: 'Cererea 3/2026 deservește mai mulți beneficiari vârstnici dependenți' }],
    notifiedOn: NOTIFIED_ON, decisionAct: '', lock: UNLOCKED, notes: '',
  };
  const manualRecusals = options.hasManualRecusal
    ? [{ memberId: third, requestId: 'r4', reason: 'Soțul său este voluntar în unitatea asociației', sessionId: EVALUATION_SESSION }]
    : [];
  const declarations: Pick<ImpartialityDeclaration, 'sessionId' | 'memberId' | 'signedOn'>[] = sessions.flatMap((s) =>
    ['m1', 'm2', third].map((memberId) => ({ sessionId: s.id, memberId, signedOn: s.date })),
  );

  const grid = testGrid();
  const results = computeRoundResults({
    budget: round.budget, evaluation, commissionRules: commission.rules, grid, members, sessions, manualRecusals, requests, sheets, appeals,
  });
  return { institution: institution(), round, commission, members, sessions, grid, requests, results, appeals, evaluation, date: NOTIFIED_ON, declarations };
}
