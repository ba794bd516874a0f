// In the workbench page, in place of ../../render/workbook-sink.ts: no node:stream in a browser. The workbook
// is made in memory (a page renders a catalog or a few, not a city's), with the streaming writer's commits
// as no-ops, and written out when it is committed.
import ExcelJS from 'exceljs';
import type * as Installed from '../../render/workbook-sink.js';

export const workbookSink: typeof Installed.workbookSink = () => {
  const book = new ExcelJS.Workbook();
  let done: (bytes: Uint8Array) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const bytes = new Promise<Uint8Array>((resolve, reject) => {
    done = resolve;
    fail = reject;
  });
  const addWorksheet = book.addWorksheet.bind(book);
  const writer = Object.assign(book, {
    addWorksheet: (name?: string, options?: Partial<ExcelJS.AddWorksheetOptions>) =>
      Object.assign(addWorksheet(name, options), { commit: () => {} }),
    commit: async () => {
      try {
        done(new Uint8Array(await book.xlsx.writeBuffer()));
      } catch (error) {
        fail(error);
      }
    },
  });
  return { workbook: writer as unknown as ExcelJS.stream.xlsx.WorkbookWriter, bytes };
};
