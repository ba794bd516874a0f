import type { Diagnostic } from '../diagnostics.js';
import { byFile } from './by-file.js';
import { printable } from './printable.js';
import type { Formatter } from './types.js';
import { position } from './position.js';

/** Text escaped for XML content and attribute values; characters XML 1.0 forbids are dropped, other controls shown as signs. */
export function xml(text: string): string {
  return printable(text, true)
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

const where = (d: Diagnostic) => (position(d) ? `${d.file}:${position(d)}` : d.file);

/**
 * JUnit XML for CI dashboards: a test suite per file checked and a test case per finding (a failure), or
 * one passing case for a file without findings. Warnings are failures too, marked by type.
 */
export const junit: Formatter = (report, ctx) => {
  const groups = byFile(report.diagnostics, report.files);
  const ok = ctx.lang === 'zh' ? '没有发现问题' : 'no problems';
  const suites = [...groups].map(([file, list]) => {
    const cases =
      list.length === 0
        ? [`    <testcase name="${xml(ok)}" classname="${xml(file)}"/>`]
        : list.map((d) => {
            const body = [d.message, d.hint, where(d)].filter(Boolean).join('\n');
            return [
              `    <testcase name="${xml(`${d.code} ${position(d)}`.trim())}" classname="${xml(file)}">`,
              `      <failure message="${xml(d.message)}" type="${xml(`${d.severity}:${d.code}`)}">${xml(body)}</failure>`,
              '    </testcase>',
            ].join('\n');
          });
    return [
      `  <testsuite name="${xml(file)}" tests="${Math.max(1, list.length)}" failures="${list.length}" errors="0">`,
      ...cases,
      '  </testsuite>',
    ].join('\n');
  });
  const failures = report.diagnostics.length;
  const tests = [...groups.values()].reduce((n, l) => n + Math.max(1, l.length), 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="zwgk" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};
