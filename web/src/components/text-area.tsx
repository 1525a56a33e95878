import { useState } from 'react';
import type { ChangeEvent, ComponentPropsWithRef, ReactNode } from 'react';
import { ErrorMessage, Hint, Label } from './text-input.tsx';
import type { LabelSize } from './text-input.tsx';
import { countWords, wordCountMessage } from '../../../shared/text.ts';

export interface TextAreaProps extends Omit<ComponentPropsWithRef<'textarea'>, 'id' | 'name' | 'children'> {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  labelSize?: LabelSize;
  isPageHeading?: boolean;
  /** Shows a live word count. People may still type past the limit; validate on submit. */
  maxWords?: number;
}


export function TextArea({
  id,
  name,
  label,
  hint,
  error,
  labelSize,
  isPageHeading,
  maxWords,
  rows = 5,
  className,
  value,
  defaultValue,
  onChange,
  'aria-describedby': extraDescribedBy,
  ...rest
}: TextAreaProps) {
  // Only used to drive the word count when the caller leaves the textarea uncontrolled.
  const [uncontrolledText, setUncontrolledText] = useState(() => (defaultValue === undefined ? '' : String(defaultValue)));
  const text = value === undefined ? uncontrolledText : String(value);

  const hasError = Boolean(error);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const countId = `${id}-word-count`;
  const words = maxWords === undefined ? 0 : countWords(text);
  const overLimit = maxWords !== undefined && words > maxWords;
  const describedBy = [
    extraDescribedBy,
    hint ? hintId : '',
    hasError ? errorId : '',
    maxWords === undefined ? '' : countId,
  ]
    .filter(Boolean)
    .join(' ');

  function handleChange(event: ChangeEvent<HTMLTextAreaElement>) {
    setUncontrolledText(event.currentTarget.value);
    onChange?.(event);
  }

  const textareaClassName = ['app-textarea', hasError || overLimit ? 'app-textarea--error' : '', className ?? '']
    .filter(Boolean)
    .join(' ');

  return (
    <div className={hasError ? 'app-form-group app-form-group--error' : 'app-form-group'}>
      <Label htmlFor={id} size={labelSize} isPageHeading={isPageHeading}>
        {label}
      </Label>
      {hint ? <Hint id={hintId}>{hint}</Hint> : null}
      {hasError ? <ErrorMessage id={errorId}>{error}</ErrorMessage> : null}
      <textarea
        {...rest}
        id={id}
        name={name}
        rows={rows}
        value={value}
        defaultValue={defaultValue}
        onChange={handleChange}
        className={textareaClassName}
        aria-describedby={describedBy || undefined}
        aria-invalid={hasError ? true : undefined}
        data-max-words={maxWords}
      />
      {maxWords === undefined ? null : (
        <div
          id={countId}
          className={overLimit ? 'app-hint app-word-count app-word-count--over' : 'app-hint app-word-count'}
          aria-live="polite"
        >
          {wordCountMessage(maxWords, words)}
        </div>
      )}
    </div>
  );
}
