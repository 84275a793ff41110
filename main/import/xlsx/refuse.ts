import { AppError } from '../../../shared/errors';
import type { MessageKey, MessageParams } from '../../../shared/messages';

/** A file the reader will not read: `unsupported` (exit 2), with a message saying what to do. */
export function refuse(key: MessageKey, params: MessageParams): AppError {
  return new AppError('unsupported', key, params);
}
