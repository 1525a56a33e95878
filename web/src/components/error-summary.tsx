import { useEffect, useRef } from 'react';
import type { MouseEvent, ReactNode } from 'react';

export interface FieldError {
  /** The id of the input (or the first radio/checkbox) to move to. */
  field: string;
  message: string;
}

export interface ErrorSummaryProps {
  errors: readonly FieldError[];
  title?: ReactNode;
}

// Browsers only scroll to a fragment's target; this also focuses the input and keeps its
// label or legend in view so people can see which question the error is about.
function moveToField(event: MouseEvent<HTMLAnchorElement>, field: string) {
  const input = document.getElementById(field);
  if (!input) return;
  event.preventDefault();
  const legend = input.closest('fieldset')?.querySelector('legend');
  const label = document.querySelector(`label[for="${CSS.escape(field)}"]`);
  (legend ?? label ?? input).scrollIntoView();
  input.focus({ preventScroll: true });
}

export function ErrorSummary({ errors, title = 'There is a problem' }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  // Parents often rebuild the errors array on every render; only refocus when its contents change.
  const signature = errors.map((error) => `${error.field}\u0000${error.message}`).join('\u0001');

  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);

  if (errors.length === 0) return null;

  return (
    <div ref={ref} className="app-error-summary" role="alert" tabIndex={-1}>
      <h2 className="app-error-summary__title">{title}</h2>
      <ul className="app-error-summary__list">
        {errors.map((error) => (
          <li key={`${error.field}:${error.message}`}>
            <a href={`#${error.field}`} onClick={(event) => moveToField(event, error.field)}>
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
