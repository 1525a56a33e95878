import { Button } from './button.tsx';

/**
 * What someone has chosen so far in a form that builds a list (areas, for one), each with its own
 * Remove button whose name says what it removes.
 */
export function ChosenList({
  label,
  codes,
  nameOf,
  describe = nameOf,
  onRemove,
}: {
  /** The list's accessible name, e.g. "Areas chosen". */
  label: string;
  codes: readonly string[];
  /** What the Remove button names. */
  nameOf: (code: string) => string;
  /** What the list shows for the item; its name unless given. */
  describe?: (code: string) => string;
  onRemove: (code: string) => void;
}) {
  return (
    <ul className="app-list" aria-label={label}>
      {codes.map((code) => (
        <li key={code}>
          {describe(code)}{' '}
          <Button variant="secondary" onClick={() => onRemove(code)}>
            Remove<span className="app-visually-hidden"> {nameOf(code)}</span>
          </Button>
        </li>
      ))}
    </ul>
  );
}
