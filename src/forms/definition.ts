import type { Text } from '../i18n.js';
import type { SchemaFile } from '../schema/catalog-schema.js';
import type { SubmissionRow } from './submission-row.js';

/** What the comments of a submission file may say about a profile's rules. */
export interface RowNoteContext {
  /** The allowed 活动形式 as a clause (`：参观、座谈、体验 选一`), or empty when no profile is known. */
  forms: string;
  /** The months activities may be held in (1 to 12 when the profile sets none). */
  months: { from: number; to: number };
}

/**
 * What makes a form: its schema, the key of its rows, its layouts, the words for its rows and everything
 * in which one form differs from another. The code of forms/ reads these and never asks which form it has:
 * a new form is a new definition (in `kinds/`, listed in `registry.ts`) with its schema and templates.
 */
export interface FormDefinition<Id extends string = string> {
  id: Id;
  /** The `kind` a submission file declares. */
  kind: `form/${Id}`;
  /** The form's name: 政务公开主题日活动主题申报表. */
  name: Text;
  /** Other names accepted on the command line (`zwgk form new 主题日`). */
  aliases: readonly string[];
  /** The JSON Schema of a submission. */
  schema: SchemaFile;
  /** The key of the list of rows in a submission. */
  rowsKey: string;
  /** What one row is called: 活动主题, 开放活动. */
  rowName: Text;
  /** The layout of the form in templates/forms/. */
  layout: string;
  /** The layout of the merged plan in templates/forms/. */
  planLayout: string;
  /** The keys of a row, in the order a submission file writes them. */
  rowKeys: readonly string[];
  /** The built-in profile of a submission that names none (the configuration may name another). */
  defaultProfile: string;
  /** The row field that holds 活动时间: where findings about a row's month point. */
  timeKey: string;
  /**
   * The fields of a row besides 活动主题 (`theme`) and 活动形式 (`form`), read from a row's data, in this
   * order; a value that cannot be used is left undefined. `month` is the month the plan places the row in.
   */
  readRow(row: Readonly<Record<string, unknown>>): {
    [K in Exclude<keyof SubmissionRow, 'index' | 'theme' | 'form'>]?: SubmissionRow[K] | undefined;
  };
  /** The comment on each field of the first row of a submission file, by row key. */
  rowNotes(context: RowNoteContext): Readonly<Record<string, string>>;
  /** The notes on the blank form about 活动时间. */
  timeNotes: {
    /** Said after “活动时间在4月至12月之间” when the profile sets a window of months. */
    windowSuffix: string;
    /** Said when the profile sets no window. Default: nothing. */
    anyMonth?: string;
  };
  /** The prompt of the 活动时间 cell of a blank workbook, when its layout offers no list. Default: none. */
  timePrompt?: string;
}
