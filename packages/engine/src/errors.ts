/**
 * Raised for input that does not satisfy a command's contract. `pointer` is a JSON pointer
 * (RFC 6901) to the offending field, so the CLI can name it and the server can map it to a 400.
 */
export class InputError extends Error {
  readonly pointer: string;
  constructor(pointer: string, message: string) {
    super(message);
    this.pointer = pointer;
    this.name = 'InputError';
  }
}
