/** Says loudly, once per run, when the PostgreSQL contract suite is not run and why. */
export default function setup(): void {
  if (!process.env.TEST_DATABASE_URL) {
    process.stdout.write(
      '\n[postgres] PostgreSQL contract suite NOT RUN: TEST_DATABASE_URL is not set. ' +
        'Set it to a disposable database (e.g. postgres://user:pass@127.0.0.1:5432/pixlab_test); .ci/run does.\n\n',
    );
  }
}
