import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript run by node before any TypeScript; no declarations.
import { compiledCli } from '../../../bin/compiled-cli.mjs';
import { ROOT, tempDir } from '../../helpers/workbench';

const compile = compiledCli as (root: string) => Promise<string | null>;

/** A checkout of two modules: the CLI entry prints what shared/ says, the worker is empty. */
function checkout(): { root: string; write(text: string): void } {
  const root = tempDir();
  for (const dir of ['main/cli', 'main/import', 'shared', 'node_modules'])
    fs.mkdirSync(path.join(root, dir), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'main/cli/index.ts'),
    "import { said } from '../../shared/said';\nexport const out: string = said;\n",
  );
  fs.writeFileSync(path.join(root, 'main/import/worker.ts'), 'export {};\n');
  const write = (text: string) => fs.writeFileSync(path.join(root, 'shared/said.ts'), text);
  write("export const said = 'first';\n");
  return { root, write };
}

describe('the compiled qms (bin/compiled-cli.mjs)', () => {
  it('builds once, serves the same bundle until a source changes, then rebuilds', async () => {
    const { root, write } = checkout();
    const first = await compile(root);
    expect(first).toMatch(/\/node_modules\/\.cache\/qms-cli\/[0-9a-f]{16}\/index\.mjs$/);
    expect(((await import(first!)) as { out: string }).out).toBe('first');
    expect(await compile(root)).toBe(first);
    expect(fs.existsSync(new URL('./worker-entry.mjs', first!))).toBe(true);

    write("export const said = 'second, after an edit';\n");
    const second = await compile(root);
    expect(second).not.toBe(first);
    expect(((await import(second!)) as { out: string }).out).toBe('second, after an edit');
  });

  it('gives null (qms then runs the sources through tsx) when the sources do not compile', async () => {
    const { root, write } = checkout();
    write('export const said = ;\n');
    expect(await compile(root)).toBeNull();
  });

  it('bundles zod without the fifty languages of z.locales, which nothing uses and every start compiled', async () => {
    const entry = await compile(ROOT);
    const dir = path.dirname(new URL(entry!).pathname);
    // The chunks are minified; their source maps name every file bundled into them.
    const sources = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.mjs.map'))
      .flatMap(
        (f) => (JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { sources: string[] }).sources,
      )
      .map((s) => path.relative(ROOT, path.resolve(dir, s)).split(path.sep).join('/'));
    expect(sources).toContain('node_modules/zod/v4/classic/schemas.js');
    expect(sources.filter((s) => s.startsWith('node_modules/zod/v4/locales/'))).toEqual([
      'node_modules/zod/v4/locales/en.js',
    ]);
  });

  it('minifies the chunks, which node parses on every start, and keeps the names of functions', async () => {
    const entry = await compile(ROOT);
    const dir = path.dirname(new URL(entry!).pathname);
    const chunks = fs.readdirSync(dir).filter((f) => f.endsWith('.mjs'));
    const text = chunks.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
    expect(text).not.toMatch(/^\s*\/\/ node_modules\//m);
    expect(text).toContain('function openWorkbook(');
  });
});
