import type { Vocabulary } from '../catalog/vocabulary.js';
import { normalizeForMatch } from '../util/text.js';
import { matchKey, PINYIN_GLOSS } from './simplify.js';

/** What a table's title and the lines above it say about the catalog. */
export interface TitleFacts {
  title?: string;
  domain?: string;
  unit?: string;
  version?: string;
}

/** The line that reads most like a catalog title: the last naming a 目录, else the last naming a 领域. */
function titleOf(lines: readonly string[]): string | undefined {
  const reversed = [...lines].reverse();
  return reversed.find((l) => /目录|目錄/.test(l)) ?? reversed.find((l) => /领域|領域/.test(l) && !/[:：]/.test(l));
}

/**
 * The known domain a text names, with where it starts: the one ending last (a title names the unit, then
 * the domain: 云岭市生态环境局青禾分局卫生健康领域… is 卫生健康), the longer of two ending together.
 */
function findDomain(text: string, vocabulary: Vocabulary): { domain: string; at: number; length: number } | undefined {
  const simple = matchKey(text);
  let best: { domain: string; at: number; length: number } | undefined;
  for (const [key, domain] of domainKeys(vocabulary)) {
    const at = simple.lastIndexOf(key);
    if (at < 0) continue;
    const end = at + key.length;
    const bestEnd = best ? best.at + best.length : -1;
    if (end > bestEnd || (end === bestEnd && key.length > best!.length)) best = { domain, at, length: key.length };
  }
  return best;
}

const keysOfDomains = new WeakMap<Vocabulary, [string, string][]>();

/** The match key of every domain name and alias, with the domain it names, in that order; worked out once per vocabulary. */
function domainKeys(vocabulary: Vocabulary): [string, string][] {
  let keys = keysOfDomains.get(vocabulary);
  if (!keys) {
    const names: [string, string][] = [
      ...[...vocabulary.domains].map((d) => [d, d] as [string, string]),
      ...[...vocabulary.domainAliases].map(([alias, d]) => [alias, d] as [string, string]),
    ];
    keys = names.map(([name, domain]) => [matchKey(name), domain]);
    keysOfDomains.set(vocabulary, keys);
  }
  return keys;
}

/**
 * Read the title lines above a table: the title itself (“(三)…领域基层政务公开标准目录”), the domain it names,
 * the unit written before the domain, the version (“(2025版)”), and a 填报单位 line if there is one.
 * `fallback` (a sheet name) is searched for a domain when the title names none.
 */
export function readTitle(above: readonly string[], vocabulary: Vocabulary, fallback?: string): TitleFacts {
  const facts: TitleFacts = {};
  const lines = above.flatMap((t) => t.split('\n'));
  const titleLine = titleOf(lines);
  for (const line of lines) {
    const filled = /(?:填报|编制)单位\s*[:：]\s*([^\s:：]+?)(?:\s|填报时间|领域|$)/.exec(line);
    if (filled?.[1]) facts.unit = filled[1].replace(/[(（]?盖章[)）]?$/, '');
  }
  if (titleLine) {
    const title = titleLine
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^[(（][一二三四五六七八九十\d]+[)）]\s*|^[一二三四五六七八九十\d]+[、.．]\s*/, '');
    facts.title = title;
    const version = /[(（]?\s*(\d{4}\s*年?\s*版)\s*[)）]?/.exec(title);
    if (version) facts.version = version[1]!.replace(/\s+/g, '');
    const found = findDomain(title, vocabulary);
    if (found) {
      facts.domain = found.domain;
      const compact = normalizeForMatch(title.replace(PINYIN_GLOSS, ''));
      const unit = compact.slice(0, found.at).replace(/(的|关于)$/, '');
      if (!facts.unit && unit.length >= 2) facts.unit = unit;
    }
  }
  if (!facts.domain && fallback) {
    const found = findDomain(fallback, vocabulary);
    if (found) facts.domain = found.domain;
  }
  return facts;
}
