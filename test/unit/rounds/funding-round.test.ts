import { describe, expect, it } from 'vitest';
import { formatLei, parseLei } from '../../../src/money';
import {
  assessmentDate, DEFAULT_COMPLETION_WORKING_DAYS, defaultRoundName, duplicateRoundNameError, emptyFundingRound, followingRoundName, isSubmissionOpen, parsePercent, roundCompletionWorkingDays, roundShareOfCosts, roundSummary, validateFundingRound,
} from '../../../src/rounds/funding-round';

describe('amounts typed in lei', () => {
  it('reads ro-RO and plain notations into integer bani', () => {
    expect(parseLei('1.537.120,00')).toBe(153_712_000);
    expect(parseLei('1537120,5')).toBe(153_712_050);
    expect(parseLei('1537120.50 lei')).toBe(153_712_050);
    expect(parseLei('1 537 120')).toBe(153_712_000);
    expect(parseLei('2.215.615')).toBe(221_561_500);
    expect(parseLei('0,07')).toBe(7);
  });

  it('refuses text that is not an amount, or has more than two decimals', () => {
    expect(parseLei('')).toBeUndefined();
    expect(parseLei('abc')).toBeUndefined();
    expect(parseLei('12,345')).toBeUndefined();
    expect(parseLei('1.23.4')).toBeUndefined();
  });

  it('round-trips with formatLei', () => {
    expect(parseLei(formatLei(221_561_500))).toBe(221_561_500);
  });
});

describe('funding rounds', () => {
  const draft = { ...emptyFundingRound(2027), budget: 221_561_500, submissionStart: '01.08.2026', submissionEnd: '30.09.2026', legalBasis: 'HCL 818/2024' } as ReturnType<typeof emptyFundingRound>;

  it('accepts a Law 34/1998 round whose requests are filed in the previous year', () => {
    const { value, errors } = validateFundingRound(draft);
    expect(errors).toEqual({});
    expect(value).toMatchObject({ year: 2027, submissionStart: '2026-08-01', submissionEnd: '2026-09-30' });
    expect(roundSummary(value)).toBe('Legea 34/1998 · 2027 · 2.215.615,00 lei');
  });

  it('refuses a zero budget, a window that ends before it starts and a year out of range', () => {
    const { errors } = validateFundingRound({ ...draft, budget: 0 as never, submissionEnd: '31.07.2026', year: 1999 });
    expect(errors.budget).toMatch(/pozitivă/);
    expect(errors.submissionEnd).toMatch(/înaintea/);
    expect(errors.year).toMatch(/2000/);
  });

  it('is open for submissions inside its window, both ends included, only while open', () => {
    const round = { status: 'deschisa' as const, submissionStart: '2026-08-01', submissionEnd: '2026-09-30' };
    expect(isSubmissionOpen(round, '2026-07-31')).toBe(false);
    expect(isSubmissionOpen(round, '2026-08-01')).toBe(true);
    expect(isSubmissionOpen(round, '2026-09-30')).toBe(true);
    expect(isSubmissionOpen(round, '2026-10-01')).toBe(false);
    expect(isSubmissionOpen({ ...round, status: 'in_evaluare' }, '2026-09-01')).toBe(false);
  });

  it('takes an optional share-of-costs limit, only with the act that sets it', () => {
    expect(validateFundingRound({ ...draft, maxShareBasisPoints: 9000, maxShareSource: '' }).errors.maxShareSource).toMatch(/actul/);
    expect(validateFundingRound({ ...draft, maxShareBasisPoints: 10_001, maxShareSource: 'HCL 632/2016' }).errors.maxShareBasisPoints).toMatch(/între 0 și 100/);
    const { value, errors } = validateFundingRound({ ...draft, maxShareBasisPoints: 9000, maxShareSource: 'Regulament HCL 632/2016' });
    expect(errors).toEqual({});
    expect(roundShareOfCosts(value)).toEqual({ basisPoints: 9000, source: 'Regulament HCL 632/2016' });
    // A round stored before the field existed has no limit.
    expect(roundShareOfCosts({})).toBeNull();
  });

  it('reads percentages typed the Romanian way', () => {
    expect(parsePercent('90')).toBe(9000);
    expect(parsePercent('87,5')).toBe(8750);
    expect(parsePercent('87.25 %')).toBe(8725);
    expect(parsePercent('9o')).toBeUndefined();
    expect(parsePercent('87,555')).toBeUndefined();
  });
});

describe('the round\'s legal date, mandatory items and completion term', () => {
  const draft = { ...emptyFundingRound(2027), budget: 221_561_500, submissionStart: '01.08.2026', submissionEnd: '30.09.2026', legalBasis: 'HCL 818/2024' } as ReturnType<typeof emptyFundingRound>;
  const request = { registeredOn: '2026-09-25' };

  it('judges eligibility on the submission deadline by default, old rounds without the field included (HG 1153/2001 art. 4)', () => {
    expect(assessmentDate({ submissionEnd: '2026-09-30', assessmentDateBasis: 'termen_depunere' }, request)).toBe('2026-09-30');
    expect(assessmentDate({ submissionEnd: '2026-09-30' }, request)).toBe('2026-09-30');
    expect(assessmentDate({ submissionEnd: '2026-09-30', assessmentDateBasis: 'data_inregistrarii' }, request)).toBe('2026-09-25');
    expect(validateFundingRound(draft).value.assessmentDateBasis).toBe('termen_depunere');
  });

  it('keeps the supporting items the round makes mandatory, and refuses unknown ones or those already mandatory by law', () => {
    expect(validateFundingRound({ ...draft, mandatoryDossierItems: ['raport_activitate', 'raport_activitate'] }).value.mandatoryDossierItems).toEqual(['raport_activitate']);
    expect(validateFundingRound({ ...draft, mandatoryDossierItems: ['bilant'] }).errors.mandatoryDossierItems).toMatch(/nu sunt documente suplimentare/);
    expect(validateFundingRound({ ...draft, mandatoryDossierItems: ['nu_exista'] }).errors.mandatoryDossierItems).toMatch(/nu_exista/);
  });

  it('gives the missing-documents notice the round\'s working days, or the app\'s labelled default', () => {
    expect(roundCompletionWorkingDays(undefined)).toBe(DEFAULT_COMPLETION_WORKING_DAYS);
    expect(roundCompletionWorkingDays({ completionWorkingDays: 10 })).toBe(10);
    expect(validateFundingRound({ ...draft, completionWorkingDays: 0 }).errors.completionWorkingDays).toMatch(/între 1 și 60/);
  });
});

describe('the name of a new round', () => {
  it('follows the budget year and the law while it is the name they give, or empty', () => {
    expect(emptyFundingRound(2027).name).toBe('Subvenții Legea 34/1998 pentru anul 2027');
    const start = { law: 'legea_34_1998' as const, year: '2027', name: defaultRoundName('legea_34_1998', 2027) };
    expect(followingRoundName(start, { law: 'legea_34_1998', year: '2028' })).toBe('Subvenții Legea 34/1998 pentru anul 2028');
    expect(followingRoundName(start, { law: 'legea_350_2005', year: '2027' })).toBe('Subvenții Legea 350/2005 pentru anul 2027');
    expect(followingRoundName({ ...start, name: '' }, { law: 'legea_34_1998', year: '2029' })).toBe('Subvenții Legea 34/1998 pentru anul 2029');
  });

  it('stays as the user wrote it once edited', () => {
    const edited = { law: 'legea_34_1998' as const, year: '2027', name: 'Runda a doua 2027 (centre de zi)' };
    expect(followingRoundName(edited, { law: 'legea_34_1998', year: '2028' })).toBe('Runda a doua 2027 (centre de zi)');
  });
});

describe('duplicate round names', () => {
  const rounds = [{ id: 'r1', name: 'Subvenții Legea 34/1998 pentru anul 2026' }, { id: 'r2', name: 'Runda a doua 2026' }];

  it('flags a name used by another round, whatever its case, spacing or cedillas', () => {
    expect(duplicateRoundNameError('runda  a doua 2026 ', rounds)).toBe('Există deja o rundă cu numele „Runda a doua 2026”. Alegeți alt nume.');
    expect(duplicateRoundNameError('Subvenţii Legea 34/1998 pentru anul 2026', rounds)).toMatch(/^Există deja o rundă/);
  });

  it('lets a round keep its own name, and says nothing of a new or empty name', () => {
    expect(duplicateRoundNameError('Runda a doua 2026', rounds, 'r2')).toBeUndefined();
    expect(duplicateRoundNameError('Subvenții Legea 34/1998 pentru anul 2027', rounds)).toBeUndefined();
    expect(duplicateRoundNameError('  ', rounds)).toBeUndefined();
  });
});
