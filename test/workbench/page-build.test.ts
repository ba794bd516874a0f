import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rolldown, type InputOptions, type OutputAsset, type OutputOptions, type RolldownPlugin } from 'rolldown';
import { describe, expect, it } from 'vitest';

// The workbench page is the library's code bundled for a browser: none of it may need Node (no node:
// module, no process, no Buffer: exceljs's browser build carries its own Buffer, so it is left out here),
// and the page it builds is the same, byte for byte, each time.
const ROOT = join(import.meta.dirname, '../..');

interface Build extends InputOptions {
  plugins: RolldownPlugin[];
  output: OutputOptions;
}

/** What in a script needs Node. */
const NODE_ONLY = /\b(process\.[a-z]+|Buffer\.[a-zA-Z]+|new Buffer)\b/g;

const { workbenchBuild } = (await import(join(ROOT, 'rolldown.config.mjs'))) as { workbenchBuild: Build };

/** The page's script with exceljs left out, and every problem the bundler logs. */
async function pageScript(extra: RolldownPlugin[] = []): Promise<{ code: string; problems: string[] }> {
  const problems: string[] = [];
  const stub: RolldownPlugin = {
    name: 'no-exceljs',
    resolveId: (id) => (id === 'exceljs' ? '\0exceljs' : null),
    load: (id) => (id === '\0exceljs' ? 'export default {};' : null),
  };
  const bundle = await rolldown({
    ...workbenchBuild,
    // The page itself is not written: only the script is looked at.
    plugins: [
      stub,
      ...extra,
      ...workbenchBuild.plugins.filter((p) => !('name' in p) || p.name !== 'zwgk-workbench-page'),
    ],
    onLog: (level, log) => {
      if (level === 'warn') problems.push(`${log.code ?? ''}: ${log.message.split('\n')[0] ?? ''}`);
    },
  });
  const { output } = await bundle.generate(workbenchBuild.output);
  await bundle.close();
  return { code: output[0].code, problems };
}

describe('the workbench page', () => {
  it('bundles with no node: module, process or Buffer in its own code', async () => {
    const { code, problems } = await pageScript();
    expect(problems).toEqual([]);
    expect(code.match(/["'`]node:[a-z/_]+["'`]/g) ?? []).toEqual([]);
    expect(code.match(NODE_ONLY) ?? []).toEqual([]);
  }, 60_000);

  it('is told apart from code that needs Node (the check is not blind)', async () => {
    const nodeInside: RolldownPlugin = {
      name: 'node-inside',
      transform: (code, id) =>
        id.endsWith('src/workbench/dom.ts') ? `${code}\nexport const size = Buffer.byteLength('x');` : null,
    };
    const { code } = await pageScript([nodeInside]);
    expect(code.match(NODE_ONLY)).toEqual(['Buffer.byteLength']);
  }, 60_000);

  it('is built the same, byte for byte, each time', async () => {
    const page = async () => {
      const bundle = await rolldown({ ...workbenchBuild, onLog: () => undefined });
      const { output } = await bundle.generate(workbenchBuild.output);
      await bundle.close();
      return output.find((o): o is OutputAsset => o.type === 'asset' && o.fileName === 'zwgk-workbench.html')!.source;
    };
    const first = await page();
    expect(first.length).toBeGreaterThan(100_000);
    expect(await page()).toEqual(first);
    // The size budget: everything, all three tabs, under 3 MB once compressed, as a web server sends it.
    expect(gzipSync(first, { level: 9 }).length).toBeLessThan(3 * 1024 * 1024);
  }, 120_000);
});
