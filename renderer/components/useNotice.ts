/**
 * The one way a page reports what came of a call (notices.ts says how each kind shows). Built on
 * App.useApp's message, which follows the ConfigProvider's theme and locale, as antd's static
 * `message` does not.
 */
import { useMemo } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Deleted } from '../../shared/schemas/common';
import { client } from '../client';
import { errorText } from '../format';
import { noticesOn, type Notice } from './notices';

export interface PageNotice extends Notice {
  /**
   * A deletion done, offering to undo it (changes:undo): `restored` runs once it is back, for
   * the page to show it again.
   */
  deleted: (text: string, deleted: Deleted, restored: () => void) => void;
}

export function useNotice(): PageNotice {
  const { message } = App.useApp();
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  // Stable while the language stays, so effects that report through it do not run again.
  return useMemo(() => {
    const notice = noticesOn(message, (e) => errorText(e, language), t('common:undo'));
    const undo = (change: string, restored: () => void) =>
      client.call('changes:undo', { id: change }).then(() => {
        notice.done(t('common:undoneDeletion'));
        restored();
      }, notice.refused);
    return {
      ...notice,
      deleted: (text, deleted, restored) => notice.undoable(text, () => void undo(deleted.undo, restored)),
    };
  }, [message, language, t]);
}
