import { useEffect, useState } from 'preact/hooks';

/**
 * Client-side routes in the URL's fragment (`#/subnets/1`), so the gateway serves one document at `/` and
 * every page is a link that survives a reload.
 */
export type Route =
  | { page: 'network' }
  | { page: 'subnet'; netuid: number }
  | { page: 'neuron'; netuid: number; uid: number }
  | { page: 'epochs'; netuid: number; epoch: number | null }
  | { page: 'audit' }
  | { page: 'workers' }
  | { page: 'not-found'; path: string };

export function parse(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const parts = path.split('/').filter(Boolean);
  const num = (s: string | undefined) => (s !== undefined && /^\d+$/.test(s) ? Number(s) : null);
  if (parts.length === 0) return { page: 'network' };
  if (parts[0] === 'audit' && parts.length === 1) return { page: 'audit' };
  if (parts[0] === 'workers' && parts.length === 1) return { page: 'workers' };
  if (parts[0] === 'subnets') {
    const netuid = num(parts[1]);
    if (netuid !== null) {
      if (parts.length === 2) return { page: 'subnet', netuid };
      if (parts[2] === 'neurons' && num(parts[3]) !== null && parts.length === 4) return { page: 'neuron', netuid, uid: num(parts[3])! };
      if (parts[2] === 'epochs' && parts.length <= 4) return { page: 'epochs', netuid, epoch: num(parts[3]) };
    }
  }
  return { page: 'not-found', path };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parse(location.hash));
  useEffect(() => {
    const on = () => setRoute(parse(location.hash));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}

export const href = {
  network: () => '#/',
  subnet: (netuid: number) => `#/subnets/${netuid}`,
  neuron: (netuid: number, uid: number) => `#/subnets/${netuid}/neurons/${uid}`,
  epochs: (netuid: number, epoch?: number) => `#/subnets/${netuid}/epochs${epoch === undefined ? '' : `/${epoch}`}`,
  audit: () => '#/audit',
  workers: () => '#/workers',
};
