import type { BrowserContext, Page } from 'playwright-core';

/** The string every hostile payload carries: it names the trap counter the payloads bump. */
export const TRAP = '__frontclipTrap';

/** One time a string carrying the trap marker reached a place where it could become markup. */
export interface SinkUse {
  sink: string;
  value: string;
  stack: string;
}

/** What the spy saw in one extension page. */
export interface SpyReport {
  /** The trap counter: undefined unless a payload ran in this page. */
  trap: unknown;
  title: string;
  sinks: SinkUse[];
  /** Content Security Policy violations: a blocked inline handler or script still means markup got in. */
  violations: { directive: string; blocked: string; sample: string }[];
  /** Elements in the page with an event-handler attribute, or a script/frame/object that is not the page's own. */
  activeElements: string[];
}

/**
 * Runs first in every extension page (an init script) and wraps each DOM API that parses a string
 * as HTML, recording every call whose string carries the trap marker, with its stack. It never
 * changes what the page does. Web pages are left alone.
 */
function installSpy(marker: string): void {
  if (location.protocol !== 'chrome-extension:' && location.protocol !== 'moz-extension:') return;
  const sinks: { sink: string; value: string; stack: string }[] = [];
  const violations: { directive: string; blocked: string; sample: string }[] = [];
  Object.defineProperty(window, '__frontclipSpy', { value: { sinks, violations }, enumerable: false });
  const record = (sink: string, value: unknown) => {
    const text = typeof value === 'string' ? value : String(value ?? '');
    if (text.includes(marker)) sinks.push({ sink, value: text.slice(0, 300), stack: new Error().stack ?? '' });
  };
  const setters: [object, string, string][] = [
    [Element.prototype, 'innerHTML', 'Element.innerHTML'],
    [Element.prototype, 'outerHTML', 'Element.outerHTML'],
    [ShadowRoot.prototype, 'innerHTML', 'ShadowRoot.innerHTML'],
    [HTMLIFrameElement.prototype, 'srcdoc', 'HTMLIFrameElement.srcdoc'],
    [HTMLAnchorElement.prototype, 'href', 'HTMLAnchorElement.href'],
    [HTMLScriptElement.prototype, 'text', 'HTMLScriptElement.text'],
    [HTMLScriptElement.prototype, 'src', 'HTMLScriptElement.src'],
  ];
  for (const [proto, prop, name] of setters) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, prop);
    if (!descriptor?.set) continue;
    const set = descriptor.set;
    Object.defineProperty(proto, prop, {
      ...descriptor,
      set(this: unknown, value: unknown) {
        record(name, value);
        set.call(this, value);
      },
    });
  }
  const methods: [Record<string, unknown>, string, string, number][] = [
    [Element.prototype as unknown as Record<string, unknown>, 'insertAdjacentHTML', 'Element.insertAdjacentHTML', 1],
    [Element.prototype as unknown as Record<string, unknown>, 'setHTMLUnsafe', 'Element.setHTMLUnsafe', 0],
    [ShadowRoot.prototype as unknown as Record<string, unknown>, 'setHTMLUnsafe', 'ShadowRoot.setHTMLUnsafe', 0],
    [Document.prototype as unknown as Record<string, unknown>, 'write', 'Document.write', 0],
    [Document.prototype as unknown as Record<string, unknown>, 'writeln', 'Document.writeln', 0],
    [Document as unknown as Record<string, unknown>, 'parseHTMLUnsafe', 'Document.parseHTMLUnsafe', 0],
    [Range.prototype as unknown as Record<string, unknown>, 'createContextualFragment', 'Range.createContextualFragment', 0],
    [DOMParser.prototype as unknown as Record<string, unknown>, 'parseFromString', 'DOMParser.parseFromString', 0],
  ];
  for (const [owner, name, label, index] of methods) {
    const original = owner[name];
    if (typeof original !== 'function') continue;
    owner[name] = function (this: unknown, ...args: unknown[]) {
      record(label, args[index]);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
  const setAttribute = Element.prototype.setAttribute;
  Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
    if (/^(?:on.*|srcdoc|src|href|xlink:href|action|formaction|style)$/i.test(name)) record(`setAttribute(${name})`, value);
    return setAttribute.call(this, name, value);
  };
  document.addEventListener('securitypolicyviolation', (event) => {
    violations.push({ directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample });
  });
}

/** Installs the spy in every page the context opens from now on. */
export async function spyOnHtmlSinks(context: BrowserContext): Promise<void> {
  await context.addInitScript(installSpy, TRAP);
}

/** Reads the spy's report from an extension page, and scans its DOM for anything that could run. */
export function spyReport(page: Page): Promise<SpyReport> {
  return page.evaluate((marker) => {
    const spy = (window as unknown as { __frontclipSpy?: { sinks: SinkUse[]; violations: SpyReport['violations'] } }).__frontclipSpy;
    if (!spy) throw new Error('the HTML sink spy is not installed in this page');
    const own = `${location.protocol}//${location.host}/`;
    const active: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      const tag = el.tagName.toLowerCase();
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name)) active.push(`<${tag} ${attr.name}>`);
        if (/^(?:href|src|xlink:href|action|formaction|data)$/i.test(attr.name) && /^\s*(?:javascript|data|vbscript):/i.test(attr.value)) {
          active.push(`<${tag} ${attr.name}="${attr.value.slice(0, 60)}">`);
        }
      }
      if (tag === 'script' && !(el as HTMLScriptElement).src.startsWith(own)) active.push('<script> not from the extension');
      if (['iframe', 'frame', 'object', 'embed', 'base', 'portal'].includes(tag)) active.push(`<${tag}>`);
      // The page's own policy, in its head as built, narrows what the page may do; any other is page-derived.
      const ownPolicy = el.parentElement === document.head && el.getAttribute('http-equiv') === 'Content-Security-Policy'
        && /^default-src 'self';/.test(el.getAttribute('content') ?? '') && !(el.getAttribute('content') ?? '').includes(marker);
      if (tag === 'meta' && el.hasAttribute('http-equiv') && !ownPolicy) active.push('<meta http-equiv>');
      if ((el.textContent ?? '').includes(marker) && ['script', 'style'].includes(tag)) active.push(`<${tag}> carrying page text`);
    }
    return {
      trap: (window as unknown as Record<string, unknown>)[marker],
      title: document.title,
      sinks: spy.sinks,
      violations: spy.violations,
      activeElements: active,
    };
  }, TRAP);
}

/**
 * The uses of HTML parsing a page-derived string may have: only the body preview, which parses
 * an HTML body in an inert document and sanitizes it before anything reaches the page.
 */
export function unexpectedSinks(report: SpyReport): SinkUse[] {
  return report.sinks.filter((use) => !(use.sink === 'DOMParser.parseFromString' && /renderBodyPreview/.test(use.stack)));
}

/**
 * What is inside the preview region (or the reading view's `Article` region): elements and
 * attributes that could run, load or submit.
 */
export function previewProblems(page: Page, region = 'Preview'): Promise<string[]> {
  return page.getByRole('region', { name: region }).evaluate((preview) => {
    const problems: string[] = [];
    // Tags that run, load, embed or submit something; a preview shows text, links and structure only.
    const forbidden = /^(?:script|style|link|meta|base|iframe|frame|frameset|object|embed|applet|portal|img|picture|source|video|audio|track|svg|math|canvas|form|input|button|select|textarea|option|template|slot|dialog|noscript)$/;
    const attributes = /^(?:href|target|rel|tabindex|class|title|colspan|rowspan|datetime|lang|dir|start|reversed|open|scope|abbr|xmlns(?::\w+)?)$/;
    for (const el of Array.from(preview.querySelectorAll('*'))) {
      const tag = el.tagName.toLowerCase();
      if (forbidden.test(tag)) problems.push(`<${tag}>`);
      for (const attr of Array.from(el.attributes)) {
        if (!attributes.test(attr.name)) problems.push(`<${tag} ${attr.name}>`);
        if (attr.name === 'href' && !/^(?:https?:\/\/|#)/i.test(attr.value)) problems.push(`<${tag} href="${attr.value.slice(0, 60)}">`);
        if (attr.name === 'target' && attr.value !== '_blank') problems.push(`<${tag} target="${attr.value}">`);
      }
      if (tag === 'a' && el.hasAttribute('href') && !/\bnoopener\b/.test(el.getAttribute('rel') ?? '')) problems.push('<a> without rel=noopener');
    }
    return problems;
  });
}
