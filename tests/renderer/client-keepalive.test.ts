/**
 * In `qms serve` the page calls over HTTP. A call made as the page goes (the plan page saves
 * its waiting drafts when hidden) must be sent with `keepalive`, or Chromium may cancel it with
 * the page; a browser keeps alive at most 64 KB of bodies in flight, so larger ones go plainly.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.stubGlobal('window', {});
const { httpBridge, KEEPALIVE_BYTES } = await import('../../renderer/client');
afterAll(() => void vi.unstubAllGlobals());

function fakeFetch() {
  const sent: { bytes: number; keepalive: boolean | undefined }[] = [];
  const answers: ((r: Response) => void)[] = [];
  vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
    sent.push({ bytes: Buffer.byteLength(init.body as string), keepalive: init.keepalive });
    return new Promise<Response>((resolve) => answers.push(resolve));
  });
  const answer = () => answers.shift()!(new Response('{"ok":true,"value":null}'));
  return { sent, answer };
}

describe('the HTTP transport', () => {
  it('keeps small calls alive, up to 60 KB in flight together, and sends larger ones plainly', async () => {
    const { sent, answer } = fakeFetch();
    const bridge = httpBridge();
    const owner = (n: number) => ({ id: 'p1', drafts: [{ key: 'EAST-001/CS-FCR', owner: '李'.repeat(n) }] });
    const small = bridge.invoke('plans:saveDrafts', owner(10));
    // Chinese text is three bytes a character: 25,000 characters are 75 KB, not 25.
    const large = bridge.invoke('plans:saveDrafts', owner(25_000));
    const half = bridge.invoke('plans:saveDrafts', owner(12_000));
    const more = bridge.invoke('plans:saveDrafts', owner(12_000));
    expect(sent.map((s) => s.keepalive)).toEqual([true, false, true, false]);
    expect(sent[1]!.bytes).toBeGreaterThan(KEEPALIVE_BYTES);
    expect(sent[2]!.bytes + sent[3]!.bytes).toBeGreaterThan(KEEPALIVE_BYTES);
    for (let i = 0; i < 4; i++) answer();
    await Promise.all([small, large, half, more]);
    // Answered, they no longer count: the next goes kept alive again.
    const next = bridge.invoke('plans:saveDrafts', owner(12_000));
    expect(sent.at(-1)!.keepalive).toBe(true);
    answer();
    await expect(next).resolves.toEqual({ ok: true, value: null });
  });
});
