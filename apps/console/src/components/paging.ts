import { useCallback, useState } from 'react';

/**
 * Relay pages one at a time: the cursors of the pages before this one, so "previous" goes back exactly. `after`
 * is absent (undefined) on the first page rather than null, which every list takes as "from the start".
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? undefined;
  const next = useCallback((endCursor: string | null | undefined) => {
    if (endCursor) setCursors((c) => [...c, endCursor]);
  }, []);
  const previous = useCallback(() => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)), []);
  const reset = useCallback(() => setCursors([null]), []);
  return { after, page: cursors.length, next, previous, reset };
}
