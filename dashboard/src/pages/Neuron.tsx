import { get, getOrNull, int, shortKey, tao, u16, type EpochDetail, type EpochPage } from '../api';
import { ChartView } from '../chart';
import { Badge, Card, Loading, Problem, SortableTable, Stat } from '../components';
import { useData } from '../data';
import { href } from '../router';

interface Neuron {
  netuid: number;
  uid: number;
  hotkey: string;
  coldkey: string;
  registrationBlock: number;
  owner?: boolean;
  immune?: boolean;
  stakeRao?: number;
  emissionRao?: number;
}

interface Point {
  epoch: number;
  block: number;
  hotkey: string | null;
  stakeRao: number | null;
  incentive: number;
  consensus: number;
  validatorTrust: number;
  dividends: number;
  emission: number;
  permit: boolean;
}

const EPOCHS = 16;

/** One UID across the subnet's last epochs, read from each epoch's stored inputs (stake) and outputs. */
async function history(netuid: number, uid: number): Promise<Point[]> {
  const page = await getOrNull<EpochPage>(`/api/v1/subnets/${netuid}/epochs?size=${EPOCHS}`);
  if (!page) return [];
  const details = await Promise.all(page.epochs.map((e) => get<EpochDetail>(`/api/v1/subnets/${netuid}/epochs/${e.epoch}`)));
  return details
    .filter((d) => d.outputs.some((o) => o.uid === uid))
    .map((d) => {
      const o = d.outputs.find((x) => x.uid === uid)!;
      return {
        epoch: d.epoch,
        block: d.block,
        hotkey: d.inputs.hotkeys?.[uid] ?? o.hotkey ?? null,
        stakeRao: d.inputs.stake?.[uid] ?? null,
        incentive: o.incentive ?? 0,
        consensus: o.consensus ?? 0,
        validatorTrust: o.validatorTrust ?? 0,
        dividends: o.dividends ?? 0,
        emission: o.emission ?? 0,
        permit: o.validatorPermit ?? false,
      };
    })
    .reverse();
}

export function NeuronPage({ netuid, uid }: { netuid: number; uid: number }) {
  const { data, error } = useData(
    () => Promise.all([get<Neuron>(`/api/v1/subnets/${netuid}/neurons/${uid}`), history(netuid, uid)]),
    [netuid, uid],
  );
  if (!data) return error ? <Problem error={error} /> : <Loading />;
  const [neuron, points] = data;
  const mine = points.filter((p) => p.hotkey === null || p.hotkey === neuron.hotkey);
  const last = mine[mine.length - 1];
  const labels = mine.map((p) => `#${p.epoch}`);
  return (
    <div class="page" data-testid="page-neuron">
      <h1>
        <a href={href.subnet(netuid)}>Subnet {netuid}</a> <span class="muted">/</span> UID {uid}
      </h1>
      <p class="sub">
        hotkey <code data-testid="neuron-hotkey">{neuron.hotkey}</code> · coldkey <code>{shortKey(neuron.coldkey)}</code> · registered at block {int(neuron.registrationBlock)}
        {neuron.owner && <> · <Badge tone="info">owner</Badge></>}
        {neuron.immune && <> · <Badge tone="muted">immune</Badge></>}
      </p>
      <Problem error={error} />
      <div class="stats">
        <Stat label="Epochs seen" value={int(mine.length)} hint={`of the last ${EPOCHS}, with this hotkey`} testid="epochs-seen" />
        <Stat label="Incentive (latest)" value={last ? u16(last.incentive) : '—'} testid="neuron-incentive" />
        <Stat label="Trust (consensus, latest)" value={last ? u16(last.consensus) : '—'} hint={last ? `validator trust ${u16(last.validatorTrust)}` : undefined} />
        <Stat label="Stake (latest epoch)" value={last ? tao(last.stakeRao) : '—'} testid="neuron-stake" />
      </div>
      {mine.length === 0 ? (
        <Card title="History"><div class="muted">This UID has no epoch yet.</div></Card>
      ) : (
        <>
          <div class="grid-2">
            <Card title="Incentive and trust per epoch">
              <ChartView
                label="Incentive and trust per epoch"
                config={{
                  type: 'line',
                  data: {
                    labels,
                    datasets: [
                      { label: 'incentive', data: mine.map((p) => p.incentive / 65535), borderColor: '#4f46e5', backgroundColor: '#4f46e5', tension: 0.2 },
                      { label: 'consensus (trust)', data: mine.map((p) => p.consensus / 65535), borderColor: '#16a34a', backgroundColor: '#16a34a', tension: 0.2 },
                      { label: 'validator trust', data: mine.map((p) => p.validatorTrust / 65535), borderColor: '#ea580c', backgroundColor: '#ea580c', tension: 0.2 },
                    ],
                  },
                  options: { scales: { y: { beginAtZero: true, suggestedMax: 1 } } },
                }}
              />
            </Card>
            <Card title="Emission and stake per epoch">
              <ChartView
                label="Emission and stake per epoch"
                config={{
                  type: 'bar',
                  data: {
                    labels,
                    datasets: [
                      { type: 'bar', label: 'emission (τ)', data: mine.map((p) => p.emission / 1e9), backgroundColor: '#0891b2', yAxisID: 'y', borderRadius: 3 },
                      { type: 'line', label: 'stake (τ)', data: mine.map((p) => (p.stakeRao ?? 0) / 1e9), borderColor: '#9333ea', backgroundColor: '#9333ea', yAxisID: 'y1' } as never,
                    ],
                  },
                  options: {
                    scales: {
                      y: { beginAtZero: true, title: { display: true, text: 'emission τ' } },
                      y1: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false }, title: { display: true, text: 'stake τ' } },
                    },
                  },
                }}
              />
            </Card>
          </div>
          <Card title="Per epoch">
            <SortableTable<Point>
              testid="neuron-history"
              rows={mine}
              rowKey={(p) => p.epoch}
              initial="epoch"
              columns={[
                { key: 'epoch', label: 'epoch', numeric: true, value: (p) => p.epoch, render: (p) => <a href={href.epochs(netuid, p.epoch)}>#{p.epoch}</a> },
                { key: 'block', label: 'block', numeric: true, value: (p) => p.block, render: (p) => int(p.block) },
                { key: 'incentive', label: 'incentive', numeric: true, value: (p) => p.incentive, render: (p) => u16(p.incentive) },
                { key: 'consensus', label: 'consensus (trust)', numeric: true, value: (p) => p.consensus, render: (p) => u16(p.consensus) },
                { key: 'vtrust', label: 'validator trust', numeric: true, value: (p) => p.validatorTrust, render: (p) => u16(p.validatorTrust) },
                { key: 'dividends', label: 'dividends', numeric: true, value: (p) => p.dividends, render: (p) => u16(p.dividends) },
                { key: 'emission', label: 'emission', numeric: true, value: (p) => p.emission, render: (p) => tao(p.emission, 6) },
                { key: 'stake', label: 'stake', numeric: true, value: (p) => p.stakeRao, render: (p) => tao(p.stakeRao) },
                { key: 'permit', label: 'permit', value: (p) => p.permit, render: (p) => (p.permit ? <Badge tone="info">validator</Badge> : '—') },
              ]}
            />
          </Card>
        </>
      )}
    </div>
  );
}
