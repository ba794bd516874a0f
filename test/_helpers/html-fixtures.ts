import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderHtml } from '../../src/render/html.js';
import type { RenderInput, RenderOptions } from '../../src/render/types.js';
import { inputFromYaml } from './tables.js';

/**
 * A catalog whose every kind of value tries to break out of the page: markup and script in text,
 * in header labels (level and extra columns), a quote that would end an attribute, Handlebars syntax.
 * Each injected script would set `window.__pwned`.
 */
export const HOSTILE_YAML = `domain: 义务教育<script>window.__pwned = 'domain'</script>
unit: 青禾区" onmouseover="x
title: 测试目录<script>alert(1)</script>
version: "2024"
date: 2024-06-28
level_columns: [县级, '乡级<img src=x onerror="window.__pwned = 1">']
extra_columns: ['备注</th><script>window.__pwned = 3</script>']
defaults: {subject: 青禾区教育局, channels: [政府网站], audience: 全社会, method: 主动, levels: [县级], time_limit: 信息形成之日起20个工作日内}
items:
  - name: 一级<script>alert(1)</script>
    basis: ['《条例》" onmouseover="x', '《办法》']
    items:
      - name: 二级甲
        content: [第一行, '第二行</td></tr><script>window.__pwned = 4</script>']
      - name: 二级乙
        content: '{{constructor.constructor "window.__pwned = 5"}}'
        method: 依申请
        audience: 特定群体
        specific_group: 申请人<b>
        time_limit: 自收到申请之日起20个工作日内
      - name: 二级丙
        content: 说明 & 其他 '单引号' \`反引号\`
        other_channels: [<iframe src="https://example.invalid/"></iframe>]
        extra: {'备注</th><script>window.__pwned = 3</script>': '<style>body{display:none}</style>'}
`;

/** The hostile catalog as a render input, from a file name that is itself hostile. */
export function hostileInput(): RenderInput {
  return inputFromYaml(HOSTILE_YAML, 'catalogs/" onmouseover="x<b>.yaml');
}

/** Options for a render, with the defaults the CLI uses. */
export function htmlOptions(options: Partial<RenderOptions> = {}): RenderOptions {
  return { channels: 'checklist', layout: 'single', ...options };
}

/** Render one page holding every input and return its HTML. */
export async function renderSinglePage(
  inputs: readonly RenderInput[],
  options: Partial<RenderOptions> = {},
): Promise<string> {
  const files = await renderHtml(inputs, htmlOptions(options));
  return String(files[0]!.content);
}

/** Render into a fresh temporary directory; returns the directory and the files' paths relative to it. */
export async function renderToTempDir(
  inputs: readonly RenderInput[],
  options: Partial<RenderOptions> = {},
): Promise<{ dir: string; paths: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'zwgk-html-'));
  const files = await renderHtml(inputs, htmlOptions(options));
  for (const f of files) writeFileSync(join(dir, f.path), f.content);
  return { dir, paths: files.map((f) => f.path) };
}
