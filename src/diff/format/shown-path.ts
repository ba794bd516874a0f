import { isAbsolute, relative, sep } from 'node:path';

/**
 * A file as the report names it: as the user gave it, but relative to the working directory when it lies
 * inside it (an absolute path given for a file here is shown short).
 */
export function shownPath(file: string, cwd = process.cwd()): string {
  if (!isAbsolute(file)) return file;
  const inside = relative(cwd, file);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside.split(sep).join('/') : file;
}
