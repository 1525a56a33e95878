import type { ReactNode } from 'react';

export interface VisuallyHiddenProps {
  children: ReactNode;
}

/** Text for screen readers only; still read out, but not shown on screen. */
export function VisuallyHidden({ children }: VisuallyHiddenProps) {
  return <span className="app-visually-hidden">{children}</span>;
}
