import type { ClipFailure, ClipMode, ResponseOf, SavedState } from '../src/messages.ts';
import { DEFAULT_SETTINGS, type Settings } from '../src/storage/settings-schema.ts';
import { h } from '../src/ui/h.ts';
import type { Send } from '../src/ui/send.ts';
import { uniqueId } from '../src/ui/unique-id.ts';
import { createClipForm } from './clip-form.ts';
import type { HtmlBody } from '../src/ui/html-body.ts';
import { FIRST_CLIP } from './first-clip.ts';
import { messageOf } from '../src/core/error-message.ts';

export interface PopupLink {
  label: string;
  href: string;
}

export interface PopupDeps {
  /** Talks to the service worker; tests pass a fake. */
  send: Send;
  /** The tab to clip; undefined when none could be found. */
  tabId: number | undefined;
  loadSettings: () => Promise<Settings>;
  /** Links in the header (settings, later the library); they open in a new tab. */
  links?: readonly PopupLink[];
  /** Asks the browser for host permissions to fetch an article's images; absent where there is no such API. */
  requestOrigins?: (patterns: string[]) => Promise<boolean>;
  /** Puts text on the clipboard (Copy). */
  copyText?: (text: string) => Promise<void>;
  /**
   * The first clip's answer when the caller asked for it already (the popup's entry script sends
   * it before this view's code has loaded); otherwise the view sends it. Either way it is the
   * article, or the reader's selection when there is one.
   */
  firstClip?: Promise<ClipReply>;
}

type ClipReply = ResponseOf<'clip'>;

let htmlBodyLoading: Promise<HtmlBody> | undefined;
const loadHtmlBody = (): Promise<HtmlBody> => (htmlBodyLoading ??= import('../src/ui/html-body.ts').then((m) => m.htmlBody));

type Reason = ClipFailure | 'storage' | 'download';
type Action = 'page' | 'selection' | 'retry';

interface FailureCopy {
  heading: string;
  text: string;
  actions: readonly Action[];
  /** Whether the worker's own message helps the reader (an error) or only repeats the heading. */
  detail: boolean;
}

const ERROR_COPY: FailureCopy = {
  heading: "Couldn't clip this page",
  text: 'Something went wrong while reading the page. Try again; reloading the page can help.',
  actions: ['retry'],
  detail: true,
};

const FAILURES: Record<Reason, FailureCopy> = {
  restricted: {
    heading: "Frontclip can't run on this page",
    text: "Browsers don't let extensions read their own pages (such as settings, new tab, chrome:// or about: pages), extension stores or the built-in PDF viewer. Open an article on a website and try again.",
    actions: [],
    detail: false,
  },
  'no-access': {
    heading: 'Frontclip may not read this page yet',
    // The browser gives the same refusal for a web page not granted yet and for a blank or data:
    // page, and hides the address of both: the words fit either.
    text: "The browser lets Frontclip read a web page only after you ask it to on that page: click Frontclip's toolbar button (or press Alt+Shift+F) while the page is open. Blank and browser pages can't be clipped at all.",
    actions: ['retry'],
    detail: false,
  },
  'no-article': {
    heading: 'No article found',
    text: "Frontclip couldn't find an article on this page. You can clip the whole page, or the part you selected.",
    actions: ['page', 'selection'],
    detail: false,
  },
  'no-selection': {
    heading: 'Nothing is selected',
    text: 'Select the part of the page you want to keep, then try again, or clip the whole page.',
    actions: ['selection', 'page'],
    detail: false,
  },
  loading: {
    heading: 'The page is still loading',
    text: 'Wait until it has finished loading, then try again.',
    actions: ['retry'],
    detail: false,
  },
  'too-large': {
    heading: 'Too large to clip',
    text: 'Frontclip stops on very large pages so that the browser stays responsive. Select the part you want to keep and clip the selection.',
    actions: ['selection'],
    detail: true,
  },
  error: ERROR_COPY,
  storage: ERROR_COPY,
  download: ERROR_COPY,
};

const ACTION_LABELS: Record<Action, string> = {
  page: 'Clip whole page',
  selection: 'Clip selection',
  retry: 'Retry',
};

/** "14 Mar 2025" in the reader's own locale; the ISO time itself when it does not parse. */
export function savedDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(date);
}

function savedNote(savedAt: string): HTMLElement {
  return h('p', { class: 'saved-note', role: 'note' }, `Already saved on ${savedDate(savedAt)}. Saving again updates it.`);
}

/** Says the body is the reader's selection, with the one click back to the whole article. */
function selectionNote(clipArticle: () => void): HTMLElement {
  const button = h('button', { type: 'button', class: 'button button-small' }, 'Clip whole article');
  button.addEventListener('click', clipArticle);
  return h('p', { class: 'selection-note', role: 'note' }, h('span', {}, 'Clipped your selection.'), button);
}

function header(links: readonly PopupLink[]): HTMLElement {
  return h(
    'header',
    { class: 'popup-header' },
    h('span', { class: 'brand' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }), 'Frontclip'),
    links.length === 0
      ? null
      : h('nav', { 'aria-label': 'Frontclip pages' }, ...links.map((link) => h('a', { href: link.href, target: '_blank', rel: 'noopener' }, link.label))),
  );
}

/**
 * The popup: clips the tab and shows the edit form, or a clear state saying why it could not.
 * The view depends only on `send`, the settings loader and `root`, so tests drive it in jsdom.
 * Resolves once the first clip has been answered and rendered.
 */
export async function mountPopup(root: HTMLElement, deps: PopupDeps): Promise<void> {
  const main = h('main', { class: 'popup-main' });
  root.replaceChildren(header(deps.links ?? []), main);

  // Settings and library tags are not needed to start clipping: ask for all three at once.
  const settings = deps.loadSettings().catch((): Settings => ({ ...DEFAULT_SETTINGS }));
  // An HTML body's preview needs the sanitizer: it loads beside the clip, and only for that format.
  void settings.then((s) => (s.bodyFormat === 'html' ? loadHtmlBody() : undefined)).catch(() => {});
  const knownTags = deps
    .send('knownTags', {})
    .then((reply) => (reply.ok ? reply.tags : []))
    .catch((): string[] => []);

  // No aria-busy while clipping: screen readers may hold back the "Clipping…" status inside a busy region.
  function show(view: HTMLElement): void {
    main.replaceChildren(view);
  }

  function showFailure(reason: Reason, message: string, mode: ClipMode, preferSelection = false): void {
    const copy = FAILURES[reason] ?? ERROR_COPY;
    const buttons = copy.actions.map((action) => {
      const button = h('button', { type: 'button', class: action === copy.actions[0] ? 'button button-primary' : 'button' }, ACTION_LABELS[action]);
      button.addEventListener('click', () => void (action === 'retry' ? clip(mode, preferSelection) : clip(action)));
      return button;
    });
    const headingId = uniqueId('state-heading');
    const heading = h('h1', { id: headingId, class: 'state-heading', tabindex: -1 }, copy.heading);
    show(
      h(
        'section',
        { class: `state state-${reason}`, 'aria-labelledby': headingId },
        heading,
        h('p', {}, copy.text),
        copy.detail && message !== '' ? h('p', { class: 'state-detail' }, message) : null,
        buttons.length === 0 ? null : h('div', { class: 'actions' }, ...buttons),
      ),
    );
    (buttons[0] ?? heading).focus();
  }

  async function clip(mode: ClipMode, preferSelection = false, pending?: Promise<ClipReply>): Promise<void> {
    show(h('p', { role: 'status', class: 'state-loading' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Clipping…'));
    if (deps.tabId === undefined) {
      showFailure('error', 'Frontclip could not tell which tab to clip.', mode);
      return;
    }
    let reply;
    try {
      reply = await (pending ?? deps.send('clip', { tabId: deps.tabId, mode, ...(preferSelection ? { preferSelection } : {}) }));
      performance.mark('frontclip:clip-answered');
    } catch (error) {
      showFailure('error', messageOf(error), mode, preferSelection);
      return;
    }
    if (!reply.ok) {
      showFailure(reply.reason, reply.message, mode, preferSelection);
      return;
    }
    const clipped = reply.article;
    const saved = reply.saved !== undefined ? reply.saved : await savedState(clipped.link);
    // A link already in the library starts from the tags the reader gave it, not fresh
    // suggestions: Save then updates that entry without undoing their choice.
    const article = saved ? { ...clipped, tags: saved.tags } : clipped;
    const current = await settings;
    const form = createClipForm({
      article, settings: current, send: deps.send,
      ...(current.bodyFormat === 'html' ? { htmlBody: await loadHtmlBody() } : {}),
      ...(deps.copyText ? { copyText: deps.copyText } : {}),
      images: { initial: current.images === 'save', ...(deps.requestOrigins ? { requestOrigins: deps.requestOrigins } : {}) },
    });
    const notes = [
      saved ? savedNote(saved.savedAt) : null,
      preferSelection && reply.mode === 'selection' ? selectionNote(() => void clip('article')) : null,
    ].filter((note) => note !== null);
    show(notes.length > 0 ? h('div', {}, ...notes, form.element) : form.element);
    form.focus();
    performance.mark('frontclip:form-filled');
    form.setKnownTags([...clipped.tags, ...(await knownTags)]);
  }

  async function savedState(link: string): Promise<SavedState | null> {
    try {
      const reply = await deps.send('lookup', { link });
      return reply.ok ? reply.saved : null;
    } catch {
      // An older worker without `lookup`, or none at all: the clip itself still works.
      return null;
    }
  }

  await clip(FIRST_CLIP.mode, FIRST_CLIP.preferSelection, deps.firstClip);
}
