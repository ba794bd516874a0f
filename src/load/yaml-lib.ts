import { loadYaml } from '../util/packages.js';

type YamlModule = typeof import('yaml');
let lib: YamlModule | undefined;

/**
 * The `yaml` package, loaded on first use: a clean run never needs positions, so it never pays for
 * loading the positional parser.
 */
export function yamlLib(): YamlModule {
  lib ??= loadYaml();
  return lib;
}
