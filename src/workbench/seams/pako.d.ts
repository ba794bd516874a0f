// The part of pako 1.x (exceljs's zip reader uses it too) that the workbench page uses.
declare module 'pako/lib/inflate.js' {
  export class Inflate {
    constructor(options: { raw: boolean; chunkSize: number });
    onData: (chunk: Uint8Array) => void;
    push(data: Uint8Array, last: boolean): boolean;
    err: number;
  }
}
