import { describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { FakeWebContents } from './fakes';

const created: { options: Record<string, unknown>; loaded: string[]; maximized: boolean }[] = [];

vi.mock('electron', () => {
  class BrowserWindow {
    readonly record = { options: {} as Record<string, unknown>, loaded: [] as string[], maximized: false };
    constructor(options: Record<string, unknown>) {
      this.record.options = options;
      created.push(this.record);
    }
    maximize() {
      this.record.maximized = true;
    }
    once() {}
    loadURL(url: string) {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
  }
  return { BrowserWindow };
});

const { createMainWindow, hardenSession, hardenWebContents } = await import('../../main/electron/window');
const { CONTENT_SECURITY_POLICY } = await import('../../main/electron/security');

describe('the workbench window', () => {
  it('is created with the locked-down set of web preferences and loads only the app origin', () => {
    createMainWindow({
      preloadPath: '/app/dist/electron/preload.cjs',
      title: '质量工作台',
      state: { bounds: { x: 10, y: 20, width: 1400, height: 900 }, maximized: true },
    });
    const { options, loaded, maximized } = created.at(-1)!;
    expect(options.webPreferences).toEqual({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: true,
      spellcheck: false,
      safeDialogs: true,
    });
    expect(options).toMatchObject({
      x: 10,
      y: 20,
      width: 1400,
      height: 900,
      show: false,
      title: '质量工作台',
    });
    expect(maximized).toBe(true);
    expect(loaded).toEqual(['app://workbench/index.html']);
  });
});

describe('web contents guards', () => {
  const guarded = () => {
    const contents = new FakeWebContents();
    const dropped: string[] = [];
    hardenWebContents(contents as unknown as WebContents, (file) => dropped.push(file));
    return { contents, dropped };
  };

  it('denies every navigation, in-app or remote', () => {
    const { contents, dropped } = guarded();
    for (const url of [
      'https://example.com/',
      'app://workbench/other.html',
      'file:///etc/passwd',
      'javascript:alert(1)',
    ]) {
      expect(contents.emitPreventable('will-navigate', url)).toBe(true);
      expect(contents.emitPreventable('will-redirect', url)).toBe(true);
    }
    expect(dropped).toEqual([]);
  });

  it('turns a workbook dropped on the window into an import offer instead of a page load', () => {
    const { contents, dropped } = guarded();
    expect(
      contents.emitPreventable('will-navigate', 'file:///home/qa/%E5%8D%8E%E4%B8%9C%202026-10.xlsx'),
    ).toBe(true);
    expect(contents.emitPreventable('will-navigate', 'file:///home/qa/notes.txt')).toBe(true);
    expect(dropped).toEqual(['/home/qa/华东 2026-10.xlsx']);
  });

  it('denies window.open and webviews', () => {
    const { contents } = guarded();
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'app://workbench/index.html' })).toEqual({ action: 'deny' });
    expect(contents.emitPreventable('will-attach-webview', {}, {})).toBe(true);
  });
});

describe('session guards', () => {
  function guardedSession() {
    const hooks: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: never) => (hooks.request = h),
      setPermissionCheckHandler: (h: never) => (hooks.check = h),
      webRequest: {
        onBeforeRequest: (h: never) => (hooks.before = h),
        onHeadersReceived: (h: never) => (hooks.headers = h),
      },
    };
    hardenSession(session as unknown as Session);
    return hooks as Record<string, (...args: unknown[]) => unknown>;
  }

  it('denies every permission request and check', () => {
    const hooks = guardedSession();
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fileSystem',
    ]) {
      const answer = vi.fn();
      hooks.request!({}, permission, answer);
      expect(answer).toHaveBeenCalledWith(false);
      expect(hooks.check!({}, permission)).toBe(false);
    }
  });

  it('cancels requests that leave the app, and stamps the CSP on responses', () => {
    const hooks = guardedSession();
    const verdict = (url: string) => {
      let result: unknown;
      hooks.before!({ url }, (r: unknown) => (result = r));
      return result;
    };
    expect(verdict('app://workbench/assets/index.js')).toEqual({ cancel: false });
    expect(verdict('data:image/png;base64,AAAA')).toEqual({ cancel: false });
    for (const url of [
      'https://cdn.example.com/x.js',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'ws://localhost/',
    ])
      expect(verdict(url)).toEqual({ cancel: true });

    let headers: unknown;
    hooks.headers!({ responseHeaders: { 'Content-Type': ['text/html'] } }, (r: unknown) => (headers = r));
    expect(headers).toEqual({
      responseHeaders: {
        'Content-Type': ['text/html'],
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });

  it('has a CSP that allows no remote, inline or eval script and no frames', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d]),
    );
    expect(directives['script-src']).toBe("script-src 'self'");
    expect(directives['default-src']).toBe("default-src 'self'");
    expect(directives['object-src']).toBe("object-src 'none'");
    expect(directives['frame-src']).toBe("frame-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });
});
