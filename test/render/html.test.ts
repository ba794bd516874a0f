import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assetFile } from '../../src/assets.js';
import { ZwgkError } from '../../src/errors.js';
import { renderHtml } from '../../src/render/html.js';
import { pageNames } from '../../src/render/html/view-model.js';
import type { RenderInput } from '../../src/render/types.js';
import { computeStats } from '../../src/stats/compute-stats.js';
import { HOSTILE_YAML, hostileInput, htmlOptions, renderSinglePage } from '../_helpers/html-fixtures.js';
import { inputFromYaml, shippedInputs } from '../_helpers/tables.js';

const inputs = shippedInputs();
const html = await renderSinglePage(inputs);

/** The HTML of one catalog's section, from its opening tag to the next section. */
function sectionOf(page: string, id: string): string {
  const start = page.indexOf(`<section class="catalog" id="${id}"`);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = page.indexOf('</section>', start);
  return page.slice(start, end);
}

/** The body of a section's table: one `<tbody>` per 一级事项. */
const tbodyOf = (section: string) => section.slice(section.indexOf('<tbody>'), section.lastIndexOf('</tbody>'));
/** The body rows of a section, each from `<tr` to `</tr>` (cell text may hold newlines). */
const bodyRows = (section: string) => [...tbodyOf(section).matchAll(/<tr[\s\S]*?<\/tr>/g)].map((m) => m[0]);
const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;

function level1Index(input: RenderInput): number {
  return input.table.columns.findIndex((c) => c.id === 'level1');
}

describe('renderHtml, single layout', () => {
  it('returns one self-contained page in Chinese, scaled for phones', async () => {
    const files = await renderHtml(inputs, htmlOptions());
    expect(files).toHaveLength(1);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<link rel="icon" href="data:,">');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('references nothing outside the file: no URL, no external script, stylesheet, image or font', () => {
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/\ssrc=/i);
    expect(html).not.toMatch(/<link\b(?![^>]*href="data:)/i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(count(html, /<script\b/g)).toBe(1);
    expect(count(html, /<style\b/g)).toBe(1);
  });

  it('lists every catalog in a table of contents that links to its section', () => {
    expect(html).toContain('<nav class="toc"');
    inputs.forEach((input, i) => {
      expect(html).toContain(
        `<li><a href="#catalog-${i + 1}">${input.table.title}</a><span class="toc-count">${input.table.counts.rows} 项</span></li>`,
      );
    });
  });

  it('gives each table its title as caption and the two-row official header', () => {
    inputs.forEach((input, i) => {
      const section = sectionOf(html, `catalog-${i + 1}`);
      expect(section).toContain(`<caption id="catalog-${i + 1}-caption">${input.table.title}</caption>`);
      expect(section).toContain('<th scope="col" rowspan="2" class="seq">序号</th>');
      expect(section).toContain('<th scope="colgroup" colspan="2" class="group">公开对象</th>');
      expect(section).toContain('<th scope="colgroup" colspan="2" class="group">公开方式</th>');
      expect(section).toContain('<th scope="col" rowspan="2" class="text content">公开内容(要素)</th>');
      expect(section).toContain(
        '<th scope="col" class="item level1">一级事项</th><th scope="col" class="item level2">二级事项</th>',
      );
      const levels = input.catalog.levelColumns.length;
      if (levels > 1) expect(section).toContain(`<th scope="colgroup" colspan="${levels}" class="group">公开层级</th>`);
      if (levels === 1) expect(section).toContain('<th scope="colgroup" class="group">公开层级</th>');
      // A colgroup per group, so that scope="colgroup" has something to refer to; a col per column.
      expect(count(section, /<col class=/g)).toBe(input.table.columns.length);
      const thead = section.slice(section.indexOf('<thead>'), section.indexOf('</thead>'));
      expect(count(thead, /<tr>/g)).toBe(2);
      expect(count(thead, /<th /g)).toBe(input.table.header.length);
    });
  });

  it('writes one <tr> per row and leaves out the cells a merge covers', () => {
    inputs.forEach((input, i) => {
      const rows = bodyRows(sectionOf(html, `catalog-${i + 1}`));
      expect(rows).toHaveLength(input.table.rows.length);
      rows.forEach((tr, r) => {
        const cells = input.table.rows[r]!.cells.filter((c) => c.rowSpan !== 0);
        expect(count(tr, /<t[dh][ >]/g)).toBe(cells.length);
        expect(tr).toMatch(
          /^<tr data-method="(主动|依申请)( 依申请)?" data-audience="[^"]*"><th scope="row" class="seq">\d+<\/th>/,
        );
      });
    });
  });

  it('merges the first 一级事项 cell over its rows with rowspan', () => {
    inputs.forEach((input, i) => {
      const first = input.table.rows[0]!.cells[level1Index(input)]!;
      const firstRow = bodyRows(sectionOf(html, `catalog-${i + 1}`))[0]!;
      const span = first.rowSpan > 1 ? ` rowspan="${first.rowSpan}"` : '';
      expect(firstRow).toContain(`<td${span} class="item level1">${first.text}</td>`);
    });
    // The example catalogs do merge: 政策文件 over its four 二级事项.
    const yiwu = inputs.findIndex((x) => x.file.endsWith('yiwu-jiaoyu.yaml'));
    expect(sectionOf(html, `catalog-${yiwu + 1}`)).toContain('<td rowspan="4" class="item level1">政策文件</td>');
  });

  it('breaks multi-line text with <br> after escaping it, so that a value can never inject a tag of its own', async () => {
    const page = await renderSinglePage([hostileInput()]);
    expect(page).toContain(
      '<td class="text content">第一行<br>第二行&lt;/td&gt;&lt;/tr&gt;&lt;script&gt;window.__pwned &#x3D; 4&lt;/script&gt;</td>',
    );
    const withTag = await renderSinglePage([
      inputFromYaml(HOSTILE_YAML.replace('content: [第一行,', "content: ['a<br>b',")),
    ]);
    expect(withTag).toContain('a&lt;br&gt;b<br>第二行');
  });

  it('shows control characters and bidirectional overrides in catalog text and file names as signs, on every page', async () => {
    const yaml = HOSTILE_YAML.replace('content: [第一行,', 'content: ["a\\e[2J\\x07\\u202eb",').replace(
      /^domain: .*$/m,
      'domain: "义务\\e]0;x\\a教育"',
    );
    const hostile = inputFromYaml(yaml, 'catalogs/a\u001b[31m.yaml');
    const files = [
      { path: 'single', content: await renderSinglePage([hostile]) },
      ...(await renderHtml([hostile], htmlOptions({ layout: 'site' }))),
    ];
    for (const { path, content } of files) {
      expect(String(content), path).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
      expect(String(content), path).toContain('义务␛]0;x␇教育');
    }
    expect(String(files[0]!.content)).toContain('a␛[2J␇�b');
  });

  it('escapes every catalog value, in text and in attributes, so that nothing can inject markup', async () => {
    const page = await renderSinglePage([hostileInput(), ...inputs.slice(0, 1)]);
    const files = await renderHtml([hostileInput()], htmlOptions({ layout: 'site' }));
    for (const text of [page, ...files.map((f) => String(f.content))]) {
      // Only our own script element; every injected tag appears as text.
      expect(count(text, /<script\b/g)).toBe(text.includes('data-filters') ? 1 : 0);
      expect(count(text, /<style\b/g)).toBe(1);
      expect(text).not.toMatch(/<(img|iframe|b)\b/);
      expect(text).not.toContain('<script>alert(1)</script>');
      expect(text).not.toContain('" onmouseover="x');
      expect(text).not.toContain('<img src=x');
      expect(text).not.toContain('<iframe');
      expect(text).not.toContain('<b>');
    }
    expect(page).toContain('测试目录&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('青禾区&quot; onmouseover&#x3D;&quot;x');
    expect(page).toContain('《条例》&quot; onmouseover&#x3D;&quot;x');
    expect(page).toContain(
      '<th scope="col" class="tick">乡级&lt;img src&#x3D;x onerror&#x3D;&quot;window.__pwned &#x3D; 1&quot;&gt;</th>',
    );
    expect(page).toContain(
      '<th scope="col" rowspan="2" class="text extra">备注&lt;/th&gt;&lt;script&gt;window.__pwned &#x3D; 3&lt;/script&gt;</th>',
    );
    expect(page).toContain('√（申请人&lt;b&gt;）');
    expect(page).toContain('说明 &amp; 其他 &#x27;单引号&#x27; &#x60;反引号&#x60;');
    expect(page).toContain('&lt;style&gt;body{display:none}&lt;/style&gt;');
    // Handlebars syntax in the data is data, not a template.
    expect(page).toContain('{{constructor.constructor &quot;window.__pwned &#x3D; 5&quot;}}');
    // The file name becomes a safe page name and href.
    expect(files.map((f) => f.path)).toEqual(['index.html', 'onmouseover-x-b.html']);
    expect(String(files[0]!.content)).toContain('<a href="onmouseover-x-b.html">');
  });

  it('never uses triple-stash {{{ }}} in the shipped templates: only the inlined CSS and script bypass escaping', () => {
    const dir = assetFile('templates/html')!;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.hbs'))) {
      expect(readFileSync(join(dir, file), 'utf8'), file).not.toContain('{{{');
    }
  });

  it('gives the same bytes for the same input', async () => {
    expect(await renderSinglePage(shippedInputs())).toBe(html);
    const a = await renderHtml(inputs, htmlOptions({ layout: 'site' }));
    const b = await renderHtml(shippedInputs(), htmlOptions({ layout: 'site' }));
    expect(b).toEqual(a);
    expect(html).not.toMatch(/\d{4}-\d{2}-\d{2}T|\bMath\.random\b/);
  });

  it('has the search box hidden until the script shows it, and a print stylesheet', () => {
    expect(html).toContain('<form class="filters" role="search" aria-label="筛选事项" data-filters hidden>');
    expect(html).toContain(`显示 <strong data-shown>${inputs.reduce((n, x) => n + x.table.counts.rows, 0)}</strong>`);
    expect(html).toMatch(
      /@media print \{[\s\S]*@page \{\s*size: A4 landscape;[\s\S]*counter\(page\)[\s\S]*thead \{ display: table-header-group; \}/,
    );
    expect(html).toMatch(/@media print \{[\s\S]*\.filters[^{]*\{ display: none !important; \}/);
    expect(html).toContain('.table-wrap { overflow-x: auto;');
  });

  it('names a page of one catalog after it, without a table of contents', async () => {
    const page = await renderSinglePage(inputs.slice(0, 1));
    expect(page).toContain(`<title>${inputs[0]!.table.title}</title>`);
    expect(page).toContain(`<h1>${inputs[0]!.table.title}</h1>`);
    expect(page).not.toContain('<nav class="toc"');
    const titled = await renderSinglePage(inputs, { title: '青禾区政务公开' });
    expect(titled).toContain('<h1>青禾区政务公开</h1>');
    expect(titled).toContain('<p class="site-name">青禾区政务公开</p>');
  });
});

describe('renderHtml, site layout', () => {
  it('returns index.html and one page per catalog, linked both ways', async () => {
    const files = await renderHtml(inputs, htmlOptions({ layout: 'site' }));
    const names = inputs.map((x) => `${x.file.replace(/^catalogs\//, '').replace(/\.yaml$/, '')}.html`);
    expect(files.map((f) => f.path)).toEqual(['index.html', ...names]);
    const index = String(files[0]!.content);
    expect(index).toContain('<html lang="zh-CN">');
    expect(index).not.toContain('<script');
    inputs.forEach((input, i) => {
      expect(index).toContain(
        `<td class="name"><a href="${names[i]}">${input.table.title}</a></td><td class="domain">${input.table.domain}</td><td class="unit">${input.table.unit}</td>` +
          `<td class="num">${input.table.counts.level1}</td><td class="num">${input.table.counts.level2}</td>`,
      );
      const page = String(files[i + 1]!.content);
      expect(page).toContain('<a href="index.html">目录列表</a>');
      expect(page).toContain(`<caption id="catalog-${i + 1}-caption">${input.table.title}</caption>`);
      expect(page).toContain(`<h1>${input.table.title}</h1>`);
      expect(count(page, /<table class="catalog-table"/g)).toBe(1);
      expect(page).not.toMatch(/https?:\/\//);
    });
  });

  it('gives the index an overview: the figures and three charts, each with its numbers as a table, as zwgk stats counts them', async () => {
    const files = await renderHtml(inputs, htmlOptions({ layout: 'site' }));
    const index = String(files[0]!.content);
    const stats = computeStats(inputs.map(({ file, catalog }) => ({ file, catalog })));
    const { counts } = stats.total;
    const figures = [
      ...index.matchAll(/<li><span class="value">(\d+)<\/span><span class="label">([^<]+)<\/span>/g),
    ].map((m) => `${m[1]}${m[2]}`);
    expect(figures).toEqual([
      `${stats.total.domains}个领域`,
      `${counts.level1}个一级事项`,
      `${counts.level2}个二级事项`,
      `${counts.method.主动}项主动公开`,
      `${counts.method.依申请}项依申请公开`,
      `${counts.audience.特定群体}项面向特定群体`,
      `${counts.noBasis}项无公开依据`,
      `${counts.noSubject}项无公开主体`,
    ]);
    // Hand-counted in the shipped catalogs.
    expect(figures.slice(0, 5)).toEqual(['7个领域', '42个一级事项', '128个二级事项', '125项主动公开', '3项依申请公开']);
    expect(index).toContain('<span class="share">占97.7%</span>');
    // Each chart is named for assistive technology and followed by a table of its numbers.
    for (const id of ['chart-level2', 'chart-method', 'chart-channels']) {
      expect(index).toMatch(new RegExp(`<svg class="chart" role="img" aria-labelledby="${id}-title ${id}-desc"`));
      expect(index).toContain(`<table class="numbers" data-table="${id}">`);
    }
    const rowsOf = (id: string) => {
      const start = index.indexOf(`data-table="${id}"`);
      const table = index.slice(start, index.indexOf('</table>', start));
      return [...table.matchAll(/<tr><th scope="row">([^<]+)<\/th>((?:<td class="num">\d+<\/td>)+)<\/tr>/g)].map(
        (m) => [m[1], ...[...m[2]!.matchAll(/\d+/g)].map((n) => Number(n[0]))],
      );
    };
    expect(rowsOf('chart-level2')).toEqual(stats.domains.map((d) => [d.name, d.counts.level2]));
    expect(rowsOf('chart-method')).toEqual(
      stats.domains.map((d) => [d.name, d.counts.method.主动, d.counts.method.依申请]),
    );
    expect(rowsOf('chart-channels')).toEqual(counts.channels.map((t) => [t.name, t.count]));
    // The chart styles come with the page; it still fetches nothing and runs no script.
    expect(index).toContain('svg.chart {');
    expect(index).not.toContain('<script');
    expect(index).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('gives distinct page names, keeping index.html for the index', () => {
    const yaml = 'domain: 义务教育\nunit: 单位\nitems: []\n';
    const names = pageNames(
      ['a/x.yaml', 'b/x.yaml', 'index.yml', 'X.yaml', '目录 一.yaml', '.yaml'].map((f) => inputFromYaml(yaml, f)),
    );
    expect(names).toEqual(['x.html', 'x-2.html', 'index-2.html', 'X-3.html', '目录-一.html', 'catalog.html']);
  });
});

describe('templates', () => {
  const overrideDir = () => mkdtempSync(join(tmpdir(), 'zwgk-templates-'));

  it('takes a template from templatesDir when it has one of the same name, and the shipped ones otherwise', async () => {
    const dir = overrideDir();
    writeFileSync(join(dir, 'layout-foot.hbs'), '<footer class="footer">主办：{{siteName}}</footer>\n');
    writeFileSync(join(dir, 'style.css'), 'body { color: black; }\n');
    const page = await renderSinglePage(inputs.slice(0, 1), { templatesDir: dir, title: '测试<站>' });
    expect(page).toContain('<footer class="footer">主办：测试&lt;站&gt;</footer>');
    // Followed by the names of this catalog's 层级 columns for the phone's cards.
    expect(page).toContain('<style>\nbody { color: black; }\n@media screen and (max-width: 600px) {\n#catalog-1 ');
    expect(page).not.toContain('本页面根据');
    // The rest is shipped.
    expect(page).toContain('<table class="catalog-table" data-catalog data-domain="');
    expect(page).toContain('data-filters');
  });

  it('makes the page piece by piece, a catalog at a time, the same text as the page whole', async () => {
    const [file] = await renderHtml(inputs, htmlOptions());
    const pieces = [...file!.chunks!()];
    // The page before the first section, then each catalog's section and what follows it.
    expect(pieces).toHaveLength(2 * inputs.length + 1);
    expect(pieces.join('')).toBe(html);
    inputs.forEach((_, i) =>
      expect(pieces[2 * i + 1]!.startsWith(`<section class="catalog" id="catalog-${i + 1}"`)).toBe(true),
    );
  });

  it('renders a page template that leaves out the catalog partial whole, with every row', async () => {
    const dir = overrideDir();
    writeFileSync(
      join(dir, 'page.hbs'),
      '<ol>{{#each catalogs}}<li>{{title}}: {{#each groups}}{{#each rows}}[{{method}}]{{/each}}{{/each}}</li>{{/each}}</ol>\n',
    );
    const page = await renderSinglePage(inputs, { templatesDir: dir });
    const methods = inputs.reduce((n, input) => n + input.table.rows.length, 0);
    expect(count(page, /\[(主动|依申请)( (主动|依申请))?\]/g)).toBe(methods);
  });

  it('reports a template that does not compile as a ZwgkError naming the file', async () => {
    const dir = overrideDir();
    writeFileSync(join(dir, 'catalog.hbs'), '{{#each rows}}unclosed');
    await expect(renderSinglePage(inputs.slice(0, 1), { templatesDir: dir })).rejects.toThrow(ZwgkError);
    await expect(renderSinglePage(inputs.slice(0, 1), { templatesDir: dir })).rejects.toThrow(/catalog\.hbs/);
  });

  it.each([
    ['a named pipe', 'page.hbs', (path: string) => execFileSync('mkfifo', [path]), /FIFO/],
    ['a link to /dev/zero', 'catalog.hbs', (path: string) => symlinkSync('/dev/zero', path), /\/dev\/zero/],
    ['a directory', 'style.css', (path: string) => mkdirSync(path), /目录/],
    [
      'a file past 32 MB',
      'script.js',
      (path: string) => writeFileSync(path, Buffer.alloc(33 * 1024 * 1024, 0x20)),
      /32 MB/,
    ],
    ['not UTF-8', 'toolbar.hbs', (path: string) => writeFileSync(path, Buffer.from([0xb0, 0xb2, 0xc8, 0xab])), /UTF-8/],
  ])('refuses %s named as a template, unread, naming the file', async (_, name, make, reason) => {
    const dir = overrideDir();
    make(join(dir, name));
    const rendering = renderSinglePage(inputs.slice(0, 1), { templatesDir: dir });
    await expect(rendering).rejects.toThrow(ZwgkError);
    await expect(rendering).rejects.toThrow(join(dir, name));
    await expect(rendering).rejects.toThrow(reason);
  });
});

describe('print, phone and screen-reader markup', () => {
  it('writes one <tbody> per 一级事项, each opening with the row that holds its name, and no merge crosses one', () => {
    inputs.forEach((input, i) => {
      const section = sectionOf(html, `catalog-${i + 1}`);
      const bodies = [...section.matchAll(/<tbody>([\s\S]*?)<\/tbody>/g)].map((m) => m[1]!);
      expect(bodies).toHaveLength(input.table.counts.level1);
      const level1 = level1Index(input);
      let r = 0;
      for (const body of bodies) {
        const rows = [...body.matchAll(/<tr[\s\S]*?<\/tr>/g)].map((m) => m[0]);
        const name = input.table.rows[r]!.cells[level1]!;
        expect(name.rowSpan, input.file).toBeGreaterThan(0);
        expect(rows.length, input.file).toBe(name.rowSpan);
        expect(rows[0]).toContain(`class="item level1">${name.text}</td>`);
        // Every merge started in the group ends in it.
        for (let k = 0; k < rows.length; k++) {
          for (const cell of input.table.rows[r + k]!.cells) expect(k + cell.rowSpan).toBeLessThanOrEqual(rows.length);
        }
        r += rows.length;
      }
      expect(r).toBe(input.table.rows.length);
    });
  });

  it('wraps each ■ in <i> and each □ in <u> in the channel cells only, the glyphs kept as text', async () => {
    const yiwu = inputs.findIndex((x) => x.file.endsWith('yiwu-jiaoyu.yaml'));
    const section = sectionOf(html, `catalog-${yiwu + 1}`);
    expect(section).toContain(
      '<td rowspan="4" class="text channels"><i>■</i>政府网站 <u>□</u>政府公报<br><i>■</i>两微一端 <u>□</u>发布会/听证会<br>',
    );
    expect(count(section, /<i>■<\/i>/g)).toBe(count(section, /■/g));
    expect(count(section, /<u>□<\/u>/g)).toBe(count(section, /□/g));
    // A ■ typed into other text stays as it is.
    const page = await renderSinglePage([
      inputFromYaml(HOSTILE_YAML.replace('content: [第一行,', "content: ['■ 要点',")),
    ]);
    expect(page).toContain('<td class="text content">■ 要点<br>');
  });

  it('marks a tick with a note, so that a phone shows its words', () => {
    const yiwu = inputs.findIndex((x) => x.file.endsWith('yiwu-jiaoyu.yaml'));
    const section = sectionOf(html, `catalog-${yiwu + 1}`);
    expect(section).toContain('<td class="tick note">√（报名学生及其监护人）</td>');
    expect(section).not.toMatch(/class="tick note">√<\/td>/);
    expect(section).toMatch(/<td class="tick">√<\/td><td class="tick"><\/td>/);
  });

  it('names the 层级 and extra columns of each catalog for the phone cards, escaped as CSS strings', async () => {
    expect(html).toContain(
      '@media screen and (max-width: 600px) {\n#catalog-1 td:nth-child(5 of .tick):not(:empty)::before { content: "\\A 公开层级：县级"; }\n#catalog-1 td:nth-child(6 of .tick):not(:empty)::before { content: "乡级"; }\n',
    );
    const page = await renderSinglePage([hostileInput()]);
    const style = page.slice(page.indexOf('<style>'), page.indexOf('</style>'));
    expect(style).toContain(
      'td:nth-child(6 of .tick):not(:empty)::before { content: "乡级\\3C img src=x onerror=\\22 window.__pwned = 1\\22 \\3E "; }',
    );
    expect(style).toContain('td:nth-child(1 of .extra)::before { content: "备注\\3C /th\\3E \\3C script\\3E ');
  });

  it('gives ticks and channel glyphs words for screen readers in the style sheet, not in every cell', () => {
    expect(html).toContain('.catalog-table td.tick::before { content: "" / "否"; }');
    expect(html).toContain('.catalog-table td.tick:not(:empty)::before { content: "" / "是"; }');
    expect(html).toContain('.catalog-table td.channels i::before { content: "" / "已选"; }');
    expect(html).toContain('.catalog-table td.channels u::before { content: "" / "未选"; }');
    expect(html).not.toContain('aria-label="是"');
  });
});
