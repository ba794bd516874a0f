import { existsSync, statSync, type Stats } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../../diagnostics.js';
import type { Text } from '../../i18n.js';
import { writeFileAtomic } from '../../util/write-atomic.js';
import type { SourceResult } from '../../load/read-source.js';
import type { FileOutcome } from '../check-source.js';
import type { ValidateOptions } from '../options.js';
import type { OutcomeCache } from '../validate-files.js';
import { digest, engineFingerprint, optionsFingerprint } from './fingerprint.js';

/** The cache file's name when `--cache-location` names a folder, or is not given (in the working directory). */
export const CACHE_FILE_NAME = '.zwgkcache';

/** How every cache file starts: what tells a zwgk cache from any other file at that place. */
const MAGIC = '{"zwgkCache":1,';

/**
 * What the cache keeps of one file: the name it was checked under, its content (a digest), its size and
 * modification time with when it was read, its settings, and what checking it found.
 */
interface Entry {
  name: string;
  hash: string;
  size: number;
  mtime: number;
  readAt: number;
  options: string;
  outcome: StoredOutcome;
}

/**
 * How long after its last change a file must have been read for its size and time to stand for its
 * content. A file changed again within the file system's timestamp granularity (2 s on FAT) of being read
 * could keep both; such a file's content is compared instead, as git does with racily clean files.
 */
const RACY_MS = 2000;

/** What a lookup learnt of a file, for storing its outcome. */
interface Looked {
  hash?: string;
  size: number;
  mtime: number;
  readAt: number;
}

/** A {@link FileOutcome} as JSON: facts as entries; the text not kept (it is read again), only whether the outcome had it. */
interface StoredOutcome {
  diagnostics: Diagnostic[];
  facts?: [string, unknown][];
  suppressions?: NonNullable<FileOutcome['suppressions']>;
  text?: true;
}

interface CacheFile {
  zwgkCache: 1;
  engine: string;
  files: Record<string, Entry>;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Whether a stored entry has the shape this version writes; anything else is not used. */
function isEntry(v: unknown): v is Entry {
  if (!isObject(v) || typeof v.name !== 'string' || typeof v.hash !== 'string' || typeof v.options !== 'string')
    return false;
  if (typeof v.size !== 'number' || typeof v.mtime !== 'number' || typeof v.readAt !== 'number') return false;
  const o = v.outcome;
  if (!isObject(o) || !Array.isArray(o.diagnostics)) return false;
  if (!o.diagnostics.every((d) => isObject(d) && typeof d.code === 'string' && typeof d.message === 'string'))
    return false;
  if (o.facts !== undefined && !(Array.isArray(o.facts) && o.facts.every((f) => Array.isArray(f) && f.length === 2)))
    return false;
  if (o.suppressions !== undefined && !Array.isArray(o.suppressions)) return false;
  return o.text === undefined || o.text === true;
}

/** What opening the cache had to say: a cache file that is damaged, not zwgk's, or cannot be read. */
export interface CacheOpened {
  cache: ResultCache;
  warnings: Text[];
}

/**
 * Results of earlier runs, per file: a file whose content, name and settings are those of its entry,
 * checked by the same version of zwgk, is not read as YAML again; its findings, suppression comments and
 * facts for the project rules come from the entry. Kept in one JSON file, rewritten whole after a run.
 */
export class ResultCache implements OutcomeCache {
  /** Files whose outcome came from the cache, and files checked again, in this run. */
  hits = 0;
  misses = 0;
  private readonly fingerprints = new WeakMap<ValidateOptions, string>();
  /** What each lookup of this run learnt of its file, by key, for storing its outcome. */
  private readonly looked = new Map<string, Looked>();
  private readonly touched = new Set<string>();
  /** Whether anything is to be written: an entry stored, or one left out for a file that is gone. */
  private changed = false;

  /** The cache file. */
  readonly file: string;
  private readonly engine: string;
  private readonly entries: Map<string, Entry>;
  /** False when the file at the cache's place is not a zwgk cache: it is then left as it is. */
  private readonly writable: boolean;

  constructor(file: string, engine: string, entries: Map<string, Entry>, writable: boolean, changed = false) {
    this.file = file;
    this.engine = engine;
    this.entries = entries;
    this.writable = writable;
    this.changed = changed;
  }

  /** The key of a file: its path from the cache file's folder, with forward slashes. */
  private key(path: string): string {
    return relative(dirname(this.file), path).split(sep).join('/');
  }

  private fingerprint(options: ValidateOptions): string {
    let fp = this.fingerprints.get(options);
    if (fp === undefined) this.fingerprints.set(options, (fp = optionsFingerprint(options)));
    return fp;
  }

  get(file: string, path: string, options: ValidateOptions, read: () => SourceResult): FileOutcome | undefined {
    const key = this.key(path);
    this.touched.add(key);
    let meta: Stats;
    try {
      meta = statSync(path);
    } catch {
      return this.miss();
    }
    const looked: Looked = { size: meta.size, mtime: meta.mtimeMs, readAt: Date.now() };
    this.looked.set(key, looked);
    const entry = this.entries.get(key);
    if (!entry || entry.name !== file || entry.options !== this.fingerprint(options)) return this.miss();
    // Unchanged size and time, read well after its last change: the content is the one checked.
    const same = entry.size === meta.size && entry.mtime === meta.mtimeMs && entry.mtime + RACY_MS < entry.readAt;
    const needText = entry.outcome.text === true;
    let text: string | undefined;
    if (!same || needText) {
      const source = read();
      if (!source.ok) return this.miss();
      text = source.text;
      if (!same) {
        looked.hash = digest(text);
        if (looked.hash !== entry.hash) return this.miss();
      }
    }
    this.hits++;
    const { diagnostics, facts, suppressions } = entry.outcome;
    return {
      diagnostics,
      ...(facts ? { facts: new Map(facts) } : {}),
      ...(suppressions ? { suppressions } : {}),
      ...(text !== undefined && needText ? { text } : {}),
    };
  }

  private miss(): FileOutcome | undefined {
    this.misses++;
    return undefined;
  }

  set(file: string, path: string, text: string, options: ValidateOptions, outcome: FileOutcome): void {
    const key = this.key(path);
    const looked = this.looked.get(key) ?? { size: -1, mtime: -1, readAt: 0 };
    this.touched.add(key);
    this.changed = true;
    this.entries.set(key, {
      name: file,
      hash: looked.hash ?? digest(text),
      size: looked.size,
      mtime: looked.mtime,
      readAt: looked.readAt,
      options: this.fingerprint(options),
      outcome: {
        diagnostics: outcome.diagnostics,
        ...(outcome.facts ? { facts: [...outcome.facts] } : {}),
        ...(outcome.suppressions ? { suppressions: outcome.suppressions } : {}),
        ...(outcome.text !== undefined ? { text: true } : {}),
      },
    });
  }

  /** Leave out the entries of files that are gone (those not looked up in this run and no longer there). */
  private prune(): void {
    const base = dirname(this.file);
    for (const key of this.entries.keys()) {
      if (this.touched.has(key) || existsSync(resolve(base, key))) continue;
      this.entries.delete(key);
      this.changed = true;
    }
  }

  /** The cache as written: entries by key in order. */
  serialize(): string {
    const parts: string[] = [];
    for (const key of [...this.entries.keys()].sort()) {
      let json: string;
      try {
        json = JSON.stringify(this.entries.get(key));
      } catch {
        continue; // an outcome that is not plain data is checked again next time
      }
      parts.push(`${JSON.stringify(key)}:${json}`);
    }
    return `${MAGIC}"engine":${JSON.stringify(this.engine)},"files":{${parts.join(',')}}}\n`;
  }

  /** Write the cache file; what went wrong, if anything, as a warning (a run never fails for its cache). */
  async save(): Promise<Text | undefined> {
    if (!this.writable) return undefined;
    try {
      this.prune();
      // A run that found every file as it was leaves the file as it is.
      if (!this.changed) return undefined;
      await mkdir(dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, this.serialize());
      return undefined;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      return {
        zh: `无法写入缓存文件 ${this.file}（${code}），下次运行将重新检查所有文件。`,
        en: `Cannot write the cache file ${this.file} (${code}); the next run checks every file again.`,
      };
    }
  }
}

/**
 * Where the cache is: `location` (a file, or a folder to hold {@link CACHE_FILE_NAME}), relative to `cwd`;
 * by default `.zwgkcache` in `cwd`.
 */
export async function cachePath(location: string | undefined, cwd: string): Promise<string> {
  if (location === undefined || location === '') return join(cwd, CACHE_FILE_NAME);
  const path = isAbsolute(location) ? location : resolve(cwd, location);
  if (/[\\/]$/.test(location)) return join(path, CACHE_FILE_NAME);
  const isDir = await stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
  return isDir ? join(path, CACHE_FILE_NAME) : path;
}

/**
 * Open the cache at `file`. A missing file is an empty cache; one written by another version of zwgk is
 * started again, silently. A damaged cache is ignored with a warning and written anew; a file that is not a
 * zwgk cache is ignored with a warning and never overwritten.
 */
export async function openCache(file: string, engine: string = engineFingerprint()): Promise<CacheOpened> {
  const fresh = (writable: boolean, warnings: Text[] = []): CacheOpened => ({
    cache: new ResultCache(file, engine, new Map(), writable, true),
    warnings,
  });
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fresh(true);
    if (code === 'EISDIR') return fresh(false, [notACache(file)]);
    return fresh(false, [
      {
        zh: `无法读取缓存文件 ${file}（${code}），本次不使用缓存。`,
        en: `Cannot read the cache file ${file} (${code}); this run uses no cache.`,
      },
    ]);
  }
  if (!text.startsWith(MAGIC)) return fresh(false, [notACache(file)]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!isObject(parsed) || typeof parsed.engine !== 'string' || !isObject(parsed.files)) {
    return fresh(true, [
      {
        zh: `缓存文件 ${file} 已损坏，已忽略；本次检查所有文件并重写缓存。`,
        en: `The cache file ${file} is damaged and was ignored; this run checks every file and writes it anew.`,
      },
    ]);
  }
  const cached = parsed as unknown as CacheFile;
  if (cached.engine !== engine) return fresh(true);
  const entries = new Map<string, Entry>();
  for (const [key, entry] of Object.entries(cached.files)) if (isEntry(entry)) entries.set(key, entry);
  // Entries of another shape (a damaged or edited file) are left out, and the file written again.
  const dropped = entries.size < Object.keys(cached.files).length;
  return { cache: new ResultCache(file, engine, entries, true, dropped), warnings: [] };
}

function notACache(file: string): Text {
  return {
    zh: `${file} 不是 zwgk 的缓存文件，本次不使用缓存，也不改写它；用 --cache-location 另选位置。`,
    en: `${file} is not a zwgk cache file; this run uses no cache and leaves the file as it is. Choose another place with --cache-location.`,
  };
}
