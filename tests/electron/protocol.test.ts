import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppFile, serveAppRequest } from '../../main/electron/protocol';
import { CONTENT_SECURITY_POLICY } from '../../main/electron/security';
import { tempDir } from '../helpers/workbench';

function builtRenderer() {
  const dir = tempDir('qw-renderer-');
  const root = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>质量工作台</title>');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside the renderer');
  return root;
}

describe('app:// protocol', () => {
  it('serves files of the built renderer with their type and the CSP', async () => {
    const root = builtRenderer();
    const js = await serveAppRequest(root, 'app://workbench/assets/index-abc.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(js.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await js.text()).toBe('console.log(1)');
  });

  it('answers client routes with index.html and a missing asset with 404', async () => {
    const root = builtRenderer();
    expect(await (await serveAppRequest(root, 'app://workbench/actions/overdue')).text()).toContain(
      '质量工作台',
    );
    expect(await (await serveAppRequest(root, 'app://workbench/')).text()).toContain('质量工作台');
    expect((await serveAppRequest(root, 'app://workbench/assets/missing.js')).status).toBe(404);
  });

  it('never resolves outside the renderer folder or for another origin', async () => {
    const root = builtRenderer();
    const attempts = [
      'app://workbench/../secret.txt',
      'app://workbench/%2e%2e/secret.txt',
      'app://workbench/assets/..%2f..%2fsecret.txt',
      'app://workbench/%2e%2e%5csecret.txt',
      'app://workbench/a%00.js',
      'app://elsewhere/index.html',
      'file:///etc/passwd',
      'not a url',
    ];
    for (const url of attempts) {
      const file = resolveAppFile(root, url);
      if (file !== null) expect(file.startsWith(root + path.sep)).toBe(true);
      const response = await serveAppRequest(root, url);
      expect(await response.text()).not.toContain('outside the renderer');
    }
    expect(resolveAppFile(root, 'app://elsewhere/index.html')).toBeNull();
    expect((await serveAppRequest(root, 'app://workbench/%2e%2e/secret.txt')).status).toBe(404);
  });
});
