/** Bad input or an unreachable source: exit code 2, with a message that names the file or URL. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
