#!/usr/bin/env node
// `npm run bench`: the benchmark harness in bench/, run from the TypeScript sources.
import { register } from 'tsx/esm/api';

register();
await import('../bench/run.ts');
