import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { qms, SAMPLES, tempDir } from '../../helpers/workbench';

/**
 * `qms imports` and `qms undo BATCH` as cli.md says: a batch id that is not one, or names no
 * batch here, is bad usage (exit 2) in one line saying where the ids are; a batch that cannot
 * be undone is refused (exit 1). Each run is its own process, as a user's is.
 */
let db: string;
let batch: string;

beforeAll(() => {
  db = path.join(tempDir(), 'undo.db');
  expect(qms(['--db', db, 'import', path.join(SAMPLES, 'standards.xlsx')]).status).toBe(0);
  const listed = qms(['--db', db, 'imports']);
  expect(listed.status).toBe(0);
  batch = listed.stdout.split('\t')[0]!;
});

describe('qms undo', () => {
  it.each([
    [
      'nonsense',
      'en',
      'no import batch nonsense in this database. See qms imports for the batches and their ids.',
    ],
    ['nonsense', 'zh', '本数据库没有导入批次 nonsense。可用 qms imports 查看各批次及其编号。'],
    [
      '0b7d3a1e-5f0c-4a57-9f3e-2c3f4b5a6d7e',
      'en',
      'no import batch 0b7d3a1e-5f0c-4a57-9f3e-2c3f4b5a6d7e in this database. See qms imports for the batches and their ids.',
    ],
  ])('refuses %s (--lang %s) as bad usage: exit 2, one line, nothing undone', (id, lang, line) => {
    const run = qms(['--db', db, '--lang', lang, 'undo', id]);
    expect(run.stderr).toBe(`qms: ${db}: ${line}\n`);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
  });

  it('undoes a batch that is there, then refuses it as undone before with exit 1', () => {
    // Still there after the refusals above.
    const undo = qms(['--db', db, 'undo', batch]);
    expect(undo.stderr).toBe('');
    expect(undo.status).toBe(0);
    expect(undo.stdout).toMatch(new RegExp(`^undid batch ${batch}: removed the \\d+ rows it wrote`));
    const again = qms(['--db', db, 'undo', batch]);
    expect(again.status).toBe(1);
    expect(again.stderr).toBe(
      `qms: ${db}: import batch ${batch} (standards.xlsx) was undone before; nothing changed.\n`,
    );
  });
});
