// The simulator's dashboard (SPEC §4). No framework and no build step: the page reads the control
// API (/api/v1), re-reads a table when an event on /api/v1/events says it changed, and sends what
// a person does at a phone (answer, decline, hang up, dial, keys, presence) back to the API.
'use strict';

(function () {
  // Relative, so the page also works behind a reverse proxy that adds a path prefix.
  const API = 'api/v1';
  const PRESENCE_LABEL = {
    available: 'Available', away: 'Away', chat: 'Chat', dnd: 'Do Not Disturb', custom: 'Custom',
    unavailable: 'Unavailable'
  };
  const LOG_LIMIT = 500;

  const state = {
    extensions: [],
    calls: [],
    callsReadAt: 0,
    watchers: [],
    sessions: [],
    selected: null,
    log: []
  };

  // ---- small helpers -------------------------------------------------------------------------

  const $ = (id) => document.getElementById(id);

  /** Builds an element; text always goes through textContent, so values from the PBX are never HTML. */
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else if (k.startsWith('data-')) e.setAttribute(k, String(v));
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function api(method, path, body) {
    const init = { method, headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let res;
    try {
      res = await fetch(API + path, init);
    } catch (e) {
      throw new ApiError(0, 'simulator not reachable (' + e.message + ')');
    }
    const text = await res.text();
    let data = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch (e) {
      data = null;
    }
    if (!res.ok) {
      throw new ApiError(res.status, (data && data.error) || text || res.statusText);
    }
    return data;
  }

  function showError(id, err) {
    const box = $(id);
    if (!box) return;
    if (!err) {
      box.textContent = '';
      box.classList.remove('shown');
      return;
    }
    box.textContent = (err.status ? err.status + ': ' : '') + err.message;
    box.classList.add('shown');
  }

  function duration(seconds) {
    const s = Math.max(0, Math.floor(seconds));
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const mm = String(m).padStart(h ? 2 : 1, '0');
    return (h ? h + ':' : '') + mm + ':' + String(s % 60).padStart(2, '0');
  }

  function extension(number) {
    return state.extensions.find((x) => x.number === number) || null;
  }

  function extName(number) {
    const x = extension(number);
    return x ? x.name : '';
  }

  /**
   * Puts one element per item in a container, keeping the element of an item whose signature has
   * not changed: a re-read table does not flicker, and a row someone is clicking stays the same node.
   */
  function reconcile(container, items, keyOf, signatureOf, build) {
    const old = new Map();
    for (const e of container.children) {
      if (e.dataset.rk) old.set(e.dataset.rk, e);
    }
    const next = items.map((it) => {
      const key = keyOf(it);
      const sig = signatureOf(it);
      const kept = old.get(key);
      if (kept && kept.dataset.sig === sig) return kept;
      const e = build(it);
      e.dataset.rk = key;
      e.dataset.sig = sig;
      return e;
    });
    const same = next.length === container.children.length && next.every((e, i) => container.children[i] === e);
    if (!same) container.replaceChildren(...next);
  }

  /** UCM's "Type" column from the hint's device technology (PJSIP/1000 → SIP User). */
  function extensionType(x) {
    const tech = (x.hint || '').split('/')[0].toUpperCase();
    if (tech === 'PJSIP' || tech === 'SIP') return 'SIP User';
    if (tech === 'IAX2') return 'IAX User';
    if (tech === 'DAHDI') return 'FXS';
    return tech || '—';
  }

  function presenceLabel(x) {
    const label = PRESENCE_LABEL[x.presence] || x.presence;
    return x.presence === 'custom' && x.presenceText ? label + ': ' + x.presenceText : label;
  }

  // ---- refreshing: one re-read per table at a time, bursts of events coalesced ---------------

  function refresher(name, load) {
    let running = false;
    let again = false;
    let timer = null;
    async function run() {
      timer = null;
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        await load();
        showError(name + '-error', null);
      } catch (e) {
        showError(name + '-error', e);
      } finally {
        running = false;
        if (again) {
          again = false;
          kick();
        }
      }
    }
    function kick() {
      if (!timer) timer = setTimeout(run, 40);
    }
    return kick;
  }

  const refresh = {
    extensions: refresher('extensions', async () => {
      state.extensions = await api('GET', '/extensions');
      if (!state.selected && state.extensions.length) {
        // the phone in hand survives a reload through the URL (#ext=1001)
        const m = /ext=([^&]+)/.exec(location.hash);
        const wanted = m && extension(decodeURIComponent(m[1]));
        select(wanted ? wanted.number : state.extensions[0].number);
      }
      renderExtensions();
      renderWatchers();
      renderPhone();
    }),
    calls: refresher('calls', async () => {
      state.calls = await api('GET', '/calls');
      state.callsReadAt = Date.now();
      renderCalls();
      renderPhone();
    }),
    watchers: refresher('watchers', async () => {
      state.watchers = await api('GET', '/watchers');
      renderWatchers();
      renderPhone();
    }),
    sessions: refresher('sessions', async () => {
      state.sessions = await api('GET', '/ami/sessions');
      renderSessions();
    })
  };

  function refreshAll() {
    Object.values(refresh).forEach((kick) => kick());
  }

  const EXTENSION_EVENTS = new Set(['ExtensionStatus', 'PresenceStateChange', 'PresenceStatus', 'DeviceStateChange',
    'PeerStatus', 'ContactStatus']);
  const SESSION_EVENTS = new Set(['SuccessfulAuth', 'InvalidPassword', 'InvalidAccountID', 'FailedACL',
    'ChallengeResponseFailed', 'Shutdown', 'FullyBooted']);

  /** Which tables an event changes. */
  function onPbxEvent(ev) {
    const name = ev.event || '';
    const h = ev.headers || {};
    if (EXTENSION_EVENTS.has(name)) {
      refresh.extensions();
      refresh.watchers();
    }
    if (h.Channel || h.Uniqueid || /^(Bridge|ChanSpy|Dial|Hangup|New|Originate|DTMF|SoftHangup)/.test(name)) {
      refresh.calls();
    }
    if (SESSION_EVENTS.has(name)) {
      refresh.sessions();
    }
    addLog(ev);
  }

  // ---- Extensions ----------------------------------------------------------------------------

  function renderExtensions() {
    reconcile($('extensions').tBodies[0], state.extensions, (x) => x.number,
      (x) => JSON.stringify([x, x.number === state.selected]), extensionRow);
  }

  function extensionRow(x) {
    return el('tr', {
      'data-ext': x.number,
      class: x.number === state.selected ? 'selected' : null,
      title: 'take phone ' + x.number + ' in hand',
      onclick: () => select(x.number)
    },
    el('td', {}, el('span', { class: 'badge status-' + x.statusText.replace('&', '-'), 'data-status': x.statusText,
      text: x.statusText })),
    el('td', { class: 'presence', 'data-presence': x.presence },
      el('span', { class: 'pdot p-' + x.presence }), presenceLabel(x)),
    el('td', { class: 'num', text: x.number }),
    el('td', { text: x.name }),
    el('td', { text: extensionType(x) }),
    // A registered phone's contact (ip:port); an unregistered one has none, as on the UCM's page.
    el('td', { class: 'mono', text: x.registered && x.contact ? x.contact : '—' }),
    el('td', { text: x.model }),
    el('td', { class: 'muted', text: x.answerMode + (x.answerMode === 'auto' ? ' ' + x.answerDelayMs + ' ms' : '') }));
  }

  // ---- Calls ---------------------------------------------------------------------------------

  function renderCalls() {
    const calls = [...state.calls].sort((a, b) =>
      (a.linkedid || '').localeCompare(b.linkedid || '', undefined, { numeric: true }) ||
      (a.uniqueid || '').localeCompare(b.uniqueid || '', undefined, { numeric: true }));
    const spiedBy = {};
    calls.filter((c) => c.spying).forEach((c) => {
      (spiedBy[c.spying] = spiedBy[c.spying] || []).push(c);
    });
    // one header row per call (linkedid), then its legs
    const rows = [];
    let group = null;
    for (const c of calls) {
      if (c.linkedid !== group) {
        group = c.linkedid;
        rows.push({ group, legs: calls.filter((x) => x.linkedid === group).length });
      }
      const spy = c.spying ? c.spyMode + ' → ' + legName(calls, c.spying)
        : (spiedBy[c.channel] ? spiedBy[c.channel].map((s) => s.spyMode + ' by ' + s.extension).join(', ') : '');
      rows.push({ leg: c, spy });
    }
    const body = $('calls').tBodies[0];
    reconcile(body, rows, (r) => r.leg ? 'c:' + r.leg.channel : 'g:' + r.group,
      // a leg's seconds grow on their own (tickDurations); a new count alone does not rebuild the row
      (r) => JSON.stringify(r.leg ? [{ ...r.leg, seconds: 0 }, r.spy] : r), (r) => r.leg ? legRow(r.leg, r.spy) : groupRow(r));
    for (const c of calls) {
      const td = body.querySelector('tr[data-rk="c:' + CSS.escape(c.channel) + '"] td.duration');
      if (td) {
        td.dataset.seconds = c.seconds;
        td.textContent = duration(c.seconds);
      }
    }
    $('calls-count').textContent = String(calls.length);
    $('calls-empty').hidden = calls.length > 0;
  }

  /** A leg by its phone's extension when it has one (the channel name is in the row's Leg cell). */
  function legName(calls, channel) {
    const leg = calls.find((x) => x.channel === channel);
    return leg && leg.extension ? leg.extension : channel;
  }

  function groupRow(r) {
    return el('tr', { class: 'call-group', 'data-linkedid': r.group },
      el('td', { colspan: 8 }, 'Call ', el('span', { class: 'mono', text: r.group }),
        ' · ' + r.legs + (r.legs === 1 ? ' leg' : ' legs')));
  }

  function legRow(c, spy) {
    const err = el('span', { class: 'error inline' });
    const act = (action) => async () => {
      showErrorEl(err, null);
      try {
        applyCalls(await api('POST', '/extensions/' + encodeURIComponent(c.extension) + '/' + action));
      } catch (e) {
        showErrorEl(err, e);
      }
    };
    const ringing = c.state === 'Ringing';
    const button = (cls, action, label) => el('button', { type: 'button', class: 'btn small ' + cls, 'data-action': action,
      onclick: act(action), text: label });
    return el('tr', { 'data-channel': c.channel, 'data-ext': c.extension, 'data-state': c.state },
      el('td', { class: 'leg' }, el('span', { class: 'num', text: c.extension || '' }),
        el('div', { class: 'mono sub', text: c.channel })),
      el('td', {}, el('span', { class: 'badge chan-' + c.state, text: c.state })),
      el('td', { class: 'cid' }, el('div', { class: 'caller', text: callerId(c.callerIdNum, c.callerIdName) }),
        c.connectedLineNum || c.connectedLineName
          ? el('div', { class: 'connected sub', text: 'connected: ' + callerId(c.connectedLineNum, c.connectedLineName) })
          : null),
      el('td', { class: 'mono', text: c.application || '' }),
      el('td', { class: 'bridged', title: c.bridgedWith || null, 'data-channel': c.bridgedWith,
        text: c.bridgedWith ? legName(state.calls, c.bridgedWith) : '' }),
      el('td', { class: spy ? 'spy' : null, text: spy }),
      el('td', { class: 'mono duration', 'data-seconds': c.seconds, text: duration(c.seconds) }),
      el('td', { class: 'actions' },
        ringing && c.extension ? button('ok', 'answer', 'Answer') : null,
        ringing && c.extension ? button('warn', 'decline', 'Decline') : null,
        c.extension ? button('danger', 'hangup', 'Hang up') : null,
        err));
  }

  function callerId(num, name) {
    if (!num && !name) return '';
    return name && name !== num ? name + ' <' + (num || '') + '>' : (num || name);
  }

  function showErrorEl(box, err) {
    box.textContent = err ? (err.status ? err.status + ': ' : '') + err.message : '';
    box.classList.toggle('shown', !!err);
  }

  /** Phone actions answer with the live calls after them: show them at once, events follow. */
  function applyCalls(calls) {
    if (Array.isArray(calls)) {
      state.calls = calls;
      state.callsReadAt = Date.now();
      renderCalls();
      renderPhone();
    }
  }

  /** Durations count on between reads of /calls. */
  function tickDurations() {
    const elapsed = (Date.now() - state.callsReadAt) / 1000;
    document.querySelectorAll('#calls td.duration').forEach((td) => {
      td.textContent = duration(Number(td.dataset.seconds) + elapsed);
    });
  }

  // ---- Presence keys (watchers) --------------------------------------------------------------

  function keyView(k) {
    return el('li', {
      class: 'key', 'data-phone': k.phone, 'data-key': k.key, 'data-type': k.type, 'data-monitors': k.monitors,
      'data-led': k.led, title: k.type + ' ' + k.key + ' monitors ' + k.monitors + ': ' + (PRESENCE_LABEL[k.presence] || k.presence) + ', LED ' + k.led
    },
    el('span', { class: 'led led-' + String(k.led).toLowerCase() }),
    el('span', { class: 'ktype', text: k.type + ' ' + k.key }),
    el('span', { class: 'kmon', text: k.monitors + ' ' + extName(k.monitors) }),
    el('span', { class: 'kstate', text: (PRESENCE_LABEL[k.presence] || k.presence) + ' · ' + k.led }));
  }

  function renderWatchers() {
    const phones = [];
    for (const k of state.watchers) {
      let p = phones.find((x) => x.phone === k.phone);
      if (!p) phones.push(p = { phone: k.phone, model: k.model, keys: [] });
      p.keys.push(k);
    }
    const box = $('watchers');
    if (!phones.length) {
      box.replaceChildren(el('p', { class: 'muted', text: 'No phone watches another extension.' }));
      return;
    }
    reconcile(box, phones, (p) => p.phone, (p) => JSON.stringify([p, p.keys.map((k) => extName(k.monitors))]),
      (p) => el('div', { class: 'watcher', 'data-phone': p.phone },
        el('div', { class: 'watcher-title' }, el('b', { text: p.phone }), ' ' + extName(p.phone) + ' ',
          el('span', { class: 'muted', text: p.model })),
        el('ul', { class: 'keys' }, p.keys.map(keyView))));
  }

  // ---- AMI sessions --------------------------------------------------------------------------

  function renderSessions() {
    reconcile($('sessions').tBodies[0], state.sessions, (x) => x.id, (x) => JSON.stringify(x), (x) => el('tr', {
      'data-session': x.id, title: 'session ' + x.id },
      el('td', { text: x.authenticated ? x.user : (x.user ? x.user + ' (logging in)' : '(not logged in)') }),
      // InetSocketAddress.toString() has an empty host name part: "/127.0.0.1:53928"
      el('td', { class: 'mono', text: String(x.remoteAddress || '').replace(/^[^/]*\//, '') }),
      el('td', { class: 'mono', title: x.connectedAt, text: new Date(x.connectedAt).toLocaleTimeString([], { hour12: false }) })));
    $('sessions-count').textContent = String(state.sessions.length);
  }

  // ---- the phone in hand ---------------------------------------------------------------------

  function select(number) {
    if (state.selected === number) return;
    state.selected = number;
    history.replaceState(null, '', '#ext=' + encodeURIComponent(number));
    const x = extension(number);
    if (x) {
      $('presence-status').value = x.presence;
      $('presence-text').value = x.presence === 'custom' ? x.presenceText : '';
    }
    ['err-call', 'err-dial', 'err-dtmf', 'err-presence'].forEach((id) => showError(id, null));
    renderExtensions();
    renderPhone();
  }

  function renderPhone() {
    const x = extension(state.selected);
    const panel = $('phone');
    panel.dataset.ext = x ? x.number : '';
    if (!x) {
      $('phone-title').textContent = '— pick an extension';
      $('phone-state').replaceChildren();
      $('phone-keys').replaceChildren();
      return;
    }
    $('phone-title').textContent = x.number + ' ' + x.name + ' · ' + x.model;
    const legs = state.calls.filter((c) => c.extension === x.number);
    const lines = [el('div', {},
      el('span', { class: 'badge status-' + x.statusText.replace('&', '-'), text: x.registered ? x.statusText : 'Unregistered' }),
      ' ', el('span', { class: 'pdot p-' + x.presence }), presenceLabel(x))];
    for (const c of legs) {
      lines.push(el('div', { class: 'leg', 'data-state': c.state },
        c.state + ' · ' + otherParty(c) + (c.application ? ' · ' + c.application : '') +
        (c.spying ? ' · ' + c.spyMode + ' on ' + c.spying : '')));
    }
    $('phone-state').replaceChildren(...lines);
    $('btn-answer').classList.toggle('pulse', legs.some((c) => c.state === 'Ringing'));
    const keys = state.watchers.filter((k) => k.phone === x.number);
    $('phone-keys').replaceChildren(...(keys.length ? [el('div', { class: 'muted', text: 'Keys on this phone' }),
      el('ul', { class: 'keys' }, keys.map(keyView))] : []));
  }

  /** Whom a leg talks to: its bridge peer, else the other leg of the same call, else its connected line. */
  function otherParty(c) {
    const peer = state.calls.find((x) => x.channel === c.bridgedWith) ||
      state.calls.find((x) => x.linkedid === c.linkedid && x.channel !== c.channel);
    if (peer && peer.extension) return 'with ' + peer.extension + ' ' + extName(peer.extension);
    if (peer) return 'with ' + peer.channel;
    const num = c.connectedLineNum || '';
    return num ? 'with ' + callerId(num, c.connectedLineName || extName(num)) : (c.application || '');
  }

  async function phoneAction(errId, method, path, body, after) {
    showError(errId, null);
    if (!state.selected) {
      showError(errId, new ApiError(0, 'pick an extension first'));
      return;
    }
    try {
      const result = await api(method, '/extensions/' + encodeURIComponent(state.selected) + path, body);
      if (after) after(result);
    } catch (e) {
      showError(errId, e);
    }
  }

  function wirePhone() {
    document.querySelectorAll('#phone [data-action]').forEach((b) => b.addEventListener('click', () =>
      phoneAction('err-call', 'POST', '/' + b.dataset.action, undefined, applyCalls)));
    $('form-dial').addEventListener('submit', (e) => {
      e.preventDefault();
      phoneAction('err-dial', 'POST', '/dial', { number: $('dial-number').value.trim() }, applyCalls);
    });
    $('form-dtmf').addEventListener('submit', (e) => {
      e.preventDefault();
      phoneAction('err-dtmf', 'POST', '/dtmf', { digits: $('dtmf-digits').value.trim() }, applyCalls);
    });
    $('keypad').replaceChildren(...'123456789*0#'.split('').map((d) => el('button', {
      type: 'button', class: 'btn key-btn', 'data-digit': d, text: d,
      onclick: () => phoneAction('err-dtmf', 'POST', '/dtmf', { digits: d }, applyCalls)
    })));
    $('form-presence').addEventListener('submit', (e) => {
      e.preventDefault();
      const status = $('presence-status').value;
      const body = { status };
      if (status === 'custom') body.text = $('presence-text').value;
      phoneAction('err-presence', 'PUT', '/presence', body, (x) => {
        const i = state.extensions.findIndex((y) => y.number === x.number);
        if (i >= 0) state.extensions[i] = x;
        renderExtensions();
        renderPhone();
        refresh.watchers();
      });
    });
    const syncText = () => {
      $('presence-text').disabled = $('presence-status').value !== 'custom';
    };
    $('presence-status').addEventListener('change', syncText);
    syncText();
  }

  // ---- event log -----------------------------------------------------------------------------

  const SUMMARY = ['Channel', 'ChannelStateDesc', 'Exten', 'CallerIDNum', 'ConnectedLineNum', 'DestChannel',
    'DialStatus', 'Cause-txt', 'Presentity', 'Status', 'StatusText', 'State', 'Subtype', 'Message', 'Device',
    'Digit', 'Direction', 'Application', 'BridgeUniqueid', 'SpyerChannel', 'SpyeeChannel', 'Reason', 'Response',
    'AccountID', 'RemoteAddress', 'Variable', 'Value'];

  function logItem(entry) {
    const h = entry.ev.headers || {};
    const summary = SUMMARY.filter((k) => h[k] !== undefined && h[k] !== '').slice(0, 6)
      .map((k) => k + '=' + h[k]).join('  ');
    const text = entry.ev.event + ' ' + Object.entries(h).map(([k, v]) => k + ': ' + v).join('\n');
    const li = el('li', { 'data-event': entry.ev.event },
      el('details', {},
        el('summary', {},
          el('span', { class: 'ltime', text: entry.time }),
          el('span', { class: 'lname', text: entry.ev.event }),
          el('span', { class: 'lpriv', text: entry.ev.privilege || '' }),
          el('span', { class: 'lsum', text: summary })),
        el('pre', { text: Object.entries(h).map(([k, v]) => k + ': ' + v).join('\n') })));
    li.dataset.search = text.toLowerCase();
    return li;
  }

  function addLog(ev) {
    const entry = { ev, time: new Date().toLocaleTimeString([], { hour12: false }) + '.' +
        String(Date.now() % 1000).padStart(3, '0') };
    state.log.push(entry);
    if (state.log.length > LOG_LIMIT) state.log.shift();
    $('log-count').textContent = String(state.log.length);
    if ($('log-pause').checked) return;
    const list = $('log');
    const li = logItem(entry);
    applyFilter(li);
    list.prepend(li);
    while (list.children.length > LOG_LIMIT) list.lastElementChild.remove();
  }

  function applyFilter(li) {
    const f = $('log-filter').value.trim().toLowerCase();
    li.hidden = !!f && !li.dataset.search.includes(f);
  }

  function renderLog() {
    $('log').replaceChildren(...state.log.slice().reverse().map(logItem));
    document.querySelectorAll('#log > li').forEach(applyFilter);
    $('log-count').textContent = String(state.log.length);
  }

  function wireLog() {
    $('log-filter').addEventListener('input', () => document.querySelectorAll('#log > li').forEach(applyFilter));
    $('log-pause').addEventListener('change', () => {
      if (!$('log-pause').checked) renderLog();
    });
    $('log-clear').addEventListener('click', () => {
      state.log = [];
      renderLog();
    });
  }

  // ---- live stream ---------------------------------------------------------------------------

  function connect() {
    const live = $('live');
    const source = new EventSource(API + '/events');
    source.onopen = () => {
      live.dataset.state = 'live';
      live.textContent = 'live';
      // whatever happened while the stream was down is only in the tables
      refreshAll();
    };
    source.onerror = () => {
      // EventSource reconnects by itself; say so until it does
      live.dataset.state = 'down';
      live.textContent = 'reconnecting…';
    };
    source.addEventListener('ami', (m) => { // every event of the stream is named "ami"
      let ev;
      try {
        ev = JSON.parse(m.data);
      } catch (e) {
        return;
      }
      onPbxEvent(ev);
    });
  }

  function start() {
    document.querySelectorAll('[data-refresh]').forEach((b) => b.addEventListener('click', () => refresh[b.dataset.refresh]()));
    wirePhone();
    wireLog();
    refreshAll();
    connect();
    setInterval(tickDurations, 1000);
    // An AMI session that logs off or drops raises no event, so the sessions table is also re-read now and then.
    setInterval(refresh.sessions, 5000);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}());
