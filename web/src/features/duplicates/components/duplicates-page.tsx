import { useParams } from 'react-router';
import { FundRole } from '../../../../../shared/domain.ts';
import { usePageTitle } from '../../../app/use-page-title.ts';
import { Button } from '../../../components/button.tsx';
import { useCheckFund } from '../api/check-fund.ts';
import { useFundDuplicates, type DuplicateFlagView } from '../api/fund-duplicates.ts';
import { useReviewDuplicate } from '../api/review-duplicate.ts';
import { FlagCard } from './flag-card.tsx';
import { ImportGrants } from './import-grants.tsx';

const REVIEWERS: string[] = [FundRole.COORDINATOR, FundRole.FUNDER_OFFICER];

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Newest review first, so a review just saved is at the top of its list. */
const byReviewedAtDescending = (a: DuplicateFlagView, b: DuplicateFlagView) => (b.reviewedAt ?? '').localeCompare(a.reviewedAt ?? '');

/** Where coordinators and funder officers work through the fund's possible duplicates. */
export function DuplicatesPage() {
  const { fundId = '' } = useParams();
  const { data, error, isPending } = useFundDuplicates(fundId);
  // Kept here, not in each flag: a saved flag moves to the reviewed list, and its outcome goes with it.
  const review = useReviewDuplicate(fundId);
  usePageTitle('Possible duplicates');
  if (isPending) return <p className="app-body" role="status">Loading possible duplicates…</p>;
  if (error) return <p className="app-body" role="alert">{error.message}</p>;
  const { fund } = data;
  if (!fund.myRoles.some((role) => REVIEWERS.includes(role))) {
    return (
      <>
        <span className="app-caption">{fund.name}</span>
        <h1 className="app-heading-xl">Possible duplicates</h1>
        <p className="app-body">Only the fund’s coordinators and funder officers review possible duplicates. The panel pack shows what they found.</p>
      </>
    );
  }
  const toReview = fund.duplicateFlags.filter((flag) => flag.current && !flag.verdict);
  const reviewed = fund.duplicateFlags.filter((flag) => flag.verdict).sort(byReviewedAtDescending);

  return (
    <>
      <span className="app-caption">{fund.name}</span>
      <h1 className="app-heading-xl">Possible duplicates</h1>
      <p className="app-body">
        The portal compares each application with the others in the fund and with grants other funders have published, when it is sent and every night.
        It flags the same group applying twice, under another name or already funded elsewhere, and different groups doing the same work in the same place.
        Decide each one; the panel reads your decision and note in its pack.
      </p>
      <CheckFund fundId={fund.id} toReview={toReview.length} />

      <section aria-labelledby="to-review">
        <h2 className="app-heading-l" id="to-review">
          To review ({toReview.length})
        </h2>
        {toReview.length === 0 ? <p className="app-body">Nothing to review.</p> : null}
        {toReview.map((flag) => (
          <FlagCard key={flag.id} flag={flag} review={review} />
        ))}
      </section>

      <section aria-labelledby="reviewed">
        <h2 className="app-heading-l" id="reviewed">
          Reviewed ({reviewed.length})
        </h2>
        {reviewed.length === 0 ? <p className="app-body">No reviews yet.</p> : null}
        {reviewed.map((flag) => (
          <FlagCard key={flag.id} flag={flag} review={review} />
        ))}
      </section>

      <ImportGrants fundId={fund.id} imports={fund.externalGrantImports} />
    </>
  );
}

/**
 * The check's own count names a pair of applications once from each side, so the result is told from
 * the flags as read again afterwards (the mutation waits for them): what is waiting for a decision.
 */
function CheckFund({ fundId, toReview }: { fundId: string; toReview: number }) {
  const check = useCheckFund(fundId);
  return (
    <div className="app-duplicates__check">
      <Button variant="secondary" disabled={check.isPending} onClick={() => check.mutate()}>
        Check the fund now
      </Button>
      {/* Present from the start, so screen readers announce the result when it arrives. */}
      <div role="status" className="app-duplicates__check-result">
        {check.isPending ? <p className="app-body">Checking every application…</p> : null}
        {check.isSuccess ? (
          <p className="app-body">
            Checked {plural(check.data.applications, 'application', 'applications')}.{' '}
            {toReview === 0 ? 'No possible duplicates are waiting for review.' : `${plural(toReview, 'possible duplicate is', 'possible duplicates are')} waiting for review.`}
          </p>
        ) : null}
      </div>
      {check.isError ? (
        <p className="app-body app-duplicates__problem" role="alert">
          {check.error.message}
        </p>
      ) : null}
    </div>
  );
}
