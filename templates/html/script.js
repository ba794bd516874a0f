/* 事项筛选：按关键词、公开方式、公开对象显示或隐藏表格行。不联网；关闭脚本时页面内容完整。
 * 隐藏的行从表格中移出，合并单元格（rowspan）按仍显示的行重新计算，所以一级事项等合并格始终可见。
 * 关键词也查目录名称和领域；命中的字用 <mark> 标出；没有命中的目录只留标题和一句说明。
 * 打印和手机上显示的逐行副本（data-flat）跟着一起筛选。 */
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

  function words(s) {
    return s.toLowerCase().split(/\s+/).filter(function (w) { return w !== ''; });
  }

  // Build each table's grid: for every row and column, the cell that covers it (its own or a merged one above).
  function prepare(table) {
    var body = table.tBodies[0];
    var catalog = (table.getAttribute('data-search') || '').toLowerCase();
    var columns = table.querySelectorAll('col').length;
    var rows = [];
    var above = [];
    var left = [];
    for (var r = 0; r < body.rows.length; r++) {
      var tr = body.rows[r];
      var cells = tr.cells;
      var k = 0;
      var line = [];
      var texts = [];
      for (var c = 0; c < columns; c++) {
        var cell;
        if (left[c] > 0) {
          cell = above[c];
          left[c]--;
        } else {
          cell = cells[k++];
          if (!cell) break;
          above[c] = cell;
          left[c] = cell.rowSpan - 1;
        }
        line.push(cell);
        if (cell.tagName !== 'TH') texts.push(cell.textContent);
      }
      var search = catalog + ' ' + texts.join(' ') + ' ' + (tr.getAttribute('data-method') || '') + ' ' + (tr.getAttribute('data-audience') || '');
      rows.push({ tr: tr, grid: line, search: search.toLowerCase(), method: words(tr.getAttribute('data-method') || ''), audience: words(tr.getAttribute('data-audience') || '') });
    }
    total += rows.length;
    var section = table.parentNode && table.parentNode.parentNode;
    var flat = section ? section.querySelector('table[data-flat]') : null;
    var copies = flat && flat.tBodies.length > 0 ? flat.tBodies[0].rows : [];
    for (var f = 0; f < rows.length; f++) rows[f].copy = copies[f] || null;
    return { body: body, rows: rows, section: section, empty: section ? section.querySelector('[data-empty]') : null };
  }

  function matches(row, terms, m, a) {
    if (m && row.method.indexOf(m) < 0) return false;
    if (a && row.audience.indexOf(a) < 0) return false;
    for (var i = 0; i < terms.length; i++) if (row.search.indexOf(terms[i]) < 0) return false;
    return true;
  }

  // Take the marks of the last search out of an element, leaving its text as it was.
  function unmark(el) {
    var marks = el.getElementsByTagName('mark');
    if (marks.length === 0) return;
    while (marks.length > 0) {
      var m = marks[0];
      m.parentNode.replaceChild(document.createTextNode(m.textContent), m);
    }
    el.normalize();
  }

  // Wrap every occurrence of the search words in el's text in <mark> (labels of the cards left alone).
  function mark(el, terms) {
    if (terms.length === 0) return;
    var nodes = [];
    (function collect(node) {
      for (var child = node.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === 3) nodes.push(child);
        else if (child.nodeType === 1 && child.className !== 'k') collect(child);
      }
    })(el);
    nodes.forEach(function (node) {
      var value = node.nodeValue;
      var lower = value.toLowerCase();
      if (lower.length !== value.length) return;
      var hits = [];
      terms.forEach(function (term) {
        for (var at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + term.length)) hits.push([at, at + term.length]);
      });
      if (hits.length === 0) return;
      hits.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
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
    });
  }

  // Lay out the visible rows again: each merged cell goes to the first visible row it covers and spans the visible rows it covers.
  function layout(t, visible) {
    var owned = visible.map(function () { return []; });
    for (var i = 0; i < visible.length; i++) {
      var grid = visible[i].grid;
      for (var c = 0; c < grid.length; c++) {
        var cell = grid[c];
        if (i > 0 && visible[i - 1].grid[c] === cell) {
          cell.rowSpan += 1;
        } else {
          cell.rowSpan = 1;
          owned[i].push(cell);
        }
      }
    }
    while (t.body.firstChild) t.body.removeChild(t.body.firstChild);
    visible.forEach(function (row, n) {
      while (row.tr.firstChild) row.tr.removeChild(row.tr.firstChild);
      owned[n].forEach(function (cell) {
        if (cell.rowSpan === 1) cell.removeAttribute('rowspan');
        row.tr.appendChild(cell);
      });
      t.body.appendChild(row.tr);
    });
    if (t.empty) t.empty.hidden = visible.length > 0 || t.rows.length === 0;
    if (t.section) {
      var none = visible.length === 0 && t.rows.length > 0;
      t.section.className = t.section.className.replace(/(^| )is-empty\b/g, '') + (none ? ' is-empty' : '');
    }
  }

  function apply() {
    var terms = words(text.value);
    var count = 0;
    tables.forEach(function (t) {
      var visible = t.rows.filter(function (row) {
        var shown = matches(row, terms, method.value, audience.value);
        if (row.copy) row.copy.hidden = !shown;
        return shown;
      });
      count += visible.length;
      layout(t, visible);
      visible.forEach(function (row) {
        row.grid.forEach(function (cell) { unmark(cell); });
        row.grid.forEach(function (cell) { if (cell.tagName !== 'TH') mark(cell, terms); });
        if (row.copy) {
          unmark(row.copy);
          mark(row.copy, terms);
        }
      });
    });
    shown.textContent = String(count);
  }

  var list = document.querySelectorAll('table[data-catalog]');
  for (var i = 0; i < list.length; i++) if (list[i].tBodies.length > 0) tables.push(prepare(list[i]));
  form.querySelector('[data-total]').textContent = String(total);
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (event) { event.preventDefault(); apply(); });
  form.addEventListener('reset', function () { setTimeout(apply, 0); });
  form.hidden = false;
  document.documentElement.className += ' js';
})();
