import { useId } from 'react';
import type { ReactNode } from 'react';

export interface TableColumn<Row> {
  key: string;
  header: ReactNode;
  /** Right-aligns the column so figures line up. */
  numeric?: boolean;
  /** Without render, the cell shows `row[key]` when it is a string or number. */
  render?: (row: Row) => ReactNode;
}

export interface TableProps<Row> {
  caption: ReactNode;
  captionSize?: 's' | 'm' | 'l' | 'xl';
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  emptyText?: ReactNode;
  /** Makes the first cell of each row a row header, for tables that compare named things. */
  firstCellIsHeader?: boolean;
}

function defaultCell<Row>(row: Row, key: string): ReactNode {
  const value: unknown = (row as Record<string, unknown>)[key];
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}

export function Table<Row extends object>({
  caption,
  captionSize = 'm',
  columns,
  rows,
  rowKey,
  emptyText = 'There is nothing to show.',
  firstCellIsHeader = false,
}: TableProps<Row>) {
  const captionId = useId();

  return (
    // Wide tables scroll sideways on phones; the region is focusable so keyboard users can scroll it too.
    <div className="app-table-container" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="app-table">
        <caption id={captionId} className={`app-table__caption app-table__caption--${captionSize}`}>
          {caption}
        </caption>
        <thead className="app-table__head">
          <tr className="app-table__row">
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={column.numeric ? 'app-table__header app-table__header--numeric' : 'app-table__header'}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="app-table__body">
          {rows.length === 0 ? (
            <tr className="app-table__row">
              <td className="app-table__cell app-table__cell--empty" colSpan={columns.length}>
                {emptyText}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr className="app-table__row" key={rowKey(row)}>
                {columns.map((column, index) => {
                  const content = column.render ? column.render(row) : defaultCell(row, column.key);
                  const className = column.numeric ? 'app-table__cell app-table__cell--numeric' : 'app-table__cell';
                  return firstCellIsHeader && index === 0 ? (
                    <th key={column.key} scope="row" className={`${className} app-table__header`}>
                      {content}
                    </th>
                  ) : (
                    <td key={column.key} className={className}>
                      {content}
                    </td>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
