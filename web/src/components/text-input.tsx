import type { ComponentPropsWithRef, HTMLInputTypeAttribute, ReactNode } from 'react';
import { VisuallyHidden } from './visually-hidden.tsx';

export type LabelSize = 's' | 'm' | 'l' | 'xl';
export type TextInputWidth = 'full' | '20' | '10' | '5';

export interface LabelProps {
  htmlFor: string;
  children: ReactNode;
  size?: LabelSize;
  /** For one-question pages: the label doubles as the page's <h1>. */
  isPageHeading?: boolean;
}

export function Label({ htmlFor, children, size, isPageHeading = false }: LabelProps) {
  const labelSize = size ?? (isPageHeading ? 'l' : undefined);
  const label = (
    <label className={labelSize ? `app-label app-label--${labelSize}` : 'app-label'} htmlFor={htmlFor}>
      {children}
    </label>
  );
  return isPageHeading ? <h1 className="app-label-wrapper">{label}</h1> : label;
}

export interface HintProps {
  id: string;
  children: ReactNode;
  className?: string;
}

export function Hint({ id, children, className }: HintProps) {
  return (
    <div id={id} className={className ? `app-hint ${className}` : 'app-hint'}>
      {children}
    </div>
  );
}

export interface ErrorMessageProps {
  id: string;
  children: ReactNode;
}

/** The visually hidden prefix tells screen reader users this text is an error, not a hint. */
export function ErrorMessage({ id, children }: ErrorMessageProps) {
  return (
    <p id={id} className="app-error-message">
      <VisuallyHidden>Error:</VisuallyHidden> {children}
    </p>
  );
}

export interface TextInputProps
  extends Omit<ComponentPropsWithRef<'input'>, 'id' | 'name' | 'type' | 'width' | 'prefix' | 'children'> {
  /** Also the target of the error summary link, so keep it equal to the field name where possible. */
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  type?: HTMLInputTypeAttribute;
  width?: TextInputWidth;
  labelSize?: LabelSize;
  isPageHeading?: boolean;
  /** Shown beside the input, e.g. "£". Hidden from screen readers, so say it in the label or hint too. */
  prefix?: string;
  suffix?: string;
}

export function TextInput({
  id,
  name,
  label,
  hint,
  error,
  type = 'text',
  width = 'full',
  labelSize,
  isPageHeading,
  prefix,
  suffix,
  className,
  'aria-describedby': extraDescribedBy,
  ...rest
}: TextInputProps) {
  const hasError = Boolean(error);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [extraDescribedBy, hint ? hintId : '', hasError ? errorId : ''].filter(Boolean).join(' ');
  const inputClassName = [
    'app-input',
    width === 'full' ? '' : `app-input--width-${width}`,
    hasError ? 'app-input--error' : '',
    className ?? '',
  ]
    .filter(Boolean)
    .join(' ');

  const input = (
    <input
      {...rest}
      id={id}
      name={name}
      type={type}
      className={inputClassName}
      aria-describedby={describedBy || undefined}
      aria-invalid={hasError ? true : undefined}
    />
  );

  return (
    <div className={hasError ? 'app-form-group app-form-group--error' : 'app-form-group'}>
      <Label htmlFor={id} size={labelSize} isPageHeading={isPageHeading}>
        {label}
      </Label>
      {hint ? <Hint id={hintId}>{hint}</Hint> : null}
      {hasError ? <ErrorMessage id={errorId}>{error}</ErrorMessage> : null}
      {prefix || suffix ? (
        <div className="app-input__wrapper">
          {prefix ? (
            <div className="app-input__prefix" aria-hidden="true">
              {prefix}
            </div>
          ) : null}
          {input}
          {suffix ? (
            <div className="app-input__suffix" aria-hidden="true">
              {suffix}
            </div>
          ) : null}
        </div>
      ) : (
        input
      )}
    </div>
  );
}
