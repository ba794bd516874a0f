import type { Lang } from '../i18n.js';

/** Show progress only for runs longer than this, so short runs print nothing extra. */
const AFTER_MS = 1000;
/** Redraw at most this often. */
const EVERY_MS = 100;

/**
 * A progress line on a terminal's stderr (“检查中 120/2600 个文件”) for runs over a second, redrawn in
 * place and erased when done; nothing at all when stderr is not a terminal (CI logs, pipes, files).
 */
export function progressLine(lang: Lang, stream: NodeJS.WriteStream = process.stderr, now: () => number = Date.now) {
  const start = now();
  let last = 0;
  let shown = false;
  return {
    update: (done: number, total: number): void => {
      if (!stream.isTTY) return;
      const t = now();
      if (t - start < AFTER_MS || t - last < EVERY_MS || done >= total) return;
      last = t;
      shown = true;
      stream.write(`\r${lang === 'zh' ? `检查中 ${done}/${total} 个文件` : `Checking ${done}/${total} files`}\x1b[K`);
    },
    done: (): void => {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
