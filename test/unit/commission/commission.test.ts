import { describe, expect, it } from 'vitest';
import {
  DEFAULT_COMMISSION_RULES,
  decideVote,
  effectiveRules,
  emptyCommission,
  requiredForQuorum,
  validateCommission,
  validateCommissionRules,
} from '../../../src/commission/commission';

describe('commission rules (domain.md §7 defaults, editable)', () => {
  it('ships the defaults of domain.md §7: quorum more than half, decisions by majority of those present, ties to the commission', () => {
    expect(DEFAULT_COMMISSION_RULES.quorum).toEqual({ kind: 'peste_jumatate' });
    expect(DEFAULT_COMMISSION_RULES.decision).toEqual({ kind: 'majoritatea_prezentilor' });
    expect(DEFAULT_COMMISSION_RULES.tieRule).toBe('semnalare_comisie');
    expect(DEFAULT_COMMISSION_RULES.discrepancyMargin).toBeNull();
  });

  it('needs more than half: 4 of 6, 4 of 7, 3 of 5', () => {
    expect(requiredForQuorum({ kind: 'peste_jumatate' }, 6)).toBe(4);
    expect(requiredForQuorum({ kind: 'peste_jumatate' }, 7)).toBe(4);
    expect(requiredForQuorum({ kind: 'peste_jumatate' }, 5)).toBe(3);
    expect(requiredForQuorum({ kind: 'cel_putin_fractie', numerator: 2, denominator: 3 }, 7)).toBe(5);
    expect(requiredForQuorum({ kind: 'numar_minim', count: 3 }, 9)).toBe(3);
  });

  it('adopts a decision with the majority of those present, never without quorum', () => {
    const context = { present: 5, votingTotal: 7, hasQuorum: true };
    expect(decideVote({ kind: 'majoritatea_prezentilor' }, { for: 3, against: 2, abstentions: 0 }, context)).toMatchObject({ isAdopted: true, required: 3 });
    const refused = decideVote({ kind: 'majoritatea_prezentilor' }, { for: 2, against: 1, abstentions: 2 }, context);
    expect(refused.isAdopted).toBe(false);
    expect(refused.message).toContain('2 abțineri');
    expect(refused.message).toContain('cel puțin 3 voturi');
    expect(decideVote({ kind: 'majoritatea_membrilor' }, { for: 3, against: 2, abstentions: 0 }, context).isAdopted).toBe(false);
    expect(decideVote({ kind: 'majoritatea_prezentilor' }, { for: 5, against: 0, abstentions: 0 }, { ...context, hasQuorum: false }).message).toMatch(/cvorum/);
    expect(decideVote({ kind: 'majoritatea_prezentilor' }, { for: 5, against: 1, abstentions: 0 }, context).message).toMatch(/verificați/);
  });

  it('refuses a fraction above one, a negative margin and a commission without its founding act', () => {
    expect(validateCommissionRules({ ...DEFAULT_COMMISSION_RULES, quorum: { kind: 'cel_putin_fractie', numerator: 4, denominator: 3 } }).quorum).toMatch(
      /nu poate depăși/,
    );
    expect(validateCommissionRules({ ...DEFAULT_COMMISSION_RULES, discrepancyMargin: -1 }).discrepancyMargin).toMatch(/pozitiv/);
    expect(validateCommissionRules({ ...DEFAULT_COMMISSION_RULES, discrepancyMargin: 2.5 })).toEqual({});
    expect(validateCommission(emptyCommission()).errors.legalBasis).toMatch(/HCL 632\/2016/);
    expect(validateCommission({ ...emptyCommission(), legalBasis: 'HCL 632/2016' }).errors).toEqual({});
  });

  it('lets a round change one rule and keep the others', () => {
    const rules = effectiveRules(DEFAULT_COMMISSION_RULES, { discrepancyMargin: 5, allocation: { allowPartialLast: true, skipToNextThatFits: false } });
    expect(rules.discrepancyMargin).toBe(5);
    expect(rules.allocation.allowPartialLast).toBe(true);
    expect(rules.quorum).toEqual({ kind: 'peste_jumatate' });
    expect(DEFAULT_COMMISSION_RULES.allocation.allowPartialLast).toBe(false);
  });
});
