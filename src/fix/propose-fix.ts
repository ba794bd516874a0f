import type { Finding } from '../finding.js';
import { valueAt } from '../catalog/labels.js';
import { yamlLib } from '../util/packages.js';
import type { PositionedDocument } from '../load/parse-positions.js';
import { replaceScalar } from './replace-scalar.js';
import { sameAsAboveFix } from './same-as-above.js';
import type { ProposedFix } from './types.js';
import { inFlow, nodeAt } from './yaml-nodes.js';

const QUOTE_TEXT = { zh: '加上引号，保留原样的写法。', en: 'Quote it, keeping it as written.' };

/**
 * Turn the fix a finding offers into edits of the text, using the positional parse. Returns undefined
 * when the finding offers none, or when the text is written in a way the fix does not handle safely.
 * `data` is the parsed data of the same text.
 */
export function proposeFix(parsed: PositionedDocument, data: unknown, finding: Finding): ProposedFix | undefined {
  const plan = finding.fix;
  if (!plan) return undefined;
  if (plan.kind === 'same-as-above') return sameAsAboveFix(parsed, data, finding.path);

  const { isScalar } = yamlLib();
  const found = nodeAt(parsed.doc, finding.path);
  if (!found || !isScalar(found.node) || !found.node.range) return undefined;
  const node = found.node;
  const [start, end] = found.node.range;
  if (plan.kind === 'replace') {
    // The positional parse must see the same string the rules saw.
    if (node.value !== valueAt(data, finding.path)) return undefined;
    const edits = replaceScalar(parsed.text, node, plan.value, inFlow(found));
    return edits
      ? { description: plan.description, edits, effect: { path: finding.path, value: plan.value } }
      : undefined;
  }
  // quote: a plain scalar that reads as a number or true/false, kept as the characters written.
  if (node.type !== 'PLAIN' || typeof node.value === 'string') return undefined;
  const written = parsed.text.slice(start, end);
  return {
    description: QUOTE_TEXT,
    edits: [{ start, end, text: JSON.stringify(written) }],
    effect: { path: finding.path, value: written },
  };
}
