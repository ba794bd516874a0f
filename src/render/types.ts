import type { ResolvedCatalog } from '../catalog/types.js';
import type { ChannelStyle } from './channel-text.js';
import type { CatalogTable } from './table-model.js';

/** One catalog ready to render: its table layout and the resolved catalog behind it. */
export interface RenderInput {
  /** The file it came from, as the user named it. */
  file: string;
  catalog: ResolvedCatalog;
  table: CatalogTable;
}

/** A file a renderer produced; `path` is relative to the output directory (or the name of the single output file). */
export interface RenderedFile {
  path: string;
  content: string | Uint8Array;
  /** The text of the file piece by piece, when it can be written as it is made (a large page). */
  chunks?: () => Iterable<string>;
}

/** Options every renderer takes. */
export interface RenderOptions {
  /** How 公开渠道和载体 is printed. Default: `checklist`. */
  channels: ChannelStyle;
  /** One file for everything (`single`) or an index and a page per catalog (`site`). Default: `single`. */
  layout: 'single' | 'site';
  /** A directory whose templates replace the shipped ones of the same name. Default: none. */
  templatesDir?: string;
  /** Title of the workbook or site. Default: the unit's name when all catalogs share one, else 基层政务公开标准目录. */
  title?: string;
}

/** Turns catalogs into files. Pure apart from reading templates: never writes. */
export type Renderer = (inputs: readonly RenderInput[], options: RenderOptions) => Promise<RenderedFile[]>;
