import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflatedSpaces, workbookParts, zipPackage } from './xlsx-package.js';

/**
 * The bad-input corpus: every kind of input a clerk, a careless script or a hostile file can hand zwgk.
 * Text cases are files in test/fixtures/bad/ (open them to see the case); the rest — encodings, binary,
 * huge and deep files, FIFOs, symlinks, broken configs — are built here into a case's own folder.
 */

const FIXTURES = join(import.meta.dirname, '../fixtures/bad');
const CATALOGS = join(import.meta.dirname, '../../catalogs');
const BIN = join(import.meta.dirname, '../../bin/zwgk.js');

/** A clean catalog, for cases where the trouble is elsewhere (a config, an encoding). */
export const GOOD = readFileSync(join(CATALOGS, 'yiwu-jiaoyu.yaml'), 'utf8');
/** A clean application form. */
export const GOOD_FORM = readFileSync(join(CATALOGS, 'forms/zhutiri-jiaoyu-2024.yaml'), 'utf8');

export type InputKind = 'catalog' | 'form' | 'table';

export interface BadInput {
  /** The input's name inside its case folder: what the commands are given. */
  name: string;
  kind: InputKind;
  /** Build the input (and anything beside it) in `dir`. */
  make: (dir: string) => void;
  /** The exit code `zwgk validate <name>` must give. */
  validate: 0 | 1 | 2;
  /** Names besides `name` that messages may be about (a configuration file beside the input). */
  about?: string;
  /** A finding code (or the start of one) `zwgk validate` must report; omitted when the input cannot be named by one. */
  code?: RegExp;
  /** For tables: the exit code `zwgk import <name> -o <folder>` must give. */
  import?: 0 | 2;
  /** Also run `zwgk form check` (forms, and inputs that break every reader). */
  form?: boolean;
  /** Why the case cannot run here, if it cannot. */
  skip?: string;
}

const fixture = (file: string) => (dir: string) => copyFileSync(join(FIXTURES, file), join(dir, file));
const text = (name: string, content: string | Uint8Array) => (dir: string) => writeFileSync(join(dir, name), content);

let gbkTable: Map<string, number[]> | undefined;
/** Text as GBK bytes, as a Chinese Windows program saves it (Node has a GBK decoder but no encoder). */
export function gbk(s: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let a = 0x81; a <= 0xfe; a++) {
      for (let b = 0x40; b <= 0xfe; b++) {
        const ch = decoder.decode(Uint8Array.of(a, b));
        if (ch.length === 1 && !gbkTable.has(ch)) gbkTable.set(ch, [a, b]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else out.push(...(gbkTable.get(ch) ?? [0x3f]));
  }
  return Uint8Array.from(out);
}

function utf16(s: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 + i * 2] = bigEndian ? c >> 8 : c & 0xff;
    out[3 + i * 2] = bigEndian ? c & 0xff : c >> 8;
  }
  return out;
}

function utf32le(s: string): Uint8Array {
  const points = Array.from(s, (ch) => ch.codePointAt(0)!);
  const view = new DataView(new ArrayBuffer(4 + points.length * 4));
  view.setUint32(0, 0xfeff, true);
  points.forEach((p, i) => view.setUint32(4 + i * 4, p, true));
  return new Uint8Array(view.buffer);
}

/** Anchors nested under `items`: 1.5 KB that name 10^8 items. */
function aliasBomb(): string {
  const names = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬'];
  const lines = ['domain: 义务教育', 'unit: 青禾区教育局', 'items:', `  - &a0 {name: ${names[0]}, items: []}`];
  for (let i = 1; i < names.length; i++)
    lines.push(
      `  - &a${i} {name: ${names[i]}, items: [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]}`,
    );
  return lines.join('\n') + '\n';
}

/** `items` nested `depth` levels in block style, as a catalog writer would nest them. */
function deepItems(depth: number): string {
  const parts = ['domain: 义务教育\nunit: 青禾区教育局\nitems:\n'];
  for (let d = 0; d < depth; d++) {
    const pad = '  '.repeat(d);
    parts.push(`${pad}- name: 事项${d}\n${pad}  items:\n`);
  }
  parts.push(`${'  '.repeat(depth)}- name: 最后\n`);
  return parts.join('');
}

/** A mapping `depth` levels deep, one space more per level. */
function deepMapping(depth: number): string {
  const parts = ['domain: 义务教育\nunit: 青禾区教育局\nextra:\n'];
  for (let d = 1; d <= depth; d++) parts.push(`${' '.repeat(d)}k${d}:\n`);
  parts.push(`${' '.repeat(depth + 1)}v: 1\nitems: []\n`);
  return parts.join('');
}

/** A workbook whose one sheet claims 100 bytes and inflates without end (well past any limit). */
function zipBomb(megabytes: number): Uint8Array {
  return zipPackage(
    workbookParts('').map((part) =>
      part.name.endsWith('sheet1.xml') ? { ...part, deflated: deflatedSpaces(megabytes), declaredSize: 100 } : part,
    ),
  );
}

const isRoot = process.getuid?.() === 0;
const withGood = (config: string, content: string | Uint8Array) => ({
  name: 'ok.yaml',
  kind: 'catalog' as const,
  about: config,
  make: (dir: string) => {
    writeFileSync(join(dir, 'ok.yaml'), GOOD);
    writeFileSync(join(dir, config), content);
  },
});

/** Every case of the corpus. */
export const BAD_INPUTS: readonly BadInput[] = [
  // Empty and wrong shapes.
  { name: 'empty.yaml', kind: 'catalog', make: fixture('empty.yaml'), validate: 1, code: /^file\/empty$/, form: true },
  {
    name: 'comments-only.yaml',
    kind: 'catalog',
    make: fixture('comments-only.yaml'),
    validate: 1,
    code: /^file\/empty$/,
  },
  {
    name: 'top-level-list.yaml',
    kind: 'catalog',
    make: fixture('top-level-list.yaml'),
    validate: 1,
    code: /^schema\//,
    form: true,
  },
  {
    name: 'top-level-scalar.yaml',
    kind: 'catalog',
    make: fixture('top-level-scalar.yaml'),
    validate: 1,
    code: /^schema\//,
  },
  // Every class of YAML syntax error.
  {
    name: 'syntax-unclosed-quote.yaml',
    kind: 'catalog',
    make: fixture('syntax-unclosed-quote.yaml'),
    validate: 1,
    code: /^yaml\/syntax$/,
    form: true,
  },
  {
    name: 'syntax-unclosed-flow.yaml',
    kind: 'catalog',
    make: fixture('syntax-unclosed-flow.yaml'),
    validate: 1,
    code: /^yaml\/syntax$/,
  },
  {
    name: 'syntax-bad-indent.yaml',
    kind: 'catalog',
    make: fixture('syntax-bad-indent.yaml'),
    validate: 1,
    code: /^yaml\/syntax$/,
  },
  {
    name: 'syntax-nested-colon.yaml',
    kind: 'catalog',
    make: fixture('syntax-nested-colon.yaml'),
    validate: 1,
    code: /^yaml\/syntax$/,
  },
  {
    name: 'syntax-bad-escape.yaml',
    kind: 'catalog',
    make: fixture('syntax-bad-escape.yaml'),
    validate: 1,
    code: /^yaml\/syntax$/,
  },
  {
    name: 'syntax-mixed-levels.yaml',
    kind: 'catalog',
    make: fixture('syntax-mixed-levels.yaml'),
    validate: 1,
    code: /^yaml\/syntax$/,
  },
  {
    name: 'duplicate-key.yaml',
    kind: 'catalog',
    make: fixture('duplicate-key.yaml'),
    validate: 1,
    code: /^yaml\/duplicate-key$/,
  },
  {
    name: 'tab-indent.yaml',
    kind: 'catalog',
    make: fixture('tab-indent.yaml'),
    validate: 1,
    code: /^yaml\/tab-indent$/,
  },
  {
    name: 'undefined-alias.yaml',
    kind: 'catalog',
    make: fixture('undefined-alias.yaml'),
    validate: 1,
    code: /^yaml\//,
    form: true,
  },
  {
    name: 'multi-document.yaml',
    kind: 'catalog',
    make: fixture('multi-document.yaml'),
    validate: 1,
    code: /^yaml\/multiple-documents$/,
  },
  { name: 'foreign-tags.yaml', kind: 'catalog', make: fixture('foreign-tags.yaml'), validate: 1 },
  {
    name: 'merge-keys.yaml',
    kind: 'catalog',
    make: fixture('merge-keys.yaml'),
    validate: 1,
    code: /^schema\/unknown-property$/,
  },
  {
    name: 'proto-keys.yaml',
    kind: 'catalog',
    make: fixture('proto-keys.yaml'),
    validate: 1,
    code: /^schema\/unknown-property$/,
  },
  { name: 'terminal-escapes.yaml', kind: 'catalog', make: fixture('terminal-escapes.yaml'), validate: 1 },
  {
    name: 'zero-width.yaml',
    kind: 'catalog',
    make: fixture('zero-width.yaml'),
    validate: 0,
    code: /^text-whitespace$/,
  },
  // Line ends and encodings.
  { name: 'bom.yaml', kind: 'catalog', make: text('bom.yaml', `\ufeff${GOOD}`), validate: 0 },
  { name: 'crlf.yaml', kind: 'catalog', make: text('crlf.yaml', GOOD.replaceAll('\n', '\r\n')), validate: 0 },
  { name: 'lone-cr.yaml', kind: 'catalog', make: text('lone-cr.yaml', GOOD.replaceAll('\n', '\r')), validate: 0 },
  {
    name: 'utf16le.yaml',
    kind: 'catalog',
    make: text('utf16le.yaml', utf16(GOOD, false)),
    validate: 2,
    code: /^file\/encoding$/,
    form: true,
  },
  {
    name: 'utf16be.yaml',
    kind: 'catalog',
    make: text('utf16be.yaml', utf16(GOOD, true)),
    validate: 2,
    code: /^file\/encoding$/,
  },
  {
    name: 'utf32le.yaml',
    kind: 'catalog',
    make: text('utf32le.yaml', utf32le(GOOD)),
    validate: 2,
    code: /^file\/encoding$/,
  },
  {
    name: 'gbk.yaml',
    kind: 'catalog',
    make: text('gbk.yaml', gbk(GOOD)),
    validate: 2,
    code: /^file\/encoding$/,
    form: true,
  },
  {
    name: 'invalid-utf8.yaml',
    kind: 'catalog',
    make: text(
      'invalid-utf8.yaml',
      Buffer.concat([Buffer.from(GOOD.slice(0, 200)), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(GOOD.slice(200))]),
    ),
    validate: 2,
    code: /^file\/encoding$/,
  },
  {
    name: 'binary.yaml',
    kind: 'catalog',
    make: text('binary.yaml', Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.alloc(512, 7)])),
    validate: 2,
    code: /^file\//,
    form: true,
  },
  {
    name: 'nul.yaml',
    kind: 'catalog',
    make: text('nul.yaml', GOOD.replace('青禾区教育局', '青禾区\u0000教育局')),
    validate: 2,
    code: /^file\//,
  },
  // Size and depth.
  {
    name: 'deep-list.yaml',
    kind: 'catalog',
    make: text('deep-list.yaml', `${'- '.repeat(1000)}a\n`),
    validate: 2,
    code: /^file\/too-deep$/,
    form: true,
  },
  {
    name: 'deep-items.yaml',
    kind: 'catalog',
    make: text('deep-items.yaml', deepItems(2000)),
    validate: 2,
    code: /^file\/too-deep$/,
  },
  {
    name: 'deep-mapping.yaml',
    kind: 'catalog',
    make: text('deep-mapping.yaml', deepMapping(3000)),
    validate: 2,
    code: /^file\/too-deep$/,
  },
  {
    name: 'deep-flow.yaml',
    kind: 'catalog',
    make: text(
      'deep-flow.yaml',
      `domain: 义务教育\nunit: 青禾区教育局\nextra: ${'{a: '.repeat(3000)}1${'}'.repeat(3000)}\nitems: []\n`,
    ),
    validate: 2,
    code: /^file\/too-deep$/,
  },
  {
    name: 'alias-bomb.yaml',
    kind: 'catalog',
    make: text('alias-bomb.yaml', aliasBomb()),
    validate: 2,
    code: /^file\/too-large$/,
    form: true,
  },
  {
    name: 'long-line.yaml',
    kind: 'catalog',
    make: text('long-line.yaml', GOOD.replace('与义务教育相关的法律', '与义务教育相关的法律'.repeat(100_000))),
    validate: 0,
  },
  {
    name: 'many-lines.yaml',
    kind: 'catalog',
    make: text('many-lines.yaml', '#\n'.repeat(300_000) + GOOD),
    validate: 0,
  },
  // Things that are not files.
  {
    name: 'folder.yaml',
    kind: 'catalog',
    make: (dir) => mkdirSync(join(dir, 'folder.yaml', 'inner'), { recursive: true }),
    validate: 2,
    code: /^file\//,
  },
  {
    name: 'fifo.yaml',
    kind: 'catalog',
    make: (dir) => execFileSync('mkfifo', [join(dir, 'fifo.yaml')]),
    validate: 2,
    code: /^file\//,
    form: true,
  },
  {
    name: 'zero.yaml',
    kind: 'catalog',
    make: (dir) => symlinkSync('/dev/zero', join(dir, 'zero.yaml')),
    validate: 2,
    code: /^file\//,
  },
  {
    name: 'loop.yaml',
    kind: 'catalog',
    make: (dir) => symlinkSync('loop.yaml', join(dir, 'loop.yaml')),
    validate: 2,
    code: /^file\//,
  },
  {
    name: 'folder-with-link',
    kind: 'catalog',
    make: (dir) => {
      mkdirSync(join(dir, 'folder-with-link/real'), { recursive: true });
      writeFileSync(join(dir, 'folder-with-link/real/a.yaml'), GOOD);
      symlinkSync('real', join(dir, 'folder-with-link/link'));
      symlinkSync('.', join(dir, 'folder-with-link/real/self'));
    },
    validate: 0,
  },
  {
    name: 'unreadable.yaml',
    kind: 'catalog',
    make: (dir) => writeFileSync(join(dir, 'unreadable.yaml'), GOOD, { mode: 0o000 }),
    validate: 2,
    code: /^file\/unreadable$/,
    ...(isRoot ? { skip: 'root reads any file' } : {}),
  },
  // Configurations next to a clean catalog (the commands are given ok.yaml).
  { ...withGood('zwgk.config.yaml', 'rules: [broken\n'), validate: 2, code: /^yaml\/syntax$/ },
  { ...withGood('package.json', '{"name": "office", '), validate: 0 },
  { ...withGood('package.json', '{"name": "office", "zwgk": 42}'), validate: 2, code: /^schema\/type$/ },
  { ...withGood('.zwgkrc.json', '\ufeff{"rules": {"level-required": "off"}}'), validate: 0 },
  {
    ...withGood('zwgk.config.yaml', gbk('rules:\n  level-required: off\nvocabulary:\n  channels: [办税服务厅]\n')),
    validate: 2,
    code: /^file\/encoding$/,
  },
  // Forms.
  {
    name: 'form-area-newline.yaml',
    kind: 'form',
    make: text('form-area-newline.yaml', GOOD_FORM.replace('area: 青禾区', 'area: "青禾区\\n# 注释: - 项"')),
    validate: 0,
    form: true,
  },
  {
    name: 'form-bad-month.yaml',
    kind: 'form',
    make: text('form-bad-month.yaml', GOOD_FORM.replace('month: 6', 'month: 13').replace('month: 9', 'month: "九"')),
    validate: 1,
    form: true,
  },
  {
    name: 'form-alias.yaml',
    kind: 'form',
    make: text('form-alias.yaml', GOOD_FORM.replace('area: 青禾区', 'area: *nope')),
    validate: 1,
    code: /^yaml\//,
    form: true,
  },
  // Tables.
  {
    name: 'one-row-header.csv',
    kind: 'table',
    make: fixture('one-row-header.csv'),
    validate: 0,
    import: 0,
  },
  {
    name: 'header-only.csv',
    kind: 'table',
    make: fixture('header-only.csv'),
    validate: 0,
    code: /^table\/no-items$/,
    import: 2,
  },
  {
    name: 'duplicate-columns.csv',
    kind: 'table',
    make: fixture('duplicate-columns.csv'),
    validate: 0,
    import: 0,
  },
  {
    name: 'long-unit.csv',
    kind: 'table',
    make: fixture('long-unit.csv'),
    validate: 0,
    import: 0,
  },
  {
    name: 'gbk.csv',
    kind: 'table',
    make: text('gbk.csv', gbk(readFileSync(join(FIXTURES, 'one-row-header.csv'), 'utf8'))),
    validate: 0,
    import: 0,
  },
  {
    name: 'nested-tables.html',
    kind: 'table',
    make: fixture('nested-tables.html'),
    validate: 2,
    code: /^table\/no-catalog$/,
    import: 2,
  },
  {
    name: 'no-table.html',
    kind: 'table',
    make: fixture('no-table.html'),
    validate: 2,
    code: /^table\/no-catalog$/,
    import: 2,
  },
  {
    name: 'empty.xlsx',
    kind: 'table',
    make: text('empty.xlsx', new Uint8Array()),
    validate: 2,
    code: /^table\/unreadable$/,
    import: 2,
  },
  {
    name: 'corrupt.xlsx',
    kind: 'table',
    make: text('corrupt.xlsx', Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(300, 0x41)])),
    validate: 2,
    code: /^table\/unreadable$/,
    import: 2,
  },
  {
    name: 'old.xls',
    kind: 'table',
    make: text(
      'old.xls',
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
    ),
    validate: 2,
    code: /^file\/not-yaml$/,
    import: 2,
  },
  {
    name: 'bomb.xlsx',
    kind: 'table',
    make: text('bomb.xlsx', zipBomb(1200)),
    validate: 2,
    code: /^file\/too-large$/,
    import: 2,
  },
];

/** A case's identity in test names: configurations share their input's name. */
export function caseLabel(input: BadInput, index: number): string {
  return input.name === 'ok.yaml' ? `ok.yaml (config case ${index})` : input.name;
}

/** What a run printed and returned. */
export interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Run the built `zwgk` without blocking the test worker; a run that hangs is killed after `timeout` ms. */
export function zwgkAsync(args: readonly string[], cwd: string, timeout = 60_000): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  delete env.GITHUB_ACTIONS;
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      { cwd, env, encoding: 'utf8', timeout, maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ status, signal: child.signalCode, stdout, stderr });
      },
    );
    child.stdin?.end();
  });
}
