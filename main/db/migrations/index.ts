import type { Migration } from './types';
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-import-mappings';
import { migration0003 } from './0003-checks-as-comparisons';
import { migration0004 } from './0004-plan-drafts';
import { migration0005 } from './0005-change-ids';
import { migration0006 } from './0006-action-link-indexes';

/** Every migration in order; version N is at index N-1 (checked by tests). */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
];

export const LATEST_VERSION = MIGRATIONS.length;
