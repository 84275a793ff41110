import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  fitToDisplays,
  readWindowState,
  WINDOW_STATE_FILE,
  writeWindowState,
} from '../../main/electron/window-state';
import { tempDir } from '../helpers/workbench';

const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
const rightMonitor = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('window state', () => {
  it('round-trips through the user-data folder', () => {
    const dir = tempDir();
    const state = { bounds: { x: 1950, y: 40, width: 1600, height: 1000 }, maximized: true };
    writeWindowState(dir, state);
    expect(readWindowState(dir)).toEqual(state);
  });

  it('falls back to the default for a missing, damaged or absurd file', () => {
    const dir = tempDir();
    expect(readWindowState(dir)).toEqual(DEFAULT_WINDOW_STATE);
    fs.writeFileSync(path.join(dir, WINDOW_STATE_FILE), '{"bounds":');
    expect(readWindowState(dir)).toEqual(DEFAULT_WINDOW_STATE);
    fs.writeFileSync(
      path.join(dir, WINDOW_STATE_FILE),
      JSON.stringify({ bounds: { width: 5, height: 5 }, maximized: false }),
    );
    expect(readWindowState(dir)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('keeps a place that is on a display, and drops one on a monitor that is gone', () => {
    const onRight = { bounds: { x: 2000, y: 100, width: 1600, height: 1000 }, maximized: false };
    expect(fitToDisplays(onRight, [laptop, rightMonitor])).toEqual(onRight);
    expect(fitToDisplays(onRight, [laptop])).toEqual({
      bounds: { width: 1600, height: 1000 },
      maximized: false,
    });
  });

  it('shrinks a window larger than any display to fit the largest', () => {
    const huge = { bounds: { x: 0, y: 0, width: 3000, height: 2000 }, maximized: false };
    expect(fitToDisplays(huge, [laptop]).bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
  });
});
