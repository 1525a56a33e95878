import { useState } from 'react';
import type { ChangeEvent, ReactNode } from 'react';
import { ErrorMessage, Hint } from './text-input.tsx';
import { Legend, choiceId } from './radios.tsx';
import type { ChoiceItem, LegendSize } from './radios.tsx';

export interface CheckboxItem extends ChoiceItem {
  /** A "None of these" style option: ticking it clears the others, and ticking another clears it. */
  exclusive?: boolean;
}

export interface CheckboxesProps {
  /** Taken by the first checkbox so an error summary link to `#${id}` lands on it. */
  id: string;
  name: string;
  legend: ReactNode;
  legendSize?: LegendSize;
  isPageHeading?: boolean;
  hint?: ReactNode;
  error?: ReactNode;
  items: readonly CheckboxItem[];
  /** Controlled values; leave undefined and use defaultValue for an uncontrolled group. */
  value?: readonly string[];
  defaultValue?: readonly string[];
  onChange?: (value: string[], event: ChangeEvent<HTMLInputElement>) => void;
  inline?: boolean;
}

export function Checkboxes({
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
}: CheckboxesProps) {
  // Internal state stands in for the DOM when uncontrolled, so "exclusive" options can untick others.
  const [uncontrolledValue, setUncontrolledValue] = useState<readonly string[]>(() => defaultValue ?? []);
  const selected = value ?? uncontrolledValue;

  const hasError = Boolean(error);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', hasError ? errorId : ''].filter(Boolean).join(' ');

  function handleChange(item: CheckboxItem, event: ChangeEvent<HTMLInputElement>) {
    let next: string[];
    if (!event.currentTarget.checked) {
      next = selected.filter((selectedValue) => selectedValue !== item.value);
    } else if (item.exclusive) {
      next = [item.value];
    } else {
      const exclusiveValues = new Set(items.filter((other) => other.exclusive).map((other) => other.value));
      next = [...selected.filter((selectedValue) => !exclusiveValues.has(selectedValue)), item.value];
    }
    // Keep the order of the items so the value does not depend on the order of clicks.
    next = items.map((other) => other.value).filter((itemValue) => next.includes(itemValue));
    setUncontrolledValue(next);
    onChange?.(next, event);
  }

  return (
    <div className={hasError ? 'app-form-group app-form-group--error' : 'app-form-group'}>
      <fieldset className="app-fieldset" aria-describedby={describedBy || undefined}>
        <Legend size={legendSize} isPageHeading={isPageHeading}>
          {legend}
        </Legend>
        {hint ? <Hint id={hintId}>{hint}</Hint> : null}
        {hasError ? <ErrorMessage id={errorId}>{error}</ErrorMessage> : null}
        <div className={inline ? 'app-checkboxes app-checkboxes--inline' : 'app-checkboxes'}>
          {items.map((item, index) => {
            const itemId = choiceId(id, index);
            const itemHintId = `${itemId}-item-hint`;
            return (
              <div className="app-checkboxes__item" key={item.value}>
                <input
                  className="app-checkboxes__input"
                  id={itemId}
                  name={name}
                  type="checkbox"
                  value={item.value}
                  disabled={item.disabled}
                  checked={selected.includes(item.value)}
                  onChange={(event) => handleChange(item, event)}
                  aria-describedby={item.hint ? itemHintId : undefined}
                />
                <label className="app-checkboxes__label" htmlFor={itemId}>
                  {item.label}
                </label>
                {item.hint ? (
                  <Hint id={itemHintId} className="app-checkboxes__hint">
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
