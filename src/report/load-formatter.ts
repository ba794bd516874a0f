import type { FormatName } from './registry.js';
import type { Formatter } from './types.js';

/**
 * The formatter of one output format, loading only its own module: a run that writes JSON never loads
 * the code frames and colours of `stylish`, nor the rule catalogue of `sarif`.
 */
export async function loadFormatter(name: FormatName): Promise<Formatter> {
  switch (name) {
    case 'stylish':
      return (await import('./stylish.js')).stylish;
    case 'json':
      return (await import('./json.js')).json;
    case 'sarif':
      return (await import('./sarif.js')).sarif;
    case 'github':
      return (await import('./github.js')).github;
    case 'junit':
      return (await import('./junit.js')).junit;
    case 'markdown':
      return (await import('./markdown.js')).markdown;
  }
}
