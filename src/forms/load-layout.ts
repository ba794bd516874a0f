import { ZwgkError } from '../errors.js';
import { readTemplateSource } from '../office/templates.js';
import type { FormLayout, PlanLayout } from './layout.js';

/** Read a layout from templates/forms/, or from `overrideDir` when it holds one of the same name. */
export async function loadLayout<T extends FormLayout | PlanLayout>(name: string, overrideDir?: string): Promise<T> {
  const { file, text } = await readTemplateSource('forms', name, overrideDir);
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new ZwgkError(`无法读取版式 ${file}：${(error as Error).message} / Cannot read the layout ${file}.`);
  }
}
