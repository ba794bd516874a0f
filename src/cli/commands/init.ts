import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ZwgkError } from '../../errors.js';
import type { Lang } from '../../i18n.js';
import { scaffold } from '../../init/scaffold.js';
import { toolVersion } from '../../report/tool-version.js';
import { writeFailureText, writeFileAtomic } from '../../util/write-atomic.js';
import { EXIT } from '../exit.js';

/**
 * `zwgk init [dir]`: set up a catalog repository — configuration, a sample catalog, CI files for GitHub
 * Actions, GitLab and pre-commit. Files that exist are left as they are and listed.
 */
export async function runInit(dir: string | undefined, flags: { lang?: Lang }): Promise<number> {
  const lang = flags.lang ?? 'zh';
  const zh = lang === 'zh';
  const root = resolve(process.cwd(), dir ?? '.');
  const written: string[] = [];
  const kept: string[] = [];
  for (const file of await scaffold(toolVersion())) {
    const target = join(root, file.path);
    if (existsSync(target)) {
      kept.push(file.path);
      continue;
    }
    try {
      await mkdir(dirname(target), { recursive: true });
      await writeFileAtomic(target, file.content, { name: file.path });
    } catch (error) {
      throw new ZwgkError(writeFailureText(error, file.path)[lang]);
    }
    written.push(file.path);
  }
  const out: string[] = [];
  if (written.length) out.push(zh ? '已创建：' : 'Created:', ...written.map((f) => `  ${f}`));
  if (kept.length) out.push(zh ? '已存在，未改动：' : 'Already there, left as they are:', ...kept.map((f) => `  ${f}`));
  out.push(
    '',
    zh
      ? '下一步：npm install，然后 npx zwgk validate catalogs；已有 Excel 或网页表格的，用 npx zwgk import <文件> -o catalogs 导入。'
      : 'Next: npm install, then npx zwgk validate catalogs; to bring in existing tables, npx zwgk import <file> -o catalogs.',
  );
  if (kept.includes('package.json')) {
    out.push(zh ? `package.json 已存在：请在其中加入 devDependencies "zwgk": "^${toolVersion()}"。` : `package.json exists: add the devDependency "zwgk": "^${toolVersion()}".`);
  }
  process.stdout.write(out.join('\n') + '\n');
  return EXIT.ok;
}
