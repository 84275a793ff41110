/**
 * How a page's notices show: a refusal stays long enough to read a sentence, while hovered, and
 * goes when clicked; done and info keep antd's brief default.
 */
import type { MessageInstance, MessageType } from 'antd/es/message/interface';
import type { ReactElement, ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { noticesOn } from '../../renderer/components/notices';

/** A message instance that records what it was asked to show and how often a notice closed. */
function recorder() {
  const shown: { kind: string; args: unknown }[] = [];
  let closed = 0;
  const handle = () => (() => void closed++) as unknown as MessageType;
  const message = {
    open: (args: unknown) => (shown.push({ kind: 'open', args }), handle()),
    success: (args: unknown) => (shown.push({ kind: 'success', args }), handle()),
    info: (args: unknown) => (shown.push({ kind: 'info', args }), handle()),
  } as unknown as MessageInstance;
  return { message, shown, closed: () => closed };
}

describe('notices', () => {
  it('keeps a refusal about 10 s, while hovered, in the words describe gives, and closes it on a click', () => {
    const r = recorder();
    noticesOn(r.message, (e) => `说明：${String(e)}`).refused('实测值: 负数不是合理的数值');
    const [open] = r.shown;
    expect(open).toMatchObject({
      kind: 'open',
      args: { type: 'error', content: '说明：实测值: 负数不是合理的数值', pauseOnHover: true },
    });
    const args = open!.args as { duration: number; onClick: () => void };
    expect(args.duration).toBeGreaterThanOrEqual(8);
    expect(r.closed()).toBe(0);
    args.onClick();
    expect(r.closed()).toBe(1);
  });

  it("says done and info briefly, as antd's default", () => {
    const r = recorder();
    const notice = noticesOn(r.message, String);
    notice.done('已保存');
    notice.info('已生成下一轮计划');
    expect(r.shown).toEqual([
      { kind: 'success', args: '已保存' },
      { kind: 'info', args: '已生成下一轮计划' },
    ]);
  });

  it('offers to take a deletion back: the link closes the notice and undoes', () => {
    const r = recorder();
    let undone = 0;
    noticesOn(r.message, String, '撤销').undoable('已删除', () => void undone++);
    const [open] = r.shown;
    const args = open!.args as {
      type: string;
      duration: number;
      content: ReactElement<{ children: ReactNode[] }>;
    };
    expect(args.type).toBe('success');
    expect(args.duration).toBeGreaterThanOrEqual(8);
    const [text, link] = args.content.props.children as [
      string,
      ReactElement<{ children: string; onClick: () => void }>,
    ];
    expect([text, link.props.children]).toEqual(['已删除', '撤销']);
    link.props.onClick();
    expect([r.closed(), undone]).toEqual([1, 1]);
  });
});
