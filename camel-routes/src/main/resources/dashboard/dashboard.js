// The hub's dashboard: polls /observe/dashboard.json and renders it. Every value goes into the
// page with textContent or setAttribute, never as HTML: channel ids come from configuration and
// health messages from anywhere.
'use strict';
(function () {
  const DATA_URL = '/observe/dashboard.json';
  const REFRESH_MS = 2000;
  const RATE_WINDOW_MS = 60000;
  const RATE_FIELDS = ['received', 'rejected', 'queued', 'delivered', 'deadLettered'];
  // {at: ms, counts: {channelId: {received: n, ...}}}, oldest first, at most RATE_WINDOW_MS old.
  const samples = [];

  function element(tag, text, attributes) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, String(value)));
    return node;
  }

  function replaceRows(table, rows) {
    const body = document.querySelector(table + ' tbody');
    body.replaceChildren(...rows);
  }

  function perMinute(channelId, field, now, latest) {
    const first = samples.find(sample => sample.counts[channelId] !== undefined);
    if (!first || now - first.at < 10000) {
      return null;
    }
    return (latest - first.counts[channelId][field]) * 60000 / (now - first.at);
  }

  function countCell(channel, field, now) {
    const cell = element('td', null, {'class': 'number', 'data-field': field});
    cell.appendChild(element('span', channel[field], {'class': 'count'}));
    const rate = perMinute(channel.id, field, now, channel[field]);
    cell.appendChild(element('span', rate === null ? '' : rate.toFixed(1) + '/min', {'class': 'rate'}));
    return cell;
  }

  function channelRow(channel, now) {
    const row = element('tr', null, {'data-channel': channel.id});
    row.appendChild(element('td', channel.id, {'data-field': 'id'}));
    row.appendChild(element('td', channel.system, {'data-field': 'system'}));
    row.appendChild(element('td', channel.kind, {'data-field': 'kind'}));
    row.appendChild(element('td', channel.enabled ? 'yes' : 'no', {'data-field': 'enabled'}));
    row.appendChild(element('td', channel.route, {'data-field': 'route', 'class': 'state-' + channel.route}));
    row.appendChild(countCell(channel, 'received', now));
    const rejected = countCell(channel, 'rejected', now);
    const reasons = Object.entries(channel.rejectedBy || {}).map(([reason, count]) => reason + ' ' + count).join(', ');
    rejected.appendChild(element('span', reasons, {'class': 'reasons'}));
    row.appendChild(rejected);
    row.appendChild(countCell(channel, 'queued', now));
    row.appendChild(countCell(channel, 'delivered', now));
    row.appendChild(countCell(channel, 'deadLettered', now));
    return row;
  }

  function remember(snapshot, now) {
    const counts = {};
    snapshot.channels.forEach(channel => {
      counts[channel.id] = {};
      RATE_FIELDS.forEach(field => { counts[channel.id][field] = channel[field]; });
    });
    samples.push({at: now, counts: counts});
    while (samples.length > 1 && now - samples[0].at > RATE_WINDOW_MS) {
      samples.shift();
    }
  }

  function known(value, unit) {
    return value === null || value === undefined ? 'not known yet' : value + (unit || '');
  }

  function render(snapshot) {
    const now = Date.now();
    replaceRows('#channels', snapshot.channels.map(channel => channelRow(channel, now)));
    remember(snapshot, now);

    const delivery = snapshot.delivery;
    const field = name => document.querySelector('#delivery [data-field="' + name + '"]');
    if (!delivery.enabled) {
      field('state').textContent = 'off (omni.ofbiz.baseUrl is empty): events wait on omni.inbound';
    } else {
      field('state').textContent = delivery.credentialsAccepted ? 'on' : 'OFBiz refuses the hub\u2019s credentials';
    }
    field('lag').textContent = delivery.enabled ? known(delivery.lag, ' events') : '–';
    field('last').textContent = delivery.enabled ? known(delivery.secondsSinceLastDelivery, ' s ago') : '–';

    replaceRows('#dead-letters', snapshot.deadLetters.map(dlq => {
      const row = element('tr', null, {'data-topic': dlq.topic});
      row.appendChild(element('td', dlq.topic));
      const depth = dlq.depth === null && !delivery.enabled ? 'read only while delivery is on' : known(dlq.depth);
      row.appendChild(element('td', depth, {'class': 'number', 'data-field': 'depth'}));
      return row;
    }));

    replaceRows('#checks', snapshot.checks.map(check => {
      const row = element('tr', null, {'data-check': check.id});
      row.appendChild(element('td', check.id));
      row.appendChild(element('td', check.state, {'class': 'state-' + check.state, 'data-field': 'state'}));
      row.appendChild(element('td', check.message || '', {'data-field': 'message'}));
      return row;
    }));

    const readiness = document.getElementById('readiness');
    readiness.textContent = snapshot.ready ? 'ready' : 'not ready';
    readiness.className = 'badge ' + (snapshot.ready ? 'up' : 'down');
    const status = document.getElementById('status');
    status.textContent = 'updated ' + new Date(snapshot.generatedAt).toLocaleTimeString()
        + ' · up ' + Math.floor(snapshot.uptimeSeconds / 60) + ' min';
    status.className = '';
    document.body.dataset.refreshes = String(Number(document.body.dataset.refreshes) + 1);
  }

  function showError(error) {
    const status = document.getElementById('status');
    status.textContent = 'cannot reach the hub (' + error.message + '); showing the last data';
    status.className = 'stale';
  }

  function refresh() {
    fetch(DATA_URL, {cache: 'no-store', headers: {'Accept': 'application/json'}})
      .then(response => {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(render)
      .catch(showError)
      .finally(() => setTimeout(refresh, REFRESH_MS));
  }

  refresh();
}());
