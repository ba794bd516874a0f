import type { Diagnostic } from '../diagnostics.js';
import { codeCatalog, ruleHelpUri } from './code-catalog.js';
import type { Formatter } from './types.js';
import { messageWithCell } from './position.js';
import { toolVersion } from './tool-version.js';

/** A file name as a relative URI reference: forward slashes, each segment percent-encoded. */
export function fileUri(file: string): string {
  return file
    .replaceAll('\\', '/')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/**
 * Where an artifact is: a relative URI against `%SRCROOT%` for a file named relative to the folder zwgk ran
 * in, or an absolute `file://` URI with no base id for a file named by its absolute path (a URI with a
 * leading slash and a base id is not valid SARIF, SARIF1004).
 */
export function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  const windows = /^[A-Za-z]:[\\/]/.test(file);
  if (windows || file.startsWith('/') || file.startsWith('\\')) {
    const path = fileUri(windows ? `/${file}` : file).replace(/^\/([A-Za-z])%3A\//, '/$1:/');
    return { uri: `file://${path}` };
  }
  return { uri: fileUri(file), uriBaseId: '%SRCROOT%' };
}

function region(d: Diagnostic) {
  if (!d.range) return undefined;
  const { start, end } = d.range;
  const sameSpot = end.line === start.line && end.column <= start.column;
  return {
    startLine: start.line,
    startColumn: start.column,
    ...(sameSpot ? {} : { endLine: end.line, endColumn: end.column }),
  };
}

/**
 * Where a finding is in the data (its JSON pointer) and, in a table checked where it lives, the cell: the
 * logical locations a viewer shows where a binary file has no lines.
 */
function logical(d: Diagnostic) {
  const locations = [
    ...(d.cell ? [{ name: d.cell.ref, fullyQualifiedName: d.cell.ref, kind: 'element' }] : []),
    ...(d.pointer ? [{ fullyQualifiedName: d.pointer, kind: 'member' }] : []),
  ];
  return locations.length > 0 ? { logicalLocations: locations } : {};
}

/**
 * SARIF 2.1.0 for code-scanning tools: one run, the rules with their descriptions and default levels, and a
 * result per finding located by a relative URI (against `%SRCROOT%`), or an absolute `file://` URI for a file
 * named by its absolute path, and a region in UTF-16 columns.
 */
export const sarif: Formatter = (report, ctx) => {
  const catalog = codeCatalog(ctx.rules);
  const index = new Map(catalog.map((c, i) => [c.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'zwgk',
            semanticVersion: toolVersion(),
            language: ctx.lang === 'zh' ? 'zh-CN' : 'en-US',
            rules: catalog.map((c) => ({
              id: c.id,
              shortDescription: { text: c.description[ctx.lang] },
              helpUri: ruleHelpUri(ctx.lang),
              defaultConfiguration: { level: c.severity },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: {
          '%SRCROOT%': { description: { text: ctx.lang === 'zh' ? '运行 zwgk 的目录' : 'The folder zwgk ran in' } },
        },
        artifacts: [...new Set(report.files)].map((file) => ({ location: artifactLocation(file) })),
        results: report.diagnostics.map((d) => {
          const r = region(d);
          return {
            ruleId: d.code,
            ...(index.has(d.code) ? { ruleIndex: index.get(d.code)! } : {}),
            level: d.severity,
            message: { text: d.hint ? `${messageWithCell(d, ctx.lang)} ${d.hint}` : messageWithCell(d, ctx.lang) },
            locations: [
              {
                physicalLocation: { artifactLocation: artifactLocation(d.file), ...(r ? { region: r } : {}) },
                ...logical(d),
              },
            ],
          };
        }),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
