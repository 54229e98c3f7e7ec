// The browser test against a TaoNet that is already running (./taonet up): reads what the dashboard should
// show from the gateway's public API, then runs dashboard.spec.mjs with it. Run by `./taonet dashboard check`;
// by hand: DASHBOARD_URL=http://localhost:8080 node browser-test/live.mjs
// The subnet checked is the one with the most UIDs; its validator is the non-owner UID with a permit and the
// most stake; its miners are the UIDs that earn incentive (the spec expects each to have answered tasks).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const base = process.env.DASHBOARD_URL ?? 'http://localhost:8080';

async function get(path) {
  const response = await fetch(`${base}${path}`, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
  }
  return response.json();
}

function fail(message) {
  console.error(`dashboard check: ${message}`);
  process.exit(1);
}

const { subnets } = await get('/api/v1/subnets').catch((e) => fail(`the gateway at ${base} is not answering (${e.message})`));
if (subnets.length === 0) fail('no subnet yet: seed the demo (./taonet demo reset) or create one');

const metagraphs = await Promise.all(subnets.map((s) => get(`/api/v1/subnets/${s.netuid}/metagraph`)));
const metagraph = metagraphs.reduce((a, b) => (b.neurons.length > a.neurons.length ? b : a));
const subnet = subnets.find((s) => s.netuid === metagraph.netuid);
const validator = metagraph.neurons
  .filter((n) => n.validatorPermit && n.hotkey !== subnet.ownerHotkey)
  .sort((a, b) => b.stakeRao - a.stakeRao)[0];
const miners = metagraph.neurons.filter((n) => !n.validatorPermit && n.incentive > 0).sort((a, b) => a.uid - b.uid);
if (!validator || miners.length === 0) {
  fail(`subnet ${metagraph.netuid} has no validator with a permit or no miner with incentive yet (epoch ${metagraph.epoch}); `
    + 'wait an epoch or two and try again');
}

const expect = {
  netuid: metagraph.netuid,
  subnetName: subnet.identity?.name || `sn${metagraph.netuid}`,
  validatorUid: validator.uid,
  validatorHotkey: validator.hotkey,
  minerUids: miners.map((n) => n.uid),
  minerHotkeys: miners.map((n) => n.hotkey),
  subnets: subnets.length,
};
// Blocks per second from two looks at the height, so the spec waits a whole epoch (and some) for a live one.
const sample = async () => ({ at: Date.now(), block: (await get('/api/v1/subnets')).block });
const first = await sample();
await new Promise((resolve) => setTimeout(resolve, 3_000));
const second = await sample();
const blockMillis = second.block > first.block ? (second.at - first.at) / (second.block - first.block) : 12_000;
const epochWait = Math.round(2 * (subnet.hyperparameters.tempo + 1) * blockMillis + 10_000);

console.log(`checking ${base} against subnet ${expect.netuid} ("${expect.subnetName}"): validator UID ${expect.validatorUid}, `
  + `miners ${expect.minerUids.join(', ')}; `
  + `an epoch may take up to ${Math.round(epochWait / 1000)} s`);

const spec = join(dirname(fileURLToPath(import.meta.url)), 'dashboard.spec.mjs');
const run = spawnSync(process.execPath, [spec], {
  stdio: 'inherit',
  env: { ...process.env, DASHBOARD_URL: base, DASHBOARD_EXPECT: JSON.stringify(expect),
    EPOCH_WAIT_MS: String(epochWait) },
});
process.exit(run.status ?? 1);
