/** A usage or input error: `cat` prints its message on one line and exits with code 2. */
export class CliError extends Error {
  override readonly name = 'CliError';
}
