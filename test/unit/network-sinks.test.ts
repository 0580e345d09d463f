import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { sourceFiles } from '../helpers/source-files.ts';

// The extension's one way onto the network is the worker's image fetch, used only when the reader
// asks for images (README, "Permissions and privacy"). A new request anywhere else fails here until
// someone has looked at it; the e2e privacy audit checks the running extension.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SOURCE_DIRS = ['popup', 'options', 'src'];
const ALLOWED = new Set(['src/background/image-fetch.ts: fetch']);

const NEW_REQUESTERS = new Set(['XMLHttpRequest', 'WebSocket', 'EventSource', 'WebTransport', 'Image']);
const CALLS = new Set(['fetch', 'sendBeacon', 'importScripts']);

/** Every place one file may start a request: file and what. */
export function networkSinks(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && CALLS.has(node.text)) {
      const parent = node.parent;
      const inType = ts.isTypeQueryNode(parent) || ts.isTypeReferenceNode(parent);
      // A name declared or a property read, not the global function: `x.fetch` without a call, `{ fetch: … }`.
      const isOwnName = (ts.isPropertyAccessExpression(parent) && parent.name === node && !ts.isCallExpression(parent.parent))
        || ((ts.isPropertyAssignment(parent) || ts.isParameter(parent) || ts.isVariableDeclaration(parent) || ts.isPropertySignature(parent)) && parent.name === node);
      if (!inType && !isOwnName) out.push(`${file}: ${node.text}`);
    }
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && NEW_REQUESTERS.has(node.expression.text)) out.push(`${file}: new ${node.expression.text}`);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

describe('network requests in the extension source', () => {
  it('only the worker\'s image fetch can start one', () => {
    // The command line (src/cli) runs in Node and reads files only; it is part of the scan too.
    const found = sourceFiles(ROOT, SOURCE_DIRS).flatMap((file) => networkSinks(file, readFileSync(join(ROOT, file), 'utf8')));
    expect(found.filter((s) => !ALLOWED.has(s))).toEqual([]);
    expect(found.filter((s) => ALLOWED.has(s)).length).toBeGreaterThan(0);
  });

  it('the scan finds each way of starting a request', () => {
    const sample = `
      const a = () => fetch('https://x.test');
      const b = () => globalThis.fetch('https://x.test');
      const c = () => navigator.sendBeacon('https://x.test', '');
      const d = () => new XMLHttpRequest();
      const e = () => new WebSocket('wss://x.test');
      const f = () => new Image();
      const g = (get: typeof fetch = fetch) => get;
    `;
    expect(networkSinks('s.ts', sample)).toEqual([
      's.ts: fetch', 's.ts: fetch', 's.ts: sendBeacon', 's.ts: new XMLHttpRequest', 's.ts: new WebSocket', 's.ts: new Image', 's.ts: fetch',
    ]);
  });
});
