import { get, getOrNull, int, shortKey, subnetName, tao, u16, type Metagraph, type MetagraphEntry, type RegistrationPrice, type Settlement, type Subnet } from '../api';
import { ChartView, uidBars } from '../chart';
import { Badge, Card, Loading, Problem, SortableTable, Stat } from '../components';
import { useData } from '../data';
import { useLive } from '../live';
import { href } from '../router';

export function SubnetPage({ netuid }: { netuid: number }) {
  const live = useLive();
  const { data, error } = useData(
    () => Promise.all([
      get<Subnet>(`/api/v1/subnets/${netuid}`),
      get<Metagraph>(`/api/v1/subnets/${netuid}/metagraph`),
      get<RegistrationPrice>(`/api/v1/subnets/${netuid}/registration-price`),
      // the ledger learns of a new subnet from the registry's event a moment later: no settlements until then
      getOrNull<Settlement[]>(`/api/v1/emission/subnets/${netuid}/settlements?limit=20`).then((s) => s ?? []),
    ]),
    [netuid],
  );
  if (!data) return error ? <Problem error={error} /> : <Loading />;
  const [subnet, metagraph, price, settlements] = data;
  const neurons = metagraph.neurons;
  const uids = neurons.map((n) => n.uid);
  const permits = neurons.filter((n) => n.validatorPermit);
  const block = Math.max(live.block ?? 0, metagraph.composedAtBlock);
  const history = [...settlements].reverse();
  return (
    <div class="page" data-testid="page-subnet">
      <h1>
        Subnet {netuid} <span class="muted">· {subnetName(subnet)}</span>
      </h1>
      <p class="sub">
        task type <strong>{subnet.taskType ?? '—'}</strong> · owner {shortKey(subnet.ownerColdkey)} · tempo {subnet.hyperparameters.tempo} ·{' '}
        <a href={href.epochs(netuid)}>epochs and what-if replay →</a>
      </p>
      <Problem error={error} />
      <div class="stats">
        <Stat label="Neurons" value={`${int(metagraph.n)} / ${int(price.maxAllowedUids)}`} testid="neuron-count" />
        <Stat label="Registration price now" value={tao(price.priceRao)} hint={price.registrationAllowed ? `next ${tao(price.nextPriceRao)}` : 'registration closed'} testid="registration-price" />
        <Stat label="Validator permits" value={int(permits.length)} hint={permits.length ? `UIDs ${permits.map((p) => p.uid).join(', ')}` : 'none yet'} testid="permits" />
        <Stat label="Latest epoch" value={metagraph.epoch === null ? 'none yet' : `#${metagraph.epoch}`} hint={metagraph.epochBlock === null ? undefined : `at block ${int(metagraph.epochBlock)} · now ${int(block)}`} testid="latest-epoch" />
      </div>
      <div class="grid-2">
        <Card title="Incentive per UID">
          <ChartView label="Incentive per UID" config={uidBars('incentive', uids, neurons.map((n) => n.incentive / 65535), '#4f46e5')} />
        </Card>
        <Card title="Dividends per UID">
          <ChartView label="Dividends per UID" config={uidBars('dividends', uids, neurons.map((n) => n.dividends / 65535), '#0891b2')} />
        </Card>
      </div>
      <Card title={`Metagraph (${metagraph.epoch === null ? 'before the first epoch' : `as of epoch ${metagraph.epoch}`})`}>
        <SortableTable<MetagraphEntry>
          testid="metagraph"
          rows={neurons}
          rowKey={(n) => n.uid}
          initial="uid"
          columns={[
            { key: 'uid', label: 'UID', numeric: true, value: (n) => n.uid, render: (n) => <a href={href.neuron(netuid, n.uid)}>{n.uid}</a> },
            { key: 'hotkey', label: 'hotkey', value: (n) => n.hotkey, render: (n) => <code title={n.hotkey ?? ''}>{shortKey(n.hotkey)}</code> },
            { key: 'stake', label: 'stake', numeric: true, value: (n) => n.stakeRao, render: (n) => tao(n.stakeRao) },
            { key: 'incentive', label: 'incentive', numeric: true, value: (n) => n.incentive, render: (n) => u16(n.incentive) },
            { key: 'dividends', label: 'dividends', numeric: true, value: (n) => n.dividends, render: (n) => u16(n.dividends) },
            { key: 'consensus', label: 'consensus', numeric: true, value: (n) => n.consensus, render: (n) => u16(n.consensus) },
            { key: 'vtrust', label: 'validator trust', numeric: true, value: (n) => n.validatorTrust, render: (n) => u16(n.validatorTrust) },
            { key: 'emission', label: 'emission', numeric: true, value: (n) => n.emissionRao, render: (n) => tao(n.emissionRao, 6) },
            { key: 'permit', label: 'permit', value: (n) => n.validatorPermit, render: (n) => (n.validatorPermit ? <Badge tone="info">validator</Badge> : <span class="muted">—</span>) },
            { key: 'active', label: 'active', value: (n) => n.active, render: (n) => (n.active ? <Badge tone="ok">active</Badge> : <Badge tone="muted">inactive</Badge>) },
            { key: 'serving', label: 'serving', value: (n) => n.serving?.accelerator ?? null, render: (n) => n.serving?.accelerator ?? <span class="muted">—</span> },
          ]}
        />
      </Card>
      <Card title="Emission over the last epochs (settled by the ledger)">
        {history.length === 0 ? (
          <div class="muted">No epoch of this subnet has been settled yet.</div>
        ) : (
          <ChartView
            label="Emission per settled epoch"
            config={{
              type: 'bar',
              data: {
                labels: history.map((s) => `#${s.epoch}`),
                datasets: [
                  { label: 'paid to neurons (τ)', data: history.map((s) => s.paidRao / 1e9), backgroundColor: '#4f46e5', borderRadius: 3 },
                  { label: 'owner cut (τ)', data: history.map((s) => s.ownerCutRao / 1e9), backgroundColor: '#f59e0b', borderRadius: 3 },
                ],
              },
              options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } },
            }}
          />
        )}
      </Card>
    </div>
  );
}
