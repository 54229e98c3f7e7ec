import { render } from 'preact';
import './style.css';
import { LiveContext, useEventStream } from './live';
import { href, useRoute, type Route } from './router';
import { int } from './api';
import { NetworkPage } from './pages/Network';
import { SubnetPage } from './pages/Subnet';
import { NeuronPage } from './pages/Neuron';
import { EpochsPage } from './pages/Epochs';
import { AuditPage } from './pages/Audit';
import { WorkersPage } from './pages/Workers';

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'network': return <NetworkPage />;
    case 'subnet': return <SubnetPage netuid={route.netuid} />;
    case 'neuron': return <NeuronPage netuid={route.netuid} uid={route.uid} />;
    case 'epochs': return <EpochsPage netuid={route.netuid} epoch={route.epoch} />;
    case 'audit': return <AuditPage />;
    case 'workers': return <WorkersPage />;
    default: return <div class="card"><h2>No such page</h2><p class="muted">{route.path}</p></div>;
  }
}

function App() {
  const live = useEventStream();
  const route = useRoute();
  const nav = (target: Route['page'], link: string, label: string) => (
    <a href={link} class={route.page === target || (target === 'network' && route.page === 'subnet') ? 'active' : undefined}>{label}</a>
  );
  return (
    <LiveContext.Provider value={live}>
      <header class="top">
        <a class="brand" href={href.network()}>τ TaoNet</a>
        <nav>
          {nav('network', href.network(), 'Network')}
          {nav('audit', href.audit(), 'Ledger audit')}
          {nav('workers', href.workers(), 'Worker health')}
        </nav>
        <div class="live" data-testid="live" title="Block height from the gateway's event stream">
          <span class={live.connected ? 'dot dot-on' : 'dot'} />
          {live.connected ? 'live' : 'connecting'} · block <strong data-testid="live-block">{int(live.block)}</strong>
          {live.lastEpoch && <span class="muted"> · last epoch: subnet {live.lastEpoch.netuid} #{live.lastEpoch.epoch}</span>}
        </div>
      </header>
      <main>
        <Page route={route} />
      </main>
    </LiveContext.Provider>
  );
}

render(<App />, document.getElementById('app')!);
