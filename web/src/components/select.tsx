import type { ComponentPropsWithRef, ReactNode } from 'react';
import './select.css';
import { ErrorMessage, Hint, Label } from './text-input.tsx';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectProps extends Omit<ComponentPropsWithRef<'select'>, 'id' | 'name' | 'children'> {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  options: readonly SelectOption[];
}

/** A labelled drop-down list in the GOV.UK Design System's style; for a short list of settled choices. */
export function Select({ id, name, label, hint, error, options, className, ...rest }: SelectProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className={error ? 'app-form-group app-form-group--error' : 'app-form-group'}>
      <Label htmlFor={id}>{label}</Label>
      {hint ? <Hint id={hintId}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={errorId}>{error}</ErrorMessage> : null}
      <select {...rest} id={id} name={name} className={['app-select', error ? 'app-select--error' : '', className ?? ''].filter(Boolean).join(' ')} aria-describedby={describedBy || undefined}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
