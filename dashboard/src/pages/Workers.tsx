import { get, getOrNull, int, shortKey, type Serving, type SubnetList, type TaskStats } from '../api';
import { ChartView } from '../chart';
import { Badge, Card, Loading, Problem, SortableTable, Stat } from '../components';
import { useData } from '../data';
import { useLive } from '../live';
import { href } from '../router';

/** Per miner, what the validators saw of its tasks (scoring-service, since start-up). */
export interface MinerTasks {
  netuid: number;
  uid: number;
  hotkey: string;
  assigned: number;
  answered: number;
  late: number;
  failed: number;
  timedOut: number;
  latencyP50Millis: number | null;
  latencyP95Millis: number | null;
  lastOutcomeAtMillis: number | null;
}

interface Row extends MinerTasks {
  serving: Serving | null;
}

async function load() {
  const subnets = await get<SubnetList>('/api/v1/subnets');
  const [serving, stats, miners] = await Promise.all([
    Promise.all(subnets.subnets.map((s) => getOrNull<{ netuid: number; serving: Serving[] }>(`/api/v1/serving/${s.netuid}`))),
    get<TaskStats>('/api/v1/validators/tasks'),
    get<MinerTasks[]>('/api/v1/validators/tasks/miners'),
  ]);
  const servingByKey = new Map<string, Serving>();
  for (const list of serving) for (const s of list?.serving ?? []) servingByKey.set(`${s.netuid}/${s.hotkey}`, s);
  const rows: Row[] = miners.map((m) => ({ ...m, serving: servingByKey.get(`${m.netuid}/${m.hotkey}`) ?? null }));
  // Workers that serve but were never given a task still show up.
  for (const [key, s] of servingByKey) {
    if (!miners.some((m) => `${m.netuid}/${m.hotkey}` === key)) {
      rows.push({ netuid: s.netuid ?? 0, uid: s.uid ?? 0, hotkey: s.hotkey ?? '', assigned: 0, answered: 0, late: 0, failed: 0, timedOut: 0, latencyP50Millis: null, latencyP95Millis: null, lastOutcomeAtMillis: null, serving: s });
    }
  }
  return { stats, rows };
}

function successRate(r: MinerTasks): number | null {
  const resolved = r.answered + r.failed + r.timedOut;
  return resolved === 0 ? null : (r.answered - r.late) / resolved;
}

export function WorkersPage() {
  const live = useLive();
  const { data, error } = useData(load, []);
  if (!data) return error ? <Problem error={error} /> : <Loading />;
  const { stats, rows } = data;
  const sorted = [...rows].sort((a, b) => a.netuid - b.netuid || a.uid - b.uid);
  const withLatency = sorted.filter((r) => r.latencyP50Millis !== null);
  return (
    <div class="page" data-testid="page-workers">
      <h1>Worker health</h1>
      <p class="sub">Tasks the managed validators gave the miners, how they ended and how long they took (since the scoring service started), beside what each worker serves.</p>
      <Problem error={error} />
      <div class="stats">
        <Stat label="Tasks assigned" value={int(stats.assigned)} hint={`${int(stats.inFlight)} in flight now`} testid="tasks-assigned" />
        <Stat label="Answered" value={int(stats.answered)} hint={`${int(stats.scored)} scored`} testid="tasks-answered" />
        <Stat label="Timed out" value={int(stats.timedOut)} hint={`${int(stats.rejected)} results rejected`} testid="tasks-timed-out" />
        <Stat label="Workers serving" value={int(rows.filter((r) => r.serving).length)} hint={live.block === null ? undefined : `block ${int(live.block)}`} testid="workers-serving" />
      </div>
      <Card title="Per worker">
        <SortableTable<Row>
          testid="workers"
          rows={sorted}
          rowKey={(r) => `${r.netuid}/${r.uid}/${r.hotkey}`}
          initial="netuid"
          columns={[
            { key: 'netuid', label: 'subnet', numeric: true, value: (r) => r.netuid, render: (r) => <a href={href.subnet(r.netuid)}>{r.netuid}</a> },
            { key: 'uid', label: 'UID', numeric: true, value: (r) => r.uid, render: (r) => <a href={href.neuron(r.netuid, r.uid)}>{r.uid}</a> },
            { key: 'hotkey', label: 'hotkey', value: (r) => r.hotkey, render: (r) => <code title={r.hotkey}>{shortKey(r.hotkey)}</code> },
            { key: 'accelerator', label: 'accelerator', value: (r) => r.serving?.accelerator ?? null, render: (r) => r.serving?.accelerator ?? <span class="muted">not serving</span> },
            { key: 'tasks', label: 'task types', value: (r) => (r.serving?.taskTypes ?? []).map((t) => t.name).join(', '), render: (r) => (r.serving?.taskTypes ?? []).map((t) => `${t.name} (${t.backend})`).join(', ') || '—' },
            { key: 'assigned', label: 'assigned', numeric: true, value: (r) => r.assigned, render: (r) => int(r.assigned) },
            { key: 'answered', label: 'answered', numeric: true, value: (r) => r.answered, render: (r) => int(r.answered) },
            { key: 'failed', label: 'failed', numeric: true, value: (r) => r.failed, render: (r) => int(r.failed) },
            { key: 'timedOut', label: 'timed out', numeric: true, value: (r) => r.timedOut, render: (r) => int(r.timedOut) },
            {
              key: 'rate', label: 'in time', numeric: true, value: (r) => successRate(r),
              render: (r) => {
                const s = successRate(r);
                return s === null ? '—' : <Badge tone={s >= 0.9 ? 'ok' : s >= 0.5 ? 'info' : 'bad'}>{(s * 100).toFixed(0)} %</Badge>;
              },
            },
            { key: 'p50', label: 'latency p50', numeric: true, value: (r) => r.latencyP50Millis, render: (r) => (r.latencyP50Millis === null ? '—' : `${int(r.latencyP50Millis)} ms`) },
            { key: 'p95', label: 'latency p95', numeric: true, value: (r) => r.latencyP95Millis, render: (r) => (r.latencyP95Millis === null ? '—' : `${int(r.latencyP95Millis)} ms`) },
            { key: 'version', label: 'version', value: (r) => r.serving?.version ?? null },
          ]}
        />
      </Card>
      {withLatency.length > 0 && (
        <Card title="Latency per worker (assignment to answer)">
          <ChartView
            label="Latency per worker"
            config={{
              type: 'bar',
              data: {
                labels: withLatency.map((r) => `${r.netuid}/UID ${r.uid}`),
                datasets: [
                  { label: 'p50 ms', data: withLatency.map((r) => r.latencyP50Millis), backgroundColor: '#4f46e5', borderRadius: 3 },
                  { label: 'p95 ms', data: withLatency.map((r) => r.latencyP95Millis), backgroundColor: '#a5b4fc', borderRadius: 3 },
                ],
              },
              options: { scales: { y: { beginAtZero: true } } },
            }}
          />
        </Card>
      )}
    </div>
  );
}
