import { afterEach, describe, expect, it } from 'vitest';
import { measurementsWorkbook } from '../../../bench/generate';
import type { ProgressEvent } from '../../../shared/transport';
import { count, testWorkbench, type TestWorkbench } from '../../helpers/workbench';

describe('imports:run off the main thread', () => {
  let wb: TestWorkbench;
  afterEach(() => wb?.close());

  it('reports rows read and written as progress events, and a cancel writes nothing', async () => {
    wb = testWorkbench();
    await wb.dispatch('standards:seed', {});
    const file = await measurementsWorkbook(100_000);
    const events: ProgressEvent[] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    wb.onProgress((e) => {
      events.push(e);
      if (e.phase === 'write' && e.done >= 20_000) void wb.dispatch('jobs:cancel', { jobId: 'import-1' });
    });
    const outcome = await wb.dispatch('imports:run', { path: file, jobId: 'import-1' }).then(
      () => 'finished',
      (e: Error) => e.message,
    );
    clearInterval(timer);
    expect(outcome).toBe('cancelled by the user; nothing was written');
    expect(events.some((e) => e.phase === 'read' && e.done > 0)).toBe(true);
    // This thread's event loop kept turning while the worker read and wrote.
    expect(ticks).toBeGreaterThan(10);
    expect(count(wb, 'measurements')).toBe(0);
    expect(count(wb, 'import_batches')).toBe(0);
    expect(count(wb, 'branches')).toBe(0);
  }, 300_000);
});
