import { runCli } from './main';

// Entry point of bin/qms.mjs. Sets the exit code rather than calling exit, so streams flush.
process.exitCode = await runCli(process.argv.slice(2));
