// Writes the cached benchmark workbooks ahead of a run: `node --import tsx bench/tasks/generate-workbooks.ts 100000 1000000`
import { measurementsWorkbook } from '../generate';

for (const n of process.argv.slice(2).map(Number)) {
  const started = Date.now();
  const file = await measurementsWorkbook(n);
  process.stdout.write(`${n} rows: ${file} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}
