// Downloads made in the page: a Blob URL, clicked, then let go.

/** Offer `text` as a file named `name` to save. */
export function downloadText(name: string, text: string, type = 'text/yaml;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
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
