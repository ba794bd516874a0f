import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir, zwgk } from '../_helpers/cli.js';

// These run the built command (`npm run build` first, as `npm test` does): the worker file is dist/pool-worker.js.

const CATALOGS = join(import.meta.dirname, '../../catalogs');

/** The shipped catalogs in three folders, so that codes repeat across files, with a few mistakes and a suppression. */
function files(): Record<string, string> {
  const out: Record<string, string> = {};
  const shipped = readdirSync(CATALOGS).filter((f) => f.endsWith('.yaml'));
  for (const folder of ['a', 'b', 'c']) {
    for (const f of shipped) {
      let text = readFileSync(join(CATALOGS, f), 'utf8');
      if (folder === 'b') text = text.replace('method: 主动', 'method: 主动公开');
      if (folder === 'c') {
        // One alias hidden by a suppression, one reported as an error by the configuration's override.
        text = text.replace(
          /^(\s*)channels: \[/m,
          '$1# zwgk-disable-next-line channel-known -- 测试\n$1channels: [一微一端, ',
        );
        const last = text.lastIndexOf('channels: [');
        text = `${text.slice(0, last)}channels: [纸质载体, ${text.slice(last + 'channels: ['.length)}`;
      }
      out[`${folder}/${f}`] = text;
    }
  }
  out['d/broken.yaml'] = 'domain: 义务教育\nitems: [\n';
  out['d/empty.yaml'] = '# nothing\n';
  out['zwgk.config.yaml'] = 'overrides:\n  - files: "c/**"\n    rules:\n      channel-known: error\n';
  return out;
}

describe('validate with worker threads', () => {
  const t = tempDir(files());
  afterAll(() => t.cleanup());

  it.each(['json', 'stylish', 'sarif'])('reports exactly what one thread reports (%s)', (format) => {
    const one = zwgk(['validate', '.', '-f', format, '--no-color'], t.dir, undefined, { ZWGK_WORKERS: '0' });
    const pool = zwgk(['validate', '.', '-f', format, '--no-color'], t.dir, undefined, { ZWGK_WORKERS: '2' });
    expect(one.status).toBe(1);
    expect(pool.stderr).toBe('');
    expect(pool.status).toBe(one.status);
    expect(pool.stdout).toBe(one.stdout);
  });

  it('finds codes repeated across files that different workers checked', () => {
    const report = JSON.parse(
      zwgk(['validate', '.', '-f', 'json'], t.dir, undefined, { ZWGK_WORKERS: '3' }).stdout,
    ) as { diagnostics: { code: string }[] };
    expect(report.diagnostics.some((d) => d.code === 'code-unique')).toBe(true);
  });
});
