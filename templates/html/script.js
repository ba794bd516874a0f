/* 事项筛选：按关键词、公开方式、公开对象显示或隐藏表格行。不联网；关闭脚本时页面内容完整。
 * 隐藏的行从表格中移出，合并单元格（rowspan）按仍显示的行重新计算，所以一级事项等合并格始终可见。
 * 关键词也查目录名称、领域和一级事项；命中的字用 <mark> 标出，清除后原文不变；没有命中的目录整个收起。
 * 窄屏（手机卡片）时不合并单元格，每张卡片自带一级事项等合并的内容；打印时每行重复一级事项，
 * 所以每一页都写明它属于哪个一级事项（复制的格子带 rep 类）。 */
(function () {
  'use strict';
  var form = document.querySelector('[data-filters]');
  if (!form || !document.querySelectorAll) return;
  var text = form.elements.namedItem('q');
  var method = form.elements.namedItem('method');
  var audience = form.elements.namedItem('audience');
  var shown = form.querySelector('[data-shown]');
  var tables = [];
  var total = 0;
  var narrow = window.matchMedia ? window.matchMedia('(max-width: 600px)') : null;
  var print = window.matchMedia ? window.matchMedia('print') : null;
  var printing = false;
  // Which merged cells are repeated on every row they cover: none on screen; on a narrow screen all of them
  // (each row is a card); in print the 一级事项 only, so that rows stay short and a page that starts inside a
  // 一级事项 still names it.
  var flat = '';

  function words(s) {
    return s.toLowerCase().split(/\s+/).filter(function (w) { return w !== ''; });
  }

  // Build each table's grid: for every row and column, the cell that covers it (its own or a merged one above).
  function prepare(table) {
    var cols = table.querySelectorAll('col');
    var columns = cols.length;
    var level1 = -1;
    for (var n = 0; n < columns; n++) if (/(^| )level1( |$)/.test(cols[n].className)) level1 = n;
    var section = table.parentNode && table.parentNode.parentNode;
    var heading = section ? section.querySelector('h2') : null;
    var about = (table.caption ? table.caption.textContent : '') + ' ' + (table.getAttribute('data-domain') || '');
    var rows = [];
    var bodies = [];
    var above = [];
    var left = [];
    for (var b = 0; b < table.tBodies.length; b++) {
      var body = table.tBodies[b];
      bodies.push(body);
      for (var r = 0; r < body.rows.length; r++) {
        var tr = body.rows[r];
        var cells = tr.cells;
        var k = 0;
        var line = [];
        var own = [];
        var texts = [about];
        for (var c = 0; c < columns; c++) {
          var cell;
          var mine = !(left[c] > 0);
          if (!mine) {
            cell = above[c];
            left[c]--;
          } else {
            cell = cells[k++];
            if (!cell) break;
            above[c] = cell;
            left[c] = cell.rowSpan - 1;
          }
          line.push(cell);
          own.push(mine);
          if (cell.tagName !== 'TH') texts.push(cell.textContent);
        }
        var search = texts.join(' ') + ' ' + (tr.getAttribute('data-method') || '') + ' ' + (tr.getAttribute('data-audience') || '');
        rows.push({ tr: tr, body: body, grid: line, own: own, copies: [], search: search.toLowerCase(), method: words(tr.getAttribute('data-method') || ''), audience: words(tr.getAttribute('data-audience') || '') });
      }
    }
    total += rows.length;
    return { level1: level1, bodies: bodies, rows: rows, section: section, heading: heading, marked: [], empty: section ? section.querySelector('[data-empty]') : null };
  }

  function matches(row, terms, m, a) {
    if (m && row.method.indexOf(m) < 0) return false;
    if (a && row.audience.indexOf(a) < 0) return false;
    for (var i = 0; i < terms.length; i++) if (row.search.indexOf(terms[i]) < 0) return false;
    return true;
  }

  // Take the marks of the last search out of an element, leaving its text exactly as it was.
  function unmark(el) {
    var marks = el.getElementsByTagName('mark');
    if (marks.length === 0) return;
    while (marks.length > 0) {
      var m = marks[0];
      m.parentNode.replaceChild(document.createTextNode(m.textContent), m);
    }
    el.normalize();
  }

  // Wrap every occurrence of the search words in el's text in <mark>. Returns whether it marked anything.
  function mark(el, terms) {
    var nodes = [];
    (function collect(node) {
      for (var child = node.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === 3) nodes.push(child);
        else if (child.nodeType === 1) collect(child);
      }
    })(el);
    var any = false;
    nodes.forEach(function (node) {
      var value = node.nodeValue;
      var lower = value.toLowerCase();
      if (lower.length !== value.length) return;
      var hits = [];
      terms.forEach(function (term) {
        for (var at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + term.length)) hits.push([at, at + term.length]);
      });
      if (hits.length === 0) return;
      hits.sort(function (x, y) { return x[0] - y[0] || y[1] - x[1]; });
      var parts = document.createDocumentFragment();
      var done = 0;
      hits.forEach(function (hit) {
        if (hit[1] <= done) return;
        var start = Math.max(hit[0], done);
        if (start > done) parts.appendChild(document.createTextNode(value.slice(done, start)));
        var m = document.createElement('mark');
        m.textContent = value.slice(start, hit[1]);
        parts.appendChild(m);
        done = hit[1];
      });
      if (done < value.length) parts.appendChild(document.createTextNode(value.slice(done)));
      node.parentNode.replaceChild(parts, node);
      any = true;
    });
    return any;
  }

  // A merged cell repeated on a row it covers, for print and the phone's cards.
  function copyOf(row, c) {
    var copy = row.copies[c];
    if (!copy) {
      copy = row.grid[c].cloneNode(true);
      copy.removeAttribute('rowspan');
      copy.className += ' rep';
      unmark(copy);
      row.copies[c] = copy;
    }
    return copy;
  }

  // Lay out the visible rows again. Merged: each merged cell goes to the first visible row it covers and spans
  // the visible rows it covers. Flat: every row holds a cell for every column, a copy where a merge covers it.
  function layout(t, visible) {
    var owned = visible.map(function () { return []; });
    for (var i = 0; i < visible.length; i++) {
      var row = visible[i];
      var grid = row.grid;
      for (var c = 0; c < grid.length; c++) {
        var cell = grid[c];
        if (flat === 'all' || (flat === 'level1' && c === t.level1)) {
          if (row.own[c]) {
            cell.rowSpan = 1;
            owned[i].push(cell);
          } else owned[i].push(copyOf(row, c));
        } else if (i > 0 && visible[i - 1].grid[c] === cell) {
          cell.rowSpan += 1;
        } else {
          cell.rowSpan = 1;
          owned[i].push(cell);
        }
      }
    }
    t.bodies.forEach(function (body) {
      while (body.firstChild) body.removeChild(body.firstChild);
    });
    visible.forEach(function (row, n) {
      while (row.tr.firstChild) row.tr.removeChild(row.tr.firstChild);
      owned[n].forEach(function (cell) {
        if (cell.rowSpan === 1) cell.removeAttribute('rowspan');
        row.tr.appendChild(cell);
      });
      row.body.appendChild(row.tr);
    });
    return owned;
  }

  function apply() {
    var terms = words(text.value);
    var count = 0;
    flat = printing || (print && print.matches) ? 'level1' : narrow && narrow.matches ? 'all' : '';
    tables.forEach(function (t) {
      var visible = t.rows.filter(function (row) { return matches(row, terms, method.value, audience.value); });
      count += visible.length;
      var owned = layout(t, visible);
      t.marked.forEach(unmark);
      t.marked = [];
      if (terms.length > 0) {
        if (t.heading && mark(t.heading, terms)) t.marked.push(t.heading);
        owned.forEach(function (cells) {
          cells.forEach(function (cell) {
            if (cell.tagName !== 'TH' && mark(cell, terms)) t.marked.push(cell);
          });
        });
      }
      // A catalog with nothing to show folds away; on a page of one catalog, it says so instead.
      var none = visible.length === 0 && t.rows.length > 0;
      if (t.section && tables.length > 1) t.section.hidden = none;
      else if (t.empty) t.empty.hidden = !none;
    });
    shown.textContent = String(count);
  }

  function listen(query) {
    if (!query) return;
    if (query.addEventListener) query.addEventListener('change', apply);
    else if (query.addListener) query.addListener(apply);
  }

  var list = document.querySelectorAll('table[data-catalog]');
  for (var i = 0; i < list.length; i++) if (list[i].tBodies.length > 0) tables.push(prepare(list[i]));
  form.querySelector('[data-total]').textContent = String(total);
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (event) { event.preventDefault(); apply(); });
  form.addEventListener('reset', function () { setTimeout(apply, 0); });
  listen(narrow);
  listen(print);
  window.addEventListener('beforeprint', function () { printing = true; apply(); });
  window.addEventListener('afterprint', function () { printing = false; apply(); });
  if (narrow && narrow.matches) apply();
  form.hidden = false;
  document.documentElement.className += ' js';
})();
