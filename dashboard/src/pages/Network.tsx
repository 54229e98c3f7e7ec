import { get, int, nextEpochBlock, subnetName, tao, type EmissionOverview, type SubnetList } from '../api';
import { ChartView, PALETTE } from '../chart';
import { Card, Loading, Problem, SortableTable, Stat } from '../components';
import { useData } from '../data';
import { useLive } from '../live';
import { href } from '../router';

interface Row {
  netuid: number;
  name: string;
  taskType: string;
  neurons: number;
  maxUids: number | null;
  tempo: number;
  share: number;
  shareText: string;
  stakeRao: number;
  pendingRao: number;
  nextEpoch: number | null;
}

/** A share "num/den" as a fraction. */
function fraction(share: string): number {
  const [num, den] = share.split('/').map(Number);
  return den ? num / den : 0;
}

export function NetworkPage() {
  const live = useLive();
  const { data, error } = useData(
    () => Promise.all([get<SubnetList>('/api/v1/subnets'), get<EmissionOverview>('/api/v1/emission')]),
    [],
  );
  if (!data) return error ? <Problem error={error} /> : <Loading />;
  const [list, emission] = data;
  const block = Math.max(live.block ?? 0, emission.block, list.block);
  const byNetuid = new Map(emission.subnets.map((s) => [s.netuid, s]));
  const rows: Row[] = list.subnets.map((s) => {
    const e = byNetuid.get(s.netuid);
    return {
      netuid: s.netuid,
      name: subnetName(s),
      taskType: s.taskType ?? '—',
      neurons: s.neuronCount,
      maxUids: s.hyperparameters?.maxAllowedUids ?? null,
      tempo: s.hyperparameters?.tempo ?? 0,
      share: e ? fraction(e.share) : 0,
      shareText: e ? `${(fraction(e.share) * 100).toFixed(2)} %` : '—',
      stakeRao: e?.stakeRao ?? 0,
      pendingRao: e?.pendingRao ?? 0,
      nextEpoch: nextEpochBlock(s.netuid, s.hyperparameters?.tempo ?? 0, block),
    };
  });
  const earning = rows.filter((r) => r.share > 0);
  return (
    <div class="page" data-testid="page-network">
      <h1>Network</h1>
      <Problem error={error} />
      <div class="stats">
        <Stat label="Block height" value={int(block)} testid="block-height" />
        <Stat label="Total issuance" value={tao(emission.issuanceRao)} hint={`minted ${tao(emission.mintedRao)} · recycled ${tao(emission.recycledRao)}`} testid="issuance" />
        <Stat label="Emission per block" value={tao(emission.blockEmissionRao)} hint={`${emission.halvings} halvings · ${emission.splitPolicy}`} />
        <Stat label="Subnets" value={int(list.subnets.length)} hint={`lock cost ${tao(list.lockCostRao)}`} testid="subnet-count" />
      </div>
      <Card title="Subnets">
        <SortableTable
          testid="subnets"
          rowKey={(r) => r.netuid}
          rows={rows}
          initial="netuid"
          columns={[
            { key: 'netuid', label: 'netuid', numeric: true, value: (r) => r.netuid, render: (r) => <a href={href.subnet(r.netuid)}>{r.netuid}</a> },
            { key: 'name', label: 'name', value: (r) => r.name, render: (r) => <a href={href.subnet(r.netuid)}>{r.name}</a> },
            { key: 'task', label: 'task type', value: (r) => r.taskType },
            { key: 'neurons', label: 'neurons', numeric: true, value: (r) => r.neurons, render: (r) => `${r.neurons}${r.maxUids ? ` / ${r.maxUids}` : ''}` },
            { key: 'share', label: 'emission share', numeric: true, value: (r) => r.share, render: (r) => r.shareText },
            { key: 'stake', label: 'stake', numeric: true, value: (r) => r.stakeRao, render: (r) => tao(r.stakeRao) },
            { key: 'pending', label: 'accrued, unsettled', numeric: true, value: (r) => r.pendingRao, render: (r) => tao(r.pendingRao) },
            { key: 'tempo', label: 'tempo', numeric: true, value: (r) => r.tempo },
            {
              key: 'next', label: 'next epoch', numeric: true, value: (r) => r.nextEpoch,
              render: (r) => (r.nextEpoch === null ? 'never' : <span>block {int(r.nextEpoch)} <span class="muted">(in {int(r.nextEpoch - block)})</span></span>),
            },
          ]}
        />
      </Card>
      <div class="grid-2">
        <Card title="Emission shares">
          {earning.length === 0 ? (
            <div class="muted">No subnet earns emission yet.</div>
          ) : (
            <ChartView
              label="Emission share per subnet"
              height={260}
              config={{
                type: 'doughnut',
                data: {
                  labels: earning.map((r) => `${r.netuid}: ${r.name}`),
                  datasets: [{ data: earning.map((r) => +(r.share * 100).toFixed(4)), backgroundColor: earning.map((_, i) => PALETTE[i % PALETTE.length]) }],
                },
                options: { plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { label: (c) => ` ${c.label}: ${c.parsed} %` } } } },
              }}
            />
          )}
        </Card>
        <Card title="Stake per subnet">
          <ChartView
            label="Stake per subnet"
            height={260}
            config={{
              type: 'bar',
              data: {
                labels: rows.map((r) => `${r.netuid}: ${r.name}`),
                datasets: [{ label: 'stake (τ)', data: rows.map((r) => r.stakeRao / 1e9), backgroundColor: rows.map((_, i) => PALETTE[i % PALETTE.length]), borderRadius: 3 }],
              },
              options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, title: { display: true, text: 'τ' } } } },
            }}
          />
        </Card>
      </div>
    </div>
  );
}
