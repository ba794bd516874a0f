import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Text } from '../i18n.js';

/**
 * Where the zwgk of a new catalog repository comes from (`zwgk init --zwgk-source`): a spec npm installs as it
 * is (a version or range from the registry, a URL, an `npm:` alias), or a tarball on this machine, which the
 * repository's package.json names relative to itself.
 */
export type ZwgkSource = { kind: 'spec'; spec: string } | { kind: 'tarball'; path: string };

/** What `--zwgk-source` says, or why it cannot be installed from. */
export type ParsedSource = ZwgkSource | { kind: 'problem'; problem: Text };

const EXPECTED: Text = {
  zh: '可以写版本号（0.1.0）、版本范围（^0.1.0）、网址（https://…/zwgk-0.1.0.tgz）、npm: 别名（npm:@单位/zwgk@0.1.0）或本机的 .tgz 文件（./zwgk-0.1.0.tgz）',
  en: 'give a version (0.1.0), a range (^0.1.0), a URL (https://…/zwgk-0.1.0.tgz), an npm: alias (npm:@org/zwgk@0.1.0) or a .tgz file on this machine (./zwgk-0.1.0.tgz)',
};

// One comparator of a semver range: an operator, then a version whose parts may be x or *.
const XR = String.raw`(?:0|[1-9]\d*|[xX*])`;
const COMPARATOR = String.raw`(?:[<>]=?|=|~>?|\^)?\s*v?${XR}(?:\.${XR}){0,2}(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?`;
const SET = String.raw`${COMPARATOR}(?:\s+(?:-\s+)?${COMPARATOR})*`;
const RANGE = new RegExp(String.raw`^${SET}(?:\s*\|\|\s*${SET})*$`);
const ALIAS = /^npm:(?:@[a-z0-9][\w.~-]*\/)?[a-z0-9][\w.~-]*(?:@\S+)?$/i;
const URL_SCHEMES = new Set(['http:', 'https:', 'git:', 'git+http:', 'git+https:', 'git+ssh:', 'ssh:']);
const TARBALL = /\.(?:tgz|tar\.gz)$/i;
// Looks like a path on this or another system: ./x, ../x, /x, ~/x, C:\x, x\y, x/y.
const PATHLIKE = /^(?:\.{1,2}(?:[/\\]|$)|[/\\~]|[A-Za-z]:[/\\])|[/\\]/;

function problem(zh: string, en: string): ParsedSource {
  return { kind: 'problem', problem: { zh: `--zwgk-source “${zh}`, en: `--zwgk-source "${en}` } };
}

/** Read the value of `--zwgk-source`. Pure: whether a tarball exists is for the caller to find out. */
export function parseZwgkSource(value: string): ParsedSource {
  const v = value.trim();
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    return problem(
      `${JSON.stringify(value).slice(1, -1)}”含有控制字符：${EXPECTED.zh}。`,
      `${JSON.stringify(value).slice(1, -1)}" contains control characters: ${EXPECTED.en}.`,
    );
  }
  if (v === '')
    return {
      kind: 'problem',
      problem: { zh: `--zwgk-source 是空的：${EXPECTED.zh}。`, en: `--zwgk-source is empty: ${EXPECTED.en}.` },
    };
  if (RANGE.test(v)) return { kind: 'spec', spec: v };
  if (v.toLowerCase().startsWith('npm:')) {
    return ALIAS.test(v)
      ? { kind: 'spec', spec: v }
      : problem(
          `${v}”不是 npm: 别名：应写作 npm:包名@版本，如 npm:@单位/zwgk@0.1.0。`,
          `${v}" is not an npm: alias: write npm:name@version, like npm:@org/zwgk@0.1.0.`,
        );
  }
  if (v.toLowerCase().startsWith('file:')) {
    let file: string;
    try {
      file = v.startsWith('file://') ? fileURLToPath(v) : v.slice('file:'.length);
    } catch {
      return problem(
        `${v}”不是本机文件的地址：${EXPECTED.zh}。`,
        `${v}" is not the address of a file on this machine: ${EXPECTED.en}.`,
      );
    }
    return tarballOrProblem(v, file);
  }
  const scheme = /^([a-z][a-z0-9+.-]*:)\/\//i.exec(v)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    if (!URL_SCHEMES.has(scheme)) {
      return problem(
        `${v}”：npm 不能从 ${scheme}// 网址安装，请用 https:// 或 git+https:// 网址。`,
        `${v}": npm cannot install from a ${scheme}// URL; use an https:// or git+https:// one.`,
      );
    }
    let host = '';
    try {
      host = new URL(v).host;
    } catch {
      // reported below
    }
    return host
      ? { kind: 'spec', spec: v }
      : problem(`${v}”不是完整的网址：缺少主机名。`, `${v}" is not a whole URL: it names no host.`);
  }
  if (/^zwgk@/i.test(v)) {
    const rest = v.slice('zwgk@'.length);
    return problem(
      `${v}”：只写版本，不写包名，如 --zwgk-source ${rest || '0.1.0'}。`,
      `${v}": give the version alone, without the package name, like --zwgk-source ${rest || '0.1.0'}.`,
    );
  }
  if (TARBALL.test(v) || PATHLIKE.test(v)) return tarballOrProblem(v, v);
  return problem(
    `${v}”不是版本、网址或 .tgz 文件：${EXPECTED.zh}。`,
    `${v}" is not a version, a URL or a .tgz file: ${EXPECTED.en}.`,
  );
}

function tarballOrProblem(given: string, file: string): ParsedSource {
  if (TARBALL.test(file)) return { kind: 'tarball', path: file };
  return problem(
    `${given}”不是 .tgz 文件：请给出 npm pack 生成的 zwgk-版本.tgz 文件，或发布页上的下载地址。`,
    `${given}" is not a .tgz file: give the zwgk-<version>.tgz that npm pack makes, or its download address.`,
  );
}

/**
 * The devDependency spec of a tarball for a repository in `root`: `file:` and the tarball's path relative to
 * that folder, with forward slashes (npm reads them on every system). `tarball` is absolute or relative to
 * `cwd`. Pure; `paths` is node:path, or path.win32 / path.posix in tests.
 */
export function tarballSpec(tarball: string, cwd: string, root: string, paths: path.PlatformPath = path): string {
  const relative = paths.relative(paths.resolve(cwd, root), paths.resolve(cwd, tarball));
  return `file:${relative.split(paths.sep).join('/')}`;
}

/** Whether a `file:` spec points outside the repository, where CI does not have the file. */
export function outsideRepository(spec: string): boolean {
  if (!spec.startsWith('file:')) return false;
  const p = spec.slice('file:'.length);
  return p === '..' || p.startsWith('../') || p.startsWith('/') || /^[A-Za-z]:/.test(p);
}
