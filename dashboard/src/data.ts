import { useEffect, useRef, useState } from 'preact/hooks';
import { useLive } from './live';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
}

/**
 * Loads a page's data when `deps` change, and again whenever an epoch completes (the live stream). A refresh
 * never cancels a load in flight: it waits for it and then loads once more, so a slow network (or a fast
 * chain) still gets every page drawn, and the previous data stays on screen while the next arrives.
 */
export function useData<T>(load: () => Promise<T>, deps: unknown[], live = true): Loaded<T> {
  const { epochs } = useLive();
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null, loading: true });
  const generation = useRef(0); // which deps the answers belong to
  const inFlight = useRef(false);
  const again = useRef(false);
  const seenEpochs = useRef(epochs);
  const run = useRef<() => void>(() => {});

  run.current = () => {
    const gen = generation.current;
    inFlight.current = true;
    setState((s) => ({ ...s, loading: true }));
    load()
      .then(
        (data) => gen === generation.current && setState({ data, error: null, loading: false }),
        (e: unknown) => gen === generation.current
          && setState((s) => ({ data: s.data, error: e instanceof Error ? e.message : String(e), loading: false })),
      )
      .finally(() => {
        if (gen !== generation.current) return;
        inFlight.current = false;
        if (again.current) {
          again.current = false;
          run.current();
        }
      });
  };

  useEffect(() => {
    generation.current++;
    again.current = false;
    seenEpochs.current = epochs;
    setState({ data: null, error: null, loading: true });
    run.current();
  }, deps);

  useEffect(() => {
    if (!live || epochs === seenEpochs.current) return;
    seenEpochs.current = epochs;
    if (inFlight.current) again.current = true;
    else run.current();
  }, [epochs]);

  return state;
}
