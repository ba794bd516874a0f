/**
 * Whether text reads as one or more Chinese phone numbers: a mobile number (`13812345678`, `+86 138…`),
 * a fixed line with its area code (`0871-65123456`, `(0731)88999337`, `0731 8899 9337`), optionally with
 * an extension (`转123`, `-123`), or a local fixed line of 7 or 8 digits (`88999337`). Several numbers may
 * be separated by 、，,；; or /. Full-width digits and dashes count as their ASCII forms.
 */
export function looksLikePhone(text: string): boolean {
  const parts = text
    .normalize('NFKC')
    .split(/[、,;/]|\s{2,}/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return parts.length > 0 && parts.every(isOnePhone);
}

function isOnePhone(part: string): boolean {
  const m = /^(.*?)(?:(?:转|ext\.?|分机)\s*\d{1,6})?$/i.exec(part);
  const digits = (m?.[1] ?? part).replace(/[\s\-–—()（）]/g, '');
  if (/^(?:\+?86)?1[3-9]\d{9}$/.test(digits)) return true;
  if (/^0\d{2,3}[2-9]\d{6,7}$/.test(digits)) return true;
  if (/^[2-9]\d{6,7}$/.test(digits)) return true;
  // A fixed line written with its extension after a dash: 0871-65123456-123.
  return /^0\d{2,3}-?[2-9]\d{6,7}-\d{1,6}$/.test((m?.[1] ?? part).replace(/[\s()（）]/g, '').replace(/[–—]/g, '-'));
}
