/** A date as written on a form: `2024年3月25日`; blanks to write it by hand when there is none. */
export function dateText(date: string | undefined): string {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : '      年    月    日';
}
