import fs from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';

/**
 * A file written front to back with backpressure, whose errors (a disk that fills, a drive
 * that goes away) reject the next write or `end` instead of being emitted as an 'error' event
 * nobody listens to, which ends the process: the CLI with a stack trace, `qms serve` and the
 * app with everything else they were doing.
 */
export class FileOut {
  private readonly stream: fs.WriteStream;
  private failure: Error | null = null;

  constructor(path: string) {
    this.stream = fs.createWriteStream(path);
    this.stream.on('error', (e) => (this.failure ??= e));
  }

  /** Resolves when it is safe to write more. */
  async write(chunk: Buffer | string): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  /** Everything written and the file closed. */
  async end(): Promise<void> {
    if (this.failure) throw this.failure;
    this.stream.end();
    await finished(this.stream);
  }

  /** Stops writing and closes the file (the caller removes it). */
  abort(): void {
    this.stream.destroy();
  }
}
