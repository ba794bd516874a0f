import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

/** A workbook written as it is made, and its bytes once it is committed. */
export interface WorkbookSink {
  workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  /** The file's bytes, when the workbook has been committed. */
  bytes: Promise<Uint8Array>;
}

/** Collect a stream into one buffer. */
function collect(stream: PassThrough): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve, reject) => {
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/**
 * exceljs's streaming writer, into memory: each sheet's rows are written out as they are committed, which a
 * large set of catalogs needs. (The workbench page puts an in-memory workbook in its place:
 * src/workbench/seams/workbook-sink.ts.)
 */
export function workbookSink(): WorkbookSink {
  const stream = new PassThrough();
  const bytes = collect(stream);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  return { workbook, bytes };
}
