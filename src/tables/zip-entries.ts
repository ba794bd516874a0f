/** One entry of a ZIP archive's central directory. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** The uncompressed size the directory states (a hostile archive may lie about it). */
  size: number;
  /** Where the entry's local header starts. */
  localOffset: number;
}

/**
 * The entries of a ZIP archive's central directory, or `undefined` when the archive is cut short or
 * damaged: no end-of-directory record, or a directory that points outside the file.
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const start = view.getUint32(end + 16, true);
  if (start + size > end) return undefined;
  const entries: ZipEntry[] = [];
  const utf8 = new TextDecoder('utf-8');
  for (let at = start, k = 0; k < count; k++) {
    if (at + 46 > end || view.getUint32(at, true) !== 0x02014b50) return undefined;
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    if (local + 30 > start || view.getUint32(local, true) !== 0x04034b50) return undefined;
    entries.push({
      name: utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: local,
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/** The bytes of an entry as stored (compressed), or `undefined` when its local header points outside the file. */
export function storedBytes(bytes: Uint8Array, entry: ZipEntry): Uint8Array | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length) return undefined;
  const data = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (data + entry.compressedSize > bytes.length) return undefined;
  return bytes.subarray(data, data + entry.compressedSize);
}
