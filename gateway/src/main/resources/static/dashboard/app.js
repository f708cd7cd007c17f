/* Osservatorio dashboard: public data from the gateway's API, kept current by the live stream (/api/stream). */
(function () {
  'use strict';

  var AXES = [
    { n: 1, it: 'Sistema agro-alimentare', en: 'Agri-food system' },
    { n: 2, it: 'Innovazione, ricerca e formazione', en: 'Innovation, research and training' },
    { n: 3, it: "Sviluppo dell'energia rinnovabile", en: 'Renewable energy development' },
    { n: 4, it: 'Welfare e integrazione sociale', en: 'Welfare and social integration' },
    { n: 5, it: 'Cultura, turismo e creatività', en: 'Culture, tourism and creativity' },
    { n: 6, it: 'Rafforzamento e valorizzazione del sistema produttivo', en: 'Strengthening the productive system' },
    { n: 7, it: 'Infrastrutture materiali e immateriali', en: 'Physical and digital infrastructure' },
    { n: 8, it: 'Nuovi rapporti tra P.A., cittadini e imprese', en: 'Public administration, citizens and businesses' }
  ];

  var TEXT = {
    it: {
      skip: 'Vai al contenuto', title: 'Osservatorio del Patto per lo sviluppo',
      subtitle: 'Indicatori, progetti, cluster e bandi – aggiornati in tempo reale',
      navHome: 'Assi strategici', navNetworks: 'Cluster e filiere', navCalls: 'Bandi', loading: 'Caricamento…',
      footer: 'Dati pubblici dei servizi della piattaforma. Le sezioni non raggiungibili sono indicate come non disponibili.',
      sections: 'Sezioni', live: 'In diretta', updated: 'Aggiornato alle', reconnecting: 'Riconnessione…',
      axesTitle: 'Gli 8 assi strategici', axis: 'Asse', status: 'Stato', projects: 'Progetti', funding: 'Finanziamento',
      indicators: 'Indicatori', indicator: 'Indicatore', actual: 'Valore attuale', baseline: 'Baseline',
      target: 'Obiettivo', deviation: 'Scostamento', period: 'Periodo', unit: 'Unità', openCalls: 'Bandi aperti',
      unavailable: 'Non disponibile', unavailableBecause: 'Sezione non disponibile:', none: 'Nessun dato',
      ON_TRACK: 'In linea', AT_RISK: 'A rischio', OFF_TRACK: 'Fuori obiettivo', NO_TARGET: 'Obiettivo non fissato',
      NONE: 'Nessun valore', totalCost: 'Costo totale', eu: 'UE', national: 'Nazionale', regional: 'Regionale',
      local: 'Locale', privateFunds: 'Privati', spent: 'Speso', title_: 'Titolo', deadline: 'Scadenza',
      opensAt: 'Apertura', issuer: 'Ente', budget: 'Dotazione', series: 'Serie storica', back: 'Torna all\'asse',
      networksTitle: 'Cluster e filiere: associati per tipologia', network: 'Rete', kind: 'Tipo',
      imprese: 'Imprese', organismiDiRicerca: 'Organismi di ricerca', altriEnti: 'Altri enti', total: 'Totale',
      asOf: 'Dati al', CLUSTER: 'Cluster', FILIERA: 'Filiera', sumOverNetworks: 'Somma delle righe',
      distinctOrganisations: 'Organizzazioni distinte', callsTitle: 'Bandi', FORTHCOMING: 'In arrivo', OPEN: 'Aperti',
      CLOSED: 'Chiusi', timeLeft: 'Tempo rimasto', expired: 'scaduto', days: 'g', chartMembers: 'Associati per tipologia',
      chartSeries: 'Valori nel tempo', chartAxis: 'Valore attuale, baseline e obiettivo per indicatore',
      projectStatus: 'Stato', partners: 'Partner', link: 'Collegamento', programme: 'Programma', count: 'Numero'
    },
    en: {
      skip: 'Skip to content', title: 'Development Pact Observatory',
      subtitle: 'Indicators, projects, clusters and calls – updated live',
      navHome: 'Strategic axes', navNetworks: 'Clusters and supply chains', navCalls: 'Calls', loading: 'Loading…',
      footer: 'Public data from the platform\'s services. Sections that cannot be reached are marked unavailable.',
      sections: 'Sections', live: 'Live', updated: 'Updated at', reconnecting: 'Reconnecting…',
      axesTitle: 'The 8 strategic axes', axis: 'Axis', status: 'Status', projects: 'Projects', funding: 'Funding',
      indicators: 'Indicators', indicator: 'Indicator', actual: 'Actual', baseline: 'Baseline', target: 'Target',
      deviation: 'Deviation', period: 'Period', unit: 'Unit', openCalls: 'Open calls', unavailable: 'Unavailable',
      unavailableBecause: 'Section unavailable:', none: 'No data', ON_TRACK: 'On track', AT_RISK: 'At risk',
      OFF_TRACK: 'Off track', NO_TARGET: 'No target set', NONE: 'No value yet', totalCost: 'Total cost', eu: 'EU',
      national: 'National', regional: 'Regional', local: 'Local', privateFunds: 'Private', spent: 'Spent',
      title_: 'Title', deadline: 'Deadline', opensAt: 'Opens', issuer: 'Issuer', budget: 'Budget',
      series: 'Series over time', back: 'Back to the axis', networksTitle: 'Clusters and supply chains: members by type',
      network: 'Network', kind: 'Kind', imprese: 'Companies', organismiDiRicerca: 'Research organisations',
      altriEnti: 'Other bodies', total: 'Total', asOf: 'As of', CLUSTER: 'Cluster', FILIERA: 'Supply chain',
      sumOverNetworks: 'Sum of the rows', distinctOrganisations: 'Distinct organisations', callsTitle: 'Calls',
      FORTHCOMING: 'Forthcoming', OPEN: 'Open', CLOSED: 'Closed', timeLeft: 'Time left', expired: 'expired',
      days: 'd', chartMembers: 'Members by type', chartSeries: 'Values over time',
      chartAxis: 'Actual, baseline and target per indicator', projectStatus: 'Status', partners: 'Partners',
      link: 'Link', programme: 'Programme', count: 'Count'
    }
  };

  var EVENT_TYPES = [
    'it.osservatorio.registry.organisation.changed.v1', 'it.osservatorio.registry.organisation.deleted.v1',
    'it.osservatorio.registry.network.changed.v1', 'it.osservatorio.registry.network.deleted.v1',
    'it.osservatorio.registry.membership.changed.v1', 'it.osservatorio.registry.membership.deleted.v1',
    'it.osservatorio.projects.project.changed.v1', 'it.osservatorio.projects.project.deleted.v1',
    'it.osservatorio.projects.expenditure.recorded.v1', 'it.osservatorio.projects.milestone.reached.v1',
    'it.osservatorio.projects.project.status-changed.v1', 'it.osservatorio.projects.call.changed.v1',
    'it.osservatorio.projects.call.deleted.v1', 'it.osservatorio.projects.call.opened.v1',
    'it.osservatorio.projects.call.closing-soon.v1', 'it.osservatorio.projects.call.closed.v1',
    'it.osservatorio.indicators.value.changed.v1', 'it.osservatorio.indicators.status.changed.v1'
  ];

  var lang = localStorage.getItem('osservatorio.lang') === 'en' ? 'en' : 'it';
  var main = document.getElementById('main');
  var charts = [];
  var countdownTimer = null;
  var refreshTimer = null;
  var current = { route: null, refresh: null, interested: null };
  /** Latest indicator values seen on the stream, by series key. */
  var liveIndicators = {};

  function t(key) { return TEXT[lang][key] || key; }

  function esc(value) {
    return String(value === null || value === undefined ? '' : value)
      .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }

  function number(value, digits) {
    if (value === null || value === undefined || value === '') { return '–'; }
    var n = Number(value);
    if (isNaN(n)) { return esc(value); }
    return n.toLocaleString(lang === 'it' ? 'it-IT' : 'en-GB', { maximumFractionDigits: digits === undefined ? 2 : digits });
  }

  function euro(value) {
    if (value === null || value === undefined) { return '–'; }
    return Number(value).toLocaleString(lang === 'it' ? 'it-IT' : 'en-GB',
      { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
  }

  function axisName(n) {
    var axis = AXES[n - 1];
    return axis ? axis[lang] : String(n);
  }

  function getJson(url) {
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (response) {
      if (!response.ok) { throw new Error(url + ' → ' + response.status); }
      return response.json();
    });
  }

  /** A section from an aggregated view, or a direct call wrapped the same way. */
  function section(promise) {
    return promise.then(function (data) { return { status: 'AVAILABLE', data: data }; },
      function (error) { return { status: 'UNAVAILABLE', reason: error.message }; });
  }

  function unavailable(s) {
    return '<p class="unavailable" role="note">' + esc(t('unavailableBecause')) + ' ' + esc(s.reason || '') + '</p>';
  }

  function listOf(data) {
    if (!data) { return []; }
    if (Array.isArray(data)) { return data; }
    return data.items || data.indicators || data.values || data.points || data.series || [];
  }

  function statusBadge(status) {
    var s = status || 'NONE';
    return '<span class="status ' + esc(s) + '">' + esc(t(s)) + '</span>';
  }

  function worstStatus(values) {
    var order = ['OFF_TRACK', 'AT_RISK', 'ON_TRACK', 'NO_TARGET'];
    for (var i = 0; i < order.length; i++) {
      for (var j = 0; j < values.length; j++) { if (values[j].status === order[i]) { return order[i]; } }
    }
    return 'NONE';
  }

  function destroyCharts() {
    charts.forEach(function (chart) { chart.destroy(); });
    charts = [];
  }

  function chart(canvasId, config) {
    var canvas = document.getElementById(canvasId);
    if (!canvas || typeof Chart === 'undefined') { return; }
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options);
    charts.push(new Chart(canvas, config));
  }

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach(function (element) {
      element.textContent = t(element.getAttribute('data-i18n'));
    });
    document.getElementById('nav').setAttribute('aria-label', t('sections'));
    var button = document.getElementById('lang');
    button.textContent = lang === 'it' ? 'English' : 'Italiano';
    button.setAttribute('lang', lang === 'it' ? 'en' : 'it');
    button.setAttribute('aria-pressed', String(lang === 'en'));
  }

  function markUpdated() {
    var live = document.getElementById('live');
    live.textContent = t('live') + ' · ' + t('updated') + ' ' + new Date().toLocaleTimeString(lang === 'it' ? 'it-IT' : 'en-GB');
  }

  /* ---------- pages ---------- */

  /**
   * The indicators-service's summary (GET /summary[?axis=n]): one entry per axis with each indicator and its latest
   * value (an IndicatorValueChanged, or null while it has none). Returns the rows of one axis as value objects.
   */
  function indicatorRows(summary, axis) {
    var entry = listOf(summary).filter(function (e) { return e.axis && (e.axis.number === axis || e.axis === axis); })[0];
    if (!entry) { return []; }
    return (entry.indicators || []).map(function (row) {
      return Object.assign({ indicatorCode: row.code, nameIt: row.nameIt, axis: axis, territory: row.territory },
        row.latest || {});
    });
  }

  function home() {
    return Promise.all([
      section(getJson('/api/projects/projects/totals?by=axis')),
      section(getJson('/api/indicators/summary'))
    ]).then(function (results) {
      var totals = results[0];
      var indicators = results[1];
      var byAxis = {};
      if (totals.status === 'AVAILABLE') {
        (totals.data.groups || []).forEach(function (group) { byAxis[group.key] = group; });
      }
      var html = '<h1>' + esc(t('axesTitle')) + '</h1>';
      if (totals.status !== 'AVAILABLE') { html += unavailable(totals); }
      if (indicators.status !== 'AVAILABLE') { html += unavailable(indicators); }
      html += '<ul class="axes">';
      AXES.forEach(function (axis) {
        var values = indicators.status === 'AVAILABLE' ? indicatorRows(indicators.data, axis.n) : [];
        values = mergeLive(values, axis.n);
        var withValue = values.filter(function (v) { return v.value !== undefined && v.value !== null; });
        var group = byAxis[String(axis.n)] || { projects: 0, totalCost: 0 };
        html += '<li><a href="#/axes/' + axis.n + '" id="axis-link-' + axis.n + '">' + esc(t('axis')) + ' ' + axis.n +
          ' – ' + esc(axis[lang]) + '</a><dl class="figures">' +
          '<dt>' + esc(t('status')) + '</dt><dd id="axis-status-' + axis.n + '">' +
          (indicators.status === 'AVAILABLE' || values.length ? statusBadge(worstStatus(withValue)) : esc(t('unavailable'))) +
          '</dd><dt>' + esc(t('indicators')) + '</dt><dd>' + withValue.length + ' / ' + values.length + '</dd>' +
          '<dt>' + esc(t('projects')) + '</dt><dd id="axis-projects-' + axis.n + '">' +
          (totals.status === 'AVAILABLE' ? number(group.projects, 0) : '–') + '</dd>' +
          '<dt>' + esc(t('totalCost')) + '</dt><dd id="axis-cost-' + axis.n + '">' +
          (totals.status === 'AVAILABLE' ? euro(group.totalCost) : '–') + '</dd></dl></li>';
      });
      html += '</ul>';
      main.innerHTML = html;
    });
  }

  function mergeLive(values, axis) {
    var byKey = {};
    values.forEach(function (v) { byKey[v.indicatorCode + '|' + (v.territory || '')] = v; });
    Object.keys(liveIndicators).forEach(function (seriesKey) {
      var v = liveIndicators[seriesKey];
      if (v.axis === axis) {
        var key = v.indicatorCode + '|' + (v.territory || '');
        var old = byKey[key];
        if (old && old.period && v.period && String(v.period) < String(old.period)) { return; }
        if (old && old.period === v.period && old.version && v.version < old.version) { return; }
        byKey[key] = Object.assign({}, old || {}, v);
      }
    });
    return Object.keys(byKey).map(function (key) { return byKey[key]; });
  }

  function axisPage(n) {
    return getJson('/api/views/axes/' + n).then(function (view) {
      var html = '<h1>' + esc(t('axis')) + ' ' + n + ' – ' + esc(axisName(n)) + '</h1>';
      html += '<h2 id="indicators-heading">' + esc(t('indicators')) + '</h2>';
      var values = view.indicators.status === 'AVAILABLE' ? indicatorRows(view.indicators.data, n) : [];
      values = mergeLive(values, n);
      if (view.indicators.status !== 'AVAILABLE' && !values.length) { html += unavailable(view.indicators); }
      if (values.length) {
        html += '<div class="chart"><canvas id="axis-chart" role="img" aria-label="' + esc(t('chartAxis')) +
          '"></canvas></div>';
        html += '<table><caption>' + esc(t('indicators')) + '</caption><thead><tr><th scope="col">' + esc(t('indicator')) +
          '</th><th scope="col">' + esc(t('period')) + '</th><th scope="col" class="num">' + esc(t('actual')) +
          '</th><th scope="col" class="num">' + esc(t('baseline')) + '</th><th scope="col" class="num">' + esc(t('target')) +
          '</th><th scope="col" class="num">' + esc(t('deviation')) + '</th><th scope="col">' + esc(t('status')) +
          '</th></tr></thead><tbody>';
        values.forEach(function (v) {
          html += '<tr><th scope="row"><a href="#/indicators/' + encodeURIComponent(v.indicatorCode) + '">' +
            esc(lang === 'it' ? v.nameIt : (v.nameEn || v.nameIt)) + '</a></th><td>' + esc(v.period) + '</td>' +
            '<td class="num" id="value-' + esc(v.indicatorCode) + '">' + number(v.value) + ' ' + esc(v.unit || '') + '</td>' +
            '<td class="num">' + number(v.baseline) + '</td><td class="num">' + number(v.target) + '</td>' +
            '<td class="num">' + number(v.deviation) + (v.deviationPercent !== null && v.deviationPercent !== undefined
              ? ' (' + number(v.deviationPercent) + ' %)' : '') + '</td><td>' + statusBadge(v.status) + '</td></tr>';
        });
        html += '</tbody></table>';
      } else if (view.indicators.status === 'AVAILABLE') {
        html += '<p>' + esc(t('none')) + '</p>';
      }
      html += '<h2>' + esc(t('funding')) + '</h2>';
      if (view.funding.status === 'AVAILABLE') {
        var g = (view.funding.data.groups || []).filter(function (x) { return x.key === String(n); })[0] ||
          view.funding.data.overall || {};
        html += '<dl class="figures"><dt>' + esc(t('projects')) + '</dt><dd id="axis-projects">' + number(g.projects, 0) +
          '</dd><dt>' + esc(t('totalCost')) + '</dt><dd>' + euro(g.totalCost) + '</dd><dt>' + esc(t('eu')) + '</dt><dd>' +
          euro(g.eu) + '</dd><dt>' + esc(t('national')) + '</dt><dd>' + euro(g.national) + '</dd><dt>' + esc(t('regional')) +
          '</dt><dd>' + euro(g.regional) + '</dd><dt>' + esc(t('local')) + '</dt><dd>' + euro(g.local) + '</dd><dt>' +
          esc(t('privateFunds')) + '</dt><dd>' + euro(g.privateFunds) + '</dd><dt>' + esc(t('spent')) + '</dt><dd>' +
          euro(g.spent) + '</dd></dl>';
      } else {
        html += unavailable(view.funding);
      }
      html += '<h2>' + esc(t('projects')) + '</h2>';
      if (view.projects.status === 'AVAILABLE') {
        var projects = listOf(view.projects.data);
        html += projects.length ? '<table><caption>' + esc(t('projects')) + '</caption><thead><tr><th scope="col">' +
          esc(t('title_')) + '</th><th scope="col">' + esc(t('projectStatus')) + '</th><th scope="col" class="num">' +
          esc(t('totalCost')) + '</th></tr></thead><tbody>' + projects.map(function (p) {
            return '<tr><td>' + esc(p.title) + (p.cup ? ' <small>(CUP ' + esc(p.cup) + ')</small>' : '') + '</td><td>' +
              esc(p.status) + '</td><td class="num">' + euro(p.totalCost) + '</td></tr>';
          }).join('') + '</tbody></table>' : '<p>' + esc(t('none')) + '</p>';
      } else {
        html += unavailable(view.projects);
      }
      html += '<h2>' + esc(t('openCalls')) + '</h2>';
      html += view.openCalls.status === 'AVAILABLE' ? callTable(listOf(view.openCalls.data), 'OPEN')
        : unavailable(view.openCalls);
      main.innerHTML = html;
      if (values.length) {
        chart('axis-chart', {
          type: 'bar',
          data: {
            labels: values.map(function (v) { return v.indicatorCode; }),
            datasets: [
              { label: t('actual'), data: values.map(function (v) { return v.value; }), backgroundColor: '#0b4f8a' },
              { label: t('baseline'), data: values.map(function (v) { return v.baseline; }), backgroundColor: '#8c96a3' },
              { label: t('target'), data: values.map(function (v) { return v.target; }), backgroundColor: '#1d6b36' }
            ]
          }
        });
      }
      startCountdowns();
    });
  }

  function indicatorPage(code) {
    return section(getJson('/api/indicators/indicators/' + encodeURIComponent(code) + '/series')).then(function (s) {
      var points = s.status === 'AVAILABLE' ? listOf(s.data).slice() : [];
      Object.keys(liveIndicators).forEach(function (key) {
        var v = liveIndicators[key];
        if (v.indicatorCode !== code) { return; }
        var same = points.filter(function (p) { return p.period === v.period && p.territory === v.territory; })[0];
        if (same) { Object.assign(same, v); } else { points.push(v); }
      });
      points.sort(function (a, b) { return String(a.period).localeCompare(String(b.period)); });
      var first = points[0] || {};
      var name = lang === 'it' ? first.nameIt : (first.nameEn || first.nameIt);
      var html = '<h1>' + esc(t('indicator')) + ' ' + esc(code) + (name ? ' – ' + esc(name) : '') + '</h1>';
      if (first.axis) {
        html += '<p><a href="#/axes/' + first.axis + '">' + esc(t('back')) + ' ' + first.axis + '</a></p>';
      }
      if (s.status !== 'AVAILABLE' && !points.length) { html += unavailable(s); }
      html += '<h2>' + esc(t('series')) + '</h2>';
      if (points.length) {
        html += '<div class="chart"><canvas id="series-chart" role="img" aria-label="' + esc(t('chartSeries')) +
          '"></canvas></div><table><caption>' + esc(t('series')) + '</caption><thead><tr><th scope="col">' +
          esc(t('period')) + '</th><th scope="col" class="num">' + esc(t('actual')) + '</th><th scope="col" class="num">' +
          esc(t('baseline')) + '</th><th scope="col" class="num">' + esc(t('target')) + '</th><th scope="col">' +
          esc(t('status')) + '</th></tr></thead><tbody>' + points.map(function (p) {
            return '<tr><th scope="row">' + esc(p.period) + '</th><td class="num">' + number(p.value) + '</td><td class="num">' +
              number(p.baseline) + '</td><td class="num">' + number(p.target) + '</td><td>' + statusBadge(p.status) +
              '</td></tr>';
          }).join('') + '</tbody></table>';
      } else {
        html += '<p>' + esc(t('none')) + '</p>';
      }
      main.innerHTML = html;
      if (points.length) {
        chart('series-chart', {
          type: 'line',
          data: {
            labels: points.map(function (p) { return p.period; }),
            datasets: [
              { label: t('actual'), data: points.map(function (p) { return p.value; }), borderColor: '#0b4f8a' },
              { label: t('baseline'), data: points.map(function (p) { return p.baseline; }), borderColor: '#8c96a3' },
              { label: t('target'), data: points.map(function (p) { return p.target; }), borderColor: '#1d6b36' }
            ]
          }
        });
      }
    });
  }

  function networksPage() {
    return section(getJson('/api/registry/statistics/members')).then(function (s) {
      var html = '<h1>' + esc(t('networksTitle')) + '</h1>';
      if (s.status !== 'AVAILABLE') {
        main.innerHTML = html + unavailable(s);
        return;
      }
      var report = s.data;
      html += '<p>' + esc(t('asOf')) + ' ' + esc(report.asOf) + '</p>';
      html += '<div class="chart"><canvas id="members-chart" role="img" aria-label="' + esc(t('chartMembers')) +
        '"></canvas></div>';
      ['CLUSTER', 'FILIERA'].forEach(function (kind) {
        var rows = (report.networks || []).filter(function (row) { return row.kind === kind; });
        if (!rows.length) { return; }
        html += '<table id="networks-' + kind + '"><caption>' + esc(t(kind)) + '</caption><thead><tr><th scope="col">' +
          esc(t('network')) + '</th><th scope="col" class="num">' + esc(t('imprese')) + '</th><th scope="col" class="num">' +
          esc(t('organismiDiRicerca')) + '</th><th scope="col" class="num">' + esc(t('altriEnti')) +
          '</th><th scope="col" class="num">' + esc(t('total')) + '</th></tr></thead><tbody>' + rows.map(function (row) {
            var m = row.members || {};
            return '<tr><th scope="row">' + esc(row.acronym || row.name) + (row.acronym && row.name ? ' <small>' +
              esc(row.name) + '</small>' : '') + '</th><td class="num">' + number(m.imprese, 0) + '</td><td class="num">' +
              number(m.organismiDiRicerca, 0) + '</td><td class="num">' + number(m.altriEnti, 0) + '</td>' +
              '<td class="num" id="members-total-' + esc(row.networkId) + '">' + number(m.total, 0) + '</td></tr>';
          }).join('') + '</tbody></table>';
      });
      (report.totals || []).forEach(function (total) {
        html += '<p><strong>' + esc(total.scope === 'ALL' ? t('total') : t(total.scope)) + '</strong>: ' +
          esc(t('sumOverNetworks')) + ' ' + number((total.sumOverNetworks || {}).total, 0) + ' · ' +
          esc(t('distinctOrganisations')) + ' ' + number((total.distinctOrganisations || {}).total, 0) + '</p>';
      });
      main.innerHTML = html;
      var rows = report.networks || [];
      chart('members-chart', {
        type: 'bar',
        data: {
          labels: rows.map(function (row) { return row.acronym || row.name; }),
          datasets: [
            { label: t('imprese'), data: rows.map(function (r) { return (r.members || {}).imprese; }), backgroundColor: '#0b4f8a' },
            { label: t('organismiDiRicerca'), data: rows.map(function (r) { return (r.members || {}).organismiDiRicerca; }),
              backgroundColor: '#1d6b36' },
            { label: t('altriEnti'), data: rows.map(function (r) { return (r.members || {}).altriEnti; }), backgroundColor: '#8a5a00' }
          ]
        },
        options: { scales: { x: { stacked: true }, y: { stacked: true, ticks: { precision: 0 } } } }
      });
    });
  }

  function callTable(calls, status) {
    if (!calls.length) { return '<p>' + esc(t('none')) + '</p>'; }
    return '<table><caption>' + esc(t(status)) + '</caption><thead><tr><th scope="col">' + esc(t('title_')) +
      '</th><th scope="col">' + esc(t('issuer')) + '</th><th scope="col">' + esc(t('axis')) + '</th><th scope="col">' +
      esc(status === 'FORTHCOMING' ? t('opensAt') : t('deadline')) + '</th>' +
      (status === 'OPEN' ? '<th scope="col">' + esc(t('timeLeft')) + '</th>' : '') + '<th scope="col" class="num">' +
      esc(t('budget')) + '</th></tr></thead><tbody>' + calls.map(function (call) {
        var when = status === 'FORTHCOMING' ? call.opensAt : call.deadline;
        return '<tr><td>' + (call.link ? '<a href="' + esc(call.link) + '" rel="noopener">' + esc(call.title) + '</a>'
          : esc(call.title)) + '</td><td>' + esc(call.issuer) + '</td><td>' + (call.axis ? esc(call.axis) : '–') +
          '</td><td>' + (when ? esc(new Date(when).toLocaleString(lang === 'it' ? 'it-IT' : 'en-GB')) : '–') + '</td>' +
          (status === 'OPEN' ? '<td class="countdown" data-deadline="' + esc(call.deadline || '') + '"></td>' : '') +
          '<td class="num">' + euro(call.budget) + '</td></tr>';
      }).join('') + '</tbody></table>';
  }

  function callsPage() {
    var statuses = ['FORTHCOMING', 'OPEN', 'CLOSED'];
    return Promise.all(statuses.map(function (status) {
      return section(getJson('/api/projects/calls?status=' + status + '&limit=100'));
    })).then(function (sections) {
      var html = '<h1>' + esc(t('callsTitle')) + '</h1>';
      statuses.forEach(function (status, index) {
        html += '<h2 id="calls-' + status + '">' + esc(t(status)) + '</h2>';
        html += sections[index].status === 'AVAILABLE' ? callTable(listOf(sections[index].data), status)
          : unavailable(sections[index]);
      });
      main.innerHTML = html;
      startCountdowns();
    });
  }

  function startCountdowns() {
    function tick() {
      document.querySelectorAll('.countdown[data-deadline]').forEach(function (cell) {
        var deadline = Date.parse(cell.getAttribute('data-deadline'));
        if (isNaN(deadline)) { cell.textContent = '–'; return; }
        var left = Math.floor((deadline - Date.now()) / 1000);
        if (left <= 0) { cell.textContent = t('expired'); return; }
        var d = Math.floor(left / 86400), h = Math.floor(left % 86400 / 3600), m = Math.floor(left % 3600 / 60), s = left % 60;
        cell.textContent = d + ' ' + t('days') + ' ' + String(h).padStart(2, '0') + ':' + String(m).padStart(2, '0') + ':' +
          String(s).padStart(2, '0');
      });
    }
    tick();
    if (!countdownTimer) { countdownTimer = setInterval(tick, 1000); }
  }

  /* ---------- routing ---------- */

  function route() {
    var hash = location.hash.replace(/^#/, '') || '/';
    var parts = hash.split('/').filter(Boolean);
    var render, name, interested;
    if (parts[0] === 'axes' && /^[1-8]$/.test(parts[1] || '')) {
      var n = Number(parts[1]);
      name = 'home'; render = function () { return axisPage(n); };
      interested = function (type, data) {
        return (data.payload && data.payload.axis === n) || type.indexOf('.projects.') >= 0 || type.indexOf('.indicators.') >= 0;
      };
    } else if (parts[0] === 'indicators' && parts[1]) {
      var code = decodeURIComponent(parts[1]);
      name = 'home'; render = function () { return indicatorPage(code); };
      interested = function (type, data) { return data.payload && data.payload.indicatorCode === code; };
    } else if (parts[0] === 'networks') {
      name = 'networks'; render = networksPage;
      interested = function (type) { return type.indexOf('.registry.') >= 0; };
    } else if (parts[0] === 'calls') {
      name = 'calls'; render = callsPage;
      interested = function (type) { return type.indexOf('.call.') >= 0; };
    } else {
      name = 'home'; render = home;
      interested = function (type) { return type.indexOf('.projects.project') >= 0 || type.indexOf('.indicators.') >= 0; };
    }
    document.querySelectorAll('nav a').forEach(function (link) {
      if (link.getAttribute('data-route') === name) { link.setAttribute('aria-current', 'page'); }
      else { link.removeAttribute('aria-current'); }
    });
    current = { refresh: render, interested: interested };
    show(render, true);
  }

  function show(render, focus) {
    render().then(function () {
      destroyStaleCharts();
      markUpdated();
      if (focus) { main.focus({ preventScroll: true }); }
    }, function (error) {
      main.innerHTML = unavailable({ reason: error.message });
    });
  }

  function destroyStaleCharts() {
    charts = charts.filter(function (c) {
      if (!document.body.contains(c.canvas)) { c.destroy(); return false; }
      return true;
    });
  }

  /* ---------- live stream ---------- */

  function onEvent(event) {
    var data;
    try { data = JSON.parse(event.data); } catch (e) { return; }
    var type = event.type;
    if (type.indexOf('.indicators.value.changed') >= 0 && data.payload) {
      liveIndicators[data.payload.seriesKey || data.subject] = Object.assign({ version: data.version }, data.payload);
    }
    if (current.interested && current.interested(type, data)) {
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(function () { show(current.refresh, false); }, 100);
    }
  }

  function connect() {
    if (typeof EventSource === 'undefined') { return; }
    var source = new EventSource('/api/stream');
    EVENT_TYPES.forEach(function (type) { source.addEventListener(type, onEvent); });
    source.onopen = function () { markUpdated(); };
    source.onerror = function () { document.getElementById('live').textContent = t('reconnecting'); };
  }

  document.getElementById('lang').addEventListener('click', function () {
    lang = lang === 'it' ? 'en' : 'it';
    localStorage.setItem('osservatorio.lang', lang);
    applyLanguage();
    destroyCharts();
    show(current.refresh, false);
  });
  window.addEventListener('hashchange', route);
  applyLanguage();
  route();
  connect();
}());
