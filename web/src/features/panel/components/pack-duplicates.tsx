import { flagInWords, percentSure, reviewInWords } from '../../../../../shared/duplicates.ts';
import type { AgendaItem } from '../api/panel-pack.ts';

/** An agenda item's possible duplicates, in a line or two each, so the panel reads them before deciding. */
export function PackDuplicates({ item }: { item: AgendaItem }) {
  if (item.duplicateFlags.length === 0) return null;
  return (
    <ul className="app-list app-list--plain app-pack__duplicates" aria-label={`Possible duplicates of ${item.reference}`}>
      {item.duplicateFlags.map((flag) => (
        <li className="app-duplicate-note" key={flag.id}>
          <p className="app-body">
            <strong>{flagInWords(flag, item.id)}</strong> ({reviewInWords(flag)}
            {flag.current ? '' : '; no longer found by the latest check'})
          </p>
          <p className="app-body-s">
            {percentSure(flag.score)}: {flag.reasons.join('; ')}.
          </p>
        </li>
      ))}
    </ul>
  );
}
