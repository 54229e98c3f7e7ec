import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';

/**
 * What the gateway's event stream (`GET /api/v1/events`) has told us: the block height (one `chain` event
 * per block at most) and the latest completed epoch (`epoch` events, from consensus' EpochCompleted).
 * Pages reload their data when `epochs` changes, without a page reload.
 */
export interface Live {
  connected: boolean;
  block: number | null;
  blockTimeMillis: number | null;
  epochs: number;
  lastEpoch: { netuid: number; epoch: number; block: number } | null;
}

export const LiveContext = createContext<Live>({ connected: false, block: null, blockTimeMillis: null, epochs: 0, lastEpoch: null });

export const useLive = () => useContext(LiveContext);

export function useEventStream(): Live {
  const [live, setLive] = useState<Live>({ connected: false, block: null, blockTimeMillis: null, epochs: 0, lastEpoch: null });
  useEffect(() => {
    const source = new EventSource('/api/v1/events');
    source.onopen = () => setLive((l) => ({ ...l, connected: true }));
    source.onerror = () => setLive((l) => ({ ...l, connected: false })); // EventSource reconnects by itself
    source.addEventListener('chain', (e) => {
      const c = JSON.parse((e as MessageEvent).data);
      setLive((l) => ({ ...l, connected: true, block: c.block, blockTimeMillis: c.blockTimeMillis ?? l.blockTimeMillis }));
    });
    source.addEventListener('epoch', (e) => {
      const c = JSON.parse((e as MessageEvent).data);
      setLive((l) => ({ ...l, epochs: l.epochs + 1, lastEpoch: { netuid: c.netuid, epoch: c.epoch, block: c.block } }));
    });
    return () => source.close();
  }, []);
  return live;
}
