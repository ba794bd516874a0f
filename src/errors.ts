/** An operational failure the CLI reports in one line and turns into an exit code. */
export class ZwgkError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.name = 'ZwgkError';
    this.exitCode = exitCode;
  }
}

/** A bad flag or argument. */
export class UsageError extends ZwgkError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'UsageError';
  }
}
