/* 事项筛选：按关键词、公开方式、公开对象显示或隐藏表格行。不联网；关闭脚本时页面内容完整。
 * 隐藏的行从表格中移出，合并单元格（rowspan）按仍显示的行重新计算，所以一级事项等合并格始终可见。 */
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
      var search = texts.join(' ') + ' ' + (tr.getAttribute('data-method') || '') + ' ' + (tr.getAttribute('data-audience') || '');
      rows.push({ tr: tr, grid: line, search: search.toLowerCase(), method: words(tr.getAttribute('data-method') || ''), audience: words(tr.getAttribute('data-audience') || '') });
    }
    total += rows.length;
    var section = table.parentNode && table.parentNode.parentNode;
    return { body: body, rows: rows, empty: section ? section.querySelector('[data-empty]') : null };
  }

  function matches(row, terms, m, a) {
    if (m && row.method.indexOf(m) < 0) return false;
    if (a && row.audience.indexOf(a) < 0) return false;
    for (var i = 0; i < terms.length; i++) if (row.search.indexOf(terms[i]) < 0) return false;
    return true;
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
  }

  function apply() {
    var terms = words(text.value);
    var count = 0;
    tables.forEach(function (t) {
      var visible = t.rows.filter(function (row) { return matches(row, terms, method.value, audience.value); });
      count += visible.length;
      layout(t, visible);
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
