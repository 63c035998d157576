// The finance acts a convention produces, ready for the issued-documents register: the convention
// itself and each amendment. Each renders with its number once the register gives it one; the
// stored bytes are what every later download returns.
import { fileSlug } from '../../src/documents/issued-document';
import { termsInForce } from '../../src/conventions/amendments';
import { DomainError } from '../../src/errors';
import { buildAmendmentDocument } from '../../src/documents/amendment-document';
import { buildConventionDocument } from '../../src/documents/convention-document';
import { formatRoDate } from '../../src/validation/dates';
import type { Store } from '../db/store';
import type { ConventionDetail } from './conventions';
import type { DocumentToIssue } from './issued-documents';


/**
 * The convention as signed (its own terms, without the amendments, which are acts of their own),
 * with the budget commitment and its CFP visa when recorded.
 */
export function conventionToIssue(store: Store, detail: ConventionDetail): DocumentToIssue {
  const c = detail.convention;
  return {
    kind: 'conventie',
    roundId: c.roundId,
    organizationId: c.provider.organizationId,
    requestId: c.requestId,
    conventionId: c.id,
    title: `Convenția de subvenționare nr. ${c.number} din ${formatRoDate(c.date)}`,
    addressee: c.provider.name,
    stem: `conventie-${fileSlug(c.number)}-${c.year}`,
    async render(_issuedOn, mark) {
      const [{ renderConventionDocx }, settings, convention, commitment] = await Promise.all([
        import('../../templates/docx/convention'), store.settings.getInstitution(), store.conventions.get(c.id), store.conventions.getCommitment(c.id),
      ]);
      if (!convention) throw new DomainError('Convenția nu mai există.');
      const terms = termsInForce(convention, [], `${convention.year}-12-31`);
      const model = buildConventionDocument({ convention, terms, settings, commitment, mark, categoryLabels: detail.categoryLabels });
      return { bytes: await renderConventionDocx(model), model };
    },
  };
}

/** One amendment: the terms just before it and with it, the deciding act and the reason. */
export function amendmentToIssue(store: Store, detail: ConventionDetail, amendmentId: string): DocumentToIssue {
  const c = detail.convention;
  const entry = detail.amendmentTerms.find((t) => t.amendment.id === amendmentId);
  if (!entry) throw new DomainError('Actul adițional nu mai există.');
  const a = entry.amendment;
  return {
    kind: 'act_aditional',
    roundId: c.roundId,
    organizationId: c.provider.organizationId,
    requestId: c.requestId,
    conventionId: c.id,
    amendmentId: a.id,
    title: `Actul adițional nr. ${a.number} din ${formatRoDate(a.date)} la Convenția nr. ${c.number}/${formatRoDate(c.date)}`,
    addressee: c.provider.name,
    stem: `act-aditional-${fileSlug(a.number)}-conventie-${fileSlug(c.number)}-${c.year}`,
    async render(_issuedOn, mark) {
      const [{ renderAmendmentDocx }, settings] = await Promise.all([import('../../templates/docx/amendment'), store.settings.getInstitution()]);
      const model = buildAmendmentDocument({ convention: c, amendment: a, before: entry.before, after: entry.after, settings, mark });
      return { bytes: await renderAmendmentDocx(model), model };
    },
  };
}
