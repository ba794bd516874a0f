import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { writeChunks } from '../../src/cli/io.js';
import { json } from '../../src/report/json.js';
import { stylishChunks } from '../../src/report/stylish.js';
import type { ValidationReport } from '../../src/report/types.js';
import { runs } from '../_helpers/fc-options.js';

const text = fc.string({ unit: fc.constantFrom('a', '义', '\n', '"', '\\', '\u0007', ' ', '\u2028') });

const diagnostic: fc.Arbitrary<Diagnostic> = fc.record(
  {
    code: fc.constantFrom('schema/enum', 'content-required', 'yaml/syntax'),
    severity: fc.constantFrom('error' as const, 'warning' as const),
    message: text,
    file: fc.constantFrom('a.yaml', 'b/c.yaml', '目录.yaml'),
    path: fc.array(fc.oneof(fc.nat(30), text), { maxLength: 4 }),
    pointer: text,
    range: fc.record({
      start: fc.record({ line: fc.integer({ min: 1, max: 6 }), column: fc.integer({ min: 1, max: 9 }) }),
      end: fc.record({ line: fc.integer({ min: 1, max: 6 }), column: fc.integer({ min: 1, max: 9 }) }),
    }),
    hint: text,
  },
  { requiredKeys: ['code', 'severity', 'message', 'file', 'path', 'pointer'] },
);

const report: fc.Arbitrary<ValidationReport> = fc
  .record({
    diagnostics: fc.oneof(
      fc.array(diagnostic, { maxLength: 8 }),
      fc.array(diagnostic, { minLength: 250, maxLength: 600 }),
    ),
    fatal: fc.boolean(),
    source: text,
  })
  .map(({ diagnostics, fatal, source }) => ({
    files: ['a.yaml', 'b/c.yaml', '目录.yaml'],
    diagnostics,
    errorCount: diagnostics.filter((d) => d.severity === 'error').length,
    warningCount: diagnostics.filter((d) => d.severity === 'warning').length,
    fatal,
    sources: new Map([['a.yaml', `x: 1\n${source}\ny: 2\n`]]),
  }));

describe('reports made piece by piece', () => {
  it('json gives what JSON.stringify gives for the whole report; stylish gives a piece per file and per finding', () => {
    fc.assert(
      fc.property(report, fc.boolean(), (r, color) => {
        const whole = {
          version: 1,
          summary: { files: r.files.length, errors: r.errorCount, warnings: r.warningCount, fatal: r.fatal },
          diagnostics: r.diagnostics,
        };
        expect(json(r, { lang: 'zh', color, sources: r.sources })).toBe(JSON.stringify(whole, null, 2) + '\n');
        // stylish: a piece per file with findings, per finding, and the summary; every piece whole lines.
        const pieces = [...stylishChunks(r, { lang: 'en', color, sources: r.sources })];
        expect(pieces).toHaveLength(new Set(r.diagnostics.map((d) => d.file)).size + r.diagnostics.length + 1);
        for (const piece of pieces) expect(piece.endsWith('\n')).toBe(true);
      }),
      runs(60),
    );
  });

  it('writes pieces to a stream in order, waiting when it is full', async () => {
    const stream = new PassThrough({ highWaterMark: 1024 });
    const got: string[] = [];
    const pieces = Array.from({ length: 5000 }, (_, i) => `第${i}行\n`);
    const writing = writeChunks(stream, pieces);
    stream.setEncoding('utf8');
    stream.on('data', (d: string) => got.push(d));
    await writing;
    stream.end();
    await new Promise((done) => stream.on('end', done));
    expect(got.join('')).toBe(pieces.join(''));
  });
});
