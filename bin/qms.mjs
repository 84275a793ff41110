#!/usr/bin/env node
// The `qms` command: runs the TypeScript sources through tsx, so the CLI is always the code
// in this checkout (no build step between an edit and `npx qms`).
import { register } from 'tsx/esm/api';

register();
await import('../main/cli/index.ts');
