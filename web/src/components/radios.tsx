import type { ChangeEvent, ReactNode } from 'react';
import { ErrorMessage, Hint } from './text-input.tsx';

export type LegendSize = 's' | 'm' | 'l' | 'xl';

export interface ChoiceItem {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  disabled?: boolean;
}

export interface LegendProps {
  children: ReactNode;
  size?: LegendSize;
  /** For one-question pages: the legend doubles as the page's <h1>. */
  isPageHeading?: boolean;
}

export function Legend({ children, size, isPageHeading = false }: LegendProps) {
  const legendSize = size ?? (isPageHeading ? 'l' : undefined);
  return (
    <legend className={legendSize ? `app-fieldset__legend app-fieldset__legend--${legendSize}` : 'app-fieldset__legend'}>
      {isPageHeading ? <h1 className="app-fieldset__heading">{children}</h1> : children}
    </legend>
  );
}

/**
 * The first option takes the group's id so an error summary link to `#${id}` lands on it;
 * later options get `${id}-2`, `${id}-3`, ...
 */
export function choiceId(groupId: string, index: number): string {
  return index === 0 ? groupId : `${groupId}-${index + 1}`;
}

export interface RadiosProps {
  id: string;
  name: string;
  legend: ReactNode;
  legendSize?: LegendSize;
  isPageHeading?: boolean;
  hint?: ReactNode;
  error?: ReactNode;
  items: readonly ChoiceItem[];
  /** Controlled value; leave undefined and use defaultValue for an uncontrolled group. */
  value?: string;
  defaultValue?: string;
  onChange?: (value: string, event: ChangeEvent<HTMLInputElement>) => void;
  inline?: boolean;
}

export function Radios({
  id,
  name,
  legend,
  legendSize,
  isPageHeading,
  hint,
  error,
  items,
  value,
  defaultValue,
  onChange,
  inline = false,
}: RadiosProps) {
  const hasError = Boolean(error);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', hasError ? errorId : ''].filter(Boolean).join(' ');

  return (
    <div className={hasError ? 'app-form-group app-form-group--error' : 'app-form-group'}>
      <fieldset className="app-fieldset" aria-describedby={describedBy || undefined}>
        <Legend size={legendSize} isPageHeading={isPageHeading}>
          {legend}
        </Legend>
        {hint ? <Hint id={hintId}>{hint}</Hint> : null}
        {hasError ? <ErrorMessage id={errorId}>{error}</ErrorMessage> : null}
        <div className={inline ? 'app-radios app-radios--inline' : 'app-radios'}>
          {items.map((item, index) => {
            const itemId = choiceId(id, index);
            const itemHintId = `${itemId}-item-hint`;
            return (
              <div className="app-radios__item" key={item.value}>
                <input
                  className="app-radios__input"
                  id={itemId}
                  name={name}
                  type="radio"
                  value={item.value}
                  disabled={item.disabled}
                  checked={value === undefined ? undefined : value === item.value}
                  defaultChecked={value === undefined ? defaultValue === item.value : undefined}
                  onChange={(event) => onChange?.(event.currentTarget.value, event)}
                  aria-describedby={item.hint ? itemHintId : undefined}
                />
                <label className="app-radios__label" htmlFor={itemId}>
                  {item.label}
                </label>
                {item.hint ? (
                  <Hint id={itemHintId} className="app-radios__hint">
                    {item.hint}
                  </Hint>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
