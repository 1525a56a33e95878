import type { CSSProperties, ReactNode } from 'react';
import { formatPence } from '../../../shared/money.ts';

export type BudgetTone = 'paid' | 'committed' | 'reserved' | 'available';

export interface BudgetSegment {
  label: string;
  pence: number;
  tone: BudgetTone;
}

export interface BudgetBarProps {
  segments: readonly BudgetSegment[];
  totalPence: number;
  /** Label for the total row in the figures list. */
  totalLabel?: string;
  /** Optional heading-like caption shown above the bar. */
  caption?: ReactNode;
}

function shareOf(pence: number, scalePence: number): string {
  if (scalePence <= 0 || pence <= 0) return '0%';
  return `${Math.min(100, (pence / scalePence) * 100).toFixed(2)}%`;
}

export function BudgetBar({ segments, totalPence, totalLabel = 'Total', caption }: BudgetBarProps) {
  const segmentSum = segments.reduce((sum, segment) => sum + Math.max(0, segment.pence), 0);
  // If more is allocated than the total (an overspend), scale to the larger figure so the bar still fits.
  const scalePence = Math.max(totalPence, segmentSum);

  return (
    <div className="app-budget">
      {caption ? <p className="app-budget__caption">{caption}</p> : null}
      {/* The figures list below carries the same information, so the bar is hidden from screen readers. */}
      <div className="app-budget__bar" aria-hidden="true">
        {segments
          .filter((segment) => segment.pence > 0)
          .map((segment, index) => (
            <span
              key={`${segment.tone}-${index}`}
              className={`app-budget__segment app-budget__segment--${segment.tone}`}
              style={{ '--share': shareOf(segment.pence, scalePence) } as CSSProperties}
            />
          ))}
      </div>
      <dl className="app-budget__figures">
        {segments.map((segment, index) => (
          <div className="app-budget__figure" key={`${segment.tone}-${index}`}>
            <dt className="app-budget__label">
              <span className={`app-budget__key app-budget__key--${segment.tone}`} aria-hidden="true" />
              {segment.label}
            </dt>
            <dd className="app-budget__amount">{formatPence(segment.pence)}</dd>
          </div>
        ))}
        <div className="app-budget__figure app-budget__figure--total">
          <dt className="app-budget__label">{totalLabel}</dt>
          <dd className="app-budget__amount">{formatPence(totalPence)}</dd>
        </div>
      </dl>
    </div>
  );
}

export interface FundLedgerFigures {
  contributedPence: number;
  paidPence: number;
  committedPence: number;
  reservedPence: number;
  availablePence: number;
}

/** A whole fund's money, the same way on every screen where money is decided. */
export function FundLedgerBar({ ledger, caption }: { ledger: FundLedgerFigures; caption?: ReactNode }) {
  return (
    <BudgetBar
      caption={caption}
      totalLabel="Contributed"
      totalPence={ledger.contributedPence}
      segments={[
        { label: 'Paid', pence: ledger.paidPence, tone: 'paid' },
        { label: 'Committed', pence: ledger.committedPence, tone: 'committed' },
        { label: 'Reserved', pence: ledger.reservedPence, tone: 'reserved' },
        { label: 'Available', pence: ledger.availablePence, tone: 'available' },
      ]}
    />
  );
}
