// agentgate console: read-only views over the API of this origin. It shows
// the JSON the API serves and nothing the API does not. The key lives in
// sessionStorage only; every request goes to this origin (CSP connect-src
// 'self').

const STORE = 'agentgate.console';
// Calls are counted from the newest entries of each evidence chain: the API
// has no aggregate route, so the console reads at most this many per chain.
const SAMPLE_PER_CHAIN = 60;
const MAX_SHARDS = 16;
const STATUS_ORDER = ['passing', 'warning', 'failing', 'error'];
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const $ = (sel) => document.querySelector(sel);

let session = null; // {tenant, key}
let status = null; // the last GET /v1/compliance/status
const charts = {};
const packages = [];

// ---------- API ----------

class APIError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function api(path, { method = 'GET', body, allow404 = false } = {}) {
  for (let attempt = 0; ; attempt++) {
    const init = { method, headers: { Authorization: `Bearer ${session.key}` }, cache: 'no-store' };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let resp;
    try {
      resp = await fetch(path, init);
    } catch (e) {
      throw new APIError(0, 'network', `the API could not be reached (${e.message})`);
    }
    if (resp.status === 429 && attempt < 5) {
      const wait = Number(resp.headers.get('Retry-After')) || 1;
      await new Promise((r) => setTimeout(r, wait * 1000 * (0.5 + Math.random())));
      continue;
    }
    if (resp.status === 404 && allow404) return null;
    let data = null;
    try {
      data = await resp.json();
    } catch {
      data = null;
    }
    if (!resp.ok) {
      const code = data?.error?.code ?? '';
      const msg = data?.error?.message ?? data?.message ?? resp.statusText;
      throw new APIError(resp.status, code, msg);
    }
    return data;
  }
}

// pool runs fn over items with at most n in flight.
async function pool(items, n, fn) {
  const out = new Array(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  }
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return out;
}

// ---------- small DOM helpers (textContent only: API strings are never HTML) ----------

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function badge(s) {
  return el('span', { class: `status status-${String(s).replace(/[^a-z_]/gi, '')}`, text: String(s) });
}

function when(ts) {
  if (!ts) return '';
  const d = new Date(ts);
  return Number.isNaN(d.getTime()) ? String(ts) : d.toISOString().replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
}

function table(caption, cols, rows) {
  if (!rows.length) return el('p', { class: 'note', text: `${caption}: none recorded.` });
  return el('div', { class: 'table-wrap' },
    el('table', {},
      el('caption', { class: 'visually-hidden', text: caption }),
      el('thead', {}, el('tr', {}, cols.map((c) => el('th', { scope: 'col', text: c[0] })))),
      el('tbody', {}, rows.map((r) => el('tr', {}, cols.map((c) => {
        const v = c[1](r);
        return el('td', {}, v instanceof Node ? v : (v ?? ''));
      }))))));
}

function showError(msg) {
  const box = $('#error');
  box.textContent = msg;
  box.hidden = !msg;
}

function describe(e) {
  if (e instanceof APIError) {
    if (e.status === 401 || e.status === 403) {
      return `The API refused the key (${e.status}${e.code ? ' ' + e.code : ''}): ${e.message}`;
    }
    return `The API answered ${e.status || 'nothing'}: ${e.message}`;
  }
  return String(e?.message ?? e);
}

// ---------- charts ----------

const palette = { allow: '#2e7d32', redact: '#b26a00', block: '#b3261e', failOpen: '#6a1b9a', other: '#5a6b7b', accent: '#0b5394' };

function chart(id, config) {
  charts[id]?.destroy();
  const canvas = document.getElementById(id);
  config.options = {
    responsive: true, maintainAspectRatio: true, aspectRatio: 2.2, animation: false,
    ...config.options,
  };
  charts[id] = new window.Chart(canvas, config);
  return charts[id];
}

function noData(id, text) {
  charts[id]?.destroy();
  delete charts[id];
  const canvas = document.getElementById(id);
  canvas.hidden = true;
  let p = canvas.parentElement.querySelector('.nodata');
  if (!p) {
    p = el('p', { class: 'note nodata' });
    canvas.after(p);
  }
  p.textContent = text;
}

function hasData(id) {
  const canvas = document.getElementById(id);
  canvas.hidden = false;
  canvas.parentElement.querySelector('.nodata')?.remove();
}

// ---------- sign in / out ----------

function loadSession() {
  try {
    const s = JSON.parse(sessionStorage.getItem(STORE) ?? 'null');
    if (s?.key && s?.tenant) return s;
  } catch {
    /* a damaged entry is ignored */
  }
  return null;
}

async function signIn(s) {
  session = s;
  showError('');
  try {
    status = await api('/v1/compliance/status');
  } catch (e) {
    session = null;
    sessionStorage.removeItem(STORE);
    showError(describe(e));
    $('#signin').hidden = false;
    $('#console').hidden = true;
    document.body.dataset.loaded = 'error';
    return;
  }
  sessionStorage.setItem(STORE, JSON.stringify(s));
  $('#signin').hidden = true;
  $('#console').hidden = false;
  $('#who').textContent = `tenant ${s.tenant}`;
  $('#who').hidden = false;
  $('#signout').hidden = false;
  showTab(location.hash.slice(1) || 'overview');
  await Promise.all([
    renderOverview(), renderControls(), renderRegisters(), renderExceptions(), renderCheckpoints(),
  ].map((p) => p.catch((e) => showError(describe(e)))));
  document.body.dataset.loaded = 'true';
}

function signOut() {
  sessionStorage.removeItem(STORE);
  session = null;
  location.hash = '';
  location.reload();
}

function showTab(name) {
  const tabs = [...document.querySelectorAll('.tab')].map((t) => t.id);
  if (!tabs.includes(name)) name = 'overview';
  for (const id of tabs) document.getElementById(id).hidden = id !== name;
  for (const a of document.querySelectorAll('[data-tab]')) {
    if (a.dataset.tab === name) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  // Charts drawn while hidden have no size: resize them now.
  for (const c of Object.values(charts)) c.resize();
}

// ---------- overview ----------

async function renderOverview() {
  const fws = status.summaries ?? [];
  // Before the first run every control is "error" in the API's terms; the
  // console says what that means: nothing checked yet.
  const ran = Boolean(status.lastRun);
  $('#overall').replaceChildren('Overall: ', ran ? badge(status.overall) : badge('not checked yet'), ran ? `  last run ${when(status.lastRun)}` : `  no control run yet: ${firstRun(status)}`);
  $('#frameworks').replaceChildren(...fws.map((f) => el('div', { class: 'card' },
    el('h3', { text: f.title || f.framework }),
    el('p', {}, ran ? worst(f) : badge('not checked yet'), ` ${f.covered} criteria covered`),
    el('p', { class: 'note', text: ran ? `${f.passing} passing · ${f.warning} warning · ${f.failing} failing · ${f.accepted} accepted · ${f.error} error` : `${f.covered} criteria wait for the first run` }))));
  if (fws.length) {
    hasData('fw-chart');
    const series = ran
      ? [['passing', '#2e7d32'], ['accepted', '#6b8e23'], ['warning', '#b26a00'], ['failing', '#b3261e'], ['error', '#5a32a3']]
      : [['error', '#6b7280', 'not checked yet']];
    chart('fw-chart', {
      type: 'bar',
      data: {
        labels: fws.map((f) => f.title || f.framework),
        datasets: series.map(([k, c, label]) => ({ label: label ?? k, data: fws.map((f) => f[k]), backgroundColor: c })),
      },
      options: { indexAxis: 'y', scales: { x: { stacked: true, title: { display: true, text: 'criteria' } }, y: { stacked: true } } },
    });
  } else {
    noData('fw-chart', 'No framework summary yet.');
  }
  await renderCalls();
}

// firstRun says when the controls first run, as `agentgate status` does:
// exactly where the API knows the schedule's start (the local system), as a
// bound where it knows only its rate (deployed).
function firstRun(st) {
  const at = Date.parse(st.nextRunAt ?? '');
  if (!Number.isNaN(at)) {
    const sec = Math.ceil((at - Date.now()) / 1000);
    if (sec <= 0) return 'first run due now';
    return sec >= 120 ? `first run in ${Math.ceil(sec / 60)} min` : `first run in ${sec} s`;
  }
  if (st.runEverySeconds > 0) {
    const every = st.runEverySeconds >= 120 && st.runEverySeconds % 60 === 0 ? `${st.runEverySeconds / 60} min` : `${st.runEverySeconds} s`;
    return `first run within ${every} (the controls run every ${every})`;
  }
  return 'the controls function has not run for this tenant';
}

function worst(f) {
  for (const s of ['error', 'failing', 'warning']) if (f[s] > 0) return badge(s);
  return badge('passing');
}

// chains finds the tenant's evidence chains and the newest entries of each.
async function sampleEntries() {
  const t = encodeURIComponent(session.tenant);
  const shards = Array.from({ length: MAX_SHARDS }, (_, i) => i);
  const exists = async (shard, seq) => (await api(`/v1/evidence/${t}/${shard}/${seq}`, { allow404: true })) !== null;
  const first = await pool(shards, 4, (s) => exists(s, 0));
  const chains = shards.filter((s) => first[s]);
  const perChain = await pool(chains, 2, async (shard) => {
    // The last sequence number: gallop, then bisect.
    let lo = 0;
    let hi = 1;
    while (await exists(shard, hi)) {
      lo = hi;
      hi *= 2;
    }
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (await exists(shard, mid)) lo = mid;
      else hi = mid;
    }
    const seqs = [];
    for (let s = lo; s >= 0 && seqs.length < SAMPLE_PER_CHAIN; s--) seqs.push(s);
    const entries = await pool(seqs, 4, (seq) => api(`/v1/evidence/${t}/${shard}/${seq}`, { allow404: true }));
    return { shard, size: lo + 1, entries: entries.filter(Boolean) };
  });
  return perChain;
}

// usageCounts reads the controls' usage scan: exact per-day counts of every
// call, as of the scan's time. null when the scan has not run yet.
async function usageCounts() {
  const rep = await api('/v1/compliance/usage?days=30', { allow404: true });
  if (!rep || !rep.asOf) return null;
  const days = new Map();
  const rules = new Map();
  const cats = new Map();
  const add = (m, k, n) => m.set(k, (m.get(k) ?? 0) + n);
  for (const d of rep.days) {
    // Fail-open replays are calls no decision covered; "other" is the rest
    // (undecided validations, fail-closed replays, and decided calls of
    // days counted before the split by decision was kept).
    const other = Math.max(d.calls - d.allow - d.redact - d.block - d.failOpen, 0);
    days.set(d.day, { allow: d.allow, redact: d.redact, block: d.block, failOpen: d.failOpen, other, calls: d.calls });
    for (const [k, n] of Object.entries(d.blockedRules)) add(rules, k, n);
    for (const [k, n] of Object.entries(d.blockedCategories)) add(cats, k, n);
  }
  const first = rep.days[0]?.day;
  const last = rep.days.at(-1)?.day;
  const note = `Exact counts of every call from ${first} to ${last} (UTC), from the controls' usage scan as of ${when(rep.asOf)}; ` +
    'calls recorded after it appear at the next controls run.';
  return { source: 'usage', days, rules, cats, note };
}

// sampleCounts is the fallback before the first usage scan: it counts the
// newest entries of each evidence chain.
async function sampleCounts() {
  const perChain = await sampleEntries();
  const entries = perChain.flatMap((c) => c.entries);
  const total = perChain.reduce((n, c) => n + c.size, 0);
  const sampled = entries.length < total;
  const note = 'The controls have not counted the calls yet (first run): ' +
    `${perChain.length} evidence chain(s), ${total} entries; ` +
    (sampled ? `a sample, counted from the newest ${SAMPLE_PER_CHAIN} of each chain (${entries.length} entries).` : `all ${entries.length} counted.`);

  const days = new Map();
  const day = (d) => {
    if (!days.has(d)) days.set(d, { allow: 0, redact: 0, block: 0, failOpen: 0, other: 0, calls: 0 });
    return days.get(d);
  };
  const rules = new Map();
  const cats = new Map();
  for (const e of entries) {
    const d = String(e.ts ?? '').slice(0, 10);
    if (!d) continue;
    if (e.kind === 'validate') {
      const c = day(d);
      c.calls++;
      const k = ['allow', 'redact', 'block'].includes(e.decision) ? e.decision : 'other';
      c[k]++;
      if (e.decision === 'block') {
        // Each blocked call counts once per rule and once per category.
        const rs = new Set(e.rules ?? []);
        for (const r of rs) rules.set(r, (rules.get(r) ?? 0) + 1);
        for (const c of new Set([...rs].map((r) => r.split('.')[0]))) cats.set(c, (cats.get(c) ?? 0) + 1);
      }
    } else if (e.kind === 'replay') {
      const c = day(d);
      c.calls++;
      if (e.status === 'fail_open') c.failOpen++;
      else c.other++;
    }
  }
  return { source: 'sample', days, rules, cats, note };
}

async function renderCalls() {
  let counts;
  try {
    counts = (await usageCounts()) ?? (await sampleCounts());
  } catch (e) {
    $('#sample-note').textContent = `Calls could not be read: ${describe(e)}`;
    for (const id of ['daily-chart', 'failopen-chart', 'rules-chart', 'cats-chart']) noData(id, 'No data.');
    return;
  }
  const { days, rules, cats } = counts;
  $('#sample-note').textContent = counts.note;
  document.body.dataset.callCounts = counts.source;

  const labels = [...days.keys()].sort();
  if (labels.some((l) => days.get(l).calls > 0)) {
    hasData('daily-chart');
    chart('daily-chart', {
      type: 'bar',
      data: {
        labels,
        datasets: [['allow', 'allowed'], ['redact', 'redacted'], ['block', 'blocked'], ['failOpen', 'failed open (unchecked)'], ['other', 'other (undecided, fail-closed)']]
          .map(([k, name]) => ({ label: name, data: labels.map((l) => days.get(l)[k]), backgroundColor: palette[k] })),
      },
      options: { scales: { x: { stacked: true, title: { display: true, text: 'day (UTC)' } }, y: { stacked: true, beginAtZero: true, title: { display: true, text: 'calls' }, ticks: { precision: 0 } } } },
    });
    hasData('failopen-chart');
    const open = labels.reduce((n, l) => n + days.get(l).failOpen, 0);
    const calls = labels.reduce((n, l) => n + days.get(l).calls, 0);
    $('#failopen-total').textContent = `${open} of ${calls} counted calls failed open (${pct(open, calls)}).`;
    chart('failopen-chart', {
      type: 'bar',
      data: { labels, datasets: [{ label: 'fail-open share (%)', data: labels.map((l) => 100 * days.get(l).failOpen / Math.max(days.get(l).calls, 1)), backgroundColor: palette.block, maxBarThickness: 48 }] },
      options: { plugins: { legend: { display: false } }, scales: { x: { title: { display: true, text: 'day (UTC)' } }, y: { beginAtZero: true, suggestedMax: 5, title: { display: true, text: '% of calls' } } } },
    });
  } else {
    noData('daily-chart', 'No calls recorded yet.');
    noData('failopen-chart', 'No calls recorded yet.');
    $('#failopen-total').textContent = '';
  }
  topChart('rules-chart', rules, 'blocked calls naming the rule', 'No blocked call among the counted entries.');
  topChart('cats-chart', cats, 'blocked calls in the category', 'No blocked call among the counted entries.');
}

function pct(a, b) {
  return b ? `${(100 * a / b).toFixed(1)} %` : 'no calls';
}

function topChart(id, counts, axis, empty) {
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0])).slice(0, 10);
  if (!top.length) {
    noData(id, empty);
    return;
  }
  hasData(id);
  chart(id, {
    type: 'bar',
    data: { labels: top.map((t) => t[0]), datasets: [{ label: axis, data: top.map((t) => t[1]), backgroundColor: palette.accent }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: axis } } } },
  });
}

// ---------- controls ----------

async function renderControls() {
  const sel = $('#fw-filter');
  if (sel.options.length === 1) {
    for (const f of status.summaries ?? []) sel.append(el('option', { value: f.framework, text: f.title || f.framework }));
    sel.addEventListener('change', drawControls);
  }
  drawControls();
}

function drawControls() {
  const fw = $('#fw-filter').value;
  const rows = status.controls
    .filter((c) => !fw || (c.frameworks?.[fw]?.length ?? 0) > 0)
    .sort((a, b) => collator.compare(a.id, b.id));
  const tbody = $('#controls-table tbody');
  tbody.replaceChildren(...rows.map((c) => {
    const crit = Object.entries(c.frameworks ?? {})
      .filter(([k]) => !fw || k === fw)
      .map(([k, v]) => `${k}: ${v.join(', ')}`).join('; ');
    return el('tr', { 'data-control': c.id, 'data-status': c.status },
      el('th', { scope: 'row' }, el('button', { type: 'button', class: 'link', text: c.id, 'aria-label': `Timeline of ${c.id}`, onclick: () => showTimeline(c) })),
      el('td', { text: c.name }),
      el('td', {}, badge(c.status), c.accepted ? ' (risk accepted)' : '', c.exception ? ` exception ${c.exception.state}` : ''),
      el('td', { text: crit }),
      el('td', { text: when(c.checkedAt) }),
      el('td', { class: 'detail', text: c.detail ?? '' }));
  }));
}

async function showTimeline(c) {
  for (const tr of document.querySelectorAll('#controls-table tr.selected')) tr.classList.remove('selected');
  document.querySelector(`#controls-table tr[data-control="${CSS.escape(c.id)}"]`)?.classList.add('selected');
  const box = $('#timeline');
  box.hidden = false;
  $('#timeline-h').textContent = `Timeline of ${c.id} ${c.name}`;
  let h;
  try {
    h = await api(`/v1/controls/${encodeURIComponent(c.id)}/history?limit=100`);
  } catch (e) {
    showError(describe(e));
    return;
  }
  const hist = [...(h.history ?? [])].reverse(); // oldest first
  $('#timeline-list').replaceChildren(...[...hist].reverse().map((r) => el('li', {}, `${when(r.checkedAt)} `, badge(r.status), r.detail ? ` ${r.detail}` : '')));
  if (!hist.length) {
    noData('timeline-chart', 'No stored result yet.');
    return;
  }
  hasData('timeline-chart');
  chart('timeline-chart', {
    type: 'line',
    data: {
      labels: hist.map((r) => when(r.checkedAt)),
      datasets: [{ label: 'status', data: hist.map((r) => STATUS_ORDER.indexOf(r.status)), stepped: true, pointRadius: 4, borderColor: palette.accent, backgroundColor: palette.accent }],
    },
    options: {
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (ctx) => STATUS_ORDER[ctx.parsed.y] } } },
      aspectRatio: 4,
      scales: { y: { min: 0, max: 3, ticks: { stepSize: 1, callback: (v) => STATUS_ORDER[v] ?? '' } }, x: { ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 8 } } },
    },
  });
  box.scrollIntoView({ block: 'nearest' });
}

// ---------- registers ----------

async function renderRegisters() {
  const [vendors, models, reviews, adv, bias] = await Promise.all([
    api('/v1/vendors'), api('/v1/models'), api('/v1/access-reviews'), api('/v1/adversarial-runs'), api('/v1/bias-runs'),
  ]);
  const today = new Date().toISOString().slice(0, 10);
  const due = (d) => {
    if (!d) return '';
    const days = Math.round((Date.parse(d) - Date.parse(today)) / 86400000);
    if (days < 0) return el('span', {}, d, ' ', badge('failing'), ` overdue by ${-days} days`);
    return days <= 30 ? el('span', {}, d, ' ', badge('warning'), ` in ${days} days`) : d;
  };
  $('#register-tables').replaceChildren(
    el('h3', { text: 'Vendors' }),
    table('Vendors', [
      ['Vendor', (v) => v.name], ['Providers', (v) => (v.providers ?? []).join(', ')], ['DPA', (v) => (v.dpa ? 'yes' : 'no')],
      ['SOC 2 report', (v) => v.soc2ReportDate], ['Next review due', (v) => due(v.nextReviewDue)], ['SLA', (v) => v.sla],
    ], vendors.vendors ?? []),
    el('h3', { text: 'Model versions' }),
    table('Model versions', [
      ['Version', (m) => m.version], ['Provider', (m) => m.provider], ['Status', (m) => badge(m.status)],
      ['Submitted', (m) => `${when(m.submittedAt)} by ${m.submittedByOwner || m.submittedBy}`],
      ['Approved', (m) => (m.approvedAt ? `${when(m.approvedAt)} by ${m.approvedByOwner || m.approvedBy}` : '')],
      ['Benchmarks', (m) => Object.entries(m.benchmarks ?? {}).map(([k, v]) => `${k} ${v}`).join(', ')],
    ], models.models ?? []),
    el('h3', { text: 'Access reviews' }),
    table('Access reviews', [
      ['Date', (r) => r.date], ['Scope', (r) => r.scope], ['Reviewer', (r) => r.reviewer], ['Findings', (r) => (r.findings ?? []).join('; ')],
    ], reviews.accessReviews ?? []),
    el('h3', { text: 'Adversarial runs' }),
    table('Adversarial runs', [
      ['Ran', (r) => when(r.ranAt)], ['Source', (r) => r.label || r.source], ['Independent', (r) => (r.independent ? 'yes' : 'no')],
      ['Detection', (r) => `${r.detected ?? 0}/${r.attacks} (${(100 * r.detectionRate).toFixed(1)} %)`],
      ['False positives', (r) => `${r.falsePositives ?? 0}/${r.benign} (${(100 * r.falsePositiveRate).toFixed(1)} %)`],
    ], adv.adversarialRuns ?? []),
    el('h3', { text: 'Fairness (bias) runs' }),
    table('Fairness runs', [
      ['Date', (r) => r.date], ['Model', (r) => r.modelVersion], ['Metric', (r) => r.metric], ['Groups', (r) => (r.groups ?? []).join(', ')],
      ['Result', (r) => `${r.result} (${r.comparison} ${r.threshold})`], ['Passed', (r) => badge(String(r.passed))],
    ], bias.biasRuns ?? []),
  );
}

// ---------- exceptions ----------

async function renderExceptions() {
  const ex = await api('/v1/exceptions?state=all');
  const list = ex.exceptions ?? [];
  const open = list.filter((e) => !['resolved', 'confirmed'].includes(e.state));
  $('#exceptions-body').replaceChildren(
    el('p', { text: `${open.length} active, ${list.length - open.length} closed.` }),
    table('Exceptions', [
      ['Control', (e) => e.control], ['Name', (e) => e.name], ['State', (e) => badge(e.state)], ['Control status', (e) => badge(e.status)],
      ['Owner', (e) => e.owner], ['Opened', (e) => when(e.openedAt)], ['Due', (e) => e.due],
      ['Last event', (e) => { const l = e.events?.at(-1); return l ? `${when(l.at)} ${l.action} by ${l.by}${l.note ? ': ' + l.note : ''}` : ''; }],
    ], list.sort((a, b) => collator.compare(a.control, b.control))),
  );
}

// ---------- packages ----------

function initPackageForm() {
  const to = new Date(Date.now() + 86400000).toISOString().slice(0, 10);
  const from = new Date(Date.now() - 30 * 86400000).toISOString().slice(0, 10);
  $('#pkg-from').value = from;
  $('#pkg-to').value = to;
  $('#package-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    showError('');
    const req = { from: $('#pkg-from').value, to: $('#pkg-to').value };
    let p;
    try {
      p = await api('/v1/packages', { method: 'POST', body: req });
    } catch (e) {
      showError(describe(e));
      return;
    }
    const row = { ...p, period: `${req.from} – ${req.to}`, started: Date.now() };
    packages.unshift(row);
    drawPackages();
    watch(row);
  });
}

async function watch(row) {
  while (row.status === 'building') {
    await new Promise((r) => setTimeout(r, 1000));
    try {
      Object.assign(row, await api(`/v1/packages/${encodeURIComponent(row.id)}`));
    } catch (e) {
      showError(describe(e));
      return;
    }
    drawPackages();
  }
}

function drawPackages() {
  $('#packages-table tbody').replaceChildren(...packages.map((p) => el('tr', { 'data-package': p.id, 'data-status': p.status },
    el('td', {}, el('code', { text: p.id })),
    el('td', { text: p.period }),
    el('td', {}, badge(p.status), p.status === 'building' ? ` ${Math.round((Date.now() - p.started) / 1000)} s` : '', p.error ? ` ${p.error}` : ''),
    el('td', {}, p.sha256 ? el('code', { text: p.sha256 }) : ''),
    el('td', {}, p.url ? el('a', { href: p.url, download: `${p.id}.zip`, rel: 'noreferrer', text: `Download ${p.id}.zip` }) : '',
      p.expiresAt ? el('span', { class: 'note', text: ` (link valid until ${when(p.expiresAt)})` }) : ''))));
}

// ---------- checkpoints ----------

// cosignatures reads the witnesses' lines of a cosigned note
// (c2sp.org/signed-note): the text, a blank line, then signature lines
// "— <name> <base64>". The log's own line is named as the origin (the
// text's first line); every other line is a witness's. A tlog-cosignature
// (c2sp.org/tlog-cosignature, cosignature/v1) is key ID (4 bytes) ||
// timestamp (8 bytes, big-endian seconds) || Ed25519 signature (64 bytes);
// another type's timestamp is unknown. Nothing is verified here: the
// console shows what the note carries (agentgate verify --witness checks).
function cosignatures(note) {
  if (typeof note !== 'string') return [];
  const cut = note.lastIndexOf('\n\n');
  if (cut < 0) return [];
  const origin = note.slice(0, note.indexOf('\n'));
  const out = [];
  for (const line of note.slice(cut + 2).split('\n')) {
    const m = /^\u2014 (\S+) ([A-Za-z0-9+/]+={0,2})$/.exec(line);
    if (!m || m[1] === origin) continue;
    let raw;
    try {
      raw = Uint8Array.from(atob(m[2]), (c) => c.charCodeAt(0));
    } catch {
      continue;
    }
    if (raw.length < 4) continue;
    const keyId = [...raw.subarray(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join('');
    const time = raw.length === 4 + 8 + 64 ? new Date(Number(new DataView(raw.buffer).getBigUint64(4)) * 1000).toISOString() : null;
    out.push({ name: m[1], keyId, time });
  }
  return out;
}

async function renderCheckpoints() {
  const t = session.tenant;
  const shards = Array.from({ length: MAX_SHARDS }, (_, i) => i);
  const cps = (await pool(shards, 4, (s) => api(`/v1/checkpoints/latest?chain=${encodeURIComponent(`${t}/${s}`)}`, { allow404: true }))).filter(Boolean);
  if (!cps.length) {
    $('#checkpoints-body').replaceChildren(el('p', { class: 'note', text: 'No checkpoint signed yet: the checkpointer signs each chain on its schedule.' }));
    return;
  }
  cps.sort((a, b) => collator.compare(a.chain, b.chain));
  for (const c of cps) c.cosigners = cosignatures(c.checkpoint?.cosigned);
  // The quorum is deployment-wide (WITNESS_QUORUM); an API before it said
  // nothing of it.
  const quorum = cps.find((c) => typeof c.witnessQuorum === 'number')?.witnessQuorum;
  const witnessCell = (c) => {
    const n = c.cosigners.length;
    const of = quorum > 0 ? ` of ${quorum} required` : '';
    return n ? `${n}${of}` : el('span', { class: 'note', text: `no cosignature yet${quorum > 0 ? ` (${quorum} required)` : ''}` });
  };
  const rows = cps.flatMap((c) => (c.cosigners.length ? c.cosigners.map((w) => ({ chain: c.chain, size: c.size, ...w })) : [{ chain: c.chain, size: c.size }]));
  $('#checkpoints-body').replaceChildren(
    table('Latest checkpoint per chain', [
      ['Chain', (c) => c.chain], ['Size', (c) => c.size], ['Signed', (c) => when(c.time)],
      ['Root', (c) => el('code', { text: c.rootHash })], ['Key', (c) => el('code', { text: c.keyId })],
      ['Witnesses', witnessCell],
    ], cps),
    el('h3', { id: 'witnesses-h', text: 'Witness cosignatures' }),
    el('p', { class: 'note', id: 'witness-quorum', text: quorum === undefined ? 'The API does not say the witness quorum.'
      : quorum > 0 ? `Witness quorum: ${quorum} — each checkpoint should carry the cosignatures of at least ${quorum} witness${quorum > 1 ? 'es' : ''}.`
        : 'No witness is configured (quorum 0): checkpoints carry the log\'s own signature only.' }),
    el('div', { class: 'table-wrap' },
      el('table', { id: 'witnesses-table', 'aria-labelledby': 'witnesses-h' },
        el('thead', {}, el('tr', {}, ['Chain', 'Size', 'Witness', 'Key ID', 'Cosigned at'].map((h) => el('th', { scope: 'col', text: h })))),
        el('tbody', {}, rows.map((r) => el('tr', { 'data-chain': r.chain, 'data-witness': r.name ?? '' },
          el('td', { text: r.chain }), el('td', { text: String(r.size) }),
          r.name ? [el('td', {}, el('code', { text: r.name })), el('td', {}, el('code', { text: r.keyId })), el('td', { text: r.time ? when(r.time) : 'not in the signature' })]
            : el('td', { colspan: '3', class: 'note', text: 'no cosignature yet' })))))),
    el('p', { class: 'note', text: 'Read from each checkpoint\'s cosigned note (c2sp.org/tlog-cosignature), not verified here: '
      + 'agentgate verify --witness NAME+KEY checks the cosignatures against a witness key you obtained out of band.' }),
    el('h3', { text: 'Signed note of the first chain' }),
    el('pre', { class: 'mono', text: cps[0].checkpoint?.cosigned ?? cps[0].checkpoint?.note ?? cps[0].checkpoint?.body ?? '' }),
  );
}

// ---------- start ----------

function start() {
  $('#signin-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    signIn({ tenant: $('#tenant').value.trim(), key: $('#key').value.trim() });
  });
  $('#signout').addEventListener('click', signOut);
  window.addEventListener('hashchange', () => showTab(location.hash.slice(1)));
  initPackageForm();
  const s = loadSession();
  if (s) signIn(s);
  else document.body.dataset.loaded = 'signin';
}

start();
