import { get, int, tao, type Audit } from '../api';
import { ChartView } from '../chart';
import { Badge, Card, Loading, Problem, Stat } from '../components';
import { useData } from '../data';

function label(key: string): string {
  return key.replace(/Rao$/, '').replace(/([A-Z])/g, ' $1').toLowerCase();
}

export function AuditPage() {
  const { data, error } = useData(() => get<Audit>('/api/v1/audit'), []);
  if (!data) return error ? <Problem error={error} /> : <Loading />;
  const f = data.figures as Record<string, number>;
  const supply = [
    { name: 'free', value: f.freeRao ?? 0, color: '#16a34a' },
    { name: 'staked', value: f.stakedRao ?? 0, color: '#4f46e5' },
    { name: 'locked', value: f.lockedRao ?? 0, color: '#ea580c' },
  ];
  return (
    <div class="page" data-testid="page-audit">
      <h1>Ledger audit</h1>
      <p class="sub">The ledger's invariants, checked on one snapshot of its books at block {int(data.block)}.</p>
      <Problem error={error} />
      <div class="stats">
        <Stat label="Verdict" value={data.ok ? <Badge tone="ok">all invariants hold</Badge> : <Badge tone="bad">invariant broken</Badge>} testid="audit-verdict" />
        <Stat label="Issuance" value={tao(f.issuanceRao)} hint={`max supply ${tao(f.maxSupplyRao, 0)}`} testid="audit-issuance" />
        <Stat label="Journal" value={`${int(f.journalTransactions)} tx`} hint={`${int(f.journalLines)} lines · ${int(f.accounts)} accounts`} />
        <Stat label="Settlements" value={int(f.settlements)} hint={`credited ${tao(f.settledCreditsRao)}`} testid="audit-settlements" />
      </div>
      <div class="grid-2 wide-left">
        <Card title="Checks">
          <table data-testid="audit-checks">
            <thead><tr><th>check</th><th>result</th><th>detail</th></tr></thead>
            <tbody>
              {data.checks.map((c) => (
                <tr key={c.name}>
                  <td>{c.name}</td>
                  <td>{c.ok ? <Badge tone="ok">ok</Badge> : <Badge tone="bad">failed</Badge>}</td>
                  <td class="detail">{c.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <Card title="Where the issued TAO is">
          <ChartView
            label="Issued TAO by account kind"
            height={260}
            config={{
              type: 'doughnut',
              data: { labels: supply.map((s) => s.name), datasets: [{ data: supply.map((s) => s.value / 1e9), backgroundColor: supply.map((s) => s.color) }] },
              options: { plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { label: (c) => ` ${c.label}: ${Number(c.parsed).toLocaleString('en-US')} τ` } } } },
            }}
          />
        </Card>
      </div>
      <Card title="Figures">
        <table data-testid="audit-figures" class="figures">
          <tbody>
            {Object.entries(data.figures).map(([k, v]) => (
              <tr key={k}>
                <td>{label(k)}</td>
                <td class="num">{typeof v === 'number' ? (k.endsWith('Rao') ? tao(v, 9) : int(v)) : String(v)}</td>
                <td class="num muted">{k.endsWith('Rao') && typeof v === 'number' ? `${int(v)} rao` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </div>
  );
}
