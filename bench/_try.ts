import { readFileSync } from 'node:fs';
import { clipHtml } from '../src/cli/page.ts';
const [file, body] = process.argv.slice(2);
const a = clipHtml(readFileSync(file, 'utf8'), 'https://spanandbeam.example/2026/04/footbridge-load-test', { now: '2026-04-05', body: (body ?? 'markdown') as 'markdown' });
console.log(a.body);
