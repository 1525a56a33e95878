import type { ReactNode } from 'react';

export type TagColour = 'grey' | 'green' | 'blue' | 'yellow' | 'red' | 'purple' | 'orange';

export interface TagProps {
  /** The words carry the meaning; the colour only reinforces it. */
  children: ReactNode;
  colour?: TagColour;
  className?: string;
}

export function Tag({ children, colour = 'blue', className }: TagProps) {
  return <strong className={['app-tag', `app-tag--${colour}`, className ?? ''].filter(Boolean).join(' ')}>{children}</strong>;
}
