/**
 * The one way a page reports what came of a call (notices.ts says how each kind shows). Built on
 * App.useApp's message, which follows the ConfigProvider's theme and locale, as antd's static
 * `message` does not.
 */
import { useMemo } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../format';
import { noticesOn, type Notice } from './notices';

export function useNotice(): Notice {
  const { message } = App.useApp();
  const { i18n } = useTranslation();
  const language = i18n.language;
  // Stable while the language stays, so effects that report through it do not run again.
  return useMemo(() => noticesOn(message, (e) => errorText(e, language)), [message, language]);
}
