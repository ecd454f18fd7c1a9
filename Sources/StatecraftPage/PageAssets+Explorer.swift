extension PageAssets {
  /// The explorer's script: fills the edit panel from the page's data, sends each change to
  /// the server it came from (`POST /api/act`, JSON), swaps in the recomputed sections and
  /// calls the page script's `init()` again. It never writes world text as HTML: lists are
  /// built with `textContent`, and the sections come from the server already escaped.
  static let explorerScript = #"""
(function () {
  'use strict';
  function $(id) { return document.getElementById(id); }
  function data() { return JSON.parse($('briefing-data').textContent); }
  var SIGNS = { p: 'cooperative', n: 'hostile', z: 'neutral' };
  var picked = null, focused = null, shown = [];
  // The last edit sent: an update keeps its relation where it was, a removal of the chosen
  // tie leaves none chosen (the tie form's `panel()` reads it).
  var lastEdit = null;
  // Whether the date slider moved since the lens was applied (otherwise "Apply lens" keeps
  // the lens's own date, which may be a day or a year the month slider cannot show).
  var dateMoved = false;
  var session = encodeURIComponent(document.querySelector('meta[name="statecraft-session"]').getAttribute('content'));
  $('x-save').href = '/api/scenario.yaml?session=' + session;
  $('x-report').href = '/api/report.html?session=' + session;

  function status(text, bad) { var s = $('x-status'); s.textContent = text; s.className = bad ? 'small bad' : 'small'; }
  function option(select, value, label) { var o = document.createElement('option'); o.value = value; o.textContent = label; select.appendChild(o); return o; }
  function fill(select, items, keep) {
    var old = select.value;
    select.textContent = '';
    items.forEach(function (it) { option(select, it[0], it[1]); });
    if (keep && old) select.value = old;
  }

  // The geographic map's outline the page shows: answers with the same outline leave its
  // paths out (70 KB on the seed) and the page puts back the one it kept under that name (the
  // last few, so an answer to a request sent before the outline changed still finds it).
  var outlines = {}, outlineOrder = [];
  function shownOutline() {
    var g = document.querySelector('main .map.geo g.outline');
    return g && g.firstElementChild ? g.getAttribute('data-outline') : null;
  }
  function keepOutline() {
    var name = shownOutline();
    if (!name) return;
    if (!outlines[name]) outlineOrder.push(name);
    outlines[name] = document.querySelector('main .map.geo g.outline');
    while (outlineOrder.length > 4) delete outlines[outlineOrder.shift()];
  }
  function restoreOutline(main) {
    var fresh = main.querySelector('.map.geo g.outline');
    if (!fresh || fresh.firstElementChild) return;
    var kept = outlines[fresh.getAttribute('data-outline')];
    if (kept) fresh.replaceWith(kept);
  }

  function send(body) {
    if (body.action !== 'wait') { status('Recomputing…'); lastEdit = body.action === 'edit' ? body : null; }
    var outline = shownOutline();
    if (outline) body.outline = outline;
    return fetch('/api/act?session=' + session, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) { return r.json(); })
      .then(function (res) {
        if (res.error) { status(res.error, true); return res; }
        // Past the server's time limit: nothing changed yet; collect the answer when ready.
        if (res.working) { status(res.message); return send({ action: 'wait' }); }
        if (res.main !== undefined || res.sections !== undefined) update(res); else if (res.edits) panel(res);
        if (res.comparison !== undefined) { $('x-comparison').innerHTML = res.comparison; }
        status(res.message || 'Updated.');
        // A big world answers first without its all-pairs measures; fetch them now.
        if (res.pending) { status((res.message || 'Updated.') + ' Betweenness, closeness, leverage and the maps follow…'); return send({ action: 'complete' }); }
        return res;
      })
      .catch(function (e) { status('The server did not answer (' + e + '); is statecraft serve still running?', true); });
  }

  // The section at the top of the window (by id) and where it is on the screen: an answer
  // keeps it there, though what is above it grew or shrank (the what-if banner, a longer
  // list of findings moved the map down the screen by the banner's height).
  function sectionInView() {
    var el = Array.prototype.filter.call(document.querySelectorAll('main > [id]'), function (e) { return e.getBoundingClientRect().bottom > 0; })[0];
    return el ? { id: el.id, top: el.getBoundingClientRect().top } : null;
  }

  function update(res) {
    var y = window.scrollY, seen = sectionInView();
    // A comparison shown is of states the menus no longer offer the same way: drop it.
    $('x-comparison').textContent = '';
    var main = document.querySelector('main');
    if (res.sections !== undefined) {
      // A quick answer: swap in the sections it recomputed, mark the others as updating
      // (re-created from their own markup, so init() binds each element once), merge data.
      var fresh = document.createElement('template');
      fresh.innerHTML = res.sections;
      var replaced = {};
      Array.prototype.slice.call(fresh.content.children).forEach(function (el) {
        var old = document.getElementById(el.id);
        if (old) { old.replaceWith(el); replaced[el.id] = true; }
      });
      Array.prototype.slice.call(main.children).forEach(function (el) {
        if (el.tagName !== 'SECTION' || replaced[el.id]) return;
        var copy = el.cloneNode(true);
        copy.classList.add('updating');
        el.replaceWith(copy);
      });
      var d = data(), part = JSON.parse(res.data);
      Object.keys(part).forEach(function (k) { d[k] = part[k]; });
      $('briefing-data').textContent = JSON.stringify(d);
    } else {
      keepOutline();
      main.innerHTML = res.main;
      restoreOutline(main);
      $('briefing-data').textContent = res.data;
    }
    window.statecraftPage.init();
    window.scrollTo(0, y);
    var again = seen && document.getElementById(seen.id);
    if (again) window.scrollBy(0, again.getBoundingClientRect().top - seen.top);
    panel(res);
  }

  // The panel's lists follow the world: actors, types, edits, states, undo and redo.
  function panel(res) {
    var d = data();
    var actors = d.actors.map(function (a) { return [a.id, a.name + ' (' + a.id + ')']; });
    fill($('x-from'), actors, true);
    var to = $('x-to').value;
    fill($('x-to'), actors, true);
    // A new relation's ends start on two different actors.
    if (!to && actors.length > 1) $('x-to').value = actors[1][0];
    var types = d.types.map(function (t) { return [t, t]; });
    fill($('x-add-type'), types, true);
    fill($('x-type'), types, true);
    var chosen = d.header.lens.types || [];
    fill($('x-types'), types, false);
    Array.prototype.forEach.call($('x-types').options, function (o) { o.selected = chosen.indexOf(o.value) >= 0; });
    $('x-lens-sign').value = d.header.lens.sign === 'signed' ? 'absolute' : d.header.lens.sign;
    $('x-combine').value = d.header.lens.combine;
    dateFromLens(d);
    // An actor an edit or undo removed can no longer be removed.
    if (focused && !d.actors.some(function (a) { return a.id === focused; })) focus(null);
    if (res && res.edits) {
      // The answer lists the last steps; `steps` counts them all (the states to compare).
      var count = res.steps !== undefined ? res.steps : res.edits.length;
      var list = $('x-edits');
      list.textContent = '';
      var line = function (text) { var li = document.createElement('li'); li.textContent = text; list.appendChild(li); return li; };
      var earlier = count - res.edits.length;
      if (earlier > 0) line('… ' + earlier + ' earlier edit' + (earlier === 1 ? '' : 's') + ' (all in the saved scenario)').style.listStyle = 'none';
      res.edits.forEach(function (e, i) { line(e).value = earlier + i + 1; });
      if (!count) line('none yet');
      $('x-undo').disabled = !res.canUndo;
      $('x-redo').disabled = !res.canRedo;
      var states = [['0', 'the unedited world']];
      for (var i = 1; i <= count; i++) states.push([String(i), 'after edit ' + i]);
      fill($('x-a'), states, false);
      fill($('x-b'), states, false);
      $('x-a').value = '0';
      $('x-b').value = String(count);
    }
    picked = null;
    // Keep the tie form on the relations it showed, where they still exist. They are found
    // by what they are, not by index: removing or un-adding a relation shifts the indices
    // after it, and the form then offered another tie (one click from removing the wrong one).
    var was = $('x-relation').value;
    var keep = was === '' ? null : keyOf[+was];  // the world before
    var keys = relationKeys(d.relations);
    var wanted = shown;
    if (lastEdit && String(lastEdit.relation) === was && keep) {
      // The chosen tie itself was edited. Removed: none stays chosen (a tie with the same ends
      // and type takes its key), and undo lists it again. Updated in place (its type, and
      // with it its key, may have changed): it stays chosen under its new key.
      var now = lastEdit.op === 'update' ? keys[+was] : null;
      if (now) wanted = wanted.map(function (k) { return k === keep ? now : k; });
      keep = now;
    }
    var still = d.relations.filter(function (r) { return wanted.indexOf(keys[r.index]) >= 0; });
    showTie(still, keys);
    shown = wanted;  // a tie an edit removed comes back to the list when undo restores it
    var again = still.filter(function (r) { return keys[r.index] === keep; })[0];
    if (again) { $('x-relation').value = String(again.index); chooseRelation(); }
    else if (still.length) {
      // The chosen tie is gone (or none was): choose none rather than the next in the list.
      option($('x-relation'), '', keep ? '— that tie is gone; choose one —' : '— choose a tie —');
      $('x-relation').insertBefore($('x-relation').lastChild, $('x-relation').firstChild);
      $('x-relation').value = '';
      tieForm(false);
    }
    bindMap();
  }

  // What a relation is across edits: its ends and type, and which of the relations with the
  // same ends and type it is (in file order). `keyOf` holds the keys of the world shown.
  var keyOf = {};
  function relationKeys(relations) {
    var seen = {}, keys = {};
    relations.forEach(function (r) {
      var base = r.from + '\u0001' + r.to + '\u0001' + r.type;
      seen[base] = (seen[base] || 0) + 1;
      keys[r.index] = base + '\u0001' + seen[base];
    });
    return keys;
  }

  // The date slider from the lens the page was computed through (after undo or a lens that
  // failed, the slider showed a date the numbers were not for).
  function dateFromLens(d) {
    var date = d.header.lens.date, i = 0;
    var month = date && (date.length >= 7 ? date.slice(0, 7) : date + '-12');  // a year: its last month
    if (date) d.months.forEach(function (m, k) { if (m <= month) i = k + 1; });
    $('x-date').max = String(d.months.length);
    $('x-date').value = String(i);
    dateMoved = false;
    dateLabel();
    if (date && d.months[i - 1] !== date) $('x-date-label').textContent = date;  // the lens's own date
  }

  function focus(id) {
    focused = id;
    $('x-remove-actor').disabled = !focused;
    $('x-remove-actor').textContent = focused ? 'Remove ' + focused : 'Remove focused actor';
  }

  function dateLabel() {
    var d = data(), i = +$('x-date').value;
    $('x-date-label').textContent = i === 0 ? 'every date' : d.months[i - 1];
    $('x-date').max = String(d.months.length);
    $('x-date').disabled = d.months.length === 0;
  }

  // The relations behind a drawn tie (or an actor's ties) become the choices of the tie form.
  // `keys`: the relation keys of the world shown, when the caller has them (parsing the page's
  // data again costs megabytes on a big world).
  function showTie(relations, keys) {
    keyOf = keys || relationKeys(data().relations);
    shown = relations.map(function (r) { return keyOf[r.index]; });
    var select = $('x-relation');
    select.textContent = '';
    relations.forEach(function (r) {
      option(select, String(r.index), r.from + (r.mutual ? ' ↔ ' : ' → ') + r.to + ' ' + r.type + ' (' + r.weight + ')');
    });
    $('x-tie-help').hidden = relations.length > 0;
    $('x-relation').disabled = relations.length === 0;
    tieForm(relations.length > 0);
    chooseRelation();
  }

  // The tie form's fields and buttons, usable only with a tie chosen.
  function tieForm(on) {
    ['x-apply', 'x-remove', 'x-weight', 'x-weight-range', 'x-sign', 'x-type'].forEach(function (id) { $(id).disabled = !on; });
  }

  function current() {
    if ($('x-relation').value === '') return undefined;
    var i = +$('x-relation').value;
    return data().relations.filter(function (r) { return r.index === i; })[0];
  }

  function chooseRelation() {
    var r = current();
    if (!r) return;
    $('x-weight').value = r.weight;
    $('x-weight-range').max = String(Math.max(2, 2 * r.weight));
    $('x-weight-range').value = String(r.weight);
    $('x-sign').value = r.sign;
    $('x-type').value = r.type;
  }

  function bindMap() {
    var d = data();
    document.querySelectorAll('.map.main g.edge').forEach(function (g) {
      var m = /^t(\d+)_(\d+)_([pnz])_\d+$/.exec(g.id);
      if (!m) return;
      g.addEventListener('click', function (e) {
        e.stopPropagation();
        var from = d.actors[+m[1]].id, to = d.actors[+m[2]].id, sign = SIGNS[m[3]];
        if (picked) picked.classList.remove('picked');
        picked = g;
        g.classList.add('picked');
        showTie(d.relations.filter(function (r) { return r.from === from && r.to === to && r.sign === sign; }));
        status('Tie ' + from + ' → ' + to + ' selected.');
      });
    });
  }

  document.addEventListener('statecraft:focus', function (e) {
    focus(e.detail);
    showTie(data().relations.filter(function (r) { return r.from === focused || r.to === focused; }));
  });

  $('x-relation').addEventListener('change', function () { tieForm($('x-relation').value !== ''); chooseRelation(); });
  $('x-weight-range').addEventListener('input', function () { $('x-weight').value = $('x-weight-range').value; });
  // Letting go of the slider applies the weight at once: drag, release, read the numbers.
  $('x-weight-range').addEventListener('change', function () {
    var r = current();
    if (r) send({ action: 'edit', op: 'update', relation: r.index, weight: +$('x-weight-range').value });
  });
  $('x-apply').addEventListener('click', function () {
    var r = current();
    if (r) send({ action: 'edit', op: 'update', relation: r.index, weight: +$('x-weight').value, sign: $('x-sign').value, type: $('x-type').value });
  });
  $('x-remove').addEventListener('click', function () {
    var r = current();
    if (r) send({ action: 'edit', op: 'remove', relation: r.index });
  });
  $('x-add').addEventListener('click', function () {
    send({ action: 'edit', op: 'add', from: $('x-from').value, to: $('x-to').value, type: $('x-add-type').value,
           weight: +$('x-add-weight').value, mutual: $('x-mutual').checked });
  });
  $('x-add-actor').addEventListener('click', function () {
    send({ action: 'edit', op: 'add-actor', id: $('x-actor-id').value.trim(), name: $('x-actor-name').value.trim(), kind: $('x-actor-kind').value })
      .then(function (res) { if (res && !res.error) { $('x-actor-id').value = ''; $('x-actor-name').value = ''; } });
  });
  $('x-remove-actor').addEventListener('click', function () { if (focused) send({ action: 'edit', op: 'remove-actor', id: focused }); });
  $('x-undo').addEventListener('click', function () { send({ action: 'undo' }); });
  $('x-redo').addEventListener('click', function () { send({ action: 'redo' }); });
  $('x-relayout').addEventListener('click', function () { send({ action: 'relayout' }); });
  $('x-date').addEventListener('input', function () { dateMoved = true; dateLabel(); });
  $('x-lens').addEventListener('click', function () {
    var d = data(), i = +$('x-date').value;
    var types = Array.prototype.filter.call($('x-types').options, function (o) { return o.selected; }).map(function (o) { return o.value; });
    var date = dateMoved ? (i === 0 ? '' : d.months[i - 1]) : (d.header.lens.date || '');
    send({ action: 'lens', date: date, sign: $('x-lens-sign').value, combine: $('x-combine').value, types: types });
  });
  $('x-compare').addEventListener('click', function () { send({ action: 'compare', a: +$('x-a').value, b: +$('x-b').value }); });

  send({ action: 'state' });
})();
"""#
}
