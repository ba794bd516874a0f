// In the portable build, in place of ../util/packages.ts: the packages are bundled in.
import * as jsYaml from 'js-yaml';
import picomatch from 'picomatch';
import * as yaml from 'yaml';
import type * as Installed from '../util/packages.js';

export const yamlLib: typeof Installed.yamlLib = () => yaml;
export const loadJsYaml: typeof Installed.loadJsYaml = () => jsYaml;
export const loadPicomatch: typeof Installed.loadPicomatch = () => picomatch;
