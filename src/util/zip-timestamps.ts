const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const EXTENDED_TIMESTAMP = 0x5455;

/** DOS date of 1980-01-01 (year 0 from 1980, month 1, day 1); the DOS time 00:00:00 is 0. */
const DOS_DATE_1980 = (0 << 9) | (1 << 5) | 1;
/** 1980-01-01T00:00:00Z in Unix seconds, for the extended-timestamp extra field. */
const UNIX_1980 = 315_532_800;

function fail(message: string): never {
  throw new Error(`Not a ZIP archive this function can rewrite: ${message}.`);
}

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  // The record is 22 bytes plus a comment of at most 65,535 bytes; check the comment length fits exactly.
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (
      view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY &&
      at + 22 + view.getUint16(at + 20, true) === view.byteLength
    )
      return at;
  }
  return fail('no end-of-central-directory record');
}

/** Set the Unix times of extended-timestamp (0x5455) extra fields; other extra fields carry no times we write. */
function fixExtraFields(view: DataView, start: number, end: number): void {
  for (let at = start; at + 4 <= end;) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === EXTENDED_TIMESTAMP) {
      // One flags byte, then up to three 4-byte times (the central copy holds only the modification time).
      for (let t = at + 5; t + 4 <= at + 4 + size && t + 4 <= end; t += 4) view.setUint32(t, UNIX_1980, true);
    }
    at += 4 + size;
  }
}

/**
 * Set every modification time in a ZIP archive to 1980-01-01 00:00, so that the same content gives the
 * same bytes (exceljs stamps entries with the current time). Rewrites the DOS time and date of each
 * central-directory entry and of the local header it points to, without decompressing anything. The
 * local headers are reached through the central directory because streamed entries (data descriptors)
 * record no sizes in their local headers. Pure: returns a patched copy. ZIP64 archives are refused.
 */
export function fixZipTimestamps(zip: Uint8Array): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  if (view.byteLength < 22) fail('too short');
  const eocd = findEndOfCentralDirectory(view);
  const entries = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  let at = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || at === 0xffffffff || directorySize === 0xffffffff) fail('ZIP64');
  if (at + directorySize > eocd) fail('central directory out of bounds');
  for (let n = 0; n < entries; n++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL_HEADER) fail(`bad central directory entry ${n}`);
    view.setUint16(at + 12, 0, true);
    view.setUint16(at + 14, DOS_DATE_1980, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    fixExtraFields(view, at + 46 + nameLength, at + 46 + nameLength + extraLength);

    const local = view.getUint32(at + 42, true);
    if (local === 0xffffffff) fail('ZIP64');
    if (local + 30 > view.byteLength || view.getUint32(local, true) !== LOCAL_HEADER)
      fail(`bad local header of entry ${n}`);
    view.setUint16(local + 10, 0, true);
    view.setUint16(local + 12, DOS_DATE_1980, true);
    const localName = view.getUint16(local + 26, true);
    const localExtra = view.getUint16(local + 28, true);
    fixExtraFields(view, local + 30 + localName, Math.min(local + 30 + localName + localExtra, view.byteLength));

    at += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}
