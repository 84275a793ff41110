import { formatMessage, type Bilingual, type Lang, type MessageKey, type MessageParams } from './messages';
import { fieldName } from './validation';

/**
 * What can go wrong at the contract boundary. `invalid` is the user's input (exit 1),
 * `unsupported` and `too_new` mean the request cannot run at all (exit 2).
 */
export type ErrorKind =
  'invalid' | 'not_found' | 'conflict' | 'unsupported' | 'too_new' | 'cancelled' | 'internal';

export interface ErrorPayload {
  kind: ErrorKind;
  key: MessageKey;
  params: MessageParams;
  /** The input field the error is about, as a dotted path (`dueDate`, `rows.3.value`). */
  field?: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly key: MessageKey,
    readonly params: MessageParams = {},
    readonly field?: string,
  ) {
    super(formatMessage(key, params, 'en'));
    this.name = 'AppError';
  }

  localized(lang: Lang): string {
    return formatMessage(this.key, this.params, lang);
  }

  toPayload(): ErrorPayload {
    return { kind: this.kind, key: this.key, params: this.params, field: this.field, message: this.message };
  }

  static fromPayload(p: ErrorPayload): AppError {
    return new AppError(p.kind, p.key, p.params, p.field);
  }
}

/** An error as it crosses to another thread: an AppError's payload, anything else its message. */
export type ThreadError = ErrorPayload | { message: string };

export function toThreadError(e: unknown): ThreadError {
  return e instanceof AppError ? e.toPayload() : { message: e instanceof Error ? e.message : String(e) };
}

/** The error again on the receiving thread: an AppError stays one, with its message key. */
export function fromThreadError(e: ThreadError): Error {
  return 'kind' in e ? AppError.fromPayload(e) : new Error(e.message);
}

/**
 * An invalid value in one named field: the message names the field, as the issue asks, as the
 * pages name it (shared/validation.ts fieldName) unless a `label` is given.
 */
export function invalidField(
  field: string,
  detail: string | Bilingual,
  label: string | Bilingual = fieldName(field),
): AppError {
  return new AppError('invalid', 'invalidField', { field: label, detail }, field);
}
