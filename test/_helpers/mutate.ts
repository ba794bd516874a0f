import fc from 'fast-check';

/**
 * Mutations of a seed text, of the kinds that break a hand-edited YAML file or table: characters YAML
 * gives a meaning to, anchors and aliases, indentation, line ends, encodings' leftovers, deleted,
 * repeated and swapped spans, truncation. Each run of a property applies a few to one of the seeds.
 */

/** Characters and short strings that mean something to YAML, CSV, HTML or the catalog rules. */
const PIECES = [
  ':',
  ': ',
  '- ',
  '-',
  ' ',
  '  ',
  '\n',
  '\r\n',
  '\r',
  '\t',
  '#',
  '&a ',
  '*a',
  '*nope',
  '&a',
  '!',
  '!!str ',
  '!!binary ',
  '!foo ',
  '|',
  '|-',
  '>',
  "'",
  '"',
  '{',
  '}',
  '[',
  ']',
  ',',
  '?',
  '? ',
  '%',
  '@',
  '`',
  '<<: *a',
  '<<',
  '~',
  'null',
  '0505',
  '0x1F',
  '1e3',
  '.inf',
  'yes',
  '2024-05-20',
  '---\n',
  '...\n',
  '\u0000',
  '\u0007',
  '\u001b[2J',
  '\u0085',
  '\u00a0',
  '\u200b',
  '\u2028',
  '\ufeff',
  '\ufffe',
  '\uffff',
  '\ud800',
  '\udc00',
  '😀',
  '同上',
  '主动公开',
  '依申请',
  '■',
  '□',
  '口',
  '√',
  '〔2024〕',
  '[2016]',
  '《',
  '》',
  '（',
  '）',
  '，',
  '：',
  '__proto__',
  'constructor',
  'toString',
  'items:',
  'name: ',
  'code: ',
  'extra:',
  '<',
  '>',
  '&',
  '<td>',
  '</td>',
  '<tr>',
  '<table>',
  '</table>',
  '<td rowspan="99">',
  '<td colspan="0">',
  '<br>',
  '&amp;',
  '&#0;',
  '<!--',
  '<script>',
  '";"',
  '""',
  ';',
  '\t\t',
] as const;

type Mutation =
  | { kind: 'insert'; at: number; piece: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'repeat'; at: number; length: number; times: number }
  | { kind: 'swap-lines'; a: number; b: number }
  | { kind: 'indent'; line: number; by: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'replace-char'; at: number; code: number };

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('insert' as const),
      at: fraction,
      piece: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4, unit: 'binary' })),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('delete' as const),
      at: fraction,
      length: fc.integer({ min: 1, max: 40 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('repeat' as const),
      at: fraction,
      length: fc.integer({ min: 1, max: 200 }),
      times: fc.integer({ min: 1, max: 5 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('swap-lines' as const), a: fraction, b: fraction }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('indent' as const), line: fraction, by: fc.integer({ min: -4, max: 4 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fraction }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('replace-char' as const),
      at: fraction,
      code: fc.integer({ min: 0, max: 0xffff }),
    }),
  },
);

const pos = (text: string, at: number): number => Math.floor(at * (text.length + 1));

function apply(text: string, m: Mutation): string {
  switch (m.kind) {
    case 'insert': {
      const i = pos(text, m.at);
      return text.slice(0, i) + m.piece + text.slice(i);
    }
    case 'delete': {
      const i = pos(text, m.at);
      return text.slice(0, i) + text.slice(i + m.length);
    }
    case 'repeat': {
      const i = pos(text, m.at);
      const span = text.slice(i, i + m.length);
      return text.slice(0, i) + span.repeat(m.times + 1) + text.slice(i + m.length);
    }
    case 'swap-lines': {
      const lines = text.split('\n');
      const a = Math.floor(m.a * lines.length);
      const b = Math.floor(m.b * lines.length);
      [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
      return lines.join('\n');
    }
    case 'indent': {
      const lines = text.split('\n');
      const n = Math.floor(m.line * lines.length);
      const line = lines[n] ?? '';
      lines[n] = m.by >= 0 ? ' '.repeat(m.by) + line : line.replace(new RegExp(`^ {0,${-m.by}}`), '');
      return lines.join('\n');
    }
    case 'truncate':
      return text.slice(0, pos(text, m.at));
    case 'replace-char': {
      const i = Math.floor(m.at * text.length);
      return text.slice(0, i) + String.fromCharCode(m.code) + text.slice(i + 1);
    }
  }
}

/** A seed text with 1–`max` mutations applied; the mutations are shrinkable, the seed is chosen by index. */
export function mutatedText(seeds: readonly string[], max = 6): fc.Arbitrary<{ seed: number; text: string }> {
  return fc
    .record({
      seed: fc.nat({ max: seeds.length - 1 }),
      mutations: fc.array(mutation, { minLength: 1, maxLength: max }),
    })
    .map(({ seed, mutations }) => ({ seed, text: mutations.reduce(apply, seeds[seed]!) }));
}

/** Bytes of a seed with a few bytes flipped, inserted or cut: for binary inputs (workbooks). */
export function mutatedBytes(seeds: readonly Uint8Array[]): fc.Arbitrary<{ seed: number; bytes: Uint8Array }> {
  const edit = fc.record({
    at: fraction,
    kind: fc.constantFrom('flip', 'cut', 'insert'),
    value: fc.integer({ min: 0, max: 255 }),
    length: fc.integer({ min: 1, max: 64 }),
  });
  return fc
    .record({ seed: fc.nat({ max: seeds.length - 1 }), edits: fc.array(edit, { minLength: 1, maxLength: 4 }) })
    .map(({ seed, edits }) => {
      let bytes = seeds[seed]!;
      for (const e of edits) {
        const i = Math.floor(e.at * bytes.length);
        if (e.kind === 'flip') {
          bytes = Uint8Array.from(bytes);
          bytes[i] = e.value;
        } else if (e.kind === 'cut') {
          bytes = Uint8Array.from([...bytes.subarray(0, i), ...bytes.subarray(i + e.length)]);
        } else {
          bytes = Uint8Array.from([
            ...bytes.subarray(0, i),
            ...new Uint8Array(e.length).fill(e.value),
            ...bytes.subarray(i),
          ]);
        }
      }
      return { seed, bytes };
    });
}
