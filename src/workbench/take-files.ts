// Files given to a tab: picked with a file input, or dropped on its drop zone.

/** Hand `take` the files picked with `input` or dropped on `zone`; the zone is marked while files are over it. */
export function takeFiles(input: HTMLInputElement, zone: HTMLElement, take: (files: File[]) => void): void {
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    // The same file picked again is news too.
    input.value = '';
    take(files);
  });
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('over');
    take([...(event.dataTransfer?.files ?? [])]);
  });
}
