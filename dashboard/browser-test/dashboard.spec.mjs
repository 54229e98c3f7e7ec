// The dashboard in Debian's Chromium, driven by Playwright (playwright-core, no bundled browser).
// Run by gateway-service's DashboardBrowserIT against a running network; by hand:
//   DASHBOARD_URL=http://localhost:8080 DASHBOARD_EXPECT='{"netuid":1,...}' node browser-test/dashboard.spec.mjs
// Each page must load without console errors and show this network's live values; one screenshot per page
// goes to SCREENSHOT_DIR. Exit status 0 when every check held, 1 otherwise.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base = process.env.DASHBOARD_URL ?? 'http://localhost:8080';
const expect = JSON.parse(process.env.DASHBOARD_EXPECT ?? '{}');
const shots = process.env.SCREENSHOT_DIR ?? 'screenshots';
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
// How long a live epoch may take to arrive: a tempo's worth of blocks and some (the tests' fast chain: seconds).
const epochWait = Number(process.env.EPOCH_WAIT_MS ?? 20_000);
mkdirSync(shots, { recursive: true });

const failures = [];
const consoleErrors = [];
let current = '';

function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} [${current}] ${what}`);
  if (!ok) failures.push(`[${current}] ${what}`);
}

const text = async (page, selector) => (await page.locator(selector).first().innerText()).trim();
const number = (s) => Number(String(s).replace(/[^0-9.\-]/g, ''));
const TAO = /^[0-9,]+\.[0-9]+ τ$/;
const short = (key) => `${key.slice(0, 6)}…${key.slice(-6)}`;

async function visit(page, path, testid) {
  await page.goto(`${base}/${path}`, { waitUntil: 'domcontentloaded' });
  await page.locator(`[data-testid="${testid}"]`).waitFor({ timeout: 20_000 });
}

async function screenshot(page, name) {
  await page.waitForTimeout(300); // let Chart.js lay out its canvases
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

const userDataDir = mkdtempSync(join(tmpdir(), 'taonet-dashboard-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath,
  headless: true,
  viewport: { width: 1440, height: 900 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const page = context.pages()[0] ?? (await context.newPage());
page.on('console', (m) => m.type() === 'error' && consoleErrors.push(`[${current}] console: ${m.text()}`));
page.on('pageerror', (e) => consoleErrors.push(`[${current}] page error: ${e.message}`));
page.setDefaultTimeout(20_000);

try {
  const { netuid, subnetName, validatorUid, validatorHotkey, minerUids, minerHotkeys, subnets } = expect;
  const miner = minerUids[0];

  // ---- the network
  current = 'network';
  await visit(page, '', 'page-network');
  await page.locator('[data-testid="subnets"] tbody tr').first().waitFor();
  check(number(await text(page, '[data-testid="subnet-count"]')) === subnets, `${subnets} subnets counted`);
  check((await page.locator('[data-testid="subnets"]').innerText()).includes(subnetName), `the subnet table lists "${subnetName}"`);
  const issuance = await text(page, '[data-testid="issuance"]');
  check(TAO.test(issuance) && number(issuance) > 0, `total issuance shown in TAO (${issuance})`);
  check(await page.locator('canvas[aria-label="Emission share per subnet"]').count() === 1, 'emission shares drawn as a chart');
  const nextEpoch = await page.locator('[data-testid="subnets"] tbody tr', { hasText: subnetName }).innerText();
  check(/block [0-9,]+ \(in [0-9,]+\)/.test(nextEpoch), `next epoch block of subnet ${netuid} shown`);
  const block0 = number(await text(page, '[data-testid="block-height"]'));
  check(block0 > 0, `block height ${block0}`);
  // Live: the block height moves and an epoch arrives over the event stream, without a reload.
  await page.evaluate(() => { window.__sameDocument = true; });
  await page.waitForFunction((b) => Number(document.querySelector('[data-testid="live-block"]').textContent.replace(/,/g, '')) > b, block0, { timeout: 15_000 });
  check(true, 'block height advanced live');
  await page.locator('[data-testid="live"]', { hasText: 'last epoch: subnet' }).waitFor({ timeout: epochWait });
  check(await page.evaluate(() => window.__sameDocument === true), 'an epoch arrived live, same document');
  await screenshot(page, '1-network');

  // ---- a subnet
  current = 'subnet';
  await page.click(`[data-testid="subnets"] a[href="#/subnets/${netuid}"] >> nth=0`);
  await page.locator('[data-testid="page-subnet"]').waitFor();
  await page.locator('[data-testid="metagraph"] tbody tr').first().waitFor();
  const rows = await page.locator('[data-testid="metagraph"] tbody tr').count();
  check(rows >= minerUids.length + 2, `metagraph has ${rows} UIDs (owner, validator, ${minerUids.length} miners)`);
  const table = await page.locator('[data-testid="metagraph"]').innerText();
  check(minerHotkeys.every((k) => table.includes(short(k))), 'every miner hotkey is in the metagraph');
  const price = await text(page, '[data-testid="registration-price"]');
  check(TAO.test(price), `registration price now: ${price}`);
  const permits = await text(page, '[data-testid="permits"]');
  check(number(permits) >= 1 && (await page.locator('[data-testid="permits"] + .stat-hint').innerText()).includes(String(validatorUid)),
    `validator permits (${permits}) include UID ${validatorUid}`);
  check(await page.locator('canvas[aria-label="Incentive per UID"]').count() === 1, 'incentive chart');
  check(await page.locator('canvas[aria-label="Dividends per UID"]').count() === 1, 'dividends chart');
  check(await page.locator('canvas[aria-label="Emission per settled epoch"]').count() === 1, 'emission over the last epochs chart');
  // Sorting: incentive, descending, puts a miner that earns first.
  await page.click('[data-testid="metagraph"] th:has-text("incentive")');
  await page.click('[data-testid="metagraph"] th:has-text("incentive")');
  const firstUid = number(await text(page, '[data-testid="metagraph"] tbody tr:first-child td:first-child'));
  check(minerUids.includes(firstUid), `sorted by incentive, descending: UID ${firstUid} (a miner) first`);
  check(await page.locator('[data-testid="metagraph"] th[aria-sort="descending"]').innerText().then((t) => t.startsWith('incentive')), 'the sorted column says so');
  const epochBefore = await text(page, '[data-testid="latest-epoch"]');
  await page.waitForFunction((e) => document.querySelector('[data-testid="latest-epoch"]').textContent.trim() !== e, epochBefore, { timeout: epochWait });
  check(await page.evaluate(() => window.__sameDocument === true), `latest epoch refreshed live (${epochBefore} → ${await text(page, '[data-testid="latest-epoch"]')})`);
  await screenshot(page, '2-subnet');

  // ---- a neuron
  current = 'neuron';
  await page.click(`[data-testid="metagraph"] a[href="#/subnets/${netuid}/neurons/${miner}"]`);
  await page.locator('[data-testid="page-neuron"]').waitFor();
  await page.locator('[data-testid="neuron-hotkey"]').waitFor();
  check(await text(page, '[data-testid="neuron-hotkey"]') === minerHotkeys[0], 'the miner\'s hotkey');
  const seen = number(await text(page, '[data-testid="epochs-seen"]'));
  check(seen >= 1, `history over ${seen} epochs`);
  await page.locator('[data-testid="neuron-history"] tbody tr').first().waitFor();
  const hist = await page.locator('[data-testid="neuron-history"] tbody tr td:nth-child(3)').allInnerTexts();
  check(hist.some((v) => Number(v) > 0), `incentive earned in some epoch (${hist.join(', ')})`);
  check(await page.locator('canvas[aria-label="Incentive and trust per epoch"]').count() === 1, 'incentive/trust chart');
  check(await page.locator('canvas[aria-label="Emission and stake per epoch"]').count() === 1, 'emission/stake chart');
  await screenshot(page, '3-neuron');

  // ---- epochs, one epoch's outputs, a what-if replay
  current = 'epochs';
  await visit(page, `#/subnets/${netuid}/epochs`, 'page-epochs');
  await page.locator('[data-testid="epochs"] tbody tr').first().waitFor();
  check(await page.locator('[data-testid="epochs"] tbody tr').count() >= 1, 'epochs listed');
  await page.locator('[data-testid="inputs-hash"]').waitFor();
  check(/^[0-9a-f]{64}$/.test(await text(page, '[data-testid="inputs-hash"]')), 'inputs hash of the newest epoch');
  check(await page.locator('[data-testid="epoch-outputs"] tbody tr').count() >= minerUids.length + 2, 'its outputs, one row per UID');
  await page.click('[data-testid="replay-form"] button[type="submit"]');
  await page.locator('[data-testid="replay-result"]').waitFor();
  const same = await page.locator('[data-testid="replay-result"]').innerText();
  check(same.includes('identical to the stored outputs') && same.includes('inputs hash verified'), 'a replay without overrides is identical, inputs hash verified');
  // What if the subnet allowed one validator permit: the other UIDs lose theirs, and the diff says so.
  await page.locator('[data-testid="replay-form"] input[name="maxAllowedValidators"]').fill('1');
  await page.click('[data-testid="replay-form"] button[type="submit"]');
  await page.locator('[data-testid="replay-diff"]').waitFor();
  const changed = (await page.locator('[data-testid="replay-result"]').innerText()).split('\n')[0];
  const diff = await page.locator('[data-testid="replay-diff"]').innerText();
  check(/[1-9][0-9]* UIDs changed/.test(changed) && diff.includes('validatorPermit'), `replay with maxAllowedValidators=1: ${changed}, permits in the diff`);
  await screenshot(page, '4-epochs');

  // ---- the ledger audit
  current = 'audit';
  await page.click('nav a[href="#/audit"]');
  await page.locator('[data-testid="page-audit"]').waitFor();
  check((await text(page, '[data-testid="audit-verdict"]')).includes('all invariants hold'), 'every ledger invariant holds');
  const checks = await page.locator('[data-testid="audit-checks"] tbody tr').count();
  check(checks >= 1 && (await page.locator('[data-testid="audit-checks"] .badge-bad').count()) === 0, `${checks} checks, none failed`);
  check(number(await text(page, '[data-testid="audit-settlements"]')) >= 1, 'at least one settlement');
  check(TAO.test(await text(page, '[data-testid="audit-issuance"]')), 'issuance in TAO');
  await screenshot(page, '5-audit');

  // ---- worker health
  current = 'workers';
  await page.click('nav a[href="#/workers"]');
  await page.locator('[data-testid="page-workers"]').waitFor();
  check(number(await text(page, '[data-testid="tasks-assigned"]')) > 0, 'tasks assigned');
  check(number(await text(page, '[data-testid="tasks-answered"]')) > 0, 'tasks answered');
  for (const [i, hotkey] of minerHotkeys.entries()) {
    const row = page.locator('[data-testid="workers"] tbody tr', { hasText: short(hotkey) });
    check(await row.count() === 1, `worker UID ${minerUids[i]} listed`);
    const cells = await row.locator('td').allInnerTexts();
    check(number(cells[6]) > 0 && /ms$/.test(cells[10]), `worker UID ${minerUids[i]}: ${cells[6]} answered, p50 ${cells[10]}, serving ${cells[3]}`);
  }
  await screenshot(page, '6-workers');
} catch (e) {
  failures.push(`[${current}] ${e.stack ?? e}`);
  await page.screenshot({ path: join(shots, `failed-${current}.png`), fullPage: true }).catch(() => {});
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

for (const e of [...failures, ...consoleErrors]) console.log(`FAIL ${e}`);
const all = [...failures, ...consoleErrors];
console.log(all.length === 0 ? 'dashboard: every page passed' : `dashboard: ${all.length} failure(s)`);
process.exit(all.length === 0 ? 0 : 1);
