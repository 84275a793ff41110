/**
 * Saves what the user types as it is typed, for the pages that keep typing (a plan's proposed
 * actions, a review's decisions). A short wait gathers edits made together (a paste over several
 * cells, a word typed) into one write; what is still waiting goes at once when the page unmounts
 * (another page) or is hidden (a reload, a closed window: the HTTP client sends it with
 * keepalive), so nothing typed is lost by leaving right after typing.
 */
import { useCallback, useEffect, useRef } from 'react';
import { useNotice } from './useNotice';

const WAIT_MS = 400;

export interface DraftSaver<T> {
  /** The latest value of one field (a plan's gap, a review's text) replaces the one waiting. */
  queue: (key: string, value: T) => void;
  /** Sends what is waiting; resolves when every save asked for so far has answered. */
  flush: () => Promise<void>;
}

/** Every page's saves still in flight: a page reading what another just left waits for them. */
let allSaved: Promise<void> = Promise.resolve();
export const draftsSaved = (): Promise<void> => allSaved;

/**
 * `save` writes the fields changed since the last save of record `id`; it is read when a save
 * goes, so it need not be stable. A save that fails is said, and its fields are kept for the
 * next one.
 */
export function useDraftSaver<T>(
  id: string,
  save: (id: string, changed: ReadonlyMap<string, T>) => Promise<unknown>,
): DraftSaver<T> {
  const notice = useNotice();
  // Read at the moment a save goes or fails (the language of that moment), not captured by flush.
  const latest = useRef({ notice, save });
  latest.current = { notice, save };
  const pending = useRef(new Map<string, T>());
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const saved = useRef<Promise<void>>(Promise.resolve());

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    if (!pending.current.size) return saved.current;
    const sent = pending.current;
    pending.current = new Map();
    // One save at a time, in order: an earlier edit of a field must not land after a later one.
    saved.current = saved.current.then(() =>
      latest.current.save(id, sent).then(
        () => undefined,
        (e: unknown) => {
          // Kept for the next save unless edited again since: the typing is still on screen.
          for (const [key, v] of sent) if (!pending.current.has(key)) pending.current.set(key, v);
          latest.current.notice.refused(e);
        },
      ),
    );
    allSaved = Promise.all([allSaved, saved.current]).then(() => undefined);
    return saved.current;
  }, [id]);

  const queue = useCallback(
    (key: string, value: T) => {
      pending.current.set(key, value);
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
