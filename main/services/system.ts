import os from 'node:os';
import type { ParsedInput } from '../../shared/contract';
import type { Settings, SystemInfo } from '../../shared/schemas/system';
import { getSetting, setSetting } from '../repositories/system';
import { schemaVersion } from '../db/migrate';
import { inTransaction, newId, type ServiceContext } from './context';
import { APP_VERSION } from '../version';

/** A stable id for this database, written once: exchange workbooks name their source with it. */
export function installationId(ctx: ServiceContext): string {
  return inTransaction(ctx, () => {
    const existing = getSetting(ctx.db, 'installation_id');
    if (existing) return existing;
    const id = newId();
    setSetting(ctx.db, 'installation_id', id);
    return id;
  });
}

export function systemInfo(ctx: ServiceContext): SystemInfo {
  return {
    appVersion: APP_VERSION,
    schemaVersion: schemaVersion(ctx.db),
    dbPath: ctx.dbPath,
    installationId: installationId(ctx),
    user: ctx.user,
  };
}

/** Who acts, for the audit trail: the name set in Settings, else the OS account. */
export function defaultUser(db: ServiceContext['db']): string {
  return getSetting(db, 'user_name') ?? safeOsUser();
}

function safeOsUser(): string {
  try {
    return os.userInfo().username || 'user';
  } catch {
    return 'user';
  }
}

export function getSettings(ctx: ServiceContext): Settings {
  const language = getSetting(ctx.db, 'language');
  return {
    userName: getSetting(ctx.db, 'user_name') ?? ctx.user,
    language: language === 'zh' || language === 'en' ? language : null,
  };
}

export function setSettings(ctx: ServiceContext, input: ParsedInput<'settings:set'>): Settings {
  inTransaction(ctx, () => {
    if (input.userName) {
      setSetting(ctx.db, 'user_name', input.userName);
      ctx.user = input.userName;
    }
    if (input.language) setSetting(ctx.db, 'language', input.language);
  });
  return getSettings(ctx);
}
