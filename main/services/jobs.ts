import type { ProgressEvent } from '../../shared/transport';
import { AppError } from '../../shared/errors';

/** What a long-running service call gets: where to report progress and how to learn of a cancel. */
export interface Job {
  id: string;
  signal: AbortSignal;
  progress(phase: string, done: number, total: number | null, message?: string): void;
  /** Throws `cancelled` if the user asked to stop; call between units of work. */
  throwIfCancelled(): void;
}

/**
 * Long work (imports, exports, plans over big regions) runs as a job the caller names with its
 * own id, so it can listen for progress and cancel before the starting call returns. Progress
 * goes to every listener: the Electron window, the SSE stream of `qms serve`, the CLI's bar.
 */
export class Jobs {
  private readonly listeners = new Set<(event: ProgressEvent) => void>();
  private readonly running = new Map<string, AbortController>();

  onProgress(listener: (event: ProgressEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: ProgressEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  async run<T>(jobId: string | undefined, work: (job: Job) => Promise<T> | T): Promise<T> {
    const id = jobId ?? crypto.randomUUID();
    if (this.running.has(id)) throw new AppError('conflict', 'jobRunning', { jobId: id });
    const controller = new AbortController();
    this.running.set(id, controller);
    const job: Job = {
      id,
      signal: controller.signal,
      progress: (phase, done, total, message) => this.emit({ jobId: id, phase, done, total, message }),
      throwIfCancelled: () => {
        if (controller.signal.aborted) throw new AppError('cancelled', 'cancelled', { jobId: id });
      },
    };
    try {
      return await work(job);
    } finally {
      this.running.delete(id);
    }
  }

  cancel(jobId: string): boolean {
    const controller = this.running.get(jobId);
    controller?.abort();
    return controller !== undefined;
  }

  isRunning(jobId: string): boolean {
    return this.running.has(jobId);
  }
}
