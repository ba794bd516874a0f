import { describe, expect, it } from 'vitest';
import { progressLine } from '../../src/cli/progress.js';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream, written };
}

describe('progress line', () => {
  it('stays quiet for the first second, then redraws at most every 100 ms and is erased when done', () => {
    let t = 0;
    const { stream, written } = fakeStream(true);
    const p = progressLine('zh', stream, () => t);
    p.update(1, 100);
    t = 900;
    p.update(40, 100);
    expect(written).toEqual([]);
    t = 1000;
    p.update(50, 100);
    t = 1050;
    p.update(55, 100);
    t = 1100;
    p.update(60, 100);
    expect(written).toEqual(['\r检查中 50/100 个文件\x1b[K', '\r检查中 60/100 个文件\x1b[K']);
    p.done();
    expect(written.at(-1)).toBe('\r\x1b[K');
  });

  it('prints nothing when stderr is not a terminal', () => {
    let t = 0;
    const { stream, written } = fakeStream(false);
    const p = progressLine('en', stream, () => t);
    t = 5000;
    p.update(1, 2);
    p.done();
    expect(written).toEqual([]);
  });
});
