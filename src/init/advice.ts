import type { Lang } from '../i18n.js';
import { outsideRepository } from './source.js';

/** What a run of `zwgk init` did, for the lines it prints. */
export interface InitOutcome {
  /** Files written and files left as they were, relative to the repository. */
  written: readonly string[];
  kept: readonly string[];
  /** The devDependency spec of zwgk in the repository's package.json. */
  spec: string;
  /** The folder to change into first, as the user named it; undefined when it is the current one. */
  cd?: string;
}

/** Quote a folder name for a shell when it needs it. */
function shellWord(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `"${s.replace(/(["\\$`])/g, '\\$1')}"`;
}

/**
 * The lines `zwgk init` prints: the files it wrote and kept, then the next steps (install, check, commit the
 * lockfile that CI's `npm ci` needs). Pure.
 */
export function initReport(o: InitOutcome, lang: Lang): string[] {
  const zh = lang === 'zh';
  const out: string[] = [];
  if (o.written.length) out.push(zh ? '已创建：' : 'Created:', ...o.written.map((f) => `  ${f}`));
  if (o.kept.length)
    out.push(zh ? '已存在，未改动：' : 'Already there, left as they are:', ...o.kept.map((f) => `  ${f}`));
  const dependency = `"zwgk": ${JSON.stringify(o.spec)}`;
  if (o.kept.includes('package.json')) {
    out.push(
      zh
        ? `package.json 已存在：请在其 devDependencies 中加入 ${dependency}（或运行 npm install --save-dev --save-exact ${shellWord(`zwgk@${o.spec}`)}）。`
        : `package.json exists: add ${dependency} to its devDependencies (or run npm install --save-dev --save-exact ${shellWord(`zwgk@${o.spec}`)}).`,
    );
  }
  if (outsideRepository(o.spec)) {
    out.push(
      zh
        ? `注意：zwgk 从仓库外的文件 ${o.spec.slice('file:'.length)} 安装，CI 上没有这个文件。要让 CI 也能安装，把它放进仓库（如 vendor/ 文件夹）后用 --zwgk-source 指向那里，或放到内网镜像上用网址。`
        : `Note: zwgk installs from ${o.spec.slice('file:'.length)}, a file outside the repository, which CI does not have. For CI, put it in the repository (a vendor/ folder, say) and point --zwgk-source there, or serve it from a mirror and give its URL.`,
    );
  }
  const steps = [
    ...(o.cd !== undefined ? [`cd ${shellWord(o.cd)}`] : []),
    zh
      ? 'npm install                       （安装 zwgk，生成 package-lock.json）'
      : 'npm install                       (installs zwgk and writes package-lock.json)',
    zh ? 'npx zwgk validate catalogs        （检查目录）' : 'npx zwgk validate catalogs        (checks the catalogs)',
    zh
      ? '提交全部文件，包括 package-lock.json：CI 用 npm ci 安装，没有它会失败。'
      : 'Commit everything, package-lock.json included: CI installs with npm ci, which fails without it.',
  ];
  out.push('', zh ? '下一步：' : 'Next:', ...steps.map((s, i) => `  ${i + 1}. ${s}`));
  out.push(
    zh
      ? '已有 Excel 或网页表格的，用 npx zwgk import <文件> -o catalogs 导入。'
      : 'To bring in existing tables: npx zwgk import <file> -o catalogs.',
  );
  return out;
}
