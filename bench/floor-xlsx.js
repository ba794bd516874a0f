#!/usr/bin/env node
// The render floor: what "parse, flatten, write a bare workbook" costs. Parses every .yaml file under
// a directory with js-yaml (CommonJS build, CORE_SCHEMA, as src/load/parse-fast.ts), flattens every
// leaf item (二级事项) into one row of string cells — the same columns as zwgk's table: 序号, 事项编码
// (when the file has codes), 一级事项, 二级事项, content, basis, time_limit, subject, channels, two
// audience ticks, two method ticks, one tick per level column, extra columns — and writes the rows
// with a bare exceljs streaming WorkbookWriter (one worksheet per file; no styles, no merges, no
// shared strings, no title or header rows) to the output file. Prints the number of rows.
//
//   node bench/floor-xlsx.js <dir> -o <out.xlsx>
//   node bench/floor-xlsx.js <dir> --parse-only      parse and flatten, write nothing
//
// Inheritance is the plain kind (defaults → 一级 → 二级, a set value replaces the inherited one;
// `extra` per key), which is all the generated sets use. No validation: the input is assumed valid.
// The channel cell is the same ■/□ checklist text zwgk prints by default, so both write about the
// same amount of text.

import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
// The CommonJS build, as zwgk loads it (faster than the ESM build).
const jsyaml = require('js-yaml');

const args = process.argv.slice(2);
const parseOnly = args.includes('--parse-only');
const outAt = args.indexOf('-o');
const out = outAt >= 0 ? args[outAt + 1] : undefined;
const dir = args.find((a, i) => !a.startsWith('-') && (outAt < 0 || i !== outAt + 1));
if (!dir || (!parseOnly && !out)) {
  console.error('usage: node bench/floor-xlsx.js <dir> (-o <out.xlsx> | --parse-only)');
  process.exit(2);
}

// A copy of STANDARD_CHANNELS (src/catalog/vocabulary.ts), without 其他.
const STANDARD = [
  '政府网站',
  '政府公报',
  '两微一端',
  '发布会/听证会',
  '广播电视',
  '纸质媒体',
  '公开查阅点',
  '政务服务中心',
  '便民服务站',
  '入户/现场',
  '社区/企事业单位/村公示栏(电子屏)',
  '精准推送',
];
const FIELDS = [
  'content',
  'basis',
  'time_limit',
  'subject',
  'channels',
  'other_channels',
  'audience',
  'specific_group',
  'method',
  'levels',
];
const TICK = '√';

const list = (v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

function inherit(base, node) {
  const fields = { ...base, extra: { ...base.extra } };
  for (const key of FIELDS)
    if (node[key] !== undefined && node[key] !== null && node[key] !== '') fields[key] = node[key];
  if (node.extra) Object.assign(fields.extra, node.extra);
  return fields;
}

function channelText(channels, others) {
  const extra = channels.filter((c) => c !== '其他' && !STANDARD.includes(c));
  const boxes = [...STANDARD, ...extra].map((c) => `${channels.includes(c) ? '■' : '□'}${c}`);
  boxes.push(
    `${channels.includes('其他') || others.length > 0 ? '■' : '□'}其他${others.length > 0 ? `:${others.join('、')}` : ''}`,
  );
  const lines = [];
  for (let i = 0; i < boxes.length; i += 2) lines.push(boxes.slice(i, i + 2).join(' '));
  return lines.join('\n');
}

/** One catalog as rows of cells (strings, or null for an empty cell). */
function flatten(data) {
  const levels = list(data.level_columns);
  const extras = list(data.extra_columns);
  const items = Array.isArray(data.items) ? data.items : [];
  const hasCodes = items.some((p) => p.code || (p.items ?? []).some((c) => c.code));
  const base = inherit({ extra: {} }, data.defaults ?? {});
  const rows = [];
  for (const parent of items) {
    const pf = inherit(base, parent);
    for (const child of parent.items?.length ? parent.items : [undefined]) {
      const f = child ? inherit(pf, child) : pf;
      const audience = list(f.audience);
      const method = list(f.method);
      const levelSet = list(f.levels);
      const cells = [
        String(rows.length + 1),
        ...(hasCodes ? [(child ? child.code : parent.code) ?? ''] : []),
        // A parent's code leads its (merged) name, as in zwgk's table.
        child && parent.code ? `${parent.code} ${parent.name}` : (parent.name ?? ''),
        child?.name ?? '',
        list(f.content).join('\n'),
        list(f.basis).join('\n'),
        f.time_limit ?? '',
        f.subject ?? '',
        channelText(list(f.channels), list(f.other_channels)),
        audience.includes('全社会') ? TICK : '',
        audience.includes('特定群体') ? (f.specific_group ? `${TICK}（${f.specific_group}）` : TICK) : '',
        method.includes('主动') ? TICK : '',
        method.includes('依申请') ? TICK : '',
        ...levels.map((l) => (levelSet.includes(l) ? TICK : '')),
        ...extras.map((e) => f.extra[e] ?? ''),
      ];
      rows.push(cells.map((c) => (c === '' ? null : String(c))));
    }
  }
  return { name: String(data.domain ?? data.unit ?? 'sheet'), rows };
}

const files = readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
  .map((e) => join(e.parentPath ?? e.path, e.name))
  .sort();

let count = 0;
if (parseOnly) {
  for (const file of files)
    count += flatten(jsyaml.load(readFileSync(file, 'utf8'), { schema: jsyaml.CORE_SCHEMA })).rows.length;
} else {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out });
  files.forEach((file, i) => {
    const { name, rows } = flatten(jsyaml.load(readFileSync(file, 'utf8'), { schema: jsyaml.CORE_SCHEMA }));
    // Sheet names must be unique and at most 31 characters.
    const sheet = workbook.addWorksheet(`${i + 1} ${name}`.slice(0, 31));
    for (const cells of rows) sheet.addRow(cells).commit();
    sheet.commit();
    count += rows.length;
  });
  await workbook.commit();
}
console.log(count);
