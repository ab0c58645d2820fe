import { useEffect } from 'react';

/** Names the browser tab after the page, so a page change is announced and ten open tabs are readable. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · ChargeCars`;
  }, [title]);
}
