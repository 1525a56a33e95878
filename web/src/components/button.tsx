import type { ComponentPropsWithRef, ReactNode } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'warning';

export interface ButtonProps extends Omit<ComponentPropsWithRef<'button'>, 'type'> {
  children: ReactNode;
  variant?: ButtonVariant;
  /** Defaults to "button" so a button never submits a form by accident; pass "submit" in forms. */
  type?: 'button' | 'submit' | 'reset';
}

export interface ButtonLinkProps extends ComponentPropsWithRef<'a'> {
  href: string;
  children: ReactNode;
  variant?: ButtonVariant;
  /** A "Start now" call to action with an arrow, for the first page of a service. */
  start?: boolean;
}

function buttonClassName(variant: ButtonVariant, start: boolean, extra: string | undefined): string {
  return ['app-button', variant === 'primary' ? '' : `app-button--${variant}`, start ? 'app-button--start' : '', extra ?? '']
    .filter(Boolean)
    .join(' ');
}

export function Button({ variant = 'primary', type = 'button', className, disabled, children, ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      disabled={disabled}
      aria-disabled={disabled ? true : undefined}
      className={buttonClassName(variant, false, className)}
    >
      {children}
    </button>
  );
}

/**
 * A link that looks like a button. It keeps link semantics because it navigates: screen reader
 * users hear "link" and it needs no extra keyboard handling.
 */
export function ButtonLink({ variant = 'primary', start = false, className, children, ...rest }: ButtonLinkProps) {
  return (
    <a {...rest} draggable={false} className={buttonClassName(variant, start, className)}>
      {children}
      {start ? (
        <svg
          className="app-button__start-icon"
          xmlns="http://www.w3.org/2000/svg"
          width="17.5"
          height="19"
          viewBox="0 0 33 40"
          aria-hidden="true"
          focusable="false"
        >
          <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
        </svg>
      ) : null}
    </a>
  );
}
