import type { FormsConfig } from '../forms/types.js';
import { FORM_DOCUMENTS, formDocuments } from '../forms/document-kind.js';
import { FORM_RULE_INFO } from '../forms/rule-info.js';
import type { RuleInfo } from '../report/code-catalog.js';
import type { DocumentKind, DocumentKindMaker, TableKind } from '../validate/options.js';
import { CATALOG_TABLES } from '../import/table-kind.js';

/** How each kind of document zwgk ships besides catalogs is made, by name: a worker thread of the pool makes them so. */
export const DOCUMENT_MAKERS: ReadonlyMap<string, DocumentKindMaker> = new Map([['form', FORM_DOCUMENTS]]);

/** The kinds of document zwgk ships besides catalogs (the application forms), with the configuration's settings. */
export function shippedDocuments(config: { forms?: FormsConfig }): DocumentKind[] {
  return [formDocuments(config.forms)];
}

/** The rules of the kinds of document zwgk ships besides catalogs (the forms'), as reports list them. */
export const DOCUMENT_RULES: readonly RuleInfo[] = FORM_RULE_INFO;

/** How tables among the files (workbooks, web pages, CSV files) are checked: as catalog tables, where they live. */
export const SHIPPED_TABLES: TableKind = CATALOG_TABLES;
