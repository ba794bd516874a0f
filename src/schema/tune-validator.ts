/**
 * Build step after ajv's standalone code generation: rewrites of the generated validator that
 * keep every result and error the same and make the common case cheaper.
 *
 * - `uniqueItems` on lists of strings: ajv indexes every list in a fresh object keyed by its items,
 *   which for the short lists of long Chinese texts in a catalog costs more than the rest of the
 *   list's checks together. Lists of up to `SHORT_LIST` items are compared pairwise instead; the
 *   pair found is the one ajv finds (scanning from the end, the nearest later equal item).
 * - `minLength: 1`: ajv counts code points (`ucs2length`) to compare with 1; a string has at least
 *   one code point exactly when it has at least one code unit. (The counter is then not loaded at all
 *   unless some other length check still needs it.)
 * - Errors of a referenced schema: ajv appends them with `vErrors.concat(…)`, copying every error found
 *   so far once per item, which makes a file with many findings quadratic (minutes for 40,000). They
 *   are pushed one by one instead; the list is the same.
 *
 * Each rewrite matches the exact generated shape it expects, and a shape it does not find is left as ajv
 * wrote it. `tuneValidator` counts the places it rewrote; the build does not look at the counts, the tests
 * do (test/schema/standalone.test.ts), so a change in ajv's output fails the tests rather than being
 * silently left slow.
 */

/** The longest list compared pairwise; longer lists keep ajv's own index. */
export const SHORT_LIST = 24;

// let i1 = data2.length;let j0;if(i1 > 1){const indices0 = {};for(;i1--;){let item0 = data2[i1];
// if(typeof item0 !== "string"){continue;}if(typeof indices0[item0] == "number"){j0 = indices0[item0];
// <report the error>break;}indices0[item0] = i1;}}
const UNIQUE_STRINGS =
  /let (i\d+) = (data\d+)\.length;let (j\d+);if\(\1 > 1\)\{const (indices\d+) = \{\};for\(;\1--;\)\{let (item\d+) = \2\[\1\];if\(typeof \5 !== "string"\)\{continue;\}if\(typeof \4\[\5\] == "number"\)\{\3 = \4\[\5\];(.*?)break;\}\4\[\5\] = \1;\}\}/g;

// vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
const CONCAT_ERRORS = /vErrors = vErrors === null \? ([\w$]+)\.errors : vErrors\.concat\(\1\.errors\);/g;

export interface TunedValidator {
  code: string;
  /** How many `uniqueItems` checks, `minLength: 1` checks and appends of a referenced schema's errors were rewritten. */
  uniqueItems: number;
  minLength: number;
  appends: number;
}

export function tuneValidator(code: string): TunedValidator {
  let uniqueItems = 0;
  let tuned = code.replace(
    UNIQUE_STRINGS,
    (whole: string, i: string, data: string, j: string, _indices: string, item: string, report: string) => {
      uniqueItems++;
      const label = `unique_${i}`;
      const pairwise =
        `if(${i} > 1 && ${i} <= ${SHORT_LIST}){${label}: for(;${i}--;){let ${item} = ${data}[${i}];` +
        `if(typeof ${item} !== "string"){continue;}` +
        `for(${j} = ${i} + 1; ${j} < ${data}.length; ${j}++){if(${data}[${j}] === ${item}){${report}break ${label};}}}}else `;
      const at = whole.indexOf(`if(${i} > 1){`);
      return whole.slice(0, at) + pairwise + whole.slice(at);
    },
  );

  let minLength = 0;
  const ucs2 = /const (func\d+) = require\("ajv\/dist\/runtime\/ucs2length"\)\.default/.exec(tuned)?.[1];
  if (ucs2) {
    tuned = tuned.replace(new RegExp(`\\b${ucs2}\\(([A-Za-z_$][\\w$]*)\\) < 1\\)`, 'g'), (_whole, value: string) => {
      minLength++;
      return `${value}.length < 1)`;
    });
    // Without other uses, the code-point counter need not be loaded at all.
    if (!new RegExp(`\\b${ucs2}\\(`).test(tuned))
      tuned = tuned.replace(new RegExp(`const ${ucs2} = require\\("ajv/dist/runtime/ucs2length"\\)\\.default;?`), '');
  }
  let appends = 0;
  tuned = tuned.replace(CONCAT_ERRORS, (_whole, fn: string) => {
    appends++;
    return `if(vErrors === null){vErrors = ${fn}.errors;}else {const more = ${fn}.errors;for(let k = 0; k < more.length; k++){vErrors.push(more[k]);}}`;
  });
  return { code: tuned, uniqueItems, minLength, appends };
}
