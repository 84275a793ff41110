import { defineConfig } from 'vitest/config';

// `npm run test:electron`: the desktop app end to end, where an Electron runtime exists.
export default defineConfig({
  test: {
    include: ['tests/electron/smoke/**/*.e2e.ts'],
    testTimeout: 180_000,
    hookTimeout: 600_000,
    pool: 'forks',
  },
});
