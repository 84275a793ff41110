/**
 * What a page says about the outcome of a call, over an antd message instance. Kept apart from
 * the hook (useNotice.ts) so the rule can be checked without a page: a done or info is a brief
 * toast, but a refusal is the service saying why nothing changed, often a long Chinese sentence,
 * which antd's default 3 s took away before it was read.
 */
import { createElement } from 'react';
import type { MessageInstance, MessageType } from 'antd/es/message/interface';

/** Long enough to read a refusal's sentence; hovering it stops the clock (pauseOnHover). */
export const REFUSAL_SECONDS = 10;

export interface Notice {
  done: (text: string) => void;
  info: (text: string) => void;
  /** An error (a contract error reads in the page's language) or a sentence of the page's own. */
  refused: (error: unknown) => void;
  /**
   * A deletion done, with a link that takes it back (`undo`): kept as long as a refusal, for
   * a slip seen only once the row is gone.
   */
  undoable: (text: string, undo: () => void) => void;
}

/**
 * `describe` turns a refusal into the sentence shown (errorText in the page's language);
 * `undoWord` names the undo link (撤销).
 */
export function noticesOn(
  message: MessageInstance,
  describe: (error: unknown) => string,
  undoWord = 'Undo',
): Notice {
  return {
    done: (text) => void message.success(text),
    info: (text) => void message.info(text),
    refused: (error) => {
      // Once read it can be put away, rather than covering the page for the rest of its time.
      const close: MessageType = message.open({
        type: 'error',
        content: describe(error),
        duration: REFUSAL_SECONDS,
        pauseOnHover: true,
        onClick: () => close(),
        className: 'qw-notice-refused',
      });
    },
    undoable: (text, undo) => {
      const link = createElement(
        'a',
        {
          'data-testid': 'notice-undo',
          style: { marginLeft: 12 },
          onClick: () => {
            close();
            undo();
          },
        },
        undoWord,
      );
      const close: MessageType = message.open({
        type: 'success',
        content: createElement('span', null, text, link),
        duration: REFUSAL_SECONDS,
        pauseOnHover: true,
      });
    },
  };
}
