import { useState } from 'preact/hooks';
import { ApiError, get, getOrNull, int, post, shortKey, tao, u16, type EpochDetail, type EpochPage, type Replay, type UidOutcome } from '../api';
import { Badge, Card, Loading, Problem, SortableTable } from '../components';
import { useData } from '../data';
import { href } from '../router';

const U16_FIELDS = new Set(['stakeWeight', 'consensus', 'incentive', 'dividends', 'validatorTrust']);
const RAO_FIELDS = new Set(['serverEmission', 'validatorEmission', 'emission']);

function show(field: string, v: unknown): string {
  if (typeof v === 'number' && U16_FIELDS.has(field)) return `${u16(v)} (${v})`;
  if (typeof v === 'number' && RAO_FIELDS.has(field)) return tao(v, 9);
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

export function EpochsPage({ netuid, epoch }: { netuid: number; epoch: number | null }) {
  const list = useData(() => getOrNull<EpochPage>(`/api/v1/subnets/${netuid}/epochs?size=50`), [netuid]);
  const page = list.data;
  const selected = epoch ?? page?.epochs[0]?.epoch ?? null;
  return (
    <div class="page" data-testid="page-epochs">
      <h1>
        <a href={href.subnet(netuid)}>Subnet {netuid}</a> <span class="muted">/</span> epochs
      </h1>
      <Problem error={list.error} />
      {!page ? (
        list.loading ? <Loading /> : <Card title="Epochs"><div class="muted">Consensus has no epoch of this subnet yet.</div></Card>
      ) : (
        <div class="grid-epochs">
          <Card title={`Epochs (${int(page.total)})`}>
            <div class="table-wrap scroll">
              <table data-testid="epochs">
                <thead>
                  <tr><th class="num">epoch</th><th class="num">block</th><th class="num">n</th><th>inputs hash</th><th class="num">compute</th></tr>
                </thead>
                <tbody>
                  {page.epochs.map((e) => (
                    <tr key={e.epoch} class={e.epoch === selected ? 'selected' : undefined}>
                      <td class="num"><a href={href.epochs(netuid, e.epoch)}>#{e.epoch}</a></td>
                      <td class="num">{int(e.block)}</td>
                      <td class="num">{e.n}</td>
                      <td><code title={e.inputsHash}>{e.inputsHash.slice(0, 10)}…</code></td>
                      <td class="num">{(e.computeMicros / 1000).toFixed(1)} ms</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>
          {selected !== null && <EpochView key={selected} netuid={netuid} epoch={selected} />}
        </div>
      )}
    </div>
  );
}

function EpochView({ netuid, epoch }: { netuid: number; epoch: number }) {
  // An epoch's outputs never change: no live reload.
  const { data, error } = useData(
    () => Promise.all([
      get<EpochDetail>(`/api/v1/subnets/${netuid}/epochs/${epoch}`),
      get<string[]>(`/api/v1/subnets/${netuid}/epochs/replay-hyperparameters`),
    ]),
    [netuid, epoch],
    false,
  );
  if (!data) return error ? <Problem error={error} /> : <Loading />;
  const [detail, names] = data;
  return (
    <div class="stack">
      <Card title={`Epoch #${detail.epoch} · block ${int(detail.block)}`}>
        <p class="sub">
          nominal emission <strong>{tao(detail.raoEmission, 9)}</strong> · {detail.outputs.length} UIDs · inputs hash{' '}
          <code data-testid="inputs-hash">{detail.inputsHash}</code>
        </p>
        <SortableTable<UidOutcome>
          testid="epoch-outputs"
          rows={detail.outputs}
          rowKey={(o) => o.uid}
          initial="uid"
          columns={[
            { key: 'uid', label: 'UID', numeric: true, value: (o) => o.uid, render: (o) => <a href={href.neuron(netuid, o.uid)}>{o.uid}</a> },
            { key: 'hotkey', label: 'hotkey', value: (o) => o.hotkey, render: (o) => <code title={o.hotkey}>{shortKey(o.hotkey)}</code> },
            { key: 'stake', label: 'stake weight', numeric: true, value: (o) => o.stakeWeight, render: (o) => u16(o.stakeWeight) },
            { key: 'consensus', label: 'consensus', numeric: true, value: (o) => o.consensus, render: (o) => u16(o.consensus) },
            { key: 'incentive', label: 'incentive', numeric: true, value: (o) => o.incentive, render: (o) => u16(o.incentive) },
            { key: 'dividends', label: 'dividends', numeric: true, value: (o) => o.dividends, render: (o) => u16(o.dividends) },
            { key: 'vtrust', label: 'validator trust', numeric: true, value: (o) => o.validatorTrust, render: (o) => u16(o.validatorTrust) },
            { key: 'emission', label: 'emission', numeric: true, value: (o) => o.emission, render: (o) => tao(o.emission, 6) },
            { key: 'permit', label: 'permit', value: (o) => o.validatorPermit, render: (o) => (o.validatorPermit ? <Badge tone="info">validator</Badge> : '—') },
          ]}
        />
      </Card>
      <ReplayForm netuid={netuid} epoch={epoch} names={names} current={detail.inputs.hyperparameters ?? {}} />
    </div>
  );
}

function ReplayForm({ netuid, epoch, names, current }: { netuid: number; epoch: number; names: string[]; current: Record<string, unknown> }) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [result, setResult] = useState<Replay | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (ev: Event) => {
    ev.preventDefault();
    // Pin the page to this epoch: without an epoch in the URL it follows the newest one.
    const pinned = href.epochs(netuid, epoch);
    if (location.hash !== pinned) location.hash = pinned;
    const overrides: Record<string, number | boolean> = {};
    for (const [k, v] of Object.entries(values)) {
      if (v.trim() === '') continue;
      overrides[k] = v === 'true' || v === 'false' ? v === 'true' : Number(v);
    }
    setBusy(true);
    setError(null);
    try {
      setResult(await post<Replay>(`/api/v1/subnets/${netuid}/epochs/${epoch}/replay`, { hyperparameters: overrides }));
    } catch (e) {
      setResult(null);
      setError(e instanceof ApiError ? `${e.message} (${e.type.replace('urn:taonet:problem:', '')})` : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="What if? Replay this epoch with other hyperparameters">
      <form class="replay" onSubmit={submit} data-testid="replay-form">
        <div class="fields">
          {names.map((name) => (
            <label key={name}>
              <span>{name}</span>
              <input
                name={name}
                inputMode="decimal"
                placeholder={current[name] === undefined ? '' : String(current[name])}
                value={values[name] ?? ''}
                onInput={(e) => setValues({ ...values, [name]: (e.target as HTMLInputElement).value })}
              />
            </label>
          ))}
        </div>
        <button type="submit" disabled={busy}>{busy ? 'Replaying…' : 'Replay'}</button>
        <span class="muted"> Empty fields keep the stored value (shown greyed).</span>
      </form>
      <Problem error={error} />
      {result && (
        <div data-testid="replay-result">
          <p>
            {result.identical ? <Badge tone="ok">identical to the stored outputs</Badge> : <Badge tone="bad">{result.uidsChanged} UIDs changed</Badge>}{' '}
            {result.inputsHashVerified ? <Badge tone="ok">inputs hash verified</Badge> : <Badge tone="bad">inputs hash mismatch</Badge>}
          </p>
          {result.diffs.length > 0 && (
            <div class="table-wrap">
              <table data-testid="replay-diff">
                <thead><tr><th class="num">UID</th><th>hotkey</th><th>field</th><th class="num">stored</th><th class="num">replayed</th></tr></thead>
                <tbody>
                  {result.diffs.flatMap((d) =>
                    d.fields.map((f, i) => (
                      <tr key={`${d.uid}/${f.field}`}>
                        <td class="num">{i === 0 ? d.uid : ''}</td>
                        <td>{i === 0 ? <code>{shortKey(d.hotkey)}</code> : ''}</td>
                        <td>{f.field}</td>
                        <td class="num">{show(f.field, f.stored)}</td>
                        <td class="num">{show(f.field, f.replayed)}</td>
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </Card>
  );
}
