// Every read goes through the gateway's public REST paths (docs/contracts.md); nothing is invented here.

/** A problem detail (RFC 9457) the gateway or a service answered with. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly type: string, detail: string) {
    super(detail);
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) {
    let type = 'about:blank';
    let detail = `${res.status} ${res.statusText}`;
    try {
      const p = await res.json();
      type = p.type ?? type;
      detail = p.detail ?? p.title ?? detail;
    } catch {
      // not a problem detail; the status line says enough
    }
    throw new ApiError(res.status, type, detail);
  }
  return res.json() as Promise<T>;
}

export const get = <T>(path: string) => call<T>('GET', path);
export const post = <T>(path: string, body: unknown) => call<T>('POST', path, body);

/** A GET that answers null on 404 (e.g. a subnet consensus has not heard of yet). */
export async function getOrNull<T>(path: string): Promise<T | null> {
  try {
    return await get<T>(path);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

// ---- shapes, as far as the dashboard reads them

export interface Hyperparameters {
  tempo: number;
  maxAllowedUids?: number;
  maxAllowedValidators?: number;
  [name: string]: unknown;
}

export interface Subnet {
  netuid: number;
  identity?: { name?: string; description?: string } | string | null;
  taskType?: string;
  ownerColdkey?: string;
  ownerHotkey?: string;
  hyperparameters: Hyperparameters;
  neuronCount: number;
  lockRao?: number;
  registeredAtBlock?: number;
  registrationPriceRao?: number;
  nextEpochBlock?: number;
  lastSettledEpoch?: number | null;
  block?: number;
}

export interface SubnetList {
  block: number;
  lockCostRao: number;
  subnets: Subnet[];
}

export interface EmissionOverview {
  block: number;
  issuanceRao: number;
  mintedRao: number;
  recycledRao: number;
  maxSupplyRao: number;
  halvings: number;
  blockEmissionRao: number;
  splitPolicy: string;
  subnets: { netuid: number; earning: boolean; stakeRao: number; share: string; lastSettledEpoch: number | null; pendingBlocks: number; pendingRao: number }[];
}

export interface MetagraphEntry {
  uid: number;
  hotkey: string | null;
  coldkey: string | null;
  stakeRao: number;
  incentive: number;
  dividends: number;
  consensus: number;
  validatorTrust: number;
  stakeWeight: number;
  emissionRao: number;
  validatorPermit: boolean;
  active: boolean;
  lastUpdate: number | null;
  registrationBlock: number | null;
  serving: Serving | null;
}

export interface Metagraph {
  netuid: number;
  epoch: number | null;
  epochBlock: number | null;
  composedAtBlock: number;
  n: number;
  neurons: MetagraphEntry[];
}

export interface RegistrationPrice {
  netuid: number;
  block: number;
  priceRao: number;
  nextPriceRao: number;
  registrationAllowed: boolean;
  neuronCount: number;
  maxAllowedUids: number;
}

export interface Settlement {
  netuid: number;
  epoch: number;
  block: number;
  raoEmission: number;
  paidRao: number;
  ownerCutRao: number;
  accruedRao: number;
  share: string;
}

export interface EpochSummary {
  epoch: number;
  block: number;
  n: number;
  inputsHash: string;
  computedBy: string;
  computeMicros: number;
  completedAt: string | null;
}

export interface EpochPage {
  netuid: number;
  page: number;
  size: number;
  total: number;
  epochs: EpochSummary[];
}

export interface UidOutcome {
  uid: number;
  hotkey: string;
  active: boolean;
  stakeWeight: number;
  consensus: number;
  incentive: number;
  dividends: number;
  validatorTrust: number;
  validatorPermit: boolean;
  serverEmission: number;
  validatorEmission: number;
  emission: number;
}

export interface EpochDetail {
  netuid: number;
  epoch: number;
  block: number;
  raoEmission: number;
  inputsHash: string;
  inputs: { n: number; hotkeys: string[]; stake: number[]; hyperparameters: Record<string, unknown> };
  outputs: UidOutcome[];
}

export interface Replay {
  identical: boolean;
  inputsHashVerified: boolean;
  uidsChanged: number;
  diffs: { uid: number; hotkey: string; fields: { field: string; stored: unknown; replayed: unknown }[] }[];
}

export interface Audit {
  ok: boolean;
  block: number;
  checks: { name: string; ok: boolean; detail: string }[];
  figures: Record<string, unknown>;
}

export interface Serving {
  netuid?: number;
  uid?: number;
  hotkey?: string;
  accelerator?: string;
  memoryMib?: number;
  taskTypes?: { name: string; version: string; backend: string }[];
  version?: string;
  endpoint?: string;
  updatedAtBlock?: number;
  [field: string]: unknown;
}

export interface TaskStats {
  assigned: number;
  answered: number;
  scored: number;
  inFlight: number;
  rejected: number;
  timedOut: number;
}

export interface Validator {
  name: string;
  hotkey: string;
  netuids: number[];
}

export interface MinerScore {
  validatorHotkey: string;
  netuid: number;
  uid: number;
  minerHotkey: string;
  ema: number;
  lastScore: number;
  samples: number;
  organicSamples: number;
}

// ---- formatting

const RAO_PER_TAO = 1_000_000_000;

/** Rao as TAO, exact to the rao (amounts stay integers until shown). */
export function tao(rao: number | null | undefined, digits = 4): string {
  if (rao === null || rao === undefined) return '—';
  const v = rao / RAO_PER_TAO;
  return `${v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} τ`;
}

/** A u16 proportion (value / 65535) as a decimal. */
export function u16(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  return (v / 65535).toFixed(4);
}

export function int(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : v.toLocaleString('en-US');
}

export function shortKey(key: string | null | undefined): string {
  if (!key) return '—';
  return key.length > 14 ? `${key.slice(0, 6)}…${key.slice(-6)}` : key;
}

export function subnetName(s: Subnet): string {
  const id = s.identity;
  if (typeof id === 'string' && id) return id;
  if (id && typeof id === 'object' && id.name) return id.name;
  return `subnet ${s.netuid}`;
}

/** Next epoch block of a subnet (DESIGN §3: epochs run where (block + netuid + 1) mod (tempo + 1) == 0). */
export function nextEpochBlock(netuid: number, tempo: number, block: number): number | null {
  if (!tempo || tempo <= 0) return null;
  const period = tempo + 1;
  const index = Math.floor((block + netuid + 1) / period);
  return (index + 1) * period - netuid - 1;
}
