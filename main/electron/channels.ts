/**
 * The IPC channel of each contract call. Imports only shared/, because the sandboxed preload
 * bundles this file to build its allow-list from the very list main/ registers.
 */
import { CHANNELS } from '../../shared/contract';
import { IPC_INVOKE_PREFIX } from '../../shared/transport';

export const ipcChannelOf = (channel: string): string => `${IPC_INVOKE_PREFIX}${channel}`;

/** Every IPC channel the app answers: the preload allows these and no other. */
export const IPC_CHANNELS: readonly string[] = CHANNELS.map(ipcChannelOf);
