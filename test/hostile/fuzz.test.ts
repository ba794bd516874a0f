import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { diffCatalogs } from '../../src/diff/diff-catalogs.js';
import { fixText } from '../../src/fix/fix-text.js';
import { resolveSubmissionOptions, validateSubmission } from '../../src/forms/validate-submission.js';
import { importTables } from '../../src/import/import-tables.js';
import { readCsv } from '../../src/tables/read-csv.js';
import { readHtml } from '../../src/tables/read-html.js';
import { readXlsx } from '../../src/tables/read-xlsx.js';
import { catalogYaml } from '../../src/import/write-yaml.js';
import { buildVocabulary } from '../../src/catalog/vocabulary.js';
import { RENDERERS } from '../../src/render/registry.js';
import { buildTable } from '../../src/render/table-model.js';
import { resolveValidateOptions } from '../../src/validate/options.js';
import { validateText } from '../../src/validate/validate-text.js';
import { runs } from '../_helpers/fc-options.js';
import { catalogSeeds, csvSeeds, formSeeds, htmlSeeds, xlsxSeeds } from '../_helpers/hostile-seeds.js';
import { mutatedBytes, mutatedText } from '../_helpers/mutate.js';

/**
 * Mutated catalogs, forms and tables through the library's entry points: whatever the input, no exception
 * escapes and every result is findings that name the file and a place in it. `npm test` runs a few thousand
 * inputs; `npm run fuzz` (ZWGK_FUZZ=full) runs more than 100,000.
 */
const FULL = process.env.ZWGK_FUZZ === 'full';
const COUNTS = FULL
  ? { catalog: 60_000, fix: 10_000, form: 15_000, csv: 10_000, html: 8_000, xlsx: 600 }
  : { catalog: 1_500, fix: 300, form: 500, csv: 400, html: 300, xlsx: 20 };
const TIMEOUT = FULL ? 3_600_000 : 120_000;

let inputs = 0;
afterAll(() => {
  if (FULL) process.stdout.write(`fuzz: ${inputs} inputs, no exception escaped\n`);
});

const options = resolveValidateOptions();
const vocabulary = buildVocabulary();

/** A finding as every formatter expects one: a known shape, a message, the file, a place inside the text. */
function expectWellFormed(diagnostics: readonly Diagnostic[], file: string, text: string): void {
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const d of diagnostics) {
    expect(typeof d.code).toBe('string');
    expect(d.code.length).toBeGreaterThan(0);
    expect(['error', 'warning']).toContain(d.severity);
    expect(d.message.trim().length).toBeGreaterThan(0);
    expect(d.file).toBe(file);
    expect(Array.isArray(d.path)).toBe(true);
    if (d.range) {
      expect(d.range.start.line).toBeGreaterThanOrEqual(1);
      expect(d.range.start.column).toBeGreaterThanOrEqual(1);
      expect(d.range.start.line).toBeLessThanOrEqual(lines + 1);
      expect(d.range.end.line).toBeGreaterThanOrEqual(d.range.start.line);
    }
  }
}

describe('mutated catalogs', () => {
  const seeds = catalogSeeds();
  const resolvedSeeds = seeds.map((text) => validateText('seed.yaml', text, options).catalog!);

  it(
    'validate, diff against the original and render give findings, never an exception',
    async () => {
      await fc.assert(
        fc.asyncProperty(mutatedText(seeds), fc.nat(19), async ({ seed, text }, roll) => {
          inputs++;
          const result = validateText('x.yaml', text, options);
          expectWellFormed(result.diagnostics, 'x.yaml', text);
          if (result.catalog) {
            diffCatalogs(resolvedSeeds[seed]!, result.catalog);
            if (roll === 0) {
              const render = await RENDERERS.html();
              await render([{ file: 'x.yaml', catalog: result.catalog, table: buildTable(result.catalog) }], {
                channels: 'checklist',
                layout: 'single',
              });
            }
          }
        }),
        runs(COUNTS.catalog),
      );
    },
    TIMEOUT,
  );

  it(
    'fix returns text and findings, never an exception, and what it writes reads',
    () => {
      fc.assert(
        fc.property(mutatedText(seeds, 4), ({ text }) => {
          inputs++;
          const before = validateText('x.yaml', text, options);
          const fixed = fixText('x.yaml', text, options);
          expectWellFormed(fixed.remaining, 'x.yaml', fixed.text);
          if (fixed.text !== text) {
            // Fixes run on text that reads, except tab indentation made spaces, which is what makes such a
            // text read; whatever fix writes reads.
            if (before.data === undefined) expect(fixed.applied[0]?.code).toBe('yaml/tab-indent');
            expect(validateText('x.yaml', fixed.text, options).data).toBeDefined();
          }
        }),
        runs(COUNTS.fix),
      );
    },
    TIMEOUT,
  );
});

describe('mutated application forms', () => {
  const seeds = formSeeds();
  const submission = resolveSubmissionOptions();
  it(
    'form check gives findings, never an exception',
    () => {
      fc.assert(
        fc.property(mutatedText(seeds), ({ text }) => {
          inputs++;
          const result = validateSubmission('f.yaml', text, submission);
          expectWellFormed(result.diagnostics, 'f.yaml', text);
        }),
        runs(COUNTS.form),
      );
    },
    TIMEOUT,
  );
});

describe('mutated tables', () => {
  /** Whatever was imported is written as a catalog that reads back and is checked like any other. */
  function importAndCheck(read: ReturnType<typeof readCsv>): void {
    for (const table of importTables(read, vocabulary).tables) {
      const text = catalogYaml(table.catalog, '');
      const result = validateText(table.fileName, text, options);
      expectWellFormed(result.diagnostics, table.fileName, text);
      expect(result.diagnostics.filter((d) => d.code.startsWith('yaml/') || d.code.startsWith('file/'))).toEqual([]);
    }
  }

  it(
    'CSV import gives catalogs that read back, never an exception',
    () => {
      const seeds = csvSeeds();
      fc.assert(
        fc.property(mutatedText(seeds), ({ text }) => {
          inputs++;
          importAndCheck(readCsv(new TextEncoder().encode(text), 't.csv'));
        }),
        runs(COUNTS.csv),
      );
    },
    TIMEOUT,
  );

  it(
    'web page import gives catalogs that read back, never an exception',
    () => {
      const seeds = htmlSeeds();
      fc.assert(
        fc.property(mutatedText(seeds), ({ text }) => {
          inputs++;
          importAndCheck(readHtml(text, 't.html'));
        }),
        runs(COUNTS.html),
      );
    },
    TIMEOUT,
  );

  it(
    'a damaged workbook is refused by name, never with another exception',
    async () => {
      const seeds = await xlsxSeeds();
      const { SheetTooLarge, UnreadableWorkbook } = await import('../../src/tables/read-xlsx.js');
      await fc.assert(
        fc.asyncProperty(mutatedBytes(seeds), async ({ bytes }) => {
          inputs++;
          try {
            importAndCheck(await readXlsx(bytes, 't.xlsx'));
          } catch (error) {
            if (!(error instanceof UnreadableWorkbook || error instanceof SheetTooLarge)) throw error;
          }
        }),
        runs(COUNTS.xlsx),
      );
    },
    TIMEOUT,
  );
});
