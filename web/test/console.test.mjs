// Browser tests of the console, run by localtest/console (go test) with
// node --test against the whole local system. Everything comes from the
// environment the Go test sets: the console URL, a real key, a control the
// API reports failing, where to save screenshots, the pinned node_modules
// and the chromium binary.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run this through go test ./localtest/console`);
  return v;
};
const URL_ = env('CONSOLE_URL');
const TENANT = env('CONSOLE_TENANT');
const KEY = env('CONSOLE_KEY');
const FAILING = env('CONSOLE_FAILING_CONTROL');
const OUT = env('CONSOLE_ARTIFACTS');
// The calls in the tenant's evidence when the controls ran (the system's seed
// traffic and the Go side's calls), counted by the Go side from the table.
const RECORDED = JSON.parse(env('CONSOLE_RECORDED'));
const NM = env('CONSOLE_NODE_MODULES');
const require = createRequire(join(NM, 'noop.js'));
const { chromium } = require('playwright-core');
const AXE = readFileSync(join(NM, 'axe-core', 'axe.min.js'), 'utf8');

let browser;
let context;
let page;
const problems = []; // CSP violations and page errors, any page

function watch(p) {
  p.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
}

before(async () => {
  browser = await chromium.launch({ executablePath: env('CONSOLE_CHROMIUM'), headless: true });
  context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1366, height: 900 } });
  page = await context.newPage();
  watch(page);
});

after(async () => {
  await browser?.close();
});

async function shot(name) {
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
}

// axe-core, evaluated through the DevTools protocol (the page's CSP would
// refuse an injected script tag, as it should).
async function axe(name) {
  const res = await page.evaluate(async (src) => {
    if (!window.axe) (0, eval)(src);
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    if (!r.passes.length) throw new Error('axe checked nothing');
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  }, AXE);
  const bad = res.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `axe on ${name}: ${JSON.stringify(bad, null, 1)}`);
}

async function points(id) {
  return page.evaluate((id) => {
    const c = window.Chart.getChart(document.getElementById(id));
    if (!c) return 0;
    return c.data.datasets.reduce((n, d) => n + d.data.filter((v) => typeof v === 'number' && v > 0).length, 0);
  }, id);
}

async function tab(name) {
  await page.click(`[data-tab="${name}"]`);
  await page.waitForSelector(`#${name}:not([hidden])`);
}

test('a wrong key shows the error and no console', async () => {
  const p = await context.newPage();
  watch(p);
  await p.goto(URL_);
  await p.fill('#tenant', TENANT);
  await p.fill('#key', 'agk_wrongkeyid_wrongsecret');
  await p.click('button[type=submit]');
  await p.waitForSelector('body[data-loaded="error"]');
  const err = await p.textContent('#error');
  assert.match(err, /refused the key \((401|403)/);
  assert.equal(await p.isVisible('#console'), false);
  assert.equal(await p.evaluate(() => sessionStorage.getItem('agentgate.console')), null, 'a refused key is not kept');
  await p.screenshot({ path: join(OUT, 'wrong-key.png'), fullPage: true });
  await p.close();
});

test('the overview loads with a real key and its charts have data points', async () => {
  await page.goto(URL_);
  await page.fill('#tenant', TENANT);
  await page.fill('#key', KEY);
  await page.click('button[type=submit]');
  await page.waitForSelector('body[data-loaded="true"]', { timeout: 60000 });
  assert.equal(await page.isVisible('#error'), false, await page.textContent('#error'));
  const kept = await page.evaluate(() => ({ s: sessionStorage.getItem('agentgate.console'), l: localStorage.length, c: document.cookie }));
  assert.match(kept.s, /agk_/, 'the key is in sessionStorage');
  assert.equal(kept.l, 0, 'nothing in localStorage');
  assert.equal(kept.c, '', 'no cookie');
  assert.match(await page.textContent('#overall'), /Overall: (passing|warning|failing|error)/);
  assert.ok((await page.$$('#frameworks .card')).length >= 1, 'a card per framework');
  for (const id of ['fw-chart', 'daily-chart', 'rules-chart', 'cats-chart']) {
    assert.ok(await points(id) > 0, `${id} has data points`);
  }
  // The charts show the usage scan's exact counts, equal to the calls the
  // Go side counted in the evidence after recording its own, and say as of
  // when.
  assert.equal(await page.getAttribute('body', 'data-call-counts'), 'usage', await page.textContent('#sample-note'));
  assert.match(await page.textContent('#sample-note'), /^Exact counts of every call .* as of \d{4}-\d\d-\d\d \d\d:\d\d UTC;/);
  const totals = await page.evaluate(() => Object.fromEntries(window.Chart.getChart(document.getElementById('daily-chart')).data.datasets
    .map((d) => [d.label, d.data.reduce((a, b) => a + b, 0)])));
  assert.deepEqual(totals, {
    allowed: RECORDED.allow ?? 0, redacted: RECORDED.redact ?? 0, blocked: RECORDED.block ?? 0,
    'failed open (unchecked)': RECORDED.failOpen ?? 0, 'other (undecided, fail-closed)': 0,
  }, 'daily chart totals are the recorded calls');
  assert.equal(Object.values(totals).reduce((a, b) => a + b, 0), RECORDED.calls, 'every recorded call is in the daily chart');
  // Two of the calls were blocked for prompt injection: the category counts
  // each blocked call once, whatever number of its rules fired.
  const sums = await page.evaluate(() => {
    const d = window.Chart.getChart(document.getElementById('daily-chart')).data.datasets.find((x) => x.label === 'blocked');
    const c = window.Chart.getChart(document.getElementById('cats-chart')).data;
    return { blocked: d.data.reduce((a, b) => a + b, 0), injection: c.datasets[0].data[c.labels.indexOf('prompt_injection')] };
  });
  assert.equal(sums.blocked, 2, 'blocked calls');
  assert.equal(sums.injection, 2, 'blocked calls in prompt_injection');
  // One fail-open replay among the calls: a point above zero.
  assert.ok(await points('failopen-chart') > 0, 'fail-open share has a point above zero');
  assert.equal(await page.textContent('#failopen-total'), `1 of ${RECORDED.calls} counted calls failed open (${(100 / RECORDED.calls).toFixed(1)} %).`);
  await shot('overview');
  await axe('overview');
});

test('before the first usage scan the overview counts a sample and says so', async () => {
  // A tenant created after the controls ran, with one allowed call.
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const p = await ctx.newPage();
  watch(p);
  await p.goto(URL_);
  await p.fill('#tenant', env('CONSOLE_FRESH_TENANT'));
  await p.fill('#key', env('CONSOLE_FRESH_KEY'));
  await p.click('button[type=submit]');
  await p.waitForSelector('body[data-loaded="true"]', { timeout: 60000 });
  assert.equal(await p.getAttribute('body', 'data-call-counts'), 'sample');
  assert.match(await p.textContent('#sample-note'), /^The controls have not counted the calls yet \(first run\): 1 evidence chain\(s\), 1 entries; all 1 counted\.$/);
  const total = await p.evaluate(() => window.Chart.getChart(document.getElementById('daily-chart')).data.datasets
    .reduce((n, d) => n + d.data.reduce((a, b) => a + b, 0), 0));
  assert.equal(total, 1, 'the one recorded call');
  // No controls run for this tenant yet: the overview says when it comes.
  assert.match(await p.textContent('#overall'), /^Overall: not checked yet  no control run yet: first run in \d+ (s|min)$/, 'before the first run nothing shows as error');
  assert.match(await p.textContent('#frameworks'), /not checked yet/);
  assert.doesNotMatch(await p.textContent('#frameworks'), /\berror\b/);
  await p.screenshot({ path: join(OUT, 'first-run.png'), fullPage: true });
  // Its chain is sealed but the local witness follows the demo tenant only.
  await p.click('[data-tab="checkpoints"]');
  await p.waitForSelector('#checkpoints:not([hidden])');
  const row = p.locator(`#witnesses-table tr[data-chain="${env('CONSOLE_FRESH_CHAIN')}"]`);
  assert.equal(await row.count(), 1);
  assert.equal((await row.locator('td').nth(2).textContent()).trim(), 'no cosignature yet');
  assert.match(await p.textContent('#checkpoints-body'), /no cosignature yet \(1 required\)/);
  await p.screenshot({ path: join(OUT, 'first-run-checkpoints.png'), fullPage: true });
  await ctx.close();
});

test('a failing control shows as failing, with its timeline', async () => {
  await tab('controls');
  const row = page.locator(`#controls-table tr[data-control="${FAILING}"]`);
  assert.equal(await row.getAttribute('data-status'), 'failing');
  assert.equal((await row.locator('.status').first().textContent()).trim(), 'failing');
  // Natural order of ids (CC6.10 after CC6.2; a text sort puts it first).
  const ids = await page.$$eval('#controls-table tbody tr', (rs) => rs.map((r) => r.dataset.control));
  assert.ok(ids.length > 10, `controls listed: ${ids.length}`);
  const sorted = [...ids].sort(new Intl.Collator('en', { numeric: true }).compare);
  assert.deepEqual(ids, sorted);
  await row.locator('button').click();
  await page.waitForFunction(() => window.Chart.getChart(document.getElementById('timeline-chart')));
  const n = await page.evaluate(() => window.Chart.getChart(document.getElementById('timeline-chart')).data.datasets[0].data.length);
  assert.ok(n >= 2, `timeline points: ${n}`);
  assert.match(await page.textContent('#timeline-list'), /failing/);
  await shot('controls');
  await axe('controls');
});

test('registers and exceptions load', async () => {
  await tab('registers');
  assert.match(await page.textContent('#register-tables'), /Vendors[\s\S]*Model versions[\s\S]*Access reviews[\s\S]*Adversarial runs[\s\S]*Fairness/);
  assert.ok((await page.$$('#register-tables table')).length >= 1, 'at least one register has rows');
  await shot('registers');
  await axe('registers');
  await tab('exceptions');
  assert.match(await page.textContent('#exceptions-body'), /\d+ active, \d+ closed\./);
  await shot('exceptions');
  await axe('exceptions');
});

test('the latest checkpoints are listed with the witnesses that cosigned them', async () => {
  await tab('checkpoints');
  const rows = await page.$$('#checkpoints-body tbody tr');
  assert.ok(rows.length >= 1, 'a checkpoint per chain with entries');
  assert.match(await page.textContent('#checkpoints-body'), new RegExp(`${TENANT}/\\d`));
  // The chain the Go side saw cosigned by the local witness: its name, the
  // key ID of its key and the cosignature's time, read from the note.
  const chain = env('CONSOLE_WITNESS_CHAIN');
  const row = page.locator(`#witnesses-table tr[data-chain="${chain}"][data-witness="${env('CONSOLE_WITNESS')}"]`);
  assert.equal(await row.count(), 1, `a cosignature row for ${chain}`);
  const cells = await row.locator('td').allTextContents();
  assert.equal(cells[2], env('CONSOLE_WITNESS'));
  assert.equal(cells[3], env('CONSOLE_WITNESS_KEY_ID'));
  assert.match(cells[4], /^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/, 'the cosignature timestamp');
  const age = Date.now() - Date.parse(cells[4].replace(' UTC', 'Z').replace(' ', 'T'));
  assert.ok(age >= 0 && age < 15 * 60 * 1000, `cosigned within the test's run: ${cells[4]}`);
  assert.match(await page.textContent('#witness-quorum'), /^Witness quorum: 1 /);
  const summary = page.locator('#checkpoints-body table').first().locator('tbody tr', { hasText: chain });
  assert.match(await summary.textContent(), /1 of 1 required/);
  await shot('checkpoints');
  await axe('checkpoints');
});

test('a package is requested, builds and downloads as a zip', async () => {
  await tab('packages');
  await page.click('#package-form button[type=submit]');
  const row = page.locator('#packages-table tbody tr').first();
  await row.waitFor();
  await page.waitForSelector('#packages-table tbody tr[data-status="ready"]', { timeout: 120000 });
  assert.match(await row.locator('code').nth(1).textContent(), /^[0-9a-f]{64}$/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    row.locator('a').click(),
  ]);
  const path = join(OUT, 'package.zip');
  await download.saveAs(path);
  const zip = readFileSync(path);
  assert.ok(zip.length > 100, `zip of ${zip.length} bytes`);
  assert.equal(zip.subarray(0, 4).toString('binary'), 'PK\x03\x04', 'a zip file');
  assert.ok(zip.includes(Buffer.from('report.html')), 'the package holds report.html');
  await shot('packages');
  await axe('packages');
});

test('a reload keeps the tab signed in; signing out forgets the key', async () => {
  await page.reload();
  await page.waitForSelector('body[data-loaded="true"]', { timeout: 60000 });
  assert.equal(await page.isVisible('#console'), true, 'signed in from sessionStorage');
  // Another tab of the same browser does not have the key (sessionStorage is per tab).
  const other = await context.newPage();
  await other.goto(URL_);
  await other.waitForSelector('body[data-loaded="signin"]');
  assert.equal(await other.evaluate(() => sessionStorage.getItem('agentgate.console')), null);
  await other.close();
  await page.click('#signout');
  await page.waitForSelector('body[data-loaded="signin"]');
  assert.equal(await page.evaluate(() => sessionStorage.getItem('agentgate.console')), null);
  assert.equal(await page.isVisible('#signin'), true);
  assert.equal(await page.isVisible('#console'), false);
});

test('no CSP violation or page error on any page', () => {
  writeFileSync(join(OUT, 'problems.json'), JSON.stringify(problems, null, 1));
  assert.deepEqual(problems, []);
});
