/**
 * Saves the plan's drafts as the user edits them (plans:saveDrafts). A short wait gathers
 * edits made together (a paste over several cells) into one write; what is still waiting goes
 * at once when the page unmounts (another page) or is hidden (a reload, a closed window), so
 * nothing typed is lost by leaving right after typing.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { PlanDraft } from '../../../shared/plans/types';
import { client } from '../../client';
import { useNotice } from '../../components/useNotice';

const WAIT_MS = 400;

export interface DraftSaver {
  queue: (key: string, draft: PlanDraft) => void;
  /** Sends what is waiting; resolves when every save asked for so far has answered. */
  flush: () => Promise<void>;
}

export function useDraftSaver(planId: string): DraftSaver {
  const notice = useNotice();
  // Read at the moment a save fails, in the language of that moment, not captured by flush.
  const noticeRef = useRef(notice);
  noticeRef.current = notice;
  const pending = useRef(new Map<string, PlanDraft>());
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const saved = useRef<Promise<void>>(Promise.resolve());

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    if (!pending.current.size) return saved.current;
    const sent = pending.current;
    pending.current = new Map();
    const drafts = [...sent].map(([key, d]) => ({ key, ...d }));
    // One save at a time, in order: an earlier edit of a cell must not land after a later one.
    saved.current = saved.current.then(() =>
      client.call('plans:saveDrafts', { id: planId, drafts }).then(
        () => undefined,
        (e: unknown) => {
          // Kept for the next save unless edited again since: the typing is still on screen.
          for (const [key, d] of sent) if (!pending.current.has(key)) pending.current.set(key, d);
          noticeRef.current.refused(e);
        },
      ),
    );
    return saved.current;
  }, [planId]);

  const queue = useCallback(
    (key: string, draft: PlanDraft) => {
      pending.current.set(key, draft);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), WAIT_MS);
    },
    [flush],
  );

  useEffect(() => {
    const hidden = () => void flush();
    window.addEventListener('pagehide', hidden);
    return () => {
      window.removeEventListener('pagehide', hidden);
      void flush();
    };
  }, [flush]);

  return { queue, flush };
}
