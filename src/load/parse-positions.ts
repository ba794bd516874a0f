import type { Document, LineCounter, Node, YAMLError } from 'yaml';
import { LIMITS, measureData } from './limits.js';
import { hasLoneSurrogate, mayEscapeLoneSurrogate } from './lone-surrogates.js';
import { coreImplicitTypes } from './parse-fast.js';
import { parseSimpleYamlPositions, UNSUPPORTED, type PositionNode } from './parse-simple.js';
import { yamlLib } from '../util/packages.js';
import type { Diagnostic, Range, SourceCode } from '../diagnostics.js';
import { say, type Lang, type Text } from '../i18n.js';

/** A YAML document with the means to turn offsets into lines and columns. */
export interface PositionedDocument {
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /**
   * Where each node is written, for a text plain enough for the simple parser (see parse-simple.ts):
   * `locate` and `sourceAt` read it, and `doc` and `lineCounter` are made only when something asks
   * for them. Such a text has no YAML errors.
   */
  simple?: SimplePositions;
}

/** The positions the simple parser recorded, and where each line starts. */
export interface SimplePositions {
  root: PositionNode;
  /** Offsets where lines start, as the positional parser's line counter records them. */
  lineStarts: number[];
}

const YAML_OPTIONS = {
  schema: 'core',
  prettyErrors: false,
  uniqueKeys: true,
  keepSourceTokens: false,
  // The package's own warnings (a key that is a mapping, stringified) would go to the terminal as the runtime's.
  logLevel: 'error',
} as const;

function yamlDocument(text: string): { doc: Document.Parsed; lineCounter: LineCounter } {
  const { LineCounter, parseDocument } = yamlLib();
  // The package's parser recurses once a level: nesting thousands deep overflows the stack before any
  // document exists (or, deep in a caller's stack, aborts the process). Such a text is not handed to it:
  // it is reported as past the depth limit, where its nesting goes past it.
  if (tooDeepAt(text, 2 * LIMITS.depth) >= 0) return tooDeep(text, tooDeepAt(text, LIMITS.depth));
  const lineCounter = new LineCounter();
  try {
    return { doc: parseDocument(text, { ...YAML_OPTIONS, lineCounter }), lineCounter };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return tooDeep(text, Math.max(0, tooDeepAt(text, LIMITS.depth)));
  }
}

/** A document of no content whose one error says the text nests too deep, at `at`. */
function tooDeep(text: string, at: number): { doc: Document.Parsed; lineCounter: LineCounter } {
  const { LineCounter, parseDocument, YAMLParseError } = yamlLib();
  const lineCounter = new LineCounter();
  const doc = parseDocument('', { ...YAML_OPTIONS, lineCounter });
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
  doc.errors.push(new YAMLParseError([at, at + 1], 'RESOURCE_EXHAUSTION', 'too deep'));
  return { doc, lineCounter };
}

/**
 * Roughly where a text nests past `limit` levels, or -1, from its block structure line by line: mappings
 * by indentation, a list and its entry's mapping for each `- `, and brackets opened on one line. It never
 * counts more levels than there are, so a text it finds is surely too deep; a deep flow collection spread
 * over lines escapes it.
 */
export function tooDeepAt(text: string, limit: number): number {
  const open: { indent: number; list: boolean }[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const indent = /^ */.exec(line)![0].length;
    const rest = line.slice(indent);
    if (rest !== '' && !rest.startsWith('#')) {
      while (open.length > 0 && open[open.length - 1]!.indent > indent) open.pop();
      const dashes = /^(?:-(?: +|$))*/.exec(rest)![0];
      const count = dashes.split('-').length - 1;
      // A key at a list's indent ends the list (`items:` then `- …` at the key's own indent).
      if (count === 0)
        while (open.length > 0 && open[open.length - 1]!.list && open[open.length - 1]!.indent === indent) open.pop();
      let at = indent;
      for (let d = 0; d < count; d++, at += 2) {
        const top = open[open.length - 1];
        if (!(d === 0 && top?.list && top.indent === indent)) open.push({ indent: at, list: true });
      }
      const after = rest.slice(dashes.length);
      const top = open[open.length - 1];
      if (/^[^\s#'"[{][^#]*?:(?: |$)/.test(after) && !(top && !top.list && top.indent === at))
        open.push({ indent: at, list: false });
      let brackets = 0;
      let deepest = 0;
      for (const ch of after) {
        if (ch === '[' || ch === '{') deepest = Math.max(deepest, ++brackets);
        else if (ch === ']' || ch === '}') brackets = Math.max(0, brackets - 1);
      }
      if (open.length + deepest > limit) return offset + indent;
    }
    offset += line.length + 1;
  }
  return -1;
}

/**
 * A text with each lone CR (old Mac line ends) made a line feed, as YAML and js-yaml read it but the
 * `yaml` package does not: the same length, so every offset stays where it was.
 */
export function withLfBreaks(text: string): string {
  return text.includes('\r') && /\r(?!\n)/.test(text) ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** A document whose `yaml` parse is made on first use. */
class LazyDocument implements PositionedDocument {
  readonly text: string;
  readonly simple: SimplePositions;
  private parsed: { doc: Document.Parsed; lineCounter: LineCounter } | undefined;

  constructor(text: string, simple: SimplePositions) {
    this.text = text;
    this.simple = simple;
  }

  get doc(): Document.Parsed {
    this.parsed ??= yamlDocument(this.text);
    return this.parsed.doc;
  }

  get lineCounter(): LineCounter {
    this.parsed ??= yamlDocument(this.text);
    return this.parsed.lineCounter;
  }
}

/**
 * Parse YAML text keeping every node's position, under the YAML 1.2 core schema; a lone CR is a line
 * break, as YAML has it (see {@link withLfBreaks}: `text` is then the text with line feeds). A text the simple
 * parser reads (nearly every catalog) is not parsed by the `yaml` package unless its document is asked
 * for: the simple parser records the same positions, much faster.
 */
export function parseWithPositions(written: string): PositionedDocument {
  const text = withLfBreaks(written);
  const simple = text.endsWith('\n') ? parseSimpleYamlPositions(text, coreImplicitTypes) : UNSUPPORTED;
  if (simple !== UNSUPPORTED) {
    const lineStarts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    return new LazyDocument(text, { root: simple.root, lineStarts });
  }
  const { doc, lineCounter } = yamlDocument(text);
  const parsed: PositionedDocument = { text, doc, lineCounter };
  if (doc.errors.length === 0) checkData(parsed);
  else placeExhaustion(doc);
  return parsed;
}

/** The data of documents read by the `yaml` package without errors, as `documentData` gives it. */
const dataOf = new WeakMap<PositionedDocument, unknown>();

/**
 * The data of a document, as the fast parser reads it; null for a document with errors. Aliases are
 * read as often as they are written: how much they add up to is checked when the document is parsed.
 */
export function documentData(parsed: PositionedDocument): unknown {
  if (parsed.doc.errors.length > 0) return null;
  if (!dataOf.has(parsed)) dataOf.set(parsed, parsed.doc.toJS({ maxAliasCount: -1 }));
  return dataOf.get(parsed);
}

/**
 * Read the data of a document the `yaml` package parsed without errors, and add an error where it
 * cannot be read or is past the limits (limits.ts): an alias to an anchor not defined before it, nesting
 * too deep, aliases that add up to too many values, or an escape that gives half a surrogate pair.
 */
function checkData(parsed: PositionedDocument): void {
  const { doc } = parsed;
  const { isAlias, isCollection, YAMLParseError } = yamlLib();
  const problem = (node: Node | undefined, code: string, message: string): void => {
    const range = node?.range ?? [0, 0, 0];
    doc.errors.push(new YAMLParseError([range[0], range[1]], code as never, message));
  };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: -1 });
  } catch {
    // An alias to no anchor; else the data nests too deep to be read at all.
    const alias = findNode(doc, (node) => isAlias(node) && node.resolve(doc) === undefined);
    if (alias) problem(alias, 'UNDEFINED_ALIAS', `Unresolved alias ${isAlias(alias) ? alias.source : ''}`);
    else
      problem(
        findNode(doc, (node, depth) => isCollection(node) && depth > LIMITS.depth),
        'TOO_DEEP',
        'depth',
      );
    return;
  }
  const excess = measureData(data);
  if (!excess) {
    const { isScalar } = yamlLib();
    const half = mayEscapeLoneSurrogate(parsed.text)
      ? findNode(doc, (node) => isScalar(node) && typeof node.value === 'string' && hasLoneSurrogate(node.value))
      : undefined;
    if (half) problem(half, 'LONE_SURROGATE', 'lone surrogate');
    else dataOf.set(parsed, data);
    return;
  }
  const tooDeep =
    excess.kind === 'depth' ? findNode(doc, (node, depth) => isCollection(node) && depth > LIMITS.depth) : undefined;
  const code = excess.kind === 'depth' ? 'TOO_DEEP' : excess.kind === 'chars' ? 'TOO_MUCH_TEXT' : 'TOO_LARGE';
  problem(tooDeep ?? findNode(doc, (node) => isAlias(node)), code, excess.kind);
}

/**
 * The `yaml` package stops where nesting exhausts its stack, far past the depth limit: the error is
 * moved to the first mapping or list past the limit, where the reader can see the nesting begin.
 */
function placeExhaustion(doc: Document.Parsed): void {
  const at = doc.errors.findIndex((e) => e.code === 'RESOURCE_EXHAUSTION');
  if (at < 0) return;
  const { isCollection, YAMLParseError } = yamlLib();
  const node = findNode(doc, (n, depth) => isCollection(n) && depth > LIMITS.depth);
  if (node?.range)
    doc.errors[at] = new YAMLParseError([node.range[0], node.range[1]], 'RESOURCE_EXHAUSTION', 'too deep');
}

/**
 * The first node, in document order, that `test` accepts, with its depth (the top mapping or list is
 * at 1); aliases are not followed. A loop, not a recursion: any depth is walked.
 */
function findNode(doc: Document.Parsed, test: (node: Node, depth: number) => boolean): Node | undefined {
  const { isCollection, isPair, isNode } = yamlLib();
  const stack: { node: Node; depth: number }[] = isNode(doc.contents) ? [{ node: doc.contents, depth: 1 }] : [];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (test(node, depth)) return node;
    if (!isCollection(node)) continue;
    const children: { node: Node; depth: number }[] = [];
    for (const item of node.items) {
      if (isPair(item)) {
        if (isNode(item.key)) children.push({ node: item.key, depth: depth + 1 });
        if (isNode(item.value)) children.push({ node: item.value, depth: depth + 1 });
      } else if (isNode(item)) {
        children.push({ node: item, depth: depth + 1 });
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return undefined;
}

/** The 1-based line and column of an offset, as the `yaml` package's `LineCounter.linePos` gives them. */
export function linePos(lineStarts: readonly number[], offset: number): { line: number; col: number } {
  let low = 0;
  let high = lineStarts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (lineStarts[mid]! < offset) low = mid + 1;
    else high = mid;
  }
  if (lineStarts[low] === offset) return { line: low + 1, col: 1 };
  if (low === 0) return { line: 0, col: offset };
  return { line: low, col: offset - lineStarts[low - 1]! + 1 };
}

/** Turn a pair of offsets into a 1-based range. */
export function offsetsToRange(lineCounter: Pick<LineCounter, 'linePos'>, start: number, end: number): Range {
  const s = lineCounter.linePos(start);
  const e = lineCounter.linePos(Math.max(start, end));
  return { start: { line: s.line, column: s.col }, end: { line: e.line, column: e.col } };
}

/** `offsetsToRange` for a document: from the simple parser's line starts when it has them. */
export function documentRange(parsed: PositionedDocument, start: number, end: number): Range {
  const simple = parsed.simple;
  return simple
    ? offsetsToRange({ linePos: (offset) => linePos(simple.lineStarts, offset) }, start, end)
    : offsetsToRange(parsed.lineCounter, start, end);
}

const YAML_MESSAGES: Record<string, Text> = {
  DUPLICATE_KEY: { zh: '同一层级中出现了重复的字段名。', en: 'Duplicate key in the same mapping.' },
  TAB_AS_INDENT: { zh: '缩进中使用了 Tab 字符。', en: 'A tab character is used for indentation.' },
  MULTIPLE_DOCS: {
    zh: '一个文件中有多个 YAML 文档（以 --- 分隔）。',
    en: 'The file holds several YAML documents (separated by ---).',
  },
  BAD_INDENT: { zh: '缩进不正确。', en: 'Wrong indentation.' },
  BLOCK_AS_IMPLICIT_KEY: {
    zh: '缩进不正确，或字段名后缺少冒号。',
    en: 'Wrong indentation, or a colon is missing after a key.',
  },
  MULTILINE_IMPLICIT_KEY: {
    zh: '字段名不能跨行，可能缺少冒号或缩进不正确。',
    en: 'A key cannot span lines; a colon may be missing or the indentation is wrong.',
  },
  MISSING_CHAR: { zh: '缺少配对的括号或引号。', en: 'A closing bracket or quote is missing.' },
  UNEXPECTED_TOKEN: { zh: '此处出现了不应有的字符。', en: 'Unexpected character here.' },
  BAD_SCALAR_START: {
    zh: '这个值不能以该字符开头，请给它加上引号。',
    en: 'A plain value cannot start with this character; quote it.',
  },
  BAD_DQ_ESCAPE: { zh: '双引号字符串中有无效的转义序列。', en: 'Invalid escape sequence in a double-quoted string.' },
  MISSING_ANCHOR: { zh: '引用了不存在的锚点（*名称）。', en: 'Reference to an undefined anchor (*name).' },
  UNDEFINED_ALIAS: {
    zh: '引用了不存在的锚点（*名称）：锚点（&名称）要写在引用它的地方之前。',
    en: 'Reference to an undefined anchor (*name): the anchor (&name) must be written before the references to it.',
  },
  TOO_DEEP: {
    zh: `嵌套超过 ${LIMITS.depth} 层（映射和列表一层套一层），zwgk 不读这样的文件。`,
    en: `Nested more than ${LIMITS.depth} levels deep (mappings and lists inside one another); zwgk does not read such a file.`,
  },
  RESOURCE_EXHAUSTION: {
    zh: `嵌套超过 ${LIMITS.depth} 层（映射和列表一层套一层），zwgk 不读这样的文件。`,
    en: `Nested more than ${LIMITS.depth} levels deep (mappings and lists inside one another); zwgk does not read such a file.`,
  },
  LONE_SURROGATE: {
    zh: '这里的转义只写了半个字符（单独的 UTF-16 代理项，如 \\uD800），生成的表格和网页里会变成“�”。',
    en: 'This escape writes half a character (a lone UTF-16 surrogate, such as \\uD800); workbooks and pages would show it as "�".',
  },
  TOO_MUCH_TEXT: {
    zh: `别名（*名称）展开后文字超过 ${(LIMITS.chars / 1024 / 1024).toLocaleString('en')}M 个字符，zwgk 不读这样的文件。`,
    en: `Its aliases (*name) expand to more than ${(LIMITS.chars / 1024 / 1024).toLocaleString('en')}M characters of text; zwgk does not read such a file.`,
  },
  TOO_LARGE: {
    zh: `别名（*名称）展开后超过 ${LIMITS.nodes.toLocaleString('en')} 个值，或引用了自身，zwgk 不读这样的文件。`,
    en: `Its aliases (*name) expand to more than ${LIMITS.nodes.toLocaleString('en')} values, or refer to themselves; zwgk does not read such a file.`,
  },
};

/** Finding codes of the positional parser's errors that are not the YAML's own (the file is past a limit). */
const LIMIT_CODES: Record<string, SourceCode> = {
  TOO_DEEP: 'file/too-deep',
  RESOURCE_EXHAUSTION: 'file/too-deep',
  TOO_LARGE: 'file/too-large',
  TOO_MUCH_TEXT: 'file/too-large',
};

/**
 * Turn the positional parser's errors into findings, with hints for the mistakes people make most.
 * One syntax error sets off others after it, so only the first is reported (with every duplicate
 * key, which stand on their own).
 */
export function yamlDiagnostics(file: string, parsed: PositionedDocument, lang: Lang): Diagnostic[] {
  // The simple parser reads only YAML that the positional parser reads without errors.
  if (parsed.simple) return [];
  const errors = parsed.doc.errors;
  const firstSyntax = errors.find((e) => e.code !== 'DUPLICATE_KEY');
  return errors
    .filter((e) => e.code === 'DUPLICATE_KEY' || e === firstSyntax)
    .map((error) => yamlDiagnostic(file, parsed, error, lang));
}

/** Messages keyed on what the yaml package says, where its code alone is too coarse. */
const YAML_TEXT_MESSAGES: [RegExp, Text][] = [
  [
    /Implicit map keys need to be followed by map values/,
    { zh: '字段名后缺少冒号，或缩进不正确。', en: 'A colon is missing after a key, or the indentation is wrong.' },
  ],
  [
    /Nested mappings are not allowed in compact mappings/,
    {
      zh: '值里出现了“: ”：可能是下一行缩进多了，被当成了这个值的一部分；也可能是值本身含有冒号，需要整个加引号。',
      en: 'A value contains ": ": the next line may be indented too far and read as part of it, or the value itself holds a colon and must be quoted.',
    },
  ],
  [/Missing closing "?quote|Missing closing/, { zh: '引号没有闭合。', en: 'A quote is not closed.' }],
  [
    /flow (sequence|collection).*must.*end with a \]/i,
    {
      zh: '方括号 [ 没有闭合，或其中的内容换行后缩进不够。',
      en: 'A [ is not closed, or a line inside it is not indented enough.',
    },
  ],
];

function yamlDiagnostic(file: string, parsed: PositionedDocument, error: YAMLError, lang: Lang): Diagnostic {
  const code: SourceCode =
    LIMIT_CODES[error.code] ??
    (error.code === 'DUPLICATE_KEY'
      ? 'yaml/duplicate-key'
      : error.code === 'TAB_AS_INDENT'
        ? 'yaml/tab-indent'
        : error.code === 'MULTIPLE_DOCS'
          ? 'yaml/multiple-documents'
          : 'yaml/syntax');
  const known = YAML_TEXT_MESSAGES.find(([re]) => re.test(error.message))?.[1] ?? YAML_MESSAGES[error.code];
  const original = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  const start = error.pos[0];
  let end = error.pos[1];
  if (error.code === 'DUPLICATE_KEY') {
    const key = /^[^\s:#]+|^"[^"]*"|^'[^']*'/.exec(parsed.text.slice(start));
    if (key) end = start + key[0].length;
  }
  let message = known
    ? say(lang, known)
    : lang === 'zh'
      ? `YAML 语法错误：${original}`
      : `YAML syntax error: ${original}`;
  if (error.code === 'DUPLICATE_KEY') {
    const key = parsed.text.slice(start, end);
    message =
      lang === 'zh' ? `字段“${key}”在同一层级中重复出现。` : `The key "${key}" appears twice in the same mapping.`;
  }
  const range = offsetsToRange(parsed.lineCounter, start, end);
  const hint = hintFor(error.code, lineText(parsed.text, range.start.line), lang);
  return {
    code,
    severity: 'error',
    message,
    file,
    path: [],
    pointer: '',
    range,
    ...(hint ? { hint } : {}),
  };
}

function lineText(text: string, line: number): string {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return '';
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? undefined : end);
}

function hintFor(code: string, line: string, lang: Lang): string | undefined {
  const hint = (text: Text) => say(lang, text);
  if (code === 'DUPLICATE_KEY') {
    return hint({
      zh: '删除重复的一行，或把它改成应有的字段名。',
      en: 'Remove the repeated line or rename it to the key it should be.',
    });
  }
  if (code === 'TAB_AS_INDENT') {
    return hint({
      zh: '用空格缩进（每层两个空格），不要用 Tab 键。',
      en: 'Indent with spaces (two per level), not tabs.',
    });
  }
  if (code === 'TOO_DEEP' || code === 'RESOURCE_EXHAUSTION') {
    return hint({
      zh: '目录不会嵌套这么多层：检查缩进是否一行比一行多，或是否误写了一长串“- ”或括号。',
      en: 'No catalog nests this deep: check whether each line is indented further than the one before, or for a long run of "- " or brackets.',
    });
  }
  if (code === 'TOO_LARGE' || code === 'TOO_MUCH_TEXT') {
    return hint({
      zh: '把别名引用的内容直接写出来，或删掉层层相套的别名。',
      en: 'Write out what the aliases stand for, or remove aliases that nest in one another.',
    });
  }
  if (code === 'LONE_SURROGATE') {
    return hint({
      zh: '直接写出这个字符，或写出完整的一对转义（如 \\uD83D\\uDE00）。',
      en: 'Write the character itself, or the whole pair of escapes (such as \\uD83D\\uDE00).',
    });
  }
  if (code === 'UNDEFINED_ALIAS') {
    return hint({
      zh: '在前面用“&名称”定义这个锚点，或把“*名称”改成要写的值（含“*”的文字要加引号）。',
      en: 'Define the anchor with "&name" before it, or replace "*name" with the value (quote text that starts with "*").',
    });
  }
  if (code === 'MULTIPLE_DOCS') {
    return hint({
      zh: '每个目录单独存为一个文件，删除文件中间的 ---。',
      en: 'Keep one catalog per file and remove the --- in between.',
    });
  }
  if (/[\u4e00-\u9fff\w)]：/.test(line)) {
    return hint({
      zh: '这一行用了全角冒号“：”，字段名后应使用半角冒号加空格“: ”。',
      en: 'This line uses a full-width colon "："; write a half-width colon and a space ": " after a key.',
    });
  }
  if (/^\s*(-\s+)?[A-Za-z_]+:\s+[^"'\s][^#]*?:\s/.test(line)) {
    return hint({
      zh: '值中含有“: ”时，要把整个值加上引号，如 `content: "法律法规: …"`。',
      en: 'When a value contains ": ", quote the whole value, as in `content: "法律法规: …"`.',
    });
  }
  if (/^\s*(-\s+)?[A-Za-z_]+:[^\s/]/.test(line)) {
    return hint({
      zh: '冒号后面要加一个空格，如 `method: 主动`。',
      en: 'Put a space after the colon, as in `method: 主动`.',
    });
  }
  if (code === 'BAD_INDENT' || code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY') {
    return hint({
      zh: '同一层级的字段要左对齐；列表项以“- ”开头，其下字段比“-”多缩进两个空格。',
      en: 'Keys at one level must line up; a list item starts with "- " and its keys are indented two spaces past the "-".',
    });
  }
  return undefined;
}
