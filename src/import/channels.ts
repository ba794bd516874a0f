import { matchName, type Vocabulary } from '../catalog/vocabulary.js';
import { matchKey } from './simplify.js';

/** What a 公开渠道和载体 cell says. */
export interface ChannelCell {
  /** Standard channels chosen, in the order written. */
  channels: string[];
  /** Channels outside the standard list that are chosen (“■其他:办税服务厅” → 办税服务厅, “■會議” → 會議). */
  other: string[];
  /** Names written otherwise than the standard (一微一端 → 两微一端, 政府網站 → 政府网站). */
  mapped: { from: string; to: string }[];
  /** Chosen names the vocabulary does not know; kept in `other`. */
  unknown: string[];
  /** `boxes`: a checklist with ticked and unticked boxes; `list`: only the chosen names are written. */
  style: 'boxes' | 'list';
  /** Text that names no channel (a “注:…” line), kept so that nothing is lost. */
  rest: string;
}

const ON = '■▄◆☑√✓✔●';
const OFF = '□£☐?？○〇';
/**
 * 口 (the character “mouth”) typed for □: a box only at the start of a line, after a space, or right before a
 * standard channel name, never inside a name (户籍窗口).
 */
const MOUTH_BOX =
  /(?<=^|[\s\u3000■□▄◆☑√])口(?=\S)|口(?=政府|两微|兩微|发布|發布|广播|廣播|纸质|紙質|公开|公開|政务|政務|便民|入户|入戶|社区|社區|精准|精準|其他)/gm;
/** Letters left in place of symbol-font boxes: Wingdings ■ → t, Wingdings 2 þ → R; only when a name follows at once. */
const LOST_ON = /(?<![A-Za-z])[tR](?=[\u4e00-\u9fff])/g;
const SEPARATORS = /[、，,；;\n]+|\s{2,}|\u3000+|\s+(?=\d+[.、．])/;
const BOX = new RegExp(`[${ON}${OFF}]`);
/** Each box with the name after it, up to the next box. */
const BOX_AND_NAME = new RegExp(`([${ON}${OFF}])([^${ON}${OFF}]*)`, 'g');

function cleanName(name: string): string {
  return name
    .replace(/^[\s\u00a0\u3000:：_＿.。、]+|[\s\u00a0\u3000:：_＿,，.。、;；]+$/g, '')
    .replace(/^\d+[.、．]\s*/, '');
}

/**
 * Read a channel cell: a checklist (“■政府网站 □政府公报 …”, with any of the glyphs seen in real tables),
 * or a plain list of the chosen names (“政府网站、两微一端”, “1.政府网站 2.两微一端”). Names are matched to
 * the vocabulary through its alias table and traditional forms.
 */
export function readChannels(text: string, vocabulary: Vocabulary): ChannelCell {
  // A catalog repeats a handful of channel cells on every row: each is read once per vocabulary.
  let known = readCells.get(vocabulary);
  if (!known) readCells.set(vocabulary, (known = new Map<string, ChannelCell>()));
  let cell = known.get(text);
  if (!cell) {
    cell = readCell(text, vocabulary);
    if (known.size >= 10_000) known.clear();
    known.set(text, cell);
  }
  return {
    ...cell,
    channels: [...cell.channels],
    other: [...cell.other],
    mapped: cell.mapped.map((m) => ({ ...m })),
    unknown: [...cell.unknown],
  };
}

const readCells = new WeakMap<Vocabulary, Map<string, ChannelCell>>();

function readCell(text: string, vocabulary: Vocabulary): ChannelCell {
  const out: ChannelCell = { channels: [], other: [], mapped: [], unknown: [], style: 'list', rest: '' };
  const marked = text.replace(LOST_ON, '■').replace(MOUTH_BOX, '□');
  const boxes = BOX.test(marked);
  const rest: string[] = [];
  const choose = (raw: string) => {
    let name = cleanName(raw);
    if (!name) return;
    // “其他:办税服务厅”, “其他 基层公共服务平台”, “其他法律服务网”: the 其他 box with its name.
    const other = /^其[他它]\s*[:：_＿]*\s*(.*)$/.exec(name);
    if (other) {
      // A named 其他 box is the channel it names; a bare one stays 其他, for the rules to ask what it is.
      const named = name
        .slice(name.length - other[1]!.length)
        .split(/[、，,；;]/)
        .map(cleanName)
        .filter(Boolean);
      for (const n of named) if (!out.other.includes(n)) out.other.push(n);
      if (named.length === 0 && !out.channels.includes('其他')) out.channels.push('其他');
      return;
    }
    const key = matchKey(name);
    const match = matchName(key, vocabulary.channels, vocabulary.channelAliases);
    const standard = match.kind === 'known' ? key : match.kind === 'variant' ? match.standard : undefined;
    if (standard && vocabulary.channels.has(standard)) {
      if (standard !== name) out.mapped.push({ from: name, to: standard });
      if (!out.channels.includes(standard)) out.channels.push(standard);
      return;
    }
    name = name.trim();
    out.unknown.push(name);
    if (!out.other.includes(name)) out.other.push(name);
  };

  if (!boxes) {
    for (const part of text.split(SEPARATORS)) {
      const name = cleanName(part);
      if (/^注[:：]/.test(name)) rest.push(part.trim());
      else if (name) choose(part);
    }
    out.rest = rest.join('\n');
    return out;
  }
  out.style = 'boxes';
  for (const line of marked.split('\n')) {
    const first = line.search(BOX);
    if (first < 0) {
      if (line.trim()) rest.push(line.trim());
      continue;
    }
    if (line.slice(0, first).trim()) rest.push(line.slice(0, first).trim());
    for (const m of line.slice(first).matchAll(BOX_AND_NAME)) {
      if (ON.includes(m[1]!)) choose(m[2]!);
    }
  }
  out.rest = rest.join('\n');
  return out;
}
