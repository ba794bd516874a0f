import { describe, expect, it } from 'vitest';
import { applyEdits, applyFixes, editsConflict } from '../../src/fix/apply-fixes.js';

const edit = (start: number, end: number, text: string) => ({ start, end, text });

describe('applyEdits', () => {
  it('applies edits given in any order', () => {
    expect(applyEdits('abcdef', [edit(4, 5, 'E'), edit(0, 1, 'A'), edit(2, 2, '+')])).toBe('Ab+cdEf');
  });

  it('takes edits that touch without overlapping', () => {
    expect(applyEdits('abcdef', [edit(0, 2, 'X'), edit(2, 4, 'Y'), edit(4, 4, '!')])).toBe('XY!ef');
  });

  it('refuses overlapping edits and edits outside the text', () => {
    expect(() => applyEdits('abcdef', [edit(0, 3, 'X'), edit(2, 4, 'Y')])).toThrow(RangeError);
    expect(() => applyEdits('abc', [edit(2, 5, 'X')])).toThrow(RangeError);
    expect(() => applyEdits('abc', [edit(2, 1, 'X')])).toThrow(RangeError);
  });
});

describe('editsConflict', () => {
  it.each([
    [edit(0, 3, ''), edit(2, 4, ''), true],
    [edit(0, 3, ''), edit(3, 4, ''), false],
    [edit(2, 2, 'a'), edit(2, 2, 'b'), true],
    [edit(2, 2, 'a'), edit(2, 5, 'b'), true],
    [edit(1, 4, 'a'), edit(2, 2, 'b'), true],
    [edit(1, 4, 'a'), edit(4, 4, 'b'), false],
  ])('%j and %j: %s', (a, b, conflict) => {
    expect(editsConflict(a, b)).toBe(conflict);
    expect(editsConflict(b, a)).toBe(conflict);
  });
});

describe('applyFixes', () => {
  it('applies the fixes that go together and skips those that overlap one already taken', () => {
    const first = { name: 'first', edits: [edit(0, 3, 'ABC')] };
    const overlapping = { name: 'overlapping', edits: [edit(2, 5, 'xyz')] };
    const apart = { name: 'apart', edits: [edit(6, 7, 'G'), edit(8, 8, '!')] };
    const result = applyFixes('abcdefgh', [first, overlapping, apart]);
    expect(result.text).toBe('ABCdefGh!');
    expect(result.applied).toEqual([first, apart]);
    expect(result.skipped).toEqual([overlapping]);
  });

  it('gives priority by order', () => {
    const a = { edits: [edit(0, 1, 'A')] };
    const b = { edits: [edit(0, 2, 'B')] };
    expect(applyFixes('xyz', [b, a]).text).toBe('Bz');
    expect(applyFixes('xyz', [a, b]).text).toBe('Ayz');
  });

  it('takes a fix whole or not at all', () => {
    const taken = { edits: [edit(5, 6, 'F')] };
    const half = { edits: [edit(0, 1, 'A'), edit(5, 5, '?')] };
    const result = applyFixes('abcdefg', [taken, half]);
    expect(result.text).toBe('abcdeFg');
    expect(result.skipped).toEqual([half]);
  });

  it('skips a fix whose own edits conflict, lie outside the text or are missing', () => {
    const result = applyFixes('abc', [
      { edits: [edit(0, 2, 'X'), edit(1, 3, 'Y')] },
      { edits: [edit(2, 9, 'Z')] },
      { edits: [] },
    ]);
    expect(result.text).toBe('abc');
    expect(result.applied).toEqual([]);
    expect(result.skipped).toHaveLength(3);
  });

  it('counts in UTF-16 units, as JavaScript strings do', () => {
    const text = '𠀀一微一端';
    expect(applyFixes(text, [{ edits: [edit(2, 3, '两')] }]).text).toBe('𠀀两微一端');
  });
});
