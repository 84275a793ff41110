// The import worker's entry when running from the sources: tsx's loader, then the TypeScript
// worker (execArgv --import does not reach worker threads on every Node version).
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
