import type { ReactNode } from 'react';
import { VisuallyHidden } from './visually-hidden.tsx';

export interface SummaryListAction {
  href: string;
  /** Usually "Change". */
  label: string;
  /** Read after the label so each link makes sense out of context, e.g. "name of your group". */
  visuallyHiddenText: string;
}

export interface SummaryListRow {
  key: ReactNode;
  value: ReactNode;
  action?: SummaryListAction;
}

export interface SummaryListProps {
  rows: readonly SummaryListRow[];
  /** Drops the row borders, for short lists inside cards. */
  noBorder?: boolean;
}

export function SummaryList({ rows, noBorder = false }: SummaryListProps) {
  const anyActions = rows.some((row) => row.action);
  return (
    <dl className={noBorder ? 'app-summary-list app-summary-list--no-border' : 'app-summary-list'}>
      {rows.map((row, index) => (
        <div
          // Keys are arbitrary ReactNodes, so the position is the only stable identity available.
          key={index}
          className={anyActions && !row.action ? 'app-summary-list__row app-summary-list__row--no-actions' : 'app-summary-list__row'}
        >
          <dt className="app-summary-list__key">{row.key}</dt>
          <dd className="app-summary-list__value">{row.value}</dd>
          {row.action ? (
            <dd className="app-summary-list__actions">
              <a className="app-link" href={row.action.href}>
                {row.action.label}
                <VisuallyHidden> {row.action.visuallyHiddenText}</VisuallyHidden>
              </a>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}
