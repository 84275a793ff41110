import { startEarly } from '../import/long-sheets';

// Entry point of bin/qms.mjs. A long import's sheet reader starts first, the rest of qms
// loading meanwhile (see startEarly).
startEarly(process.argv.slice(2));
const { runCli } = await import('./main');

// Exits outright once the output is out: leaving by the end of the event loop would first
// tear the heap down, 50-60 ms after a large import. stdout and stderr are asynchronous pipes
// on macOS and Windows, so the exit waits for every write before it.
const code = await runCli(process.argv.slice(2));
const flushed = (stream: NodeJS.WriteStream) =>
  new Promise<void>((resolve) => stream.write('', () => resolve()));
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);
