import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../../main/db/migrations';
import { STANDARDS_LIBRARY } from '../../../main/seed/standards-library';
import { qms, tempDir } from '../../helpers/workbench';

describe('qms init, seed standards, check, backup', () => {
  it('runs the set-up sequence on a new file, each step exiting 0', () => {
    const dir = tempDir();
    const db = path.join(dir, 'x.db');
    const init = qms(['--db', db, 'init']);
    expect(init.status).toBe(0);
    expect(init.stdout).toContain(`schema version ${LATEST_VERSION}`);

    const seed = qms(['--db', db, 'seed', 'standards']);
    expect(seed.status).toBe(0);
    expect(seed.stdout).toContain(`loaded ${STANDARDS_LIBRARY.length} standards`);

    const check = qms(['--db', db, 'check']);
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/integrity: ok\nforeign keys: 0 violations/);

    const backup = qms(['--db', db, 'backup', '--out', path.join(dir, 'copy.db')]);
    expect(backup.status).toBe(0);
    const copy = new Database(path.join(dir, 'copy.db'), { readonly: true });
    expect((copy.prepare('SELECT count(*) AS n FROM standards').get() as { n: number }).n).toBe(
      STANDARDS_LIBRARY.length,
    );
    copy.close();
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('takes the database from QMS_DB and speaks Chinese when asked', () => {
    const db = path.join(tempDir(), 'env.db');
    const r = qms(['--lang', 'zh', 'seed', 'standards'], { QMS_DB: db });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`已载入 ${STANDARDS_LIBRARY.length} 项标准`);
    expect(fs.existsSync(db)).toBe(true);
    // A backup onto the database itself would be renamed over the open file: refused, the file kept.
    const before = fs.readFileSync(db);
    const onto = qms(['--lang', 'zh', 'backup', '--out', db], { QMS_DB: db });
    expect(onto.status).toBe(1);
    expect(onto.stderr).toBe(`qms: ${db}: 不能把数据库备份到它自身（${db}）；请另选一个文件。\n`);
    expect(fs.readFileSync(db).equals(before)).toBe(true);
    const check = qms(['--lang', 'zh', 'check'], { QMS_DB: db });
    expect(check.stdout).toMatch(/^完整性：ok\n外键：0 处违反\n数据库结构版本：\d+（最新 \d+）\n$/);
  });

  it('answers bad usage in Chinese when asked, --lang given before or after the command', () => {
    const zh = (args: string[]) => {
      const r = qms(args, { LANG: 'C' });
      expect(r.status).toBe(2);
      return r.stderr;
    };
    expect(zh(['--lang', 'zh', 'frob'])).toBe('qms: 没有命令“frob”。运行 qms --help 查看用法\n');
    expect(zh(['import', '--dry-rn', 'x.xlsx', '--lang=zh'])).toBe(
      'qms: 没有选项“--dry-rn”（是否要输入 --dry-run？）。运行 qms --help 查看用法\n',
    );
    expect(zh(['--lang', 'zh', 'backup'])).toBe(
      'qms: 必须给出选项“--out <file>”。运行 qms --help 查看用法\n',
    );
    expect(zh(['--lang', 'zh', 'import'])).toBe('qms: 缺少参数“files”。运行 qms --help 查看用法\n');
    expect(zh(['--lang', 'zh', 'import', '--period'])).toBe(
      'qms: 选项“--period <period>”缺少取值。运行 qms --help 查看用法\n',
    );
    expect(zh(['--lang', 'zh', 'undo', 'a', 'b'])).toBe(
      'qms: 命令“undo”的参数过多。运行 qms --help 查看用法\n',
    );
    // A language the program does not speak: the locale's, here Chinese.
    expect(qms(['--lang', 'fr', 'check'], { LANG: 'zh_CN.UTF-8' }).stderr).toBe(
      'qms: 选项“--lang <lang>”不接受“fr”，可选：en, zh。运行 qms --help 查看用法\n',
    );
  });

  it('answers bad usage with one line and exit 2, and help with exit 0', () => {
    const unknown = qms(['frobnicate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe("qms: unknown command 'frobnicate'. Run qms --help\n");
    // Help for want of a subcommand, and a language the program does not speak: usage mistakes.
    const seedWhat = qms(['--db', path.join(tempDir(), 'y.db'), 'seed']);
    expect(seedWhat.status).toBe(2);
    expect(seedWhat.stderr).toContain('Usage: qms seed');
    const french = qms(['--lang', 'fr', 'check']);
    expect(french.status).toBe(2);
    expect(french.stderr).toBe(
      "qms: option '--lang <lang>' argument 'fr' is invalid. Allowed choices are en, zh. Run qms --help\n",
    );
    const missing = qms(['--db', path.join(tempDir(), 'y.db'), 'backup']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^qms: required option '--out <file>' not specified\. Run qms --help\n$/);
    // Commander's guess at a misspelling stays on the one line of the error.
    const misspelt = qms(['improt']);
    expect(misspelt.stderr).toBe("qms: unknown command 'improt' (did you mean import?). Run qms --help\n");
    const file = path.join(tempDir(), 'plain.txt');
    fs.writeFileSync(file, '');
    const unwritable = qms([
      '--db',
      path.join(tempDir(), 'z.db'),
      'backup',
      '--out',
      path.join(file, 'b.db'),
    ]);
    expect(unwritable.status).toBe(2);
    expect(unwritable.stderr).toBe(
      `qms: ${file}/b.db: cannot write ${file}/b.db (ENOTDIR). Check that the folder exists or can be created, and the file name.\n`,
    );
    const deep = path.join(tempDir(), 'region', '2026', 'east.db');
    expect(qms(['--db', deep, 'init']).status).toBe(0);
    expect(fs.existsSync(deep)).toBe(true);
    const throughFile = qms(['--db', path.join(file, 'x.db'), 'init']);
    expect(throughFile.status).toBe(2);
    expect(throughFile.stderr).toMatch(
      new RegExp(`^qms: ${file}/x\\.db: cannot write ${file}/x\\.db \\(ENOTDIR\\)\\.`),
    );
    // A folder given as the database, and a place where no file can be made (Linux's /proc):
    // the path to correct, not "not a Quality Workbench database".
    const folder = tempDir();
    expect(qms(['--db', folder, 'init']).stderr).toBe(
      `qms: ${folder}: cannot write ${folder}: it is a folder. Give the name of the file to write.\n`,
    );
    const proc = qms(['--db', '/proc/qw-test.db', 'init']);
    expect(proc.status).toBe(2);
    expect(proc.stderr).toMatch(
      /^qms: \/proc\/qw-test\.db: cannot write \/proc\/qw-test\.db \(SQLITE_CANTOPEN\)\./,
    );
    // A folder the file system will not make although its parent is there (/proc/nope): Node's
    // recursive mkdir never returned on it. Its own process, so a regression fails, not hangs.
    const neverMade = qms(['--db', '/proc/nope/qw-test.db', 'init'], {}, 20_000);
    expect({ status: neverMade.status, stderr: neverMade.stderr }).toEqual({
      status: 2,
      stderr:
        'qms: /proc/nope/qw-test.db: cannot write /proc/nope/qw-test.db (ENOENT). Check that the folder exists or can be created, and the file name.\n',
    });
    const help = qms(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: qms');
  });
});
