import type { ChangeEvent } from 'react';
import { VisuallyHidden } from './visually-hidden.tsx';

export interface FileUploadProps {
  id: string;
  label: string;
  hint: string;
  /** e.g. ".json,.csv". */
  accept: string;
  multiple?: boolean;
  /** Every problem with the file, each naming its row or feature; listed under the hint. */
  problems: readonly string[];
  onChange: (files: File[], event: ChangeEvent<HTMLInputElement>) => void;
}

/** A file box whose problems (often many, one per row of a bad file) are listed above the input. */
export function FileUpload({ id, label, hint, accept, multiple = false, problems, onChange }: FileUploadProps) {
  const hasProblems = problems.length > 0;
  return (
    <div className={hasProblems ? 'app-form-group app-form-group--error' : 'app-form-group'}>
      <label className="app-label" htmlFor={id}>
        {label}
      </label>
      <div id={`${id}-hint`} className="app-hint">
        {hint}
      </div>
      {hasProblems ? (
        <div id={`${id}-error`} className="app-error-message">
          <VisuallyHidden>Error:</VisuallyHidden>{' '}
          {problems.length === 1 ? (
            problems[0]
          ) : (
            <ul className="app-list app-list--bullet app-file-upload__problems">
              {problems.map((problem, index) => (
                <li key={`${index}:${problem}`}>{problem}</li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
      <input
        className={hasProblems ? 'app-file-upload app-file-upload--error' : 'app-file-upload'}
        id={id}
        name={id}
        type="file"
        accept={accept}
        multiple={multiple}
        aria-describedby={hasProblems ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={hasProblems ? true : undefined}
        onChange={(event) => onChange([...(event.currentTarget.files ?? [])], event)}
      />
    </div>
  );
}
