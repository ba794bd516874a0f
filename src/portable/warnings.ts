/**
 * Keep Node's warning about `Buffer()` (DEP0005) quiet, as it is for the installed package: Node gives it
 * only for code outside node_modules, and in the portable file every package's code is outside it (the
 * zip writer behind the xlsx output still calls `new Buffer`). Every other warning is given as usual.
 */
export function quietBufferDeprecation(): void {
  const emitWarning = process.emitWarning.bind(process) as (...args: unknown[]) => void;
  process.emitWarning = (warning: string | Error, ...rest: unknown[]) => {
    const options = rest[0];
    const code = typeof options === 'object' && options !== null ? (options as { code?: unknown }).code : rest[1];
    if (code !== 'DEP0005') emitWarning(warning, ...rest);
  };
}
