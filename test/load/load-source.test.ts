import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFile, loadFileSync } from '../../src/load/load-file.js';
import { declaredKind, loadText } from '../../src/load/load-source.js';

const CATALOG = 'domain: 义务教育\nunit: 某区教育局\nitems:\n  - name: 招生政策\n';

describe('loadText', () => {
  it('reads a clean text with the fast parser, and parses positions only when asked', () => {
    const source = loadText('a.yaml', CATALOG, { lang: 'zh' });
    expect(source.text).toBe(CATALOG);
    expect(source.written).toBe(CATALOG);
    expect(source.loneCr).toBe(false);
    const read = source.read();
    expect(read).toMatchObject({ ok: true, empty: false, parser: 'fast' });
    if (read.ok) expect(read.data).toEqual({ domain: '义务教育', unit: '某区教育局', items: [{ name: '招生政策' }] });
    expect(source.read()).toBe(read);
    expect(source.yamlErrors()).toEqual([]);
    expect(source.positions()).toBe(source.positions());
  });

  it('makes each lone CR a line feed, keeps the text as written, and reads it as the same data', () => {
    const written = CATALOG.replaceAll('\n', '\r');
    const source = loadText('a.yaml', written, { lang: 'zh' });
    expect(source.loneCr).toBe(true);
    expect(source.written).toBe(written);
    expect(source.text).toBe(CATALOG);
    const read = source.read();
    expect(read).toMatchObject({ ok: true, parser: 'positional' });
    const lf = loadText('b.yaml', CATALOG, { lang: 'zh' }).read();
    expect(read.ok && read.data).toEqual(lf.ok && lf.data);
  });

  it('leaves CRLF line ends as they are', () => {
    const crlf = CATALOG.replaceAll('\n', '\r\n');
    const source = loadText('a.yaml', crlf, { lang: 'zh' });
    expect(source.loneCr).toBe(false);
    expect(source.text).toBe(crlf);
    expect(source.read()).toMatchObject({ ok: true, parser: 'fast' });
  });

  it.each([
    ['nothing', ''],
    ['comments only', '# 目录\n# 待写\n'],
    ['a lone CR and a comment', '# 目录\r'],
  ])('tells an empty file (%s), and words its finding with the hint of the kind', (_, text) => {
    const source = loadText('a.yaml', text, { lang: 'en' });
    expect(source.read()).toMatchObject({ ok: true, empty: true });
    const finding = source.emptyFinding({ zh: '写入内容。', en: 'Write something.' });
    expect(finding).toMatchObject({
      code: 'file/empty',
      severity: 'error',
      file: 'a.yaml',
      message: 'The file is empty (no content, or comments only).',
      hint: 'Write something.',
      range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
    });
  });

  it('gives the YAML errors, placed, where the text cannot be read', () => {
    const source = loadText('a.yaml', 'domain: 一\ndomain: 二\n', { lang: 'en' });
    const read = source.read();
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.errors.map((d) => d.code)).toEqual(['yaml/duplicate-key']);
      expect(read.errors[0]!.range?.start).toEqual({ line: 2, column: 1 });
    }
  });

  it('places a lone-CR text by its lines', () => {
    const read = loadText('a.yaml', 'domain: 一\rdomain: 二\r', { lang: 'en' }).read();
    expect(!read.ok && read.errors[0]!.range?.start).toEqual({ line: 2, column: 1 });
  });

  it('records the line of each mapping and list when asked', () => {
    const read = loadText('a.yaml', CATALOG, { lang: 'zh', lines: true }).read();
    expect(read.ok && read.lines).toBeInstanceOf(WeakMap);
    if (read.ok) {
      const items = (read.data as { items: object[] }).items;
      expect(read.lines?.get(items[0]!)).toBe(4);
    }
  });

  it('takes the data a caller gives instead of parsing', () => {
    const data = { domain: '给定' };
    const read = loadText('a.yaml', CATALOG, { lang: 'zh', parsedData: data }).read();
    expect(read.ok && read.data).toBe(data);
  });
});

describe('declaredKind', () => {
  it('is the top-level `kind` text of a mapping, else nothing', () => {
    const read = loadText('f.yaml', 'kind: form/theme-day\nunit: 某局\n', { lang: 'zh' }).read();
    expect(declaredKind(read.ok && read.data)).toBe('form/theme-day');
    expect(declaredKind({ kind: 3 })).toBeUndefined();
    expect(declaredKind([{ kind: 'form/x' }])).toBeUndefined();
    expect(declaredKind(null)).toBeUndefined();
    expect(declaredKind({ domain: '义务教育' })).toBeUndefined();
  });
});

describe('loadFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zwgk-load-'));
  const path = join(dir, 'a.yaml');
  writeFileSync(path, `\ufeff${CATALOG}`);

  it('reads and loads a file, by the name given for findings', async () => {
    for (const loaded of [await loadFile(path, { lang: 'zh', file: 'a.yaml' }), loadFileSync(path, { lang: 'zh' })]) {
      expect(loaded.ok).toBe(true);
      if (loaded.ok) expect(loaded.source.text).toBe(CATALOG);
    }
    const named = await loadFile(path, { lang: 'zh', file: 'a.yaml' });
    expect(named.ok && named.source.file).toBe('a.yaml');
  });

  it('says why a file cannot be read, under the name given', async () => {
    const loaded = await loadFile(join(dir, 'none.yaml'), { lang: 'en', file: 'none.yaml' });
    expect(loaded).toMatchObject({ ok: false, diagnostic: { code: 'file/not-found', file: 'none.yaml' } });
  });
});

describe('LoadedSource.declaredKind', () => {
  const kindOf = (text: string) => loadText('a.yaml', text, { lang: 'en' }).declaredKind();

  it('reads the kind from its line at the left margin, also when the YAML is broken elsewhere', () => {
    expect(kindOf('kind: form/theme-day\nunit: 某局\n')).toBe('form/theme-day');
    expect(kindOf('unit: 某局\nkind: "form/open-day"  # 开放月\n')).toBe('form/open-day');
    const broken = 'kind: form/theme-day\nunit: [未闭合\n';
    expect(loadText('a.yaml', broken, { lang: 'en' }).read().ok).toBe(false);
    expect(kindOf(broken)).toBe('form/theme-day');
  });

  it('reads it from the data where no margin line says it all', () => {
    expect(kindOf('{kind: form/theme-day, unit: 某局}\n')).toBe('form/theme-day');
    expect(kindOf('kind:\n  form/theme-day\n')).toBe('form/theme-day');
  });

  it('finds none in a catalog, an indented kind, or a kind that is not text', () => {
    expect(kindOf(CATALOG)).toBeUndefined();
    expect(kindOf(CATALOG + '    kind: form/theme-day\n')).toBeUndefined();
    expect(kindOf('kind: {a: 1}\n')).toBeUndefined();
    expect(kindOf('kind: 3\n')).toBeUndefined();
  });
});
