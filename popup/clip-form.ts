import type { Article } from '../src/core/article.ts';
import type { Settings } from '../src/storage/settings-schema.ts';
import type { HtmlBody } from '../src/ui/html-body.ts';
import { markdownPreview } from '../src/ui/markdown-preview.ts';
import { h } from '../src/ui/h.ts';
import type { Send } from '../src/ui/send.ts';
import { tagsThatFit } from '../src/storage/rank-tags.ts';
import { createTagEditor } from '../src/ui/tag-editor.ts';
import { uniqueId } from '../src/ui/unique-id.ts';
import { dateSourceNote } from './date-source-note.ts';
import { editedArticle } from './edited-article.ts';
import { createImageChoice, type RequestOrigins } from './image-choice.ts';
import { bundlePaths } from '../src/core/bundle.ts';
import { imageReportText } from '../src/image-report-text.ts';
import { folderOutcomeText } from '../src/folder-outcome-text.ts';
import type { ImageReport } from '../src/messages.ts';
import { messageOf } from '../src/core/error-message.ts';

export interface ClipFormOptions {
  article: Article;
  settings: Settings;
  send: Send;
  /** Whether Draft starts checked; a new clip follows the settings, a saved article its own value. */
  draft?: boolean;
  /** The form's accessible name. */
  label?: string;
  /** Called once the worker has saved (or saved and downloaded) the article. */
  onSaved?: (article: Article) => void;
  /** Offers **Copy** (the popup): puts the whole file on the clipboard. */
  copyText?: (text: string) => Promise<void>;
  /** Offers **Save images** (the popup): its first state, and how to ask for the image sites. */
  images?: { initial: boolean; requestOrigins?: RequestOrigins };
  /**
   * The preview and sanitizer of an HTML body, required when the settings' body format is HTML.
   * Passed in rather than imported: DOMPurify is half of the popup's code, and a Markdown form
   * (the default) needs none of it, so the popup loads it only for an HTML body (issue 13).
   */
  htmlBody?: HtmlBody;
}

export interface ClipForm {
  readonly element: HTMLFormElement;
  /** Tags already used in the library: they join the suggestions after the page's own. */
  setKnownTags(tags: readonly string[]): void;
  /** The article as the form would send it now. */
  article(): Article;
  /** Puts the keyboard in the first field. */
  focus(): void;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** At most this many library tags are offered as chips (they follow the page's own keywords). */
const LIBRARY_CHIPS = 8;

// The file writer and its YAML library are most of the popup's code, and only Copy needs them:
// they load once the form is on screen (not while the reader waits for it), and a Copy clicked
// sooner waits for them.
let writerLoading: Promise<typeof import('../src/core/frontmatter.ts')> | undefined;
const loadWriter = () => (writerLoading ??= import('../src/core/frontmatter.ts'));

/** Where the file will go inside the downloads folder, as the worker builds the path. */
export function filePath(subfolder: string, filename: string): string {
  const folder = subfolder.replace(/^\/+|\/+$/g, '');
  return folder === '' ? filename : `${folder}/${filename}`;
}

/** A labelled field with room for an error message that the field is described by. */
function field(label: string, control: HTMLInputElement | HTMLTextAreaElement, ...extra: Node[]): { wrap: HTMLElement; error: HTMLElement } {
  const id = uniqueId('field');
  const errorId = uniqueId('error');
  control.id = id;
  const error = h('p', { id: errorId, class: 'field-error', hidden: true });
  const describedBy = [control.getAttribute('aria-describedby'), errorId].filter(Boolean).join(' ');
  control.setAttribute('aria-describedby', describedBy);
  const wrap = h('div', { class: 'field' }, h('label', { for: id, class: 'field-label' }, label), control, ...extra, error);
  return { wrap, error };
}

function setError(control: HTMLElement, error: HTMLElement, message: string): void {
  error.textContent = message;
  error.hidden = message === '';
  if (message === '') control.removeAttribute('aria-invalid');
  else control.setAttribute('aria-invalid', 'true');
}

/**
 * The edit form for one clipped article: title, description, date with where it came from, tags,
 * draft, a safe preview of the body, and Save / Download with their outcome in a status region.
 * Page-derived strings only ever reach the DOM as text or form values, except in the preview.
 */
export function createClipForm({ article, settings, send, draft: draftChecked, label, onSaved, images, copyText, htmlBody }: ClipFormOptions): ClipForm {
  if (settings.bodyFormat === 'html' && !htmlBody) throw new Error('An HTML body needs the HTML preview and sanitizer.');
  const showBody = (text: string): HTMLElement => (htmlBody && settings.bodyFormat === 'html' ? htmlBody.preview(text, article.link) : markdownPreview(text));
  const title = h('textarea', { class: 'title-input', rows: 2, required: true, spellcheck: 'true' });
  title.value = article.title;
  const description = h('textarea', { class: 'description-input', rows: 3, spellcheck: 'true' });
  description.value = article.description;

  const noteId = uniqueId('date-note');
  const originalNote = dateSourceNote(article.dateSource);
  const dateNote = h('span', { id: noteId, class: 'note' }, originalNote);
  const date = h('input', { type: 'date', required: true, 'aria-describedby': noteId });
  date.value = article.date;

  const draft = h('input', { type: 'checkbox', id: uniqueId('draft') });
  draft.checked = draftChecked ?? settings.defaultDraft;

  const tags = createTagEditor({
    tags: article.tags,
    suggestions: [...article.keywords, ...article.tags],
    maxSuggestionChips: 24,
    oneLine: true,
  });

  const titleField = field('Title', title);
  const descriptionField = field('Description', description);
  const dateField = field('Date', date, dateNote);
  dateField.wrap.classList.add('field-date');

  const previewLabelId = uniqueId('preview-label');
  const preview = h(
    'div',
    // Focusable so a keyboard alone can scroll a long body.
    { class: 'preview', tabindex: 0, role: 'region', 'aria-labelledby': previewLabelId },
    showBody(article.body),
  );
  // Edit turns the preview into the body's source; the file takes what is typed there.
  const sourceLabel = settings.bodyFormat === 'html' ? 'Body (HTML source)' : 'Body (Markdown source)';
  const bodySource = h('textarea', { class: 'body-source', rows: 8, spellcheck: 'false', 'aria-label': sourceLabel, hidden: true });
  bodySource.value = article.body;
  const editBody = h('button', { type: 'button', class: 'button button-small', 'aria-pressed': 'false' }, 'Edit');
  editBody.addEventListener('click', () => {
    const editing = editBody.getAttribute('aria-pressed') !== 'true';
    editBody.setAttribute('aria-pressed', String(editing));
    if (!editing) preview.replaceChildren(showBody(bodySource.value));
    preview.hidden = editing;
    bodySource.hidden = !editing;
    (editing ? bodySource : editBody).focus();
  });

  const imageChoice = images ? createImageChoice(article, images.initial, images.requestOrigins) : null;
  imageChoice?.element.classList.add('field-images');
  const fileName = h('code', { class: 'file-name-value' });
  const save = h('button', { type: 'button', class: 'button' }, 'Save');
  const download = h('button', { type: 'button', class: 'button button-primary' }, 'Download');
  const copy = copyText ? h('button', { type: 'button', class: 'button' }, 'Copy') : null;
  const status = h('p', { role: 'status', class: 'status' });

  const element = h(
    'form',
    { class: 'clip-form', novalidate: true, 'aria-label': label ?? 'Clipped article' },
    titleField.wrap,
    descriptionField.wrap,
    h(
      'div',
      { class: 'row' },
      dateField.wrap,
      // One column beside the date (which has a line of note under it): the row stays two lines high.
      h(
        'div',
        { class: 'checks' },
        h('div', { class: 'field field-check' }, draft, h('label', { for: draft.id }, 'Draft')),
        imageChoice?.element ?? null,
      ),
    ),
    tags.element,
    h(
      'div',
      { class: 'field field-body' },
      h('div', { class: 'field-head' }, h('span', { id: previewLabelId, class: 'field-label' }, 'Preview'), editBody),
      preview,
      bodySource,
    ),
    // Kept in view while the form scrolls (a toolbar popup is at most 600px high), with the name of
    // the file the buttons write, so the reader always sees where the article goes.
    h(
      'div',
      { class: 'form-footer' },
      h('p', { class: 'file-name' }, h('span', { class: 'note' }, 'File: '), fileName),
      h('div', { class: 'actions' }, save, download, copy),
      status,
    ),
  );

  /** The body to write: as clipped, or as edited (an HTML body sanitized again, as a page's is). */
  function body(): string | undefined {
    if (bodySource.value === article.body) return undefined;
    // The core's own sanitizer, in an inert document: typed HTML gains no more than a page could bring.
    return htmlBody && settings.bodyFormat === 'html' ? htmlBody.sanitize(bodySource.value, article.link) : bodySource.value;
  }

  function current(): Article {
    const edited = body();
    return editedArticle(
      article,
      { title: title.value, description: description.value, date: date.value, tags: tags.tags(), draft: draft.checked, ...(edited === undefined ? {} : { body: edited }) },
      settings.filenameTemplate,
    );
  }

  function showFileName(): void {
    // With images, a download is a page bundle: the file is the bundle's index.
    const name = current().filename;
    fileName.textContent = filePath(settings.subfolder, imageChoice?.checked() ? bundlePaths(name, 'bundle').file : name);
    fileName.parentElement?.setAttribute('title', fileName.textContent);
  }

  const withImages = (text: string, report: ImageReport | undefined): string => (report ? `${text} · ${imageReportText(report)}` : text);

  function showStatus(text: string, kind: 'info' | 'success' | 'error'): void {
    status.textContent = text;
    status.dataset['kind'] = kind;
  }

  /** Checks the fields the file cannot do without; returns the first invalid control. */
  function validate(): HTMLElement | null {
    const titleMessage = title.value.trim() === '' ? 'Enter a title.' : '';
    const dateMessage = DAY.test(date.value) ? '' : 'Enter a date.';
    setError(title, titleField.error, titleMessage);
    setError(date, dateField.error, dateMessage);
    if (titleMessage !== '') return title;
    if (dateMessage !== '') return date;
    return null;
  }

  let busy = false;
  async function submit(kind: 'save' | 'download'): Promise<void> {
    if (busy) return;
    tags.commitPending();
    const invalid = validate();
    if (invalid) {
      showStatus('Not saved: check the highlighted fields.', 'error');
      invalid.focus();
      return;
    }
    busy = true;
    // First, while the click still counts as the reader's: the browser asks only then.
    const asked = imageChoice?.askForOrigins();
    for (const button of [save, download]) button.setAttribute('aria-disabled', 'true');
    showStatus(kind === 'save' ? 'Saving…' : 'Downloading…', 'info');
    const verb = kind === 'save' ? 'save' : 'download';
    try {
      await asked;
      const request = imageChoice?.checked() ? { article: current(), images: true } : { article: current() };
      if (kind === 'save') {
        const reply = await send('save', request);
        if (reply.ok) showStatus(withImages('Saved to your library', reply.images), 'success');
        else showStatus(`Couldn't ${verb}: ${reply.message}`, 'error');
        if (reply.ok) onSaved?.(request.article);
      } else {
        const reply = await send('download', request);
        // The worker answers with the path it used, after any ` (1)` the browser added.
        if (reply.ok) showStatus(withImages(reply.folder ? folderOutcomeText(reply.filename, reply.folder) : `Downloaded ${reply.filename}`, reply.images), 'success');
        else showStatus(`Couldn't ${verb}: ${reply.message}`, 'error');
        if (reply.ok) onSaved?.(request.article);
      }
    } catch (error) {
      showStatus(`Couldn't ${verb}: ${messageOf(error)}`, 'error');
    } finally {
      busy = false;
      for (const button of [save, download]) button.removeAttribute('aria-disabled');
    }
  }

  save.addEventListener('click', () => void submit('save'));
  copy?.addEventListener('click', () => {
    tags.commitPending();
    if (validate()) {
      showStatus('Not copied: check the highlighted fields.', 'error');
      return;
    }
    // Exactly the file Download writes, as one text (a bundle's image links stay the site's).
    const article = current();
    loadWriter().then(({ write }) => copyText!(write(article))).then(
      () => showStatus('Copied the whole file (front matter and body) to the clipboard', 'success'),
      (error: unknown) => showStatus(`Couldn't copy: ${messageOf(error)}`, 'error'),
    );
  });
  // After the frame that shows the form: the reader sees it first, the writer loads meanwhile.
  if (copy) requestAnimationFrame(() => setTimeout(() => void loadWriter(), 0));
  download.addEventListener('click', () => void submit('download'));
  // No implicit submission: Enter confirms a tag or does nothing, it never saves by surprise.
  element.addEventListener('submit', (event) => event.preventDefault());

  // The title is one line in the file; a textarea only so that long headlines wrap visibly.
  title.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') event.preventDefault();
  });
  title.addEventListener('input', () => {
    if (/[\r\n]/.test(title.value)) title.value = title.value.replace(/[\r\n]+/g, ' ');
    if (title.value.trim() !== '') setError(title, titleField.error, '');
    showFileName();
  });
  date.addEventListener('input', () => {
    dateNote.textContent = date.value === article.date ? originalNote : 'set by you';
    if (DAY.test(date.value)) setError(date, dateField.error, '');
    showFileName();
  });

  imageChoice?.element.querySelector('input')?.addEventListener('change', showFileName);
  showFileName();

  return {
    element,
    setKnownTags(list) {
      // Chips offer only the library tags this article is about; typing still finds every one.
      const text = `${article.title}\n${article.description}\n${article.body.replace(/<[^>]*>/g, ' ')}`;
      tags.setSuggestions([...article.keywords, ...article.tags, ...tagsThatFit(list, text).slice(0, LIBRARY_CHIPS)], list);
    },
    article: current,
    focus: () => {
      title.focus();
      // A long headline scrolls inside its field: show its beginning, not where the caret went.
      title.scrollTop = 0;
    },
  };
}
