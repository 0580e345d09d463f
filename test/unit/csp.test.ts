import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { JSDOM } from 'jsdom';
import { neededPresent } from '../helpers/needed.ts';
import { sourceFiles } from '../helpers/source-files.ts';
import { chromeManifest, firefoxManifest, withTestHost, type Manifest } from '../../scripts/manifests.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const source = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as Manifest;

/** The manifests the build writes, from the source manifest, and the built ones where a build exists. */
function manifests(): [string, Manifest][] {
  const made: [string, Manifest][] = [
    ['chrome (from manifest.json)', chromeManifest(source)],
    ['firefox (from manifest.json)', firefoxManifest(source)],
    ['chrome-e2e (from manifest.json)', withTestHost(chromeManifest(source))],
  ];
  for (const name of ['chrome', 'firefox', 'chrome-e2e', 'firefox-e2e']) {
    const path = join(ROOT, 'dist', name, 'manifest.json');
    if (existsSync(path)) made.push([`dist/${name}`, JSON.parse(readFileSync(path, 'utf8')) as Manifest]);
  }
  return made;
}

/** A policy as directive -> source list (CSP3 serialization: `;`-separated, whitespace-separated). */
export function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/).filter(Boolean);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

/** The sources a fetch directive falls back to when it is absent (CSP3 "effective directive"). */
function effective(policy: Map<string, string[]>, directive: string): string[] | undefined {
  const chain: Record<string, string[]> = {
    'script-src-elem': ['script-src-elem', 'script-src', 'default-src'],
    'script-src-attr': ['script-src-attr', 'script-src', 'default-src'],
    'worker-src': ['worker-src', 'child-src', 'script-src', 'default-src'],
  };
  for (const name of chain[directive] ?? [directive, 'default-src']) {
    const found = policy.get(name);
    if (found) return found;
  }
  return undefined;
}

/**
 * What the extension pages' policy must not allow: inline or eval'd code, hashes or nonces that
 * would let inline code in, and any source outside the extension (a scheme, a host, a wildcard).
 * With `imageFetch`, `connect-src` may (and must) name `http:` and `https:`: the worker fetches an
 * article's images when the reader asks for them. Every page narrows that back to 'self' with a
 * policy of its own (checked below), so only the worker can reach another origin.
 */
export function policyProblems(text: string, options: { imageFetch?: boolean } = {}): string[] {
  const policy = parsePolicy(text);
  const problems: string[] = [];
  for (const [name, values] of policy) {
    for (const value of values) {
      const v = value.toLowerCase();
      if (["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'", "'strict-dynamic'", "'inline-speculation-rules'"].includes(v)) {
        problems.push(`${name} allows ${value}`);
      } else if (/^'(?:nonce|sha256|sha384|sha512)-/.test(v)) {
        problems.push(`${name} allows inline code by ${value}`);
      } else if (v === "'self'" || v === "'none'") {
        continue;
      } else if ((v === 'data:' || v === 'blob:') && name === 'img-src') {
        continue; // images inlined in the page itself, or the library's own copies: no request leaves the browser
      } else if (options.imageFetch && name === 'connect-src' && (v === 'http:' || v === 'https:')) {
        continue;
      } else {
        problems.push(`${name} allows the source ${value}`);
      }
    }
  }
  for (const directive of ['script-src-elem', 'script-src-attr', 'worker-src']) {
    const sources = effective(policy, directive);
    if (!sources) problems.push(`no ${directive} restriction (nor default-src)`);
    else if (!sources.every((s) => s === "'self'" || s === "'none'")) problems.push(`${directive} is not 'self'`);
  }
  if (policy.get('object-src')?.join(' ') !== "'none'") problems.push("object-src is not 'none'");
  if (!['\'none\'', '\'self\''].includes(policy.get('base-uri')?.join(' ') ?? '')) problems.push("base-uri is not 'none' or 'self'");
  if (!effective(policy, 'connect-src')) problems.push('no connect-src restriction (nor default-src)');
  if (options.imageFetch && policy.get('connect-src')?.join(' ') !== "'self' http: https:") problems.push("connect-src is not exactly 'self' http: https:");
  return problems;
}

describe('the Content Security Policy of extension pages', () => {
  it.each(manifests())('%s: no unsafe-inline, no unsafe-eval, no remote source', (_name, manifest) => {
    const csp = manifest.content_security_policy as { extension_pages?: unknown; sandbox?: unknown } | undefined;
    expect(typeof csp?.extension_pages).toBe('string');
    expect(policyProblems(csp!.extension_pages as string, { imageFetch: true })).toEqual([]);
    // No sandboxed pages (they run under their own, looser policy), nothing a web page can frame or message.
    expect(csp?.sandbox).toBeUndefined();
    expect(manifest.sandbox).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
  });

  it('the policy check itself catches every kind of hole', () => {
    const good = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; img-src 'self' data:";
    expect(policyProblems(good)).toEqual([]);
    const holes = [
      "script-src 'self' 'unsafe-inline'",
      "script-src 'self' 'unsafe-eval'",
      "script-src 'self' 'wasm-unsafe-eval'",
      "script-src 'self' 'sha256-abc='",
      "script-src 'self' 'nonce-abc'",
      "script-src 'self' https://cdn.example.com",
      "script-src 'self' https:",
      "script-src 'self' *",
      "script-src 'self' data:",
      "connect-src 'self' https://api.example.com",
      "img-src 'self' https:",
      "style-src 'self' 'unsafe-inline'",
      "frame-src http://example.com",
    ];
    // First: a repeated directive is ignored (CSP3), so the hole must come before the good one.
    for (const hole of holes) expect(policyProblems(`${hole}; ${good}`), hole).not.toEqual([]);
    // A policy that restricts nothing for scripts at all is a hole too.
    expect(policyProblems("object-src 'none'; base-uri 'none'")).not.toEqual([]);
    // The worker's image fetch opens connect-src to web addresses, and to nothing else.
    expect(policyProblems(`connect-src 'self' http: https:; ${good}`, { imageFetch: true })).toEqual([]);
    expect(policyProblems(`connect-src 'self' https:; ${good}`)).not.toEqual([]);
    expect(policyProblems(`connect-src 'self' http: https: ws:; ${good}`, { imageFetch: true })).not.toEqual([]);
    expect(policyProblems(`img-src 'self' https:; connect-src 'self' http: https:; ${good}`, { imageFetch: true })).not.toEqual([]);
  });
});

describe('the built extension pages', () => {
  const builds = ['chrome', 'firefox'];
  const built = neededPresent(
    builds.every((build) => existsSync(join(ROOT, 'dist', build, 'manifest.json'))),
    'The build (dist/chrome, dist/firefox)', 'the check of the built pages', 'Run `npm run build` first (`npm test` does).',
  );
  const pages: string[] = [];
  for (const build of built ? builds : []) {
    const dir = join(ROOT, 'dist', build);
    const walk = (d: string): void => {
      for (const entry of readdirSync(d)) {
        const path = join(d, entry);
        if (statSync(path).isDirectory()) walk(path);
        else if (entry.endsWith('.html')) pages.push(path);
      }
    };
    walk(dir);
  }

  it.skipIf(!built)('hold no inline script, handler or remote resource', () => {
    for (const build of builds) expect(pages, `dist/${build}`).toContain(join(ROOT, 'dist', build, 'popup', 'index.html'));
    for (const page of pages) {
      const where = relative(ROOT, page);
      const doc = new JSDOM(readFileSync(page, 'utf8')).window.document;
      for (const script of Array.from(doc.querySelectorAll('script'))) {
        expect(script.getAttribute('src'), `${where}: inline script`).toBeTruthy();
        expect(script.getAttribute('src'), where).not.toMatch(/^(?:[a-z]+:)?\/\//i);
      }
      for (const el of Array.from(doc.querySelectorAll('*'))) {
        for (const attr of Array.from(el.attributes)) {
          expect(attr.name, `${where}: <${el.tagName.toLowerCase()} ${attr.name}>`).not.toMatch(/^on/i);
          if (/^(?:src|href|action|formaction|data|poster)$/i.test(attr.name)) {
            expect(attr.value, `${where}: ${attr.name}`).not.toMatch(/^\s*(?:[a-z][a-z0-9+.-]*:|\/\/)/i);
          }
        }
      }
      expect(doc.querySelectorAll('iframe, object, embed, base, meta[http-equiv]:not([http-equiv="Content-Security-Policy"])').length, where).toBe(0);
      // Each page narrows the manifest's policy: no page may connect anywhere but the extension.
      const own = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
      expect(own, `${where}: no policy of its own`).toBeTruthy();
      expect(policyProblems(own!), where).toEqual([]);
      expect(parsePolicy(own!).get('connect-src'), where).toEqual(["'self'"]);
    }
  });
});

// ------------------------------------------------------------------------------------------------
// Page-derived strings never become markup outside the sanitized preview: every place in the
// extension's source where a string is parsed as HTML or run as code is listed here, with the
// reason it is safe. A new one fails this test until someone has looked at it.

const SOURCE_DIRS = ['popup', 'options', 'src/ui', 'src/background', 'src/content', 'src/storage', 'src/core'];

/** file -> function -> why a string parsed there cannot run or load anything. */
const ALLOWED: Record<string, Record<string, string>> = {
  'src/ui/body-preview.ts': {
    renderBodyPreview: 'DOMParser makes an inert document; the body is sanitized there and neutralized before it is imported',
  },
  'src/core/sanitize.ts': {
    sanitizeHtml: 'parsed into a createHTMLDocument document (no browsing context: nothing runs or loads) and sanitized at once',
  },
  'src/core/inert-html.ts': {
    parseInert: 'parsed into a createHTMLDocument document (a selection, or a noscript copy in the fallback body); extract() sanitizes everything it keeps before it leaves',
  },
};

interface Sink {
  file: string;
  fn: string;
  what: string;
  line: number;
}

const PARSE_PROPERTIES = new Set(['innerHTML', 'outerHTML', 'srcdoc']);
const PARSE_METHODS = new Set(['insertAdjacentHTML', 'createContextualFragment', 'parseFromString', 'setHTMLUnsafe', 'parseHTMLUnsafe', 'write', 'writeln']);

function enclosingFunction(node: ts.Node): string {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isFunctionExpression(n)) && n.name) return n.name.getText();
    if ((ts.isArrowFunction(n) || ts.isFunctionExpression(n)) && ts.isVariableDeclaration(n.parent)) return n.parent.name.getText();
  }
  return '(top level)';
}

/** Every place in one file where a string is parsed as HTML, assigned as code or evaluated. */
export function htmlSinks(file: string, text: string): Sink[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const sinks: Sink[] = [];
  const add = (node: ts.Node, what: string) => {
    sinks.push({ file, fn: enclosingFunction(node), what, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
  };
  const visit = (node: ts.Node): void => {
    // el.innerHTML = …, el.outerHTML += …, frame.srcdoc = …, el['innerHTML'] = …
    if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      const target = node.left;
      const name = ts.isPropertyAccessExpression(target) ? target.name.text
        : ts.isElementAccessExpression(target) && ts.isStringLiteralLike(target.argumentExpression) ? target.argumentExpression.text : '';
      // An event handler property given a string would be compiled as code; a function is fine.
      const right = node.right;
      const isString = ts.isStringLiteralLike(right) || ts.isTemplateExpression(right)
        || (ts.isBinaryExpression(right) && right.operatorToken.kind === ts.SyntaxKind.PlusToken);
      if (PARSE_PROPERTIES.has(name) || (/^on[a-z]+$/.test(name) && isString)) add(node, `${name} =`);
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
      if (PARSE_METHODS.has(name) && (name !== 'write' && name !== 'writeln' || /document/i.test(callee.getText()))) add(node, `${name}()`);
      if (name === 'eval' && ts.isIdentifier(callee)) add(node, 'eval()');
      if ((name === 'setTimeout' || name === 'setInterval') && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) add(node, `${name}(string)`);
      if (name === 'setAttribute' && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0]) && /^(?:on|srcdoc$)/i.test(node.arguments[0].text)) {
        add(node, `setAttribute('${node.arguments[0].text}')`);
      }
    }
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Function') add(node, 'new Function()');
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return sinks;
}

describe('page-derived strings are parsed as HTML only where that is safe', () => {
  it('no source file parses a string as HTML or runs one as code, but the listed inert places', () => {
    const found = sourceFiles(ROOT, SOURCE_DIRS).flatMap((file) => htmlSinks(file, readFileSync(join(ROOT, file), 'utf8')));
    const unexpected = found.filter((s) => !ALLOWED[s.file]?.[s.fn]);
    expect(unexpected.map((s) => `${s.file}:${s.line} ${s.fn}: ${s.what}`)).toEqual([]);
    // Each allowed place still exists (a stale list would hide a moved sink).
    for (const [file, fns] of Object.entries(ALLOWED)) {
      for (const fn of Object.keys(fns)) expect(found.some((s) => s.file === file && s.fn === fn), `${file} ${fn}`).toBe(true);
    }
  });

  it('the scan finds each kind of sink', () => {
    const sample = `
      function a(el: Element, s: string) { el.innerHTML = s; }
      const b = (el: Element, s: string) => { el.outerHTML += s; };
      function c(el: Element, s: string) { el.insertAdjacentHTML('beforeend', s); }
      function d(s: string) { document.write(s); }
      function e(s: string) { return new DOMParser().parseFromString(s, 'text/html'); }
      function f(r: Range, s: string) { return r.createContextualFragment(s); }
      function g(s: string) { return eval(s) ?? new Function(s); }
      function h(el: Element, s: string) { el.setAttribute('onclick', s); (el as any).onclick = 'x' + s; el.onmouseover = () => {}; }
      function i(el: HTMLIFrameElement, s: string) { el['srcdoc'] = s; setTimeout('x()', 1); }
    `;
    const kinds = htmlSinks('sample.ts', sample).map((s) => `${s.fn}: ${s.what}`);
    expect(kinds).toEqual([
      'a: innerHTML =', 'b: outerHTML =', 'c: insertAdjacentHTML()', 'd: write()', 'e: parseFromString()',
      'f: createContextualFragment()', 'g: eval()', 'g: new Function()', "h: setAttribute('onclick')", 'h: onclick =',
      'i: srcdoc =', 'i: setTimeout(string)',
    ]);
  });
});
