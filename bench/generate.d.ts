// Types of bench/generate.js, for the tests that generate a benchmark set.

/** A generated set, as its marker file records it. */
export interface GeneratedSet {
  version: number;
  scale: string;
  clean?: boolean;
  revised?: boolean;
  dir: string;
  files: number;
  items: number;
  bytes: number;
  paths: string[];
  mistakes: { file: string; planted: string[] }[];
  revisions?: {
    removed: number;
    renamed: number;
    moved: number;
    changed: number;
    added1: number;
    added2: number;
    contentEdited: number;
    contentFiles: number;
  };
}

export const GENERATOR_VERSION: number;
export const DATA_DIR: string;
export const SCALES: Record<string, { counties: number; files: number; items: number }>;

/** Make sure the set for `scale` exists, written by this generator version; see generate.js. */
export function ensureScale(
  scale: string,
  options?: { force?: boolean; clean?: boolean; revised?: boolean; log?: (line: string) => void },
): GeneratedSet;
