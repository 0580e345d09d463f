import { mergeTags, normalizeTag } from '../core/tag-text.ts';
import { h } from './h.ts';
import { collapseToOneLine as collapseChips } from './one-line-chips.ts';
import { uniqueId } from './unique-id.ts';

export interface TagEditorOptions {
  /** The tags to start with; normalised, duplicates dropped. */
  tags?: readonly string[];
  /** Offered as chips and in the autocomplete list, best first (page keywords, library tags). */
  suggestions?: readonly string[];
  /** Offered only in the autocomplete list, after `suggestions` (every library tag). */
  completions?: readonly string[];
  /** Visible label of the tag list. */
  label?: string;
  /** How many suggestions are shown as chips; the autocomplete searches all of them. */
  maxSuggestionChips?: number;
  /**
   * Show the suggestion chips on one line, with a "+N more" button for those that do not fit, so
   * that a page with many keywords does not push the rest of a small popup out of sight.
   */
  oneLine?: boolean;
  /** How many options the autocomplete list shows at most. */
  maxOptions?: number;
  onChange?: (tags: readonly string[]) => void;
}

export interface TagEditor {
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;
  /** The current tags, in the order they were added. */
  tags(): string[];
  /** Adds one tag; false when it is empty after normalising or already there. */
  add(tag: string): boolean;
  remove(tag: string): boolean;
  /** New chips (and completions, which default to the chips alone). */
  setSuggestions(suggestions: readonly string[], completions?: readonly string[]): void;
  /** Adds what is typed but not yet confirmed, so a Save right after typing does not lose it. */
  commitPending(): void;
}

/** The option's text with the typed part marked, built from text nodes only. */
function highlighted(text: string, query: string): (string | Node)[] {
  const at = query === '' ? -1 : text.indexOf(query);
  if (at === -1) return [text];
  return [text.slice(0, at), h('mark', {}, text.slice(at, at + query.length)), text.slice(at + query.length)];
}

/**
 * A tag field after the ARIA combobox pattern: chips with remove buttons, a text field that adds a
 * tag on Enter or comma, a listbox of matching suggestions driven by the arrow keys, and the
 * remaining suggestions as clickable chips.
 */
export function createTagEditor(options: TagEditorOptions = {}): TagEditor {
  const maxChips = options.maxSuggestionChips ?? 8;
  const maxOptions = options.maxOptions ?? 8;
  let current = mergeTags(options.tags ?? []);
  let pool = mergeTags(options.suggestions ?? []);
  let completionPool = mergeTags(pool, options.completions ?? []);
  let expanded = false;
  let shown: string[] = [];
  let active = -1;

  const labelId = uniqueId('tags-label');
  const inputId = uniqueId('tag-input');
  const listboxId = uniqueId('tag-options');
  const hintId = uniqueId('tag-hint');
  const suggestedLabelId = uniqueId('tag-suggested');

  const list = h('ul', { class: 'tag-list', 'aria-labelledby': labelId });
  const input = h('input', {
    id: inputId,
    class: 'tag-input',
    type: 'text',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listboxId,
    'aria-describedby': hintId,
    autocomplete: 'off',
    autocapitalize: 'off',
    spellcheck: 'false',
    placeholder: 'Add tag…',
  });
  const listbox = h('ul', { id: listboxId, class: 'tag-options', role: 'listbox', 'aria-label': 'Matching tags', hidden: true });
  const suggestionRow = h('div', { class: options.oneLine ? 'tag-suggestions tag-suggestions-one-line' : 'tag-suggestions' });
  const more = h('button', { type: 'button', class: 'tag-more', 'aria-expanded': 'false' });
  more.addEventListener('click', () => {
    expanded = true;
    renderSuggestionChips();
    // The first chip that was hidden, so the keyboard goes on where the list went on.
    (suggestionRow.querySelector<HTMLButtonElement>('.tag-suggestion[data-was-hidden]') ?? input).focus();
  });
  const suggestionGroup = h(
    'div',
    { class: 'tag-suggested', role: 'group', 'aria-labelledby': suggestedLabelId },
    h('span', { id: suggestedLabelId, class: 'tag-suggested-label' }, 'Suggested tags'),
    suggestionRow,
  );
  // Not role=status: the page around the editor owns the one status region a page should have.
  const announcer = h('div', { class: 'visually-hidden', 'aria-live': 'polite' });

  const field = h(
    'div',
    { class: 'tag-field' },
    list,
    h('div', { class: 'tag-combo' }, h('label', { for: inputId, class: 'visually-hidden' }, 'Add tag'), input, listbox),
  );
  const element = h(
    'div',
    { class: 'tag-editor' },
    h('span', { id: labelId, class: 'field-label' }, options.label ?? 'Tags'),
    field,
    h('p', { id: hintId, class: 'hint' }, 'Enter or comma adds a tag, Backspace removes the last.'),
    suggestionGroup,
    announcer,
  );

  // A click on the box around the chips means "type here", as in any text field.
  field.addEventListener('mousedown', (event) => {
    if (event.target === field || event.target === list) {
      event.preventDefault();
      input.focus();
    }
  });

  function announce(text: string): void {
    announcer.textContent = text;
  }

  function changed(): void {
    renderChips();
    renderSuggestionChips();
    options.onChange?.([...current]);
  }

  function renderChips(): void {
    list.hidden = current.length === 0;
    list.replaceChildren(
      ...current.map((tag) => {
        const remove = h('button', { type: 'button', class: 'tag-remove', 'aria-label': `Remove tag ${tag}` }, h('span', { 'aria-hidden': 'true' }, '×'));
        remove.addEventListener('click', () => removeFromButton(tag));
        return h('li', { class: 'tag-chip' }, h('span', { class: 'tag-text' }, tag), remove);
      }),
    );
  }

  function remaining(): string[] {
    return pool.filter((tag) => !current.includes(tag));
  }

  function renderSuggestionChips(): void {
    const chips = remaining().slice(0, maxChips);
    suggestionGroup.hidden = chips.length === 0;
    suggestionRow.replaceChildren(
      ...chips.map((tag) => {
        const button = h('button', { type: 'button', class: 'tag-suggestion', 'aria-label': `Add suggested tag ${tag}` }, h('span', { 'aria-hidden': 'true' }, '+'), tag);
        button.addEventListener('click', () => addFromSuggestion(tag));
        return button;
      }),
    );
    if (options.oneLine && !expanded) collapseToOneLine();
  }

  function collapseToOneLine(): void {
    const chips = Array.from(suggestionRow.querySelectorAll<HTMLButtonElement>('.tag-suggestion'));
    for (const chip of collapseChips(suggestionRow, chips, more, (n) => `Show ${n} more suggested tags`)) chip.dataset['wasHidden'] = '';
  }

  /** Removing a chip takes its button away: focus goes to its neighbour, never to the page body. */
  function removeFromButton(tag: string): void {
    const index = current.indexOf(tag);
    if (!remove(tag)) return;
    const buttons = list.querySelectorAll<HTMLButtonElement>('.tag-remove');
    (buttons[Math.min(index, buttons.length - 1)] ?? input).focus();
  }

  function addFromSuggestion(tag: string): void {
    const visible = () => Array.from(suggestionRow.querySelectorAll<HTMLButtonElement>('.tag-suggestion, .tag-more')).filter((b) => !b.hidden && b.isConnected);
    const index = visible().findIndex((b) => b.getAttribute('aria-label') === `Add suggested tag ${tag}`);
    add(tag);
    const buttons = visible();
    (buttons[Math.min(index, buttons.length - 1)] ?? input).focus();
  }

  function add(tag: string): boolean {
    const normal = normalizeTag(tag);
    if (normal === '') return false;
    if (current.includes(normal)) {
      announce(`${normal} is already a tag`);
      return false;
    }
    current = [...current, normal];
    changed();
    announce(`Added tag ${normal}`);
    return true;
  }

  function remove(tag: string): boolean {
    const normal = normalizeTag(tag);
    if (!current.includes(normal)) return false;
    current = current.filter((t) => t !== normal);
    changed();
    announce(`Removed tag ${normal}`);
    return true;
  }

  function matches(query: string): string[] {
    const candidates = completionPool.filter((tag) => !current.includes(tag));
    if (query === '') return candidates.slice(0, maxOptions);
    const starts = candidates.filter((tag) => tag.startsWith(query));
    const contains = candidates.filter((tag) => !tag.startsWith(query) && tag.includes(query));
    return [...starts, ...contains].slice(0, maxOptions);
  }

  function setActive(index: number): void {
    active = index;
    const items = listbox.querySelectorAll<HTMLElement>('[role="option"]');
    items.forEach((item, i) => item.setAttribute('aria-selected', String(i === index)));
    const item = items[index];
    if (item) {
      input.setAttribute('aria-activedescendant', item.id);
      // jsdom has no scrollIntoView; in a browser it keeps the active option in sight.
      item.scrollIntoView?.({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function open(query: string): void {
    shown = matches(query);
    if (shown.length === 0) {
      close();
      return;
    }
    listbox.replaceChildren(
      ...shown.map((tag) => {
        const option = h('li', { id: uniqueId('tag-option'), class: 'tag-option', role: 'option', 'aria-selected': 'false' }, ...highlighted(tag, query));
        // Keep focus in the field, where the keyboard user left it.
        option.addEventListener('mousedown', (event) => event.preventDefault());
        option.addEventListener('click', () => {
          input.value = '';
          add(tag);
          close();
          input.focus();
        });
        return option;
      }),
    );
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    setActive(-1);
  }

  function close(): void {
    shown = [];
    listbox.hidden = true;
    listbox.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    setActive(-1);
  }

  function isOpen(): boolean {
    return !listbox.hidden;
  }

  function commitPending(): void {
    const value = input.value;
    input.value = '';
    close();
    add(value);
  }

  input.addEventListener('keydown', (event) => {
    if (event.isComposing) return;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!isOpen()) open(normalizeTag(input.value));
        if (shown.length > 0) setActive((active + 1) % shown.length);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (!isOpen()) open(normalizeTag(input.value));
        if (shown.length > 0) setActive(active <= 0 ? shown.length - 1 : active - 1);
        break;
      case 'Enter': {
        // Never let Enter submit the surrounding form: it confirms a tag here.
        event.preventDefault();
        const chosen = active >= 0 ? shown[active] : undefined;
        if (chosen !== undefined) {
          input.value = '';
          close();
          add(chosen);
        } else {
          commitPending();
        }
        break;
      }
      case ',':
        event.preventDefault();
        commitPending();
        break;
      case 'Escape':
        // Only swallow Escape when it closes the list; otherwise it should close the popup.
        if (isOpen()) {
          event.preventDefault();
          event.stopPropagation();
          close();
        }
        break;
      case 'Backspace': {
        const last = current[current.length - 1];
        if (input.value === '' && last !== undefined) {
          event.preventDefault();
          remove(last);
        }
        break;
      }
      default:
        break;
    }
  });

  input.addEventListener('input', () => {
    // A paste or a phone keyboard can bring commas without a keydown for each.
    if (input.value.includes(',')) {
      const parts = input.value.split(',');
      input.value = (parts.pop() ?? '').trimStart();
      for (const part of parts) add(part);
    }
    const query = normalizeTag(input.value);
    if (query === '') close();
    else open(query);
  });

  input.addEventListener('blur', () => close());

  renderChips();
  renderSuggestionChips();

  return {
    element,
    input,
    tags: () => [...current],
    add,
    remove,
    setSuggestions(suggestions, completions) {
      pool = mergeTags(suggestions);
      completionPool = mergeTags(pool, completions ?? []);
      renderSuggestionChips();
      if (isOpen()) open(normalizeTag(input.value));
    },
    commitPending,
  };
}
