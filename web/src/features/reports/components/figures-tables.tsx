import { formatPence } from '../../../../../shared/money.ts';
import { Table } from '../../../components/table.tsx';

export interface Figures {
  grantCount: number;
  pence: number;
  peopleReached: number;
  reportsSent: number;
  reportsDue: number;
  reportsOverdue: number;
}

export interface FiguresRow extends Figures {
  key?: string | null;
  label: string;
}

const count = (value: number) => value.toLocaleString('en-GB');

/** The headline figures, as cards. */
export function FigureCards({ figures, moneyLabel }: { figures: Figures; moneyLabel: string }) {
  const cards: [string, string, string][] = [
    ['grants', count(figures.grantCount), figures.grantCount === 1 ? 'grant' : 'grants'],
    ['money', formatPence(figures.pence), moneyLabel],
    ['people', count(figures.peopleReached), 'people took part, as the short-form reports sent so far say'],
    ['reports', `${count(figures.reportsSent)} sent`, `reports; ${count(figures.reportsDue)} due, ${count(figures.reportsOverdue)} overdue`],
  ];
  return (
    <ul className="app-impact-cards">
      {cards.map(([key, figure, label]) => (
        <li className="app-card" key={key} data-testid={`impact-${key}`}>
          <p className="app-card__figure app-card__figure--small">{figure}</p>
          <p className="app-card__label">{label}</p>
        </li>
      ))}
    </ul>
  );
}

/** Figures by priority or by phase: one row each, with money, people and reports. */
export function FiguresTable({ caption, rows, nameHeader, moneyHeader, note }: { caption: string; rows: readonly FiguresRow[]; nameHeader: string; moneyHeader: string; note?: string }) {
  return (
    <section className="app-impact-section">
      <Table
        caption={caption}
        captionSize="m"
        firstCellIsHeader
        rowKey={(row) => row.key ?? 'none'}
        rows={rows}
        emptyText="No grants yet."
        columns={[
          { key: 'label', header: nameHeader },
          { key: 'grants', header: 'Grants', numeric: true, render: (row) => count(row.grantCount) },
          { key: 'money', header: moneyHeader, numeric: true, render: (row) => formatPence(row.pence) },
          { key: 'people', header: 'People taking part', numeric: true, render: (row) => count(row.peopleReached) },
          { key: 'sent', header: 'Reports sent', numeric: true, render: (row) => count(row.reportsSent) },
          { key: 'due', header: 'Due', numeric: true, render: (row) => count(row.reportsDue) },
          { key: 'overdue', header: 'Overdue', numeric: true, render: (row) => count(row.reportsOverdue) },
        ]}
      />
      {note ? <p className="app-caption">{note}</p> : null}
    </section>
  );
}
