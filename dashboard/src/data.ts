import { useEffect, useState } from 'preact/hooks';
import { useLive } from './live';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
}

/**
 * Loads a page's data, and again whenever an epoch completes (the live stream) or `deps` change. The previous
 * data stays on screen while the next arrives, so a refresh never blanks the page.
 */
export function useData<T>(load: () => Promise<T>, deps: unknown[], live = true): Loaded<T> {
  const { epochs } = useLive();
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null, loading: true });
  useEffect(() => {
    let cancelled = false;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => !cancelled && setState({ data, error: null, loading: false }),
      (e: unknown) => !cancelled && setState((s) => ({ data: s.data, error: e instanceof Error ? e.message : String(e), loading: false })),
    );
    return () => {
      cancelled = true;
    };
  }, [...deps, live ? epochs : 0]);
  return state;
}
