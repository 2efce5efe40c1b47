/** A code that could not be parsed; `code` is a machine code, the message names the AI and what was wrong. */
export class ScanParseError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'ScanParseError';
    this.code = code;
  }
}
