import { useEffect } from 'react';

/** Screen-reader users hear the title first when a page changes, so every page sets one. */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = `${title} – Pooled fund portal`;
  }, [title]);
}
