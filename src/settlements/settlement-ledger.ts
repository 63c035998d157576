import type { Organization } from '../catalog/organization';
import type { Bani } from '../money';
import type { SocialServiceUnit } from '../register/unit';
import type { Month } from '../requests/subsidy-request';
import { isLocked, type MonthlySettlement } from './monthly-settlement';
import type { MonthlyDue, ProviderStanding } from './monthly-subsidy-due';

/** What the admitted lines of a computed month use of each unit's category budget. */
export function usedByCategory(due: Pick<MonthlyDue, 'lines'>, expenses: MonthlySettlement['expenses']): Record<string, Record<string, Bani>> {
  const category = new Map(expenses.map((l) => [l.id, l.category]));
  const used: Record<string, Record<string, number>> = {};
  for (const line of due.lines) {
    if (line.admitted <= 0) continue;
    const code = category.get(line.lineId);
    if (!code) continue;
    const unit = (used[line.unitId] ??= {});
    unit[code] = (unit[code] ?? 0) + line.admitted;
  }
  return used as Record<string, Record<string, Bani>>;
}

/**
 * What the convention's months before `month` admitted (verified, approved or paid), in total and
 * per unit and category: the remaining amount and the category budgets of the month depend on it.
 */
export function admittedBefore(settlements: readonly Pick<MonthlySettlement, 'conventionId' | 'month' | 'state' | 'verification'>[], conventionId: string, month: Month): { previouslyAdmitted: Bani; previouslyUsed: Record<string, Record<string, Bani>> } {
  let total = 0;
  const used: Record<string, Record<string, number>> = {};
  for (const s of settlements) {
    if (s.conventionId !== conventionId || s.month >= month || !isLocked(s) || !s.verification) continue;
    total += s.verification.admitted;
    for (const [unitId, byCategory] of Object.entries(s.verification.usedByCategory ?? {})) {
      const unit = (used[unitId] ??= {});
      for (const [code, amount] of Object.entries(byCategory)) unit[code] = (unit[code] ?? 0) + amount;
    }
  }
  return { previouslyAdmitted: total as Bani, previouslyUsed: used as Record<string, Record<string, Bani>> };
}

/** The provider's standing as the catalog and the register give it now (accreditation, current licences). */
export function providerStanding(
  organization: Pick<Organization, 'accreditationNumber' | 'accreditationDate'> | undefined,
  units: readonly Pick<SocialServiceUnit, 'id' | 'licenceNumber' | 'licenceIssueDate' | 'licenceExpiryDate'>[],
  suspensions: ProviderStanding['suspensions'] = [],
): ProviderStanding {
  return {
    ...(organization?.accreditationNumber && organization.accreditationDate ? { accreditedOn: organization.accreditationDate } : {}),
    licences: Object.fromEntries(units.map((u) => [u.id, { number: u.licenceNumber, issuedOn: u.licenceIssueDate, expiresOn: u.licenceExpiryDate }])),
    suspensions,
  };
}
