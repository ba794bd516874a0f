// Downloads made in the page: a Blob URL, clicked, then let go.

/** The type of an Excel workbook. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Offer `data` (text, or a file's bytes) as a file named `name` to save. */
export function download(name: string, data: string | Uint8Array, type = 'text/yaml;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it starts.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
