'use strict';
// The operator console: polls the operator API on this origin with the session cookie; sends the CSRF token
// on every change. Builds every cell with textContent (never innerHTML), so nothing from the API is markup.
(function () {
  const POLL_MS = 5000;
  const HISTORY = 120; // points kept for the chart: ten minutes at one poll every five seconds
  const state = { csrf: null, role: null, previousTotal: null, previousAt: null, rates: [], action: null };

  const $ = (id) => document.getElementById(id);

  // ---- plumbing -------------------------------------------------------------------------------------------
  async function api(path, options) {
    const init = Object.assign({ credentials: 'same-origin', cache: 'no-store', headers: {} }, options || {});
    init.headers.Accept = 'application/json';
    if (init.method && init.method !== 'GET' && state.csrf) {
      init.headers[state.csrf.headerName] = state.csrf.token;
    }
    const response = await fetch(path, init);
    if (response.status === 401) {
      window.location.replace('/login.html');
      throw new Error('signed out');
    }
    const text = await response.text();
    let body = null;
    try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
    return { status: response.status, ok: response.ok, body: body };
  }

  function cell(row, value, className) {
    const td = document.createElement('td');
    td.textContent = value === undefined || value === null ? '–' : String(value);
    if (className) td.className = className;
    row.appendChild(td);
    return td;
  }

  function time(iso) {
    if (!iso) return '–';
    const d = new Date(iso);
    return isNaN(d) ? iso : d.toLocaleString(undefined, { hour12: false });
  }

  function number(value, digits) {
    if (value === undefined || value === null || value === '') return '–';
    const n = Number(value);
    return isNaN(n) ? String(value) : n.toLocaleString(undefined, { maximumFractionDigits: digits || 0 });
  }

  function notice(element, text, kind) {
    if (!text) { element.hidden = true; return; }
    element.textContent = text;
    element.className = 'notice ' + (kind || 'info');
    element.hidden = false;
  }

  function problemText(result, fallback) {
    const b = result.body || {};
    return (b.title ? b.title + ': ' : '') + (b.detail || fallback);
  }

  function badge(parent, text, kind) {
    const span = document.createElement('span');
    span.className = 'badge ' + kind;
    span.textContent = text;
    parent.appendChild(span);
  }

  // ---- session ----------------------------------------------------------------------------------------------
  async function loadSession() {
    const result = await api('/console/session');
    if (!result.body || !result.body.authenticated) {
      window.location.replace('/login.html');
      return false;
    }
    state.csrf = result.body.csrf;
    state.role = result.body.role;
    $('operator-name').textContent = result.body.operator;
    $('operator-role').textContent = (result.body.role || '').toLowerCase();
    $('logout-csrf').name = state.csrf.parameterName;
    $('logout-csrf').value = state.csrf.token;
    return true;
  }

  // ---- routes and throughput --------------------------------------------------------------------------------
  async function loadRoutes() {
    let result;
    try { result = await api('/ops/v1/routes'); } catch (e) { result = { ok: false, status: 0 }; }
    const table = $('routes-table');
    if (!result.ok || !result.body || !Array.isArray(result.body.routes)) {
      table.hidden = true;
      notice($('routes-status'), 'Route statistics unavailable (the hub did not answer GET /ops/v1/routes'
        + (result.status ? ', status ' + result.status : '') + ').', 'warn');
      $('card-routes').textContent = 'unavailable';
      recordThroughput(await meteredTotal());
      return;
    }
    notice($('routes-status'), null);
    const routes = result.body.routes;
    const body = table.tBodies[0];
    body.replaceChildren();
    let started = 0;
    let total = 0;
    let counted = false;
    for (const route of routes) {
      const row = document.createElement('tr');
      row.dataset.route = route.id || '';
      cell(row, route.id, 'mono');
      const stateCell = cell(row, '');
      stateCell.textContent = '';
      const routeState = route.state || 'unknown';
      badge(stateCell, routeState, /^started$/i.test(routeState) ? 'ok' : 'warn');
      if (/^started$/i.test(routeState)) started++;
      const exchanges = route.exchanges || {};
      const lastFailure = route.lastFailure || {};
      cell(row, number(exchanges.total), 'num');
      cell(row, number(exchanges.failed), Number(exchanges.failed) > 0 ? 'num bad' : 'num');
      cell(row, number(exchanges.inflight), 'num');
      cell(row, number(route.meanMillis, 1), 'num');
      cell(row, number(route.p99Millis, 1), 'num');
      cell(row, lastFailure.at ? time(lastFailure.at) + (lastFailure.code ? ' ' + lastFailure.code : '') : '');
      body.appendChild(row);
      if (exchanges.total !== undefined && exchanges.total !== null) {
        total += Number(exchanges.total) || 0;
        counted = true;
      }
    }
    table.hidden = false;
    $('card-routes').textContent = started + ' / ' + routes.length;
    $('routes-updated').textContent = 'updated ' + new Date().toLocaleTimeString(undefined, { hour12: false });
    recordThroughput(counted ? total : null);
  }

  // Without the routes API the chart still has a source: Camel's route policy counter in the actuator.
  async function meteredTotal() {
    try {
      const result = await api('/actuator/metrics/camel.exchanges.total');
      const count = result.ok && result.body && (result.body.measurements || [])
        .find((m) => m.statistic === 'COUNT');
      return count ? Number(count.value) : null;
    } catch (e) {
      return null;
    }
  }

  function recordThroughput(total) {
    const now = Date.now();
    let rate = null;
    if (total !== null && state.previousTotal !== null && now > state.previousAt) {
      rate = Math.max(0, (total - state.previousTotal) * 1000 / (now - state.previousAt));
    }
    if (total !== null) {
      state.previousTotal = total;
      state.previousAt = now;
    }
    state.rates.push({ at: now, rate: rate });
    if (state.rates.length > HISTORY) state.rates.shift();
    $('card-rate').textContent = rate === null ? '–' : number(rate, 1);
    drawChart();
  }

  // The smallest of 1, 2, 2.5, 5 times a power of ten that is at least the value: round axis labels.
  function niceCeiling(value) {
    const power = Math.pow(10, Math.floor(Math.log10(value)));
    for (const step of [1, 2, 2.5, 5, 10]) {
      if (step * power >= value) return step * power;
    }
    return 10 * power;
  }

  function drawChart() {
    const canvas = $('throughput');
    const width = canvas.clientWidth || canvas.width;
    canvas.width = width;
    const height = canvas.height;
    const g = canvas.getContext('2d');
    g.clearRect(0, 0, width, height);
    const points = state.rates.filter((p) => p.rate !== null);
    const left = 48, right = 12, top = 12, bottom = 24;
    const plotW = width - left - right, plotH = height - top - bottom;
    const max = niceCeiling(Math.max(1, ...points.map((p) => p.rate)));
    g.strokeStyle = '#d5dbe3';
    g.fillStyle = '#5b6675';
    g.font = '11px system-ui, sans-serif';
    g.lineWidth = 1;
    for (let i = 0; i <= 4; i++) {
      const y = top + plotH - (plotH * i) / 4;
      g.beginPath(); g.moveTo(left, y); g.lineTo(left + plotW, y); g.stroke();
      g.fillText(number((max * i) / 4, max < 100 ? 1 : 0), 4, y + 4);
    }
    const span = HISTORY * POLL_MS;
    const end = Date.now();
    const x = (at) => left + plotW - ((end - at) / span) * plotW;
    g.fillText('−10 min', left, height - 6);
    g.fillText('now', left + plotW - 20, height - 6);
    if (points.length < 2) {
      $('throughput-note').textContent = state.rates.some((p) => p.rate !== null) || state.previousTotal !== null
        ? 'Collecting data…' : 'No route counts to chart yet.';
      return;
    }
    $('throughput-note').textContent = '';
    g.strokeStyle = '#1f6feb';
    g.fillStyle = 'rgba(31, 111, 235, 0.12)';
    g.lineWidth = 2;
    g.beginPath();
    points.forEach((p, i) => {
      const px = x(p.at), py = top + plotH - (p.rate / max) * plotH;
      if (i === 0) g.moveTo(px, py); else g.lineTo(px, py);
    });
    g.stroke();
    g.lineTo(x(points[points.length - 1].at), top + plotH);
    g.lineTo(x(points[0].at), top + plotH);
    g.closePath();
    g.fill();
  }

  // ---- dead letters -----------------------------------------------------------------------------------------
  async function loadDeadLetters() {
    const result = await api('/ops/v1/dead-letters?limit=200');
    const body = $('dead-letters').tBodies[0];
    if (!result.ok || !result.body) {
      notice($('dead-status'), problemText(result, 'dead letters could not be read'), 'error');
      return;
    }
    notice($('dead-status'), null);
    const items = result.body.items || [];
    body.replaceChildren();
    const operator = state.role === 'OPERATOR';
    for (const item of items) {
      const row = document.createElement('tr');
      row.dataset.id = item.id;
      row.className = 'dead-letter';
      cell(row, item.id, 'num');
      cell(row, item.route, 'mono');
      const subject = cell(row, '');
      subject.textContent = '';
      subject.className = 'mono small';
      addSubject(subject, 'dossier', item.dossierId, item.version);
      addSubject(subject, 'case', item.caseId);
      addSubject(subject, 'event', item.eventId);
      cell(row, item.attempts, 'num');
      const cause = cell(row, '');
      cause.textContent = '';
      badge(cause, item.cause ? item.cause.code : 'unknown', 'bad');
      const causeText = document.createElement('div');
      causeText.className = 'small muted';
      causeText.textContent = item.cause ? item.cause.text : '';
      cause.appendChild(causeText);
      cell(row, time(item.lastFailureAt));
      const actions = cell(row, '');
      actions.textContent = '';
      actions.className = 'actions';
      actions.appendChild(actionButton('Replay', 'replay', item, operator));
      actions.appendChild(actionButton('Discard', 'discard', item, operator));
      body.appendChild(row);
    }
    $('dead-empty').hidden = items.length > 0;
    $('card-dead').textContent = String(items.length);
    $('card-dead').className = 'card-value' + (items.length > 0 ? ' bad' : '');
    $('dead-updated').textContent = 'updated ' + new Date().toLocaleTimeString(undefined, { hour12: false });
  }

  function addSubject(parent, label, id, version) {
    if (!id) return;
    const line = document.createElement('div');
    line.textContent = label + ' ' + id + (version ? ' v' + version : '');
    if (label === 'dossier') {
      line.className = 'clickable';
      line.title = 'Show the trace of this dossier';
      line.addEventListener('click', () => { $('trace-input').value = id; showTrace(id); });
    }
    parent.appendChild(line);
  }

  function actionButton(label, kind, item, allowed) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.className = kind + (kind === 'discard' ? ' danger' : ' primary');
    button.disabled = !allowed;
    button.title = allowed ? label + ' dead letter ' + item.id : 'Needs the operator role';
    button.addEventListener('click', () => openAction(kind, item));
    return button;
  }

  function openAction(kind, item) {
    state.action = { kind: kind, id: item.id };
    $('action-title').textContent = (kind === 'replay' ? 'Replay' : 'Discard') + ' dead letter #' + item.id;
    $('action-text').textContent = kind === 'replay'
      ? 'The message goes back to ' + item.route + ' now. Repair its cause first.'
      : 'The message is closed and never delivered. The reason is kept with your name.';
    $('action-required').textContent = kind === 'discard' ? '(required)' : '(optional)';
    $('action-confirm').textContent = kind === 'replay' ? 'Replay' : 'Discard';
    $('action-confirm').className = kind === 'replay' ? 'primary' : 'danger';
    $('action-reason').value = '';
    $('action-reason').required = kind === 'discard';
    notice($('action-error'), null);
    $('action-dialog').showModal();
    $('action-reason').focus();
  }

  async function confirmAction(event) {
    event.preventDefault();
    const action = state.action;
    if (!action) return;
    const reason = $('action-reason').value.trim();
    if (action.kind === 'discard' && !reason) {
      notice($('action-error'), 'A discard needs a reason.', 'error');
      return;
    }
    const json = reason ? JSON.stringify({ reason: reason }) : null;
    const init = action.kind === 'replay'
      ? { method: 'POST' }
      : { method: 'DELETE' };
    if (json) {
      init.body = json;
      init.headers = { 'Content-Type': 'application/json' };
    }
    const path = '/ops/v1/dead-letters/' + encodeURIComponent(action.id) + (action.kind === 'replay' ? '/replay' : '');
    const result = await api(path, init);
    if (!result.ok) {
      notice($('action-error'), problemText(result, 'the hub refused (status ' + result.status + ')'), 'error');
      return;
    }
    $('action-dialog').close();
    state.action = null;
    notice($('dead-status'), 'Dead letter #' + action.id + ' ' + (action.kind === 'replay' ? 'replayed' : 'discarded')
      + '.', 'ok');
    await loadDeadLetters();
    notice($('dead-status'), 'Dead letter #' + action.id + ' ' + (action.kind === 'replay' ? 'replayed' : 'discarded')
      + '.', 'ok');
  }

  // ---- trace ------------------------------------------------------------------------------------------------
  async function showTrace(dossierId) {
    const id = (dossierId || '').trim();
    $('trace-result').hidden = true;
    if (!id) { notice($('trace-status'), 'Type a dossierId.', 'warn'); return; }
    notice($('trace-status'), 'Looking up ' + id + '…', 'info');
    const result = await api('/ops/v1/trace/' + encodeURIComponent(id));
    if (result.status === 404) {
      notice($('trace-status'), 'The hub has no record of dossier ' + id + '.', 'warn');
      return;
    }
    if (!result.ok || !result.body) {
      notice($('trace-status'), problemText(result, 'the trace could not be read'), 'error');
      return;
    }
    notice($('trace-status'), null);
    renderTrace(result.body);
  }

  function renderTrace(trace) {
    const summary = $('trace-summary');
    summary.replaceChildren();
    const facts = [['Dossier', trace.dossierId], ['Case', trace.caseId], ['Sent by', trace.partyId],
      ['Latest version', trace.latestVersion], ['Case state', trace.lifecycleState],
      ['Steps', trace.steps.length + (trace.truncated ? ' (oldest shown; more exist)' : '')]];
    for (const [label, value] of facts) {
      const dt = document.createElement('dt'); dt.textContent = label;
      const dd = document.createElement('dd'); dd.textContent = value === undefined || value === null ? '–' : value;
      summary.appendChild(dt); summary.appendChild(dd);
    }
    fill('trace-versions', trace.versions, (row, v) => {
      cell(row, v.version, 'num'); cell(row, v.channel); cell(row, time(v.receivedAt));
      badge(cell(row, ''), v.status, v.status === 'FAILED' ? 'bad' : 'ok');
      cell(row, time(v.statusAt)); cell(row, v.sha256 ? v.sha256.substring(0, 16) + '…' : '', 'mono small');
    });
    fill('trace-events', trace.events, (row, e) => {
      cell(row, e.sequence, 'num'); cell(row, e.type, 'mono'); cell(row, time(e.receivedAt));
      badge(cell(row, ''), e.deliveryState, e.deliveryState === 'DELIVERED' ? 'ok'
        : (e.deliveryState === 'DEAD' ? 'bad' : 'warn'));
      cell(row, e.attempts, 'num'); cell(row, time(e.deliveredAt));
    });
    fill('trace-steps', trace.steps, (row, s) => {
      row.dataset.kind = s.kind;
      cell(row, s.seq, 'num'); cell(row, time(s.at));
      badge(cell(row, ''), s.kind, /REJECTED|DEAD_LETTERED|RETRY|DISCARDED/.test(s.kind) ? 'bad' : 'ok');
      cell(row, s.partyId, 'mono small');
      cell(row, s.eventId ? 'event ' + s.eventId : (s.version ? 'v' + s.version : ''), 'mono small');
      cell(row, s.cause, 'mono'); cell(row, s.detail, 'small');
    });
    $('trace-result').hidden = false;
  }

  function fill(tableId, items, render) {
    const body = $(tableId).tBodies[0];
    body.replaceChildren();
    for (const item of items || []) {
      const row = document.createElement('tr');
      render(row, item);
      for (const td of row.children) {
        if (td.textContent === '' && !td.children.length) td.textContent = '–';
      }
      body.appendChild(row);
    }
    if (!items || items.length === 0) {
      const row = document.createElement('tr');
      const td = cell(row, 'none');
      td.colSpan = $(tableId).tHead.rows[0].cells.length;
      td.className = 'muted';
      body.appendChild(row);
    }
  }

  // ---- audit ------------------------------------------------------------------------------------------------
  async function verifyAudit() {
    const card = $('card-audit');
    card.textContent = 'verifying…';
    card.className = 'card-value small';
    const result = await api('/ops/v1/audit/verify');
    if (!result.ok || !result.body) {
      card.textContent = problemText(result, 'verification failed to run');
      card.className = 'card-value small bad';
      return;
    }
    const v = result.body;
    if (v.intact) {
      card.textContent = 'intact · ' + number(v.entriesChecked) + ' entries, ' + v.checkpointsChecked
        + ' signed checkpoint(s)';
      card.className = 'card-value small good';
    } else {
      card.textContent = 'BROKEN at entry ' + v.brokenAt + ': ' + v.reason;
      card.className = 'card-value small bad';
    }
  }

  // ---- start ------------------------------------------------------------------------------------------------
  async function poll() {
    await Promise.allSettled([loadRoutes(), loadDeadLetters()]);
  }

  document.addEventListener('DOMContentLoaded', async () => {
    $('action-form').addEventListener('submit', confirmAction);
    $('action-cancel').addEventListener('click', () => { $('action-dialog').close(); state.action = null; });
    $('trace-form').addEventListener('submit', (event) => { event.preventDefault(); showTrace($('trace-input').value); });
    $('verify-audit').addEventListener('click', verifyAudit);
    window.addEventListener('resize', drawChart);
    if (!(await loadSession())) return;
    await poll();
    document.body.dataset.ready = 'true';
    setInterval(poll, POLL_MS);
  });
})();
