/// The stylesheet and script every Statecraft page inlines (the briefing now, the explorer
/// next): hand-written, no library, nothing fetched. The page's content-security policy
/// admits exactly these two texts by their SHA-256.
enum PageAssets {
  /// Screen and print styles: A4 pages, each major section on a new page, the map fitted to
  /// the page, table rows never cut.
  static let css = #"""
:root { --ink: #1d1d1f; --muted: #5a5a5f; --rule: #d8d8dc; --accent: #0b5cad; --hostile: #b34700; --soft: #f4f5f7; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 64px; }
header.doc h1 { font-size: 26px; line-height: 1.25; margin: 0 0 6px; }
header.doc .lede { color: var(--muted); margin: 0 0 10px; max-width: 80ch; }
.whatif { border-left: 4px solid #d98c00; background: #fff6e0; padding: 6px 12px; margin: 0 0 10px; max-width: 80ch; font-size: 14px; }
.whatif p { margin: 0; } .whatif ol { margin: 4px 0 0; padding-left: 22px; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 8px 0 0; font-size: 13px; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
nav.toc { margin: 16px 0 8px; font-size: 13px; display: flex; flex-wrap: wrap; gap: 4px 14px; border-top: 1px solid var(--rule); border-bottom: 1px solid var(--rule); padding: 6px 0; }
nav.toc a { color: var(--accent); text-decoration: none; }
section { margin-top: 34px; }
h2 { font-size: 20px; margin: 0 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 16px; margin: 20px 0 6px; }
p.note, .small { font-size: 13px; color: var(--muted); }
section.updating { opacity: 0.5; }
section.updating > h2::after { content: " — updating…"; font-size: 14px; font-weight: normal; color: var(--muted); }
ol.findings { padding-left: 22px; }
ol.findings li { margin: 6px 0; font-size: 16px; }
ol.findings a, a.see { font-size: 12px; color: var(--accent); margin-left: 6px; text-decoration: none; white-space: nowrap; }
aside.howto { background: var(--soft); border-left: 4px solid var(--accent); padding: 10px 14px; font-size: 13px; margin-top: 18px; }
aside.howto p { margin: 4px 0; }
.controls { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; font-size: 13px; margin: 6px 0 8px; }
.controls label { cursor: pointer; }
button { font: inherit; font-size: 13px; padding: 3px 10px; border: 1px solid var(--rule); background: #fff; border-radius: 4px; cursor: pointer; }
button:hover { border-color: var(--accent); }
.mapwrap { display: block; }
.mapwrap.with-card { display: grid; grid-template-columns: minmax(0, 1fr) 300px; gap: 14px; align-items: start; }
.map { border: 1px solid var(--rule); border-radius: 6px; padding: 6px; overflow: auto; background: #fff; }
.map svg { display: block; width: 100%; height: auto; max-height: 82vh; }
.map g.node, .map g.edge { cursor: pointer; transition: opacity .15s; }
.map.focused g.node:not(.on), .map.focused g.edge:not(.on), .map.hostile-only g.edge:not(.hostile) { opacity: .12; }
.map.hostile-only g.edge:not(.hostile) { opacity: .06; }
.card { border: 1px solid var(--rule); border-radius: 6px; padding: 10px 12px; font-size: 13px; background: var(--soft); position: sticky; top: 10px; max-height: 86vh; overflow: auto; }
.card h4 { margin: 0 0 2px; font-size: 16px; }
.card table { font-size: 12px; }
.card ul { padding-left: 16px; margin: 4px 0; }
.card li { margin: 2px 0; }
.keyline { font-size: 13px; margin: 6px 0; min-height: 1.5em; }
.swatch { display: inline-block; width: 12px; height: 12px; border: 1px solid #777; vertical-align: -1px; margin: 0 4px 0 10px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 6px 0; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { background: var(--soft); font-weight: 600; white-space: nowrap; }
table.sortable th { cursor: pointer; user-select: none; }
table.sortable th::after { content: " ↕"; color: #aaa; font-weight: 400; }
table.sortable th[aria-sort="ascending"]::after { content: " ▲"; color: var(--ink); }
table.sortable th[aria-sort="descending"]::after { content: " ▼"; color: var(--ink); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td small { color: var(--muted); }
tr.more { display: none; }
table.expanded tr.more { display: table-row; }
.up { color: #0b6e4f; } .down { color: var(--hostile); }
a.actor { color: inherit; text-decoration: underline dotted; cursor: pointer; }
.path { font-size: 15px; margin: 6px 0; }
ol.hops { margin: 4px 0 12px; padding-left: 22px; font-size: 13px; }
ol.hops ul { padding-left: 16px; margin: 2px 0; }
.hostile { color: var(--hostile); }
.scenario { border-top: 1px solid var(--rule); padding-top: 8px; }
.scenario ul.sentences li { font-size: 15px; margin: 4px 0; }
.two { display: grid; grid-template-columns: 1fr 1fr; gap: 18px; }
ol.sources li { margin: 8px 0; font-size: 13px; }
ol.sources ul { color: var(--muted); }
#tip { position: absolute; z-index: 10; max-width: 420px; white-space: pre-wrap; background: #1d1d1f; color: #fff; font-size: 12px; line-height: 1.4; padding: 7px 9px; border-radius: 5px; pointer-events: none; box-shadow: 0 2px 8px rgba(0,0,0,.25); }
@media (max-width: 900px) { .mapwrap, .two { grid-template-columns: 1fr; } .card { position: static; } }
body.explorer { display: grid; grid-template-columns: 330px minmax(0, 1fr); }
body.explorer main { max-width: none; }
aside.panel { position: sticky; top: 0; height: 100vh; overflow: auto; border-right: 1px solid var(--rule); background: var(--soft); padding: 12px 14px; font-size: 13px; }
aside.panel h2 { font-size: 17px; }
aside.panel fieldset { border: 1px solid var(--rule); border-radius: 6px; margin: 10px 0; padding: 6px 10px 10px; background: #fff; min-width: 0; }
aside.panel legend { font-weight: 600; padding: 0 4px; }
aside.panel label { display: block; margin: 5px 0; }
#x-comparison { overflow-x: auto; }
aside.panel select, aside.panel input[type=number], aside.panel input[type=text] { font: inherit; max-width: 100%; }
aside.panel input[type=range] { width: 100%; }
aside.panel .row { display: flex; flex-wrap: wrap; gap: 6px; }
aside.panel ol { padding-left: 18px; margin: 4px 0; }
aside.panel a { color: var(--accent); }
.bad { color: var(--hostile); font-weight: 600; }
small.delta { font-size: 11px; }
small.delta.up { color: #0b6e4f; } small.delta.down { color: var(--hostile); }
.map.main g.edge { cursor: pointer; }
.map.main g.edge.picked path:not(.gap) { stroke-width: 5; }
table.compare td.num { white-space: nowrap; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  nav.toc, .controls, button, #tip, .card:empty { display: none !important; }
  section.page { break-before: page; margin-top: 0; }
  h2, h3 { break-after: avoid; }
  tr, li, .path, aside { break-inside: avoid; }
  .mapwrap { display: block; }
  .map { border: none; padding: 0; overflow: visible; break-inside: avoid; }
  .map svg { max-height: 240mm; }
  .card { display: none; }
  a { color: inherit; }
  .two { display: block; }
}
"""#

  /// Tooltips on hover, sortable tables, "show all", actor focus and card, and the map
  /// toggles (camps, communities, hostile ties only). Reads the briefing from the page's
  /// JSON block; every world string reaches the page through `textContent`, never as HTML.
  static let script = #"""
(function () {
  'use strict';
  var XL = 'http://www.w3.org/1999/xlink';
  var tip = document.getElementById('tip');
  function place(e) {
    var x = e.pageX + 14, y = e.pageY + 14;
    var maxX = window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8;
    tip.style.left = Math.max(4, Math.min(x, maxX)) + 'px';
    tip.style.top = y + 'px';
  }
  document.addEventListener('mouseover', function (e) {
    var el = e.target.closest ? e.target.closest('[data-tip]') : null;
    if (!el) { tip.hidden = true; return; }
    tip.textContent = el.getAttribute('data-tip');
    tip.hidden = false;
    place(e);
  });
  document.addEventListener('mousemove', function (e) { if (!tip.hidden) place(e); });

  // Everything below binds to the sections in <main>; the explorer calls init() again after
  // it swaps in new sections.
  function init() {
  var data = JSON.parse(document.getElementById('briefing-data').textContent);
  var map = document.querySelector('.map.main');
  var card = document.getElementById('card');
  var keyline = document.getElementById('keyline');
  var byId = {};
  data.actors.forEach(function (a, i) { byId[a.id] = i; });

  // Tooltips: Graphviz writes each node's and tie's details as xlink:title; show them in
  // one styled box instead of the browser's slow native tooltip.
  document.querySelectorAll('svg a').forEach(function (a) {
    var t = a.getAttributeNS(XL, 'title') || a.getAttribute('title');
    if (t) { a.setAttribute('data-tip', t); a.removeAttributeNS(XL, 'title'); a.removeAttribute('title'); }
  });
  document.querySelectorAll('svg g.node > title, svg g.edge > title, svg g.cluster > title').forEach(function (t) { t.remove(); });

  // Sortable tables: click a header; numbers sort by their data-v value, the rest as text.
  function applyLimit(table) {
    var limit = parseInt(table.getAttribute('data-limit') || '0', 10);
    if (!limit) return;
    Array.prototype.forEach.call(table.tBodies[0].rows, function (r, i) { r.classList.toggle('more', i >= limit); });
  }
  document.querySelectorAll('table.sortable').forEach(function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
      th.tabIndex = 0;
      function sort() {
        var descending = th.getAttribute('aria-sort') !== 'descending';
        var numeric = th.classList.contains('num');
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
        var rows = Array.prototype.slice.call(table.tBodies[0].rows);
        rows.sort(function (a, b) {
          var x = a.cells[col], y = b.cells[col], c;
          if (numeric) {
            var p = parseFloat(x.getAttribute('data-v')), q = parseFloat(y.getAttribute('data-v'));
            if (isNaN(p)) p = -Infinity; if (isNaN(q)) q = -Infinity;
            c = p - q;
          } else {
            c = x.textContent.localeCompare(y.textContent);
          }
          return descending ? -c : c;
        });
        rows.forEach(function (r) { table.tBodies[0].appendChild(r); });
        applyLimit(table);
      }
      th.addEventListener('click', sort);
      th.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); } });
    });
  });
  document.querySelectorAll('button.showall').forEach(function (b) {
    b.addEventListener('click', function () {
      var table = document.getElementById(b.getAttribute('data-table'));
      var open = table.classList.toggle('expanded');
      b.textContent = open ? 'Show fewer' : b.getAttribute('data-label');
    });
  });

  if (!map) return;
  var nodes = {}, edges = [];
  map.querySelectorAll('g.node').forEach(function (g) { if (/^a\d+$/.test(g.id)) nodes[+g.id.slice(1)] = g; });
  map.querySelectorAll('g.edge').forEach(function (g) {
    var m = /^t(\d+)_(\d+)_([pnz])_\d+$/.exec(g.id);
    if (!m) return;
    edges.push({ el: g, from: +m[1], to: +m[2] });
    if (m[3] === 'n') g.classList.add('hostile');
  });

  // Focus: an actor, its ties and its neighbours stay; the rest dims; the card explains it.
  var focused = null;
  function el(tag, text, cls) { var e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; }
  function fmt(x) { return x === null || x === undefined ? '—' : (Math.abs(x) >= 1e-4 || x === 0 ? (+x.toFixed(6)).toString() : x.toExponential(3)); }
  function showCard(i) {
    var a = data.actors[i];
    card.textContent = '';
    card.appendChild(el('h4', a.name));
    card.appendChild(el('div', a.id + ' · ' + a.kind, 'small'));
    a.attributes.forEach(function (kv) { card.appendChild(el('div', kv[0] + ': ' + kv[1], 'small')); });
    var t = el('table'), head = t.createTHead().insertRow();
    ['measure', 'value', 'rank'].forEach(function (h) { head.appendChild(el('th', h)); });
    var body = t.createTBody();
    data.measures.forEach(function (m, k) {
      var r = body.insertRow();
      r.appendChild(el('td', m.name));
      r.appendChild(el('td', fmt(a.scores[k]), 'num'));
      r.appendChild(el('td', a.ranks[k] + ' of ' + data.actors.length, 'num'));
    });
    card.appendChild(t);
    var facts = [];
    if (a.camp !== null && a.camp !== undefined) facts.push('balance camp ' + (a.camp === 0 ? 'A' : 'B'));
    if (a.community !== null && a.community !== undefined) facts.push('community ' + (a.community + 1));
    if (facts.length) card.appendChild(el('div', facts.join(' · '), 'small'));
    var ties = data.relations.filter(function (r) { return r.from === a.id || r.to === a.id; });
    card.appendChild(el('div', ties.length + ' relation' + (ties.length === 1 ? '' : 's') + ':', 'small'));
    var ul = el('ul');
    ties.slice(0, 40).forEach(function (r) {
      var period = r.since && r.until ? r.since + ' – ' + r.until : r.since ? 'since ' + r.since : r.until ? 'until ' + r.until : '';
      var li = el('li', r.from + (r.mutual ? ' ↔ ' : ' → ') + r.to + ' ' + r.type + ' (' + r.weight + ', ' + r.sign + ')' + (period ? ', ' + period : '') + (r.source ? ' [' + r.source + ']' : ''));
      if (r.sign === 'hostile') li.className = 'hostile';
      if (r.note) li.title = r.note;
      ul.appendChild(li);
    });
    if (ties.length > 40) ul.appendChild(el('li', '… and ' + (ties.length - 40) + ' more'));
    card.appendChild(ul);
    var clear = el('button', 'Clear focus');
    clear.addEventListener('click', function () { focus(null); });
    card.appendChild(clear);
    card.hidden = false;
    card.parentNode.classList.add('with-card');
  }
  function focus(i) {
    focused = i;
    map.classList.toggle('focused', i !== null);
    Object.keys(nodes).forEach(function (k) { nodes[k].classList.remove('on'); });
    edges.forEach(function (e) { e.el.classList.remove('on'); });
    if (i === null) { card.hidden = true; card.parentNode.classList.remove('with-card'); return; }
    if (nodes[i]) nodes[i].classList.add('on');
    edges.forEach(function (e) {
      if (e.from === i || e.to === i) {
        e.el.classList.add('on');
        var other = e.from === i ? e.to : e.from;
        if (nodes[other]) nodes[other].classList.add('on');
      }
    });
    showCard(i);
    document.dispatchEvent(new CustomEvent('statecraft:focus', { detail: data.actors[i].id }));
  }
  Object.keys(nodes).forEach(function (k) {
    nodes[k].addEventListener('click', function (e) { e.preventDefault(); e.stopPropagation(); focus(focused === +k ? null : +k); });
  });
  document.querySelectorAll('a.actor').forEach(function (a) {
    a.addEventListener('click', function (e) {
      var i = byId[a.getAttribute('data-actor')];
      if (i === undefined) return;
      e.preventDefault();
      focus(i);
      map.scrollIntoView({ behavior: 'smooth', block: 'start' });
    });
  });
  map.addEventListener('click', function (e) { if (!e.target.closest('g.node')) focus(null); });

  // Colour toggles: camps or communities fill the nodes; a key names what each colour means.
  var shapes = {};
  Object.keys(nodes).forEach(function (k) {
    shapes[k] = Array.prototype.filter.call(nodes[k].querySelectorAll('polygon, ellipse, path'), function (s) {
      var f = s.getAttribute('fill'); return f && f !== 'none' && f !== 'transparent';
    });
  });
  var campFills = ['#9ecae1', '#fdae6b'];
  var communityFills = ['#a6cee3', '#fdbf6f', '#b2df8a', '#cab2d6', '#fb9a99', '#ffff99', '#d9d9d9', '#8dd3c7', '#bebada', '#fccde5'];
  function paint(label, fills, names) {
    keyline.textContent = '';
    Object.keys(nodes).forEach(function (k) {
      var g = label ? label(+k) : null;
      shapes[k].forEach(function (s) { s.style.fill = g === null || g === undefined ? '' : fills[g % fills.length]; });
    });
    if (!names) return;
    keyline.appendChild(document.createTextNode(names.title + ':'));
    names.groups.forEach(function (n, g) {
      var sw = el('span', undefined, 'swatch'); sw.style.background = fills[g % fills.length];
      keyline.appendChild(sw);
      keyline.appendChild(document.createTextNode(n));
    });
  }
  var colour = document.querySelectorAll('input[name="colour"]');
  colour.forEach(function (input) {
    input.addEventListener('change', function () {
      if (input.value === 'camps' && data.balance) {
        paint(function (i) { return data.actors[i].camp; }, campFills, {
          title: 'Balance camps (the split that breaks fewest ties)',
          groups: data.balance.camps.map(function (c, k) { return (k === 0 ? 'Camp A: ' : 'Camp B: ') + c.slice(0, 12).map(function (id) { return byId[id] === undefined ? id : data.actors[byId[id]].name; }).join(', ') + (c.length > 12 ? ', … (' + c.length + ')' : ''); })
        });
      } else if (input.value === 'communities' && data.communities) {
        paint(function (i) { return data.actors[i].community; }, communityFills, {
          title: 'Louvain communities',
          groups: data.communities.members.map(function (m, k) { return (k + 1) + ': ' + m.slice(0, 6).map(function (id) { return data.actors[byId[id]].name; }).join(', ') + (m.length > 6 ? ', …' : ''); })
        });
      } else {
        paint(null, [], null);
      }
    });
  });
  var hostile = document.getElementById('hostile-only');
  if (hostile) hostile.addEventListener('change', function () { map.classList.toggle('hostile-only', hostile.checked); });
  }
  window.statecraftPage = { init: init };
  init();
})();
"""#
}
