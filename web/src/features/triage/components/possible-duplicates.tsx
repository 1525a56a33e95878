import { Link } from 'react-router';
import { flagInWords, percentSure, reviewInWords } from '../../../../../shared/duplicates.ts';
import { Tag } from '../../../components/tag.tsx';
import type { TriageApplication } from '../api/triage.ts';

/** What the duplicate checks found for this application, and what officers decided, before it is checked. */
export function PossibleDuplicates({ application }: { application: TriageApplication }) {
  const flags = application.duplicateFlags;
  return (
    <section aria-labelledby="possible-duplicates">
      <h2 className="app-heading-l" id="possible-duplicates">
        Possible duplicates
      </h2>
      {flags.length === 0 ? <p className="app-body">The checks found no possible duplicates of this application.</p> : null}
      {flags.map((flag) => (
        <div className="app-duplicate-note" key={flag.id}>
          <p className="app-body">
            <strong>{flagInWords(flag, application.id)}</strong> <Tag colour="yellow">{percentSure(flag.score)}</Tag>
          </p>
          <ul className="app-list app-list--bullet" aria-label="Why it was flagged">
            {flag.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
          <p className="app-body">
            Review: {reviewInWords(flag)}
            {flag.current ? null : <> (a later check no longer finds this pair)</>}
          </p>
        </div>
      ))}
      <p className="app-body">
        <Link to={`/funds/${application.fundId}/duplicates`}>Review the fund’s possible duplicates</Link>
      </p>
    </section>
  );
}
