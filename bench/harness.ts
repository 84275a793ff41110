import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE_DIR = path.join(ROOT, 'bench', '.cache');
fs.mkdirSync(CACHE_DIR, { recursive: true });

export interface Suite {
  name: string;
  description: string;
  run(): Promise<void>;
}

export interface Measurement {
  seconds: number;
  /**
   * CPU seconds of the whole process, every thread (user + system). Steadier than `seconds` on
   * a shared machine, where a neighbour's load stretches the wall clock but not the work done.
   */
  cpuSeconds: number;
  peakRssMb: number;
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Node running a TypeScript task from bench/tasks (or any .ts) through tsx. */
export const tsNode = (script: string, ...args: string[]): string[] => [
  process.execPath,
  '--import',
  'tsx',
  path.isAbsolute(script) ? script : path.join(ROOT, 'bench', 'tasks', script),
  ...args,
];

/** The `qms` command of the checkout at `root`, as a user runs it, on the database `db`. */
export const qmsAt = (root: string, db: string, ...args: string[]): string[] => [
  process.execPath,
  path.join(root, 'bin', 'qms.mjs'),
  '--db',
  db,
  ...args,
];

/** The `qms` command of this checkout. */
export const qms = (db: string, ...args: string[]): string[] => qmsAt(ROOT, db, ...args);

/** A copy of a (cached) database in `dir`, so each case starts from the same file and none changes it. */
export function freshCopy(source: string, dir: string, name: string): string {
  const copy = path.join(dir, `${name.replace(/\W+/g, '-')}.db`);
  fs.copyFileSync(source, copy);
  return copy;
}

/** The Debian interpreter, which has python3-pandas and python3-openpyxl (the peers). */
export const SYSTEM_PYTHON = '/usr/bin/python3';

/**
 * Runs a command to completion under GNU time: wall-clock seconds and the peak resident
 * set of the process (children included where they are waited for), as the OS counted it.
 */
export function measure(
  argv: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<Measurement> {
  const timeFile = path.join(os.tmpdir(), `qw-bench-time-${process.pid}-${Date.now()}.txt`);
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', '%e %M %U %S', '-o', timeFile, ...argv], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      // The last line: a failed command's status line comes before it.
      const [seconds, kb, user, system] = fs
        .readFileSync(timeFile, 'utf8')
        .trim()
        .split('\n')
        .at(-1)!
        .split(' ')
        .map(Number);
      fs.rmSync(timeFile, { force: true });
      resolve({
        seconds: seconds!,
        cpuSeconds: user! + system!,
        peakRssMb: Math.round(kb! / 1024),
        exitCode: code ?? -1,
        stdout,
        stderr,
      });
    });
  });
}

/** Runs a measurement and fails the whole bench loudly if the command itself failed. */
export async function measureOk(
  label: string,
  argv: string[],
  options?: Parameters<typeof measure>[1],
): Promise<Measurement> {
  const m = await measure(argv, options);
  if (m.exitCode !== 0) {
    throw new Error(`${label} exited ${m.exitCode}:\n${m.stderr.slice(-2000)}`);
  }
  return m;
}

export interface Row {
  case: string;
  size: number | string;
  /** NaN for a case that could not run (the note says why): printed as a dash. */
  seconds: number;
  peakRssMb?: number;
  /** e.g. "6.1x faster than pandas" */
  note?: string;
}

export function ratio(ours: number, peer: number): string {
  return `${(peer / ours).toFixed(1)}x`;
}

export function report(title: string, rows: Row[]): void {
  const lines = [
    `\n## ${title}`,
    '| case | size | seconds | peak RSS (MB) | note |',
    '|---|---:|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.case} | ${typeof r.size === 'number' ? r.size.toLocaleString('en') : r.size} | ${Number.isFinite(r.seconds) ? r.seconds.toFixed(2) : '—'} | ${r.peakRssMb ?? ''} | ${r.note ?? ''} |`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

export function sizes(defaults: number[]): number[] {
  const env = process.env.BENCH_SIZES;
  return env ? env.split(',').map((s) => Number(s.replace(/_/g, ''))) : defaults;
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `qw-bench-${prefix}-`));
}

/**
 * Runs `work` in a fresh temporary folder and removes it after: a database of a million rows
 * is 420 MB, and runs that left theirs behind filled this machine's disk.
 */
export async function inTempDir<T>(prefix: string, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = tempDir(prefix);
  try {
    return await work(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
