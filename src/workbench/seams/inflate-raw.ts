// In the workbench page, in place of ../../tables/inflate-raw.ts: no node:zlib or Buffer in a browser.
import { Inflate } from 'pako/lib/inflate.js';
import type * as Installed from '../../tables/inflate-raw.js';

/** Thrown from pako's output handler to stop inflating past the limit. */
const TOO_LARGE = new Error('too large');

export const inflateRaw: typeof Installed.inflateRaw = (stored, max) => {
  const inflator = new Inflate({ raw: true, chunkSize: 64 * 1024 });
  const chunks: Uint8Array[] = [];
  let total = 0;
  inflator.onData = (chunk) => {
    total += chunk.length;
    if (total > max) throw TOO_LARGE;
    chunks.push(chunk);
  };
  try {
    inflator.push(stored, true);
  } catch (error) {
    if (error === TOO_LARGE) return 'too-large';
    return undefined;
  }
  if (inflator.err) return undefined;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
};

export const indexOfBytes: typeof Installed.indexOfBytes = (bytes, needle, from) => {
  const first = needle[0]!;
  for (let at = bytes.indexOf(first, from); at >= 0; at = bytes.indexOf(first, at + 1)) {
    let k = 1;
    while (k < needle.length && bytes[at + k] === needle[k]) k++;
    if (k === needle.length) return at;
  }
  return -1;
};
