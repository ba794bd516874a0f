import { describe, expect, it } from 'vitest';
import { locate, sourceAt } from '../../src/load/locate.js';
import { parseWithPositions } from '../../src/load/parse-positions.js';

const TEXT = `domain: 义务教育
items:
  - name: 政策文件
    code: 0505
    items:
      - name: 法律法规
        channels: [政府网站, 一微一端]
        method: 主动公开
`;

describe('locate', () => {
  const parsed = parseWithPositions(TEXT);

  it.each([
    [['domain'], 'value', { line: 1, column: 9 }, { line: 1, column: 13 }],
    [['domain'], 'key', { line: 1, column: 1 }, { line: 1, column: 7 }],
    [['items', 0, 'code'], 'value', { line: 4, column: 11 }, { line: 4, column: 15 }],
    [['items', 0, 'items', 0, 'channels', 1], 'value', { line: 7, column: 26 }, { line: 7, column: 30 }],
    [['items', 0, 'items', 0, 'method'], 'value', { line: 8, column: 17 }, { line: 8, column: 21 }],
  ] as const)('places %j (%s)', (path, target, start, end) => {
    expect(locate(parsed, path, target)).toEqual({ start, end });
  });

  it('places a missing property at its parent, on the parent’s first line', () => {
    const range = locate(parsed, ['items', 0, 'items', 0, 'content']);
    expect(range.start).toEqual({ line: 6, column: 9 });
    expect(range.end.line).toBe(6);
  });

  it('gives the source of a scalar as written', () => {
    expect(sourceAt(parsed, ['items', 0, 'code'])).toBe('0505');
    expect(sourceAt(parsed, ['items', 0, 'nothing'])).toBeUndefined();
  });

  it('counts lines the same with CRLF line ends', () => {
    const crlf = parseWithPositions(TEXT.replaceAll('\n', '\r\n'));
    expect(locate(crlf, ['items', 0, 'items', 0, 'method'])).toEqual({
      start: { line: 8, column: 17 },
      end: { line: 8, column: 21 },
    });
  });
});
