import { describe, expect, it } from 'vitest';
import { createHolidayTable, SHIPPED_HOLIDAY_TABLE } from '../../../src/calendar/public-holidays';
import {
  APPEAL_RULES_NOTE,
  appealDeadline,
  appealOutcomeChangesRanking,
  checkAppealTimeliness,
  DEFAULT_APPEAL_RULES,
  emptyAppeal,
  nextAppealRegistration,
  resolutionDeadline,
  validateAppeal,
  validateAppealRules,
  type Appeal,
  type AppealDraft,
  type AppealResolution,
} from '../../../src/commission/appeals';
import type { Bani } from '../../../src/money';

const table = SHIPPED_HOLIDAY_TABLE;

const draft: AppealDraft = {
  ...emptyAppeal(2027),
  roundId: 'runda-2027',
  requestId: 'cerere-12',
  organizationId: 'asociatia-a',
  registration: { year: 2027, sequence: 3 },
  notifiedOn: '08.03.2027',
  receivedOn: '11.03.2027',
  grounds: 'Criteriul 2 a fost punctat  fără a lua în seamă anexa B.\nSolicităm reevaluarea.',
};

const resolution: AppealResolution = {
  sessionId: 'sedinta-5',
  decidedOn: '2027-03-17',
  decision: 'Se admite contestația; punctajul criteriului 2 devine 15.',
  revisedScore: 82,
  revisedAmount: null,
  decisionAct: 'Proces-verbal nr. 5 din 17.03.2027',
};

describe('appeal terms as round parameters', () => {
  it('default to 3 working days to appeal and 5 working days to resolve, with the caveat shown to users', () => {
    expect(DEFAULT_APPEAL_RULES).toEqual({ appealDays: 3, appealDayKind: 'lucratoare', resolutionDays: 5, resolutionDayKind: 'lucratoare' });
    expect(validateAppealRules(DEFAULT_APPEAL_RULES)).toEqual({});
    expect(APPEAL_RULES_NOTE).toMatch(/nu din sursă pentru Cluj-Napoca/);
  });

  it('refuses a term of 0 days and an unknown day kind', () => {
    const errors = validateAppealRules({ ...DEFAULT_APPEAL_RULES, appealDays: 0, resolutionDayKind: 'saptamani' as never });
    expect(errors.appealDays).toBe('Termenul de depunere a contestațiilor trebuie să fie un număr întreg de zile între 1 și 60.');
    expect(errors.resolutionDayKind).toBe('Alegeți „zile lucrătoare” sau „zile calendaristice”.');
    expect(errors.resolutionDays).toBeUndefined();
  });
});

describe('appeal deadline', () => {
  it('is the 3rd working day after the communication: Monday 8.03.2027 → Thursday 11.03.2027', () => {
    expect(appealDeadline('2027-03-08', DEFAULT_APPEAL_RULES, table)).toBe('2027-03-11');
  });

  it('runs over a weekend: Thursday 11.03.2027 → Tuesday 16.03.2027', () => {
    expect(appealDeadline('2027-03-11', DEFAULT_APPEAL_RULES, table)).toBe('2027-03-16');
  });

  it('in calendar days ends on the next working day when the last day is a Sunday (11.03.2027 + 3 = Sunday 14.03 → 15.03)', () => {
    expect(appealDeadline('2027-03-11', { ...DEFAULT_APPEAL_RULES, appealDayKind: 'calendaristice' }, table)).toBe('2027-03-15');
  });

  it('follows the AJPIS Harghita example of 2 working days when the round says so', () => {
    expect(appealDeadline('2027-03-11', { ...DEFAULT_APPEAL_RULES, appealDays: 2 }, table)).toBe('2027-03-15');
  });
});

describe('timeliness of an appeal', () => {
  it('is timely on the last day of the term', () => {
    const result = checkAppealTimeliness('2027-03-11', '2027-03-08', DEFAULT_APPEAL_RULES, table);
    expect(result).toEqual({
      isTimely: true,
      isBeforeNotification: false,
      deadline: '2027-03-11',
      message: 'Contestația a fost depusă pe 11.03.2027, în termenul care se împlinește la 11.03.2027 (3 zile lucrătoare de la comunicare).',
    });
  });

  it('is late on the next working day', () => {
    const result = checkAppealTimeliness('2027-03-12', '2027-03-08', DEFAULT_APPEAL_RULES, table);
    expect(result.isTimely).toBe(false);
    expect(result.message).toBe('Contestația a fost depusă pe 12.03.2027, după termenul din 11.03.2027 (3 zile lucrătoare de la comunicare).');
  });

  it('counts Orthodox Easter 2027: communicated 29.04, filed 6.05 is timely, 7.05 is late', () => {
    expect(checkAppealTimeliness('2027-05-06', '2027-04-29', DEFAULT_APPEAL_RULES, table).isTimely).toBe(true);
    expect(checkAppealTimeliness('2027-05-07', '2027-04-29', DEFAULT_APPEAL_RULES, table).isTimely).toBe(false);
  });

  it('writes a one-day term in the singular', () => {
    expect(checkAppealTimeliness('2027-03-10', '2027-03-08', { ...DEFAULT_APPEAL_RULES, appealDays: 1 }, table).message).toBe(
      'Contestația a fost depusă pe 10.03.2027, după termenul din 09.03.2027 (1 zi lucrătoare de la comunicare).',
    );
  });

  it('flags a filing date before the communication instead of calling it late', () => {
    const result = checkAppealTimeliness('2027-03-05', '2027-03-08', DEFAULT_APPEAL_RULES, table);
    expect(result).toMatchObject({ isTimely: false, isBeforeNotification: true });
    expect(result.message).toBe('Contestația are data depunerii 05.03.2027, înaintea comunicării rezultatului din 08.03.2027: verificați datele.');
  });
});

describe('resolution deadline', () => {
  it('is 5 working days after registration, over Christmas: 23.12.2026 → 31.12.2026', () => {
    expect(resolutionDeadline('2026-12-23', DEFAULT_APPEAL_RULES, table)).toBe('2026-12-31');
  });

  it('skips New Year and an extra non-working day entered by the user', () => {
    expect(resolutionDeadline('2026-12-23', { ...DEFAULT_APPEAL_RULES, resolutionDays: 6 }, table)).toBe('2027-01-04');
    const withExtra = createHolidayTable([{ date: '2027-01-04', name: 'Zi liberă', source: 'HG x/2026' }]);
    expect(resolutionDeadline('2026-12-23', { ...DEFAULT_APPEAL_RULES, resolutionDays: 6 }, withExtra)).toBe('2027-01-05');
  });
});

describe('validating an appeal', () => {
  it('accepts a registered appeal and normalises its dates and text', () => {
    const { value, errors } = validateAppeal(draft);
    expect(errors).toEqual({});
    expect(value).toMatchObject({ notifiedOn: '2027-03-08', receivedOn: '2027-03-11', status: 'inregistrata' });
    expect(value.grounds).toBe('Criteriul 2 a fost punctat fără a lua în seamă anexa B.\nSolicităm reevaluarea.');
  });

  it('requires the grounds, the links and a valid registration number', () => {
    const { errors } = validateAppeal({ ...draft, grounds: '  \n ', requestId: '', registration: { year: 2027, sequence: 0 } });
    expect(errors.grounds).toBe('Motivele contestației sunt obligatorii.');
    expect(errors.requestId).toBe('Alegeți cererea al cărei rezultat este contestat.');
    expect(errors.registration).toMatch(/^Numărul de înregistrare trebuie să fie de forma „nr.\/an”/);
  });

  it('refuses a filing date before the communication of the result', () => {
    const { errors } = validateAppeal({ ...draft, receivedOn: '05.03.2027' });
    expect(errors.receivedOn).toBe('Contestația nu poate fi depusă (05.03.2027) înaintea comunicării rezultatului (08.03.2027).');
  });

  it('refuses a date that is not in the calendar, and a register year other than the filing year', () => {
    expect(validateAppeal({ ...draft, receivedOn: '30.02.2027' }).errors.receivedOn).toBe('Data depunerii contestației: „30.02.2027” nu este o dată din calendar.');
    expect(validateAppeal({ ...draft, notifiedOn: '' }).errors.notifiedOn).toBe('Data comunicării rezultatului lipsește.');
    expect(validateAppeal({ ...draft, registration: { year: 2026, sequence: 3 } }).errors.registration).toBe(
      'Anul numărului de înregistrare (2026) diferă de anul depunerii contestației (2027).',
    );
  });

  it('asks for the commission resolution of a decided appeal, and for none while only registered', () => {
    expect(validateAppeal({ ...draft, status: 'respinsa' }).errors.resolution).toBe(
      'Pentru o contestație „Respinsă” înregistrați soluția comisiei: ședința, data și decizia.',
    );
    expect(validateAppeal({ ...draft, resolution }).errors.resolution).toMatch(/^O contestație doar înregistrată nu are încă o soluție/);
    expect(validateAppeal({ ...draft, status: 'retrasa' }).errors).toEqual({});
  });

  it('accepts an admitted appeal whose decision is not yet recorded, and refuses a resolution before the filing', () => {
    expect(validateAppeal({ ...draft, status: 'admisa', resolution: { ...resolution, decisionAct: '' } }).errors).toEqual({});
    const { errors } = validateAppeal({ ...draft, status: 'admisa', resolution: { ...resolution, decidedOn: '10.03.2027', sessionId: '', decision: '' } });
    expect(errors['resolution.decidedOn']).toBe('Contestația nu poate fi soluționată (10.03.2027) înainte de a fi depusă (11.03.2027).');
    expect(errors['resolution.sessionId']).toBe('Alegeți ședința comisiei care a soluționat contestația.');
    expect(errors['resolution.decision']).toBe('Scrieți soluția comisiei, așa cum apare în procesul-verbal.');
  });

  it('lets only an admitted appeal revise the score or the amount', () => {
    const { errors } = validateAppeal({ ...draft, status: 'respinsa', resolution: { ...resolution, revisedAmount: 1_000_000 as Bani } });
    expect(errors['resolution.revisedScore']).toBe('Doar o contestație admisă sau admisă parțial poate modifica punctajul.');
    expect(errors['resolution.revisedAmount']).toBe('Doar o contestație admisă sau admisă parțial poate modifica suma.');
    const partial = validateAppeal({ ...draft, status: 'admisa_partial', resolution: { ...resolution, revisedScore: -1, revisedAmount: 12.5 as Bani } });
    expect(partial.errors['resolution.revisedScore']).toBe('Punctajul revizuit trebuie să fie un număr pozitiv sau zero.');
    expect(partial.errors['resolution.revisedAmount']).toMatch(/^Suma revizuită trebuie să fie o sumă pozitivă/);
  });
});

describe('an appeal changes the ranking only through a new recorded decision', () => {
  const appeal = (status: Appeal['status'], res?: AppealResolution): Pick<Appeal, 'status' | 'resolution'> => ({ status, resolution: res });

  it('when admitted (fully or partly), with the recording act and a revised score or amount', () => {
    expect(appealOutcomeChangesRanking(appeal('admisa', resolution))).toBe(true);
    expect(appealOutcomeChangesRanking(appeal('admisa_partial', { ...resolution, revisedScore: null, revisedAmount: 5_000_000 as Bani }))).toBe(true);
  });

  it('not before the act recording the decision is entered', () => {
    expect(appealOutcomeChangesRanking(appeal('admisa', { ...resolution, decisionAct: '  ' }))).toBe(false);
  });

  it('not when nothing is revised, and never when rejected, late, withdrawn or only registered', () => {
    expect(appealOutcomeChangesRanking(appeal('admisa', { ...resolution, revisedScore: null }))).toBe(false);
    expect(appealOutcomeChangesRanking(appeal('respinsa', resolution))).toBe(false);
    expect(appealOutcomeChangesRanking(appeal('tardiva', resolution))).toBe(false);
    expect(appealOutcomeChangesRanking(appeal('retrasa', resolution))).toBe(false);
    expect(appealOutcomeChangesRanking(appeal('inregistrata'))).toBe(false);
  });
});

describe('appeals register', () => {
  it('numbers appeals in a yearly sequence, gaps kept', () => {
    const appeals = [{ registration: { year: 2027, sequence: 1 } }, { registration: { year: 2027, sequence: 4 } }, { registration: { year: 2026, sequence: 9 } }];
    expect(nextAppealRegistration(appeals, 2027)).toEqual({ year: 2027, sequence: 5 });
    expect(nextAppealRegistration(appeals, 2028)).toEqual({ year: 2028, sequence: 1 });
  });
});
