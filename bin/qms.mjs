#!/usr/bin/env node
// The `qms` command: this checkout's sources, compiled on first run after a change
// (bin/compiled-cli.mjs); through tsx if they cannot be compiled.
import { compiledCli } from './compiled-cli.mjs';

const compiled = await compiledCli();
if (compiled) await import(compiled);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../main/cli/index.ts');
}
