import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Folders made by tempDir in this test file; tests/setup.ts removes them when the file ends. */
const made: string[] = [];

/** A fresh folder per test: every test gets its own real database file. */
export function tempDir(prefix = 'qw-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Left behind, they add up: a developer's machine held 4,000 of them. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
