import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // Tests spawn the CLI and real browsers; the machines have two cores.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Removes each test file's temporary folders when it ends.
    setupFiles: ['tests/setup.ts'],
    reporters: ['default', './tests/summary-reporter.ts'],
  },
});
