/** What the importer guessed, mapped or could not read, with the cell or row it concerns. */
export interface ImportNote {
  /** Stable identifier of the kind of note, for JSON readers and tests. */
  code:
    | 'table-found'
    | 'title-guess'
    | 'domain-missing'
    | 'unit-missing'
    | 'column-by-position'
    | 'column-unknown'
    | 'mandatory-legend'
    | 'same-as-above'
    | 'same-as-above-dangling'
    | 'channel-mapped'
    | 'channel-unknown'
    | 'channel-note'
    | 'mark-text'
    | 'marks-missing'
    | 'item-name-missing'
    | 'row-wider-than-header'
    | 'header-repeated'
    | 'seq-irregular';
  /** `warning`: a reader should look at it; `info`: what was done, for the record. */
  severity: 'warning' | 'info';
  /** `Sheet1!B12`, `表2 第5行第3列`. */
  ref: string;
  message: { zh: string; en: string };
}

/** A note, written with both languages side by side. */
export function note(
  code: ImportNote['code'],
  severity: ImportNote['severity'],
  ref: string,
  zh: string,
  en: string,
): ImportNote {
  return { code, severity, ref, message: { zh, en } };
}
