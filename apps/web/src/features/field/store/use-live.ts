import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';

/** A Dexie query that renders again whenever the tables it read change (on this tab or by the sync). */
export function useLive<T>(query: () => Promise<T>, key: string): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({ next: setValue, error: () => setValue(undefined) });
    return () => subscription.unsubscribe();
    // The key names what the query depends on; the function itself is new on every render.
  }, [key]);
  return value;
}
