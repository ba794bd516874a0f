import { inflateRawSync } from 'node:zlib';

/**
 * A ZIP entry's deflated bytes inflated, stopping past `max` bytes: `'too-large'` then, `undefined` for data
 * that does not inflate. The browser build puts its own version in place of this module (no node:zlib there).
 */
export function inflateRaw(stored: Uint8Array, max: number): Uint8Array | 'too-large' | undefined {
  try {
    return inflateRawSync(stored, { maxOutputLength: max });
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'too-large' : undefined;
  }
}

/** Where `needle` occurs in `bytes` from `from` on, or -1. */
export function indexOfBytes(bytes: Uint8Array, needle: Uint8Array, from: number): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle, from);
}
