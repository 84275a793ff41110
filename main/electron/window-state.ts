/**
 * Remembers the window's size, place and maximised state between runs, in the user-data
 * folder. A saved place on a monitor that is gone is dropped (the window opens centred)
 * rather than opening off-screen where the user cannot reach it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { makeFolder } from '../platform/atomic-write';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { bounds: { width: 1360, height: 860 }, maximized: false };
export const MIN_SIZE = { width: 960, height: 600 };
export const WINDOW_STATE_FILE = 'window-state.json';

const Saved = z.object({
  bounds: z.object({
    x: z.number().int().optional(),
    y: z.number().int().optional(),
    width: z.number().int().min(MIN_SIZE.width).max(20_000),
    height: z.number().int().min(MIN_SIZE.height).max(20_000),
  }),
  maximized: z.boolean(),
});

/** The saved state, or the default when there is none or it is damaged. */
export function readWindowState(dir: string): WindowState {
  try {
    const parsed = Saved.safeParse(JSON.parse(fs.readFileSync(path.join(dir, WINDOW_STATE_FILE), 'utf8')));
    return parsed.success ? parsed.data : DEFAULT_WINDOW_STATE;
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

/** Written to a temporary name and renamed, so a crash mid-write leaves the old state. */
export function writeWindowState(dir: string, state: WindowState): void {
  const file = path.join(dir, WINDOW_STATE_FILE);
  makeFolder(dir);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(state));
  fs.renameSync(`${file}.tmp`, file);
}

/**
 * Keeps the saved place only if the window's title bar area lies on one of the displays'
 * work areas now; shrinks the size to fit the largest display.
 */
export function fitToDisplays(state: WindowState, workAreas: Rect[]): WindowState {
  const largest = workAreas.reduce<Rect | null>(
    (a, b) => (!a || b.width * b.height > a.width * a.height ? b : a),
    null,
  );
  const width = largest ? Math.min(state.bounds.width, largest.width) : state.bounds.width;
  const height = largest ? Math.min(state.bounds.height, largest.height) : state.bounds.height;
  const { x, y } = state.bounds;
  if (x === undefined || y === undefined) return { ...state, bounds: { width, height } };
  // The top strip where the title bar is: at least 100 px of it must be on a display.
  const grip: Rect = { x, y, width, height: 40 };
  const visible = workAreas.some((area) => overlap(grip, area) >= 100 * 20);
  return { ...state, bounds: visible ? { x, y, width, height } : { width, height } };
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}
