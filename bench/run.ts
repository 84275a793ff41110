import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, type Suite } from './harness';

// Runs the suites named on the command line (substring match), or all of them.
const filters = process.argv.slice(2);
const dir = path.join(ROOT, 'bench', 'suites');
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .sort();
process.stdout.write(
  `# Quality Workbench benchmarks — ${new Date().toISOString()}, node ${process.version}\n`,
);
for (const file of files) {
  const suite = ((await import(pathToFileURL(path.join(dir, file)).href)) as { default: Suite }).default;
  if (filters.length && !filters.some((f) => suite.name.includes(f))) continue;
  process.stdout.write(`\n# ${suite.name}: ${suite.description}\n`);
  await suite.run();
}
