import type { Migration } from './types';
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-import-mappings';

/** Every migration in order; version N is at index N-1 (checked by tests). */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002];

export const LATEST_VERSION = MIGRATIONS.length;
