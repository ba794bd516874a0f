import type { Renderer } from './types.js';

/** Every render format, each loaded only when asked for (exceljs is large; HTML does not need it). */
export const RENDERERS = {
  xlsx: async () => (await import('./excel.js')).renderExcel,
  html: async () => (await import('./html.js')).renderHtml,
} as const satisfies Record<string, () => Promise<Renderer>>;

export type RenderFormat = keyof typeof RENDERERS;
