import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The renderer build: one static folder (dist/renderer) that both Electron's app:// protocol
 * and `qms serve` read. Relative asset paths work under either origin.
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    reportCompressedSize: false,
    rollupOptions: {
      // zod's pure annotations sit where Rollup cannot use them; harmless, and noisy.
      onwarn(warning, warn) {
        if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
      },
    },
  },
  logLevel: 'warn',
});
