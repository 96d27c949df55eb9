/**
 * A graceful stop on SIGTERM or SIGINT, for the API and the worker: `close` runs once (stop taking new work, finish
 * what is in flight, release connections) and the process exits 0 when it is done. If it has not finished within
 * `deadlineMs`, or when a second signal comes, the process exits 1 at once: an unanswered request then sees its
 * connection closed and retries; a job left unfinished is taken over by another worker when its lock expires.
 */
export function stopOnSignals(
  name: string,
  close: () => Promise<void>,
  deadlineMs: number,
  say: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      say(`${name}: ${signal} again, exiting now`);
      process.exit(1);
    }
    stopping = true;
    say(`${name}: ${signal}, stopping (at most ${deadlineMs} ms)`);
    const deadline = setTimeout(() => {
      say(`${name}: not stopped after ${deadlineMs} ms, exiting`);
      process.exit(1);
    }, deadlineMs);
    close().then(
      () => {
        clearTimeout(deadline);
        say(`${name}: stopped`);
        process.exit(0);
      },
      (error: unknown) => {
        clearTimeout(deadline);
        say(`${name}: failed to stop cleanly: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
