// Runs `web-ext lint` on dist/firefox and fails on any error, and on any warning that is not one of
// the explained ones below, so every warning left in the build is one somebody has looked at.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const source = join(root, 'dist', 'firefox');

interface Finding {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/**
 * Warnings that stay, each with the reason it is harmless. Matched by code, and by the flagged
 * statement with its white space removed (content.js is printed without white space).
 */
const EXPLAINED: { code: string; statement?: RegExp; why: string }[] = [
  {
    code: 'BACKGROUND_SERVICE_WORKER_IGNORED',
    why: 'one manifest declares both background.service_worker (Chrome) and background.scripts (Firefox), as docs/DESIGN.md explains',
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    statement: /^page\.innerHTML=pageCacheHtml;$|^tmp\.innerHTML=noscript\.innerHTML;$/,
    why: "Readability's own code, run on a clone of the page that is never attached to a live document",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    statement: /^doc\.documentElement\.innerHTML=IS_EMPTY_INPUT\?emptyHTML:dirtyPayload;$/,
    why: "DOMPurify's parsing fallback: it fills an inert document in order to sanitize it",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    statement: /^holder\.innerHTML=html;$/,
    why: 'the core parses selection HTML, or a page\'s noscript copy, into an element of an inert document (createHTMLDocument, parseInert): nothing runs or loads',
  },
];

/** The flagged statement, white space removed: on a long line, from the finding's column to its end. */
function statementAt(finding: Finding): string {
  if (!finding.file || !finding.line) return '';
  const lines = readFileSync(join(source, finding.file), 'utf8').split('\n');
  let line = lines[finding.line - 1] ?? '';
  if (line.length > 400 && finding.column) {
    const from = line.slice(finding.column - 1);
    // A minified statement ends at its `;`, or at the `}` of its block.
    const end = from.search(/[;}]/);
    line = end === -1 ? from : `${from.slice(0, end)};`;
  }
  return line.replace(/\s+/g, '');
}

let output: string;
try {
  output = execFileSync(join(root, 'node_modules', '.bin', 'web-ext'), ['lint', '--source-dir', source, '--output', 'json', '--no-input'], {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'],
  });
} catch (err) {
  // web-ext exits non-zero when it finds errors; the JSON report is still on stdout.
  output = (err as { stdout?: string }).stdout ?? '';
}
const report = JSON.parse(output.slice(output.indexOf('{'))) as { errors: Finding[]; warnings: Finding[]; notices: Finding[] };

let failed = false;
for (const e of report.errors) {
  failed = true;
  console.error(`ERROR   ${e.code} ${e.file ?? ''}${e.line ? `:${e.line}` : ''} ${e.message}`);
}
for (const w of report.warnings) {
  const statement = statementAt(w);
  const known = EXPLAINED.find((x) => x.code === w.code && (!x.statement || x.statement.test(statement)));
  const where = `${w.file ?? ''}${w.line ? `:${w.line}` : ''}`;
  if (known) {
    console.log(`warning ${w.code} ${where} (explained: ${known.why})`);
  } else {
    failed = true;
    console.error(`WARNING ${w.code} ${where} ${w.message}${statement ? `\n        ${statement}` : ''}\n        not explained: fix it, or explain it in scripts/lint-firefox.ts and the README`);
  }
}
for (const n of report.notices) console.log(`notice  ${n.code} ${n.file ?? ''} ${n.message}`);
console.log(`web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices`);
process.exitCode = failed ? 1 : 0;
