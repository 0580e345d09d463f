#!/usr/bin/env node
// Runs the TypeScript CLI straight from source through tsx, so `npx frontclip` needs no build step.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli/main.ts');
const { readStdin } = await import('../src/cli/stdin.ts');
const status = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: readStdin,
});
process.exitCode = status;
