import type { Settings } from '../src/storage/settings-schema.ts';
import { h } from '../src/ui/h.ts';
import { uniqueId } from '../src/ui/unique-id.ts';
import { filenameExample } from './filename-example.ts';
import { createSaveToField, type FolderChooser } from './save-to-field.ts';
import { checkFilenameTemplate, checkSubfolder, checkTagCount, type Checked } from './setting-checks.ts';
import { messageOf } from '../src/core/error-message.ts';

/** The three functions of src/storage/settings.ts the form needs; tests pass an in-memory store. */
export interface SettingsStore {
  getSettings(): Promise<Settings>;
  setSettings(change: Partial<Settings>): Promise<Settings>;
  onSettingsChanged(listener: (settings: Settings) => void): () => void;
}

export interface SettingsFormOptions {
  /** How long typing may pause before a text field is saved; a field also saves when left. */
  debounceMs?: number;
  /** The chosen folder for **Save to**; without it the choice is shown as unavailable. */
  folder?: FolderChooser;
}

export interface SettingsForm {
  readonly element: HTMLFormElement;
  /** Saves what is waiting for the typing pause now; resolves when storage has it. */
  flush(): Promise<void>;
  /** Stops listening to storage. */
  dispose(): void;
}

type TextKey = 'filenameTemplate' | 'subfolder' | 'tagCount';

interface TextSetting<K extends TextKey> {
  key: K;
  label: string;
  control: HTMLInputElement;
  error: HTMLElement;
  check: (raw: string) => Checked<Settings[K]>;
}

function describedBy(...ids: string[]): string {
  return ids.join(' ');
}

/**
 * The settings page: every field labelled, checked as it is typed, and saved as soon as it is
 * valid (a text field after a pause in typing or when it is left). An invalid value is marked and
 * explained, and never stored. Changes made elsewhere (another tab) show up here at once.
 */
export async function mountSettingsForm(root: HTMLElement, store: SettingsStore, options: SettingsFormOptions = {}): Promise<SettingsForm> {
  const debounceMs = options.debounceMs ?? 400;
  let settings = await store.getSettings();

  const headingId = uniqueId('settings-heading');
  const status = h('p', { role: 'status', class: 'status' });

  /** A labelled group of radio buttons for a setting with a few named values. */
  function radioGroup<V extends string>(legend: string, name: string, options: readonly [V, string][], current: V, hint: string) {
    const hintId = uniqueId('hint');
    const radios = options.map(([value]) => {
      const radio = h('input', { type: 'radio', name, value, id: uniqueId(name) });
      radio.checked = current === value;
      return radio;
    });
    const element = h(
      'fieldset',
      { class: 'choice-group', 'aria-describedby': hintId },
      h('legend', { class: 'field-label' }, legend),
      ...options.map(([, label], i) => h('div', { class: 'choice' }, radios[i]!, h('label', { for: radios[i]!.id }, label))),
      h('p', { id: hintId, class: 'hint' }, hint),
    );
    const set = (value: V) => radios.forEach((radio) => { radio.checked = radio.value === value; });
    const onChange = (listener: (value: V) => void) => {
      for (const radio of radios) radio.addEventListener('change', () => { if (radio.checked) listener(radio.value as V); });
    };
    return { element, set, onChange };
  }

  const bodyFormat = radioGroup('Body format', 'bodyFormat', [['markdown', 'Markdown'], ['html', 'HTML']], settings.bodyFormat,
    'How the article text is written below the front matter. HTML is sanitized: no scripts, styles or forms.');
  const images = radioGroup('Images', 'images', [['link', 'Link to the site'], ['save', 'Save with the article']], settings.images,
    'Saved images go into a folder with the article (<name>/index.md beside them) and into your library, so they last when the site changes. '
    + 'Your browser asks once per site before Frontclip may fetch its images; with links, nothing is fetched. The popup can change this for one clip.');

  // Text settings share one shape: label, control, hint, error.
  function textField(label: string, control: HTMLInputElement, hint: string, ...extra: Node[]): { wrap: HTMLElement; error: HTMLElement; hintId: string } {
    const id = uniqueId('setting');
    const hintId = uniqueId('hint');
    const errorId = uniqueId('error');
    control.id = id;
    const extraIds = extra.filter((node): node is HTMLElement => node instanceof HTMLElement && node.id !== '').map((node) => node.id);
    control.setAttribute('aria-describedby', describedBy(hintId, ...extraIds, errorId));
    const error = h('p', { id: errorId, class: 'field-error', hidden: true });
    const wrap = h('div', { class: 'field' }, h('label', { for: id, class: 'field-label' }, label), control, h('p', { id: hintId, class: 'hint' }, hint), ...extra, error);
    return { wrap, error, hintId };
  }

  const templateInput = h('input', { type: 'text', spellcheck: 'false', autocomplete: 'off' });
  templateInput.value = settings.filenameTemplate;
  const exampleValue = h('code', {});
  const example = h('p', { id: uniqueId('example'), class: 'example' }, 'Example: ', exampleValue);
  const template = textField(
    'File name template',
    templateInput,
    'Placeholders: {slug}, {date}, {year}, {month}, {day}, {title}, {site}. Ends in .md (or .html). Folders with /: {year}/{month}/{slug}.md, {slug}/index.md.',
    example,
  );

  const subfolderInput = h('input', { type: 'text', spellcheck: 'false', autocomplete: 'off' });
  subfolderInput.value = settings.subfolder;
  const subfolder = textField('Subfolder', subfolderInput, 'Inside your downloads folder; separate nested folders with /. Leave empty to save in the downloads folder itself.');

  const tagCountInput = h('input', { type: 'number', min: 1, max: 20, step: 1, inputmode: 'numeric', class: 'number-input' });
  tagCountInput.value = String(settings.tagCount);
  const tagCount = textField('Number of suggested tags', tagCountInput, 'Tags suggested from the words of the title, from 1 to 20.');

  function checkbox(label: string, checked: boolean, hint: string): { wrap: HTMLElement; control: HTMLInputElement } {
    const hintId = uniqueId('hint');
    const control = h('input', { type: 'checkbox', id: uniqueId('setting'), 'aria-describedby': hintId });
    control.checked = checked;
    const wrap = h(
      'div',
      { class: 'field field-check' },
      h('div', { class: 'choice' }, control, h('label', { for: control.id }, label)),
      h('p', { id: hintId, class: 'hint' }, hint),
    );
    return { wrap, control };
  }
  const saveTo = createSaveToField(
    settings.saveTo,
    options.folder ?? { available: false, current: async () => null, choose: async () => null },
    (value) => schedule({ saveTo: value }, true),
    (text, kind) => showStatus(text, kind),
  );
  const saveAs = checkbox('Ask where to save each file', settings.saveAs, 'The browser asks for a folder and a name on every download.');
  const draft = checkbox('Mark new clips as drafts', settings.defaultDraft, 'The Draft box in the popup starts checked.');

  const element = h(
    'form',
    { class: 'settings-form', novalidate: true, 'aria-labelledby': headingId },
    h('div', { class: 'settings-head' }, h('h2', { id: headingId }, 'Settings'), status),
    h('p', { class: 'hint intro' }, 'Changes are saved as you make them.'),
    h('fieldset', { class: 'section' }, h('legend', {}, 'Article file'), bodyFormat.element, template.wrap, tagCount.wrap, draft.wrap, images.element),
    h('fieldset', { class: 'section' }, h('legend', {}, 'Downloads'), saveTo.element, subfolder.wrap, saveAs.wrap),
  );
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    void flush();
  });
  root.replaceChildren(element);

  const textSettings = [
    { key: 'filenameTemplate', label: 'File name template', control: templateInput, error: template.error, check: checkFilenameTemplate } satisfies TextSetting<'filenameTemplate'>,
    { key: 'subfolder', label: 'Subfolder', control: subfolderInput, error: subfolder.error, check: checkSubfolder } satisfies TextSetting<'subfolder'>,
    { key: 'tagCount', label: 'Number of suggested tags', control: tagCountInput, error: tagCount.error, check: checkTagCount } satisfies TextSetting<'tagCount'>,
  ];

  function showStatus(text: string, kind: 'info' | 'success' | 'error'): void {
    status.textContent = text;
    status.dataset['kind'] = kind;
  }

  /** The example follows what is typed; a template that cannot be used has no example to show. */
  function showExample(): void {
    const template = checkFilenameTemplate(templateInput.value);
    const subfolder = checkSubfolder(subfolderInput.value);
    exampleValue.textContent = template.ok ? filenameExample(template.value, subfolder.ok ? subfolder.value : settings.subfolder) : 'none until the template is fixed';
    exampleValue.classList.toggle('example-none', !template.ok);
  }

  // Saves are queued so that two quick changes reach storage in the order they were made.
  let pending: Partial<Settings> = {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  let queue: Promise<void> = Promise.resolve();

  function invalidFields(): string[] {
    return textSettings.filter((s) => s.control.getAttribute('aria-invalid') === 'true').map((s) => s.label);
  }

  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const change = pending;
    pending = {};
    if (Object.keys(change).length === 0) return queue;
    queue = queue.then(async () => {
      try {
        settings = await store.setSettings(change);
        const invalid = invalidFields();
        if (invalid.length === 0) showStatus('Saved', 'success');
        else showStatus(`Saved, except ${invalid.join(' and ')}: fix the highlighted field.`, 'error');
      } catch (error) {
        showStatus(`Not saved: ${messageOf(error)}`, 'error');
      }
    });
    return queue;
  }

  function schedule(change: Partial<Settings>, now: boolean): void {
    pending = { ...pending, ...change };
    clearTimeout(timer);
    if (now) void flush();
    else timer = setTimeout(() => void flush(), debounceMs);
  }

  function bindText<K extends TextKey>(setting: TextSetting<K>): void {
    const validate = (): Checked<Settings[K]> => {
      const result = setting.check(setting.control.value);
      setting.error.textContent = result.ok ? '' : result.message;
      setting.error.hidden = result.ok;
      if (result.ok) setting.control.removeAttribute('aria-invalid');
      else setting.control.setAttribute('aria-invalid', 'true');
      return result;
    };
    setting.control.addEventListener('input', () => {
      const result = validate();
      showExample();
      if (result.ok) {
        if (result.value !== settings[setting.key] || setting.key in pending) schedule({ [setting.key]: result.value }, false);
      } else {
        // Never store what failed the check, not even an earlier keystroke of it still waiting.
        delete pending[setting.key];
        showStatus(`Not saved: ${setting.label} needs fixing.`, 'error');
      }
    });
    setting.control.addEventListener('change', () => {
      const result = validate();
      if (!result.ok) return;
      void flush().then(() => {
        // Show the value as stored (trimmed, folders cleaned) once the reader has left the field.
        if (document.activeElement !== setting.control) setting.control.value = String(settings[setting.key]);
        showExample();
      });
    });
  }
  for (const setting of textSettings) bindText(setting as TextSetting<TextKey>);

  bodyFormat.onChange((value) => schedule({ bodyFormat: value }, true));
  bodyFormat.onChange(() => {
    // The default template's extension follows the body format (validate-settings.ts): show it.
    void queue.then(() => {
      const untouched = document.activeElement !== templateInput && templateInput.getAttribute('aria-invalid') !== 'true' && !('filenameTemplate' in pending);
      if (untouched) templateInput.value = settings.filenameTemplate;
      showExample();
    });
  });
  images.onChange((value) => schedule({ images: value }, true));
  saveAs.control.addEventListener('change', () => schedule({ saveAs: saveAs.control.checked }, true));
  draft.control.addEventListener('change', () => schedule({ defaultDraft: draft.control.checked }, true));

  const unsubscribe = store.onSettingsChanged((next) => {
    settings = next;
    // A field the reader is editing, or one they left invalid, keeps what they typed.
    for (const setting of textSettings) {
      if (document.activeElement === setting.control || setting.control.getAttribute('aria-invalid') === 'true') continue;
      if (setting.key in pending) continue;
      setting.control.value = String(next[setting.key]);
    }
    bodyFormat.set(next.bodyFormat);
    images.set(next.images);
    saveTo.set(next.saveTo);
    saveAs.control.checked = next.saveAs;
    draft.control.checked = next.defaultDraft;
    showExample();
  });

  showExample();
  return { element, flush, dispose: unsubscribe };
}
