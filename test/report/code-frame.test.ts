import { describe, expect, it } from 'vitest';
import { codeFrame, sourceLines } from '../../src/report/code-frame.js';
import { loadText } from '../../src/load/load-source.js';

describe('codeFrame', () => {
  it('counts lines as the reader does: a lone CR ends a line, as LF and CRLF do', () => {
    expect(sourceLines('a\rb\r\nc\nd')).toEqual(['a', 'b', 'c', 'd']);
    // A file saved with old Mac line ends: the finding on line 2 is framed on line 2, not on the whole file.
    const text = 'name: 政策文件\rmethod: 随便\rlevels: [县级]\r';
    const read = loadText('x.yaml', text, { lang: 'zh' }).read();
    expect(read.ok).toBe(true);
    const frame = codeFrame(text, { start: { line: 2, column: 9 }, end: { line: 2, column: 11 } });
    expect(frame).toContain('> 2 | method: 随便');
    expect(frame).not.toContain('levels: [县级]\r');
  });
});
