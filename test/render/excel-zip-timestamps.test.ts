import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixZipTimestamps } from '../../src/util/zip-timestamps.js';
import { buildZip, loadWorkbook, renderXlsx, zipTimes } from '../_helpers/excel.js';
import { shippedInputs } from '../_helpers/tables.js';

// 2024-06-28 13:45:30 as DOS date and time fields.
const DATE = ((2024 - 1980) << 9) | (6 << 5) | 28;
const TIME = (13 << 11) | (45 << 5) | 15;
const DOS_1980 = (0 << 9) | (1 << 5) | 1;
const UNIX_1980 = 315_532_800;

afterEach(() => {
  vi.useRealTimers();
});

describe('fixZipTimestamps', () => {
  it('sets every local and central DOS time and date to 1980-01-01 00:00', () => {
    const zip = buildZip([
      { name: 'a.txt', data: 'hello', time: TIME, date: DATE },
      { name: 'dir/b.xml', data: '<x/>', time: TIME + 1, date: DATE + 1 },
    ]);
    const fixed = fixZipTimestamps(zip);
    expect(zipTimes(fixed)).toEqual({
      local: [
        [0, DOS_1980],
        [0, DOS_1980],
      ],
      central: [
        [0, DOS_1980],
        [0, DOS_1980],
      ],
      unix: [],
    });
    // Only the timestamp bytes change, and the input is left as it was.
    const changed = [...fixed].flatMap((b, i) => (b === zip[i] ? [] : [i]));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThanOrEqual(16);
    expect(zipTimes(zip).local).toEqual([
      [TIME, DATE],
      [TIME + 1, DATE + 1],
    ]);
  });

  it('also fixes extended-timestamp extra fields, and copes with an archive comment', () => {
    const zip = buildZip(
      [{ name: 'a.txt', data: 'x', time: TIME, date: DATE, unixTime: 1_719_582_330 }],
      'a comment PK\u0005\u0006 inside',
    );
    const fixed = fixZipTimestamps(zip);
    const times = zipTimes(fixed);
    expect(times.local).toEqual([[0, DOS_1980]]);
    expect(times.central).toEqual([[0, DOS_1980]]);
    expect(times.unix).toEqual([UNIX_1980, UNIX_1980, UNIX_1980, UNIX_1980]);
  });

  it('refuses what is not a ZIP archive', () => {
    expect(() => fixZipTimestamps(new Uint8Array(10))).toThrow(/ZIP/);
    expect(() => fixZipTimestamps(new TextEncoder().encode('not a zip archive at all, but long enough'))).toThrow(
      /end-of-central-directory/,
    );
    const zip = buildZip([{ name: 'a', data: 'b', time: 0, date: DOS_1980 }]);
    const broken = new Uint8Array(zip);
    broken[0] = 0; // the local header's signature
    expect(() => fixZipTimestamps(broken)).toThrow(/local header/);
  });

  it('makes the workbook the same bytes whatever the clock says, and still readable', async () => {
    const inputs = shippedInputs().slice(0, 2);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2001-02-03T04:05:06Z'));
    const first = await renderXlsx(inputs);
    vi.setSystemTime(new Date('2031-12-30T23:59:58Z'));
    const second = await renderXlsx(inputs);
    vi.useRealTimers();
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const times = zipTimes(first);
    expect(times.central.length).toBeGreaterThan(5);
    expect(new Set([...times.local, ...times.central].map(([t, d]) => `${t}/${d}`))).toEqual(
      new Set([`0/${DOS_1980}`]),
    );
    const workbook = await loadWorkbook(first);
    expect(workbook.worksheets.length).toBe(3);
  });
});
