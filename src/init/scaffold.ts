import { readAssetText } from '../assets.js';

/** A file `zwgk init` writes: where, and from which shipped template in templates/init/. */
const FILES = [
  { path: 'zwgk.config.yaml', template: 'zwgk.config.yaml' },
  { path: 'catalogs/yiwu-jiaoyu.yaml', template: 'catalogs/sample.yaml' },
  { path: '.github/workflows/zwgk.yml', template: 'github-workflow.yml' },
  { path: '.gitlab-ci.yml', template: 'gitlab-ci.yml' },
  { path: '.pre-commit-config.yaml', template: 'pre-commit-config.yaml' },
  { path: 'package.json', template: 'package.json' },
  { path: '.gitignore', template: 'gitignore' },
] as const;

/** One file of a new catalog repository. */
export interface ScaffoldFile {
  path: string;
  content: string;
}

/**
 * The files of a new catalog repository: a configuration, a sample catalog, CI for GitHub Actions and
 * GitLab, a pre-commit hook, and a package.json whose devDependency on zwgk is `zwgkSpec` (an exact
 * version, a URL, a `file:` tarball…). Pure apart from reading the templates.
 */
export function scaffold(zwgkSpec: string): Promise<ScaffoldFile[]> {
  // A template that cannot be read rejects the promise.
  return new Promise((resolve) => {
    // Written inside a JSON string: escaped as JSON escapes it.
    const spec = JSON.stringify(zwgkSpec).slice(1, -1);
    resolve(
      FILES.map(({ path, template }) => ({
        path,
        content: readAssetText(`templates/init/${template}`).replace(/\r\n?/g, '\n').replaceAll('{{zwgkSpec}}', spec),
      })),
    );
  });
}
