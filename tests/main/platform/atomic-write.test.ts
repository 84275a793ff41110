/**
 * Files the user asks for: written whole or not at all, a missing folder created, and a place
 * that cannot be written refused before any work with a message that names it, in both
 * languages. Real files and folders; /dev/full for a disk that fills.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { backupDatabase } from '../../../main/db/backup';
import { FileOut } from '../../../main/export/file-out';
import { writeAtomically, writeAtomicallySync } from '../../../main/platform/atomic-write';
import { tempDir, testWorkbench } from '../../helpers/workbench';

/** A folder holding one regular file, `file`, where a path would need a folder. */
function folderWithAFile(): { dir: string; file: string } {
  const dir = tempDir();
  const file = path.join(dir, 'notes.txt');
  fs.writeFileSync(file, 'a file, not a folder');
  return { dir, file };
}

describe('writeAtomically', () => {
  it('creates a missing folder and leaves only the finished file', async () => {
    const dir = tempDir();
    const target = path.join(dir, '2026-10', 'east', 'plan.xlsx');
    const seen: string[] = [];
    const result = await writeAtomically(target, async (temp) => {
      seen.push(temp);
      expect(fs.readFileSync(temp, 'utf8')).toBe('');
      fs.writeFileSync(temp, 'the plan');
      return 42;
    });
    expect(result).toBe(42);
    expect(path.dirname(seen[0]!)).toBe(path.dirname(target));
    expect(fs.readFileSync(target, 'utf8')).toBe('the plan');
    expect(fs.readdirSync(path.dirname(target))).toEqual(['plan.xlsx']);
  });

  it('refuses a path through a file before any work, naming the target, in both languages', async () => {
    const { dir, file } = folderWithAFile();
    const target = path.join(file, 'plan.xlsx');
    let worked = false;
    const failure = await writeAtomically(target, async () => {
      worked = true;
    }).catch((e: unknown) => e);
    expect(worked).toBe(false);
    expect(failure).toBeInstanceOf(AppError);
    const e = failure as AppError;
    expect(e.kind).toBe('unsupported');
    expect(e.params).toEqual({ target, detail: 'ENOTDIR' });
    expect(e.localized('en')).toBe(
      `cannot write ${target} (ENOTDIR). Check that the folder exists or can be created, and the file name`,
    );
    expect(e.localized('zh')).toBe(
      `无法写入 ${target}（ENOTDIR）。请检查文件夹是否存在或可以创建，以及文件名是否正确`,
    );
    expect(fs.readdirSync(dir)).toEqual(['notes.txt']);
    expect(fs.readFileSync(file, 'utf8')).toBe('a file, not a folder');
  });

  it('refuses a folder as the target before any work, and leaves it as it was', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'plan.xlsx');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'inside.txt'), 'kept');
    let worked = false;
    await expect(
      writeAtomically(target, async () => {
        worked = true;
      }),
    ).rejects.toMatchObject({ kind: 'unsupported', key: 'fileWriteIsFolder', params: { target } });
    expect(worked).toBe(false);
    expect(fs.readdirSync(dir)).toEqual(['plan.xlsx']);
    expect(fs.readdirSync(target)).toEqual(['inside.txt']);
  });

  it('says the disk is full when the writer meets ENOSPC, keeping the previous file and no temp', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'export.csv');
    fs.writeFileSync(target, 'the previous export');
    await expect(
      writeAtomically(target, async () => {
        // What a real write to a full disk raises (see FileOut below, on /dev/full).
        const out = new FileOut('/dev/full');
        await out.write('x'.repeat(100_000));
        await out.end();
      }),
    ).rejects.toMatchObject({ kind: 'unsupported', key: 'fileWriteNoSpace', params: { detail: 'ENOSPC' } });
    expect(fs.readFileSync(target, 'utf8')).toBe('the previous export');
    expect(fs.readdirSync(dir)).toEqual(['export.csv']);
  });

  it('passes on a file-system error about another path unchanged: a missing input is no fault of the place', async () => {
    const dir = tempDir();
    const failure = await writeAtomically(path.join(dir, 'plan.pdf'), async () => {
      fs.readFileSync(path.join(tempDir(), 'missing-font.ttf'));
    }).catch((e: unknown) => e);
    expect(failure).not.toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: 'ENOENT' });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('passes on an error that is not about the place, unchanged', async () => {
    const dir = tempDir();
    const mistake = new TypeError('a bug in a writer');
    await expect(
      writeAtomically(path.join(dir, 'x.xlsx'), async () => {
        throw mistake;
      }),
    ).rejects.toBe(mistake);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('has a synchronous twin with the same refusals', () => {
    const { file } = folderWithAFile();
    expect(() => writeAtomicallySync(path.join(file, 'x.db'), () => undefined)).toThrow(
      expect.objectContaining({
        key: 'fileWriteFailed',
        params: { target: path.join(file, 'x.db'), detail: 'ENOTDIR' },
      }),
    );
    const dir = tempDir();
    expect(writeAtomicallySync(path.join(dir, 'a', 'b.txt'), (temp) => fs.writeFileSync(temp, 'b'))).toBe(
      undefined,
    );
    expect(fs.readFileSync(path.join(dir, 'a', 'b.txt'), 'utf8')).toBe('b');
  });
});

describe('FileOut', () => {
  it('rejects the writes that follow a failure instead of ending the process with an unheard error event', async () => {
    const out = new FileOut('/dev/full');
    const failure = await (async () => {
      for (let i = 0; i < 100; i++) await out.write(Buffer.alloc(64 * 1024));
      await out.end();
    })().catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'ENOSPC' });
  });

  it('rejects when the file cannot be opened at all', async () => {
    const { file } = folderWithAFile();
    const out = new FileOut(path.join(file, 'x.csv'));
    await expect(
      (async () => {
        await out.write('a,b\r\n');
        await out.end();
      })(),
    ).rejects.toMatchObject({ code: 'ENOTDIR' });
  });
});

describe('backupDatabase', () => {
  it('writes a consistent copy into a folder it creates, and refuses a place it cannot write', () => {
    const wb = testWorkbench();
    try {
      const copy = path.join(wb.dir, 'backups', 'nested', 'copy.db');
      expect(backupDatabase(wb.db, copy)).toEqual({ path: copy, bytes: fs.statSync(copy).size });
      expect(fs.readdirSync(path.dirname(copy))).toEqual(['copy.db']);
      fs.writeFileSync(path.join(wb.dir, 'plain'), '');
      const bad = path.join(wb.dir, 'plain', 'copy.db');
      expect(() => backupDatabase(wb.db, bad)).toThrow(
        expect.objectContaining({
          kind: 'unsupported',
          key: 'fileWriteFailed',
          params: { target: bad, detail: 'ENOTDIR' },
        }),
      );
    } finally {
      wb.close();
    }
  });
});
