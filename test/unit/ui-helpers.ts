import type { Article } from '../../src/core/article.ts';
import type { MessageName, RequestOf, ResponseOf } from '../../src/messages.ts';
import type { Send } from '../../src/ui/send.ts';

/**
 * The accessible name of an element, enough of the computation for these views: aria-labelledby,
 * aria-label, <label for>, wrapping <label>, then the element's own text.
 */
export function accessibleName(el: Element): string {
  const doc = el.ownerDocument;
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    return labelledBy.split(/\s+/).map((id) => doc.getElementById(id)?.textContent ?? '').join(' ').trim();
  }
  const label = el.getAttribute('aria-label');
  if (label) return label.trim();
  if (el.tagName === 'FIELDSET') {
    const legend = Array.from(el.children).find((child) => child.tagName === 'LEGEND');
    if (legend) return (legend.textContent ?? '').trim();
  }
  if (el.id) {
    const byFor = Array.from(doc.querySelectorAll('label')).find((l) => l.htmlFor === el.id);
    if (byFor) return (byFor.textContent ?? '').trim();
  }
  const wrapping = el.closest('label');
  if (wrapping) return (wrapping.textContent ?? '').trim();
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

const IMPLICIT_ROLES: Record<string, string> = {
  button: 'button',
  a: 'link',
  textarea: 'textbox',
  select: 'combobox',
  ul: 'list',
  li: 'listitem',
  h1: 'heading',
  h2: 'heading',
  form: 'form',
  fieldset: 'group',
  main: 'main',
  nav: 'navigation',
};

function roleOf(el: Element): string {
  const explicit = el.getAttribute('role');
  if (explicit) return explicit;
  const tag = el.tagName.toLowerCase();
  if (tag === 'input') {
    const type = (el.getAttribute('type') ?? 'text').toLowerCase();
    return ({ checkbox: 'checkbox', radio: 'radio', number: 'spinbutton', button: 'button' } as Record<string, string>)[type] ?? 'textbox';
  }
  return IMPLICIT_ROLES[tag] ?? '';
}

function isHidden(el: Element): boolean {
  return el.closest('[hidden]') !== null;
}

/** Every visible element with this role (and this exact name, when given). */
export function allByRole(root: ParentNode, role: string, name?: string): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('*')).filter(
    (el) => roleOf(el) === role && !isHidden(el) && (name === undefined || accessibleName(el) === name),
  );
}

/** The one visible element with this role and name; throws when there is none or several. */
export function byRole<T extends HTMLElement = HTMLElement>(root: ParentNode, role: string, name?: string): T {
  const found = allByRole(root, role, name);
  if (found.length !== 1) {
    throw new Error(`expected one ${role}${name === undefined ? '' : ` named "${name}"`}, found ${found.length}`);
  }
  return found[0] as T;
}

/** The one visible form control with this accessible name, whatever its role. */
export function byLabel<T extends HTMLElement = HTMLElement>(root: ParentNode, name: string): T {
  const found = Array.from(root.querySelectorAll<HTMLElement>('input, textarea, select')).filter(
    (el) => !isHidden(el) && accessibleName(el) === name,
  );
  if (found.length !== 1) throw new Error(`expected one control named "${name}", found ${found.length}`);
  return found[0] as T;
}

export function press(target: Element, key: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

/** Sets a field's value as typing would, with the input event views listen to. */
export function type(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Lets pending promise callbacks run (the fake worker answers asynchronously). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

export function sampleArticle(overrides: Partial<Article> = {}): Article {
  return {
    title: "NATO ambassador says Ukraine peace deal could be 'on the cusp'",
    date: '2026-01-06',
    dateSource: 'article:published_time',
    description: 'Ukraine security talks may see breakthrough.',
    summary: 'Ukraine security talks may see breakthrough.',
    slug: 'nato-ambassador-says-ukraine-peace-deal-could-be-on-the-cusp',
    image: '',
    link: 'https://www.foxnews.com/media/nato-ambassador',
    source: 'https://feeds.foxnews.com/foxnews/latest',
    categories: ['feeds.foxnews.com'],
    tags: ['ambassador', 'ukraine', 'nations'],
    draft: false,
    body: 'The **ambassador** said talks were close.\n',
    siteName: 'Fox News',
    keywords: ['NATO', 'Ukraine', 'Diplomacy'],
    filename: 'nato-ambassador-says-ukraine-peace-deal-could-be-on-the-cusp.md',
    ...overrides,
  };
}

type FakeHandlers = { [K in MessageName]?: (request: RequestOf<K>) => ResponseOf<K> | Promise<ResponseOf<K>> };

export interface FakeSend {
  send: Send;
  calls: { name: MessageName; request: unknown }[];
  /** The requests sent under one name, typed. */
  requests<K extends MessageName>(name: K): RequestOf<K>[];
}

/** A `Send` answered by the given handlers; a message without one fails as an unreachable worker would. */
export function fakeSend(handlers: FakeHandlers): FakeSend {
  const calls: { name: MessageName; request: unknown }[] = [];
  const send = (async (name: MessageName, request: unknown) => {
    calls.push({ name, request });
    const handler = handlers[name] as ((request: unknown) => unknown) | undefined;
    if (!handler) throw new Error(`no handler for ${name}`);
    return handler(request);
  }) as Send;
  return {
    send,
    calls,
    requests: <K extends MessageName>(name: K) => calls.filter((c) => c.name === name).map((c) => c.request as RequestOf<K>),
  };
}
