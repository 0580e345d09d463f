// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTagEditor, type TagEditorOptions } from '../../src/ui/tag-editor.ts';
import { allByRole, byLabel, byRole, press, type } from './ui-helpers.ts';

function mount(options: TagEditorOptions = {}) {
  const editor = createTagEditor(options);
  document.body.replaceChildren(editor.element);
  const input = byLabel<HTMLInputElement>(document.body, 'Add tag');
  const chips = () => Array.from(document.querySelectorAll('.tag-chip .tag-text'), (el) => el.textContent);
  const optionTexts = () => allByRole(document.body, 'option').map((el) => el.textContent);
  return { editor, input, chips, optionTexts };
}

afterEach(() => document.body.replaceChildren());

describe('tag editor: adding and removing', () => {
  it('adds the typed tag on Enter, trimmed and lower-cased, and clears the field', () => {
    const { editor, input, chips } = mount();
    type(input, '  Foreign   Policy  ');
    const enter = press(input, 'Enter');
    expect(enter.defaultPrevented).toBe(true); // never submits the surrounding form
    expect(editor.tags()).toEqual(['foreign policy']);
    expect(chips()).toEqual(['foreign policy']);
    expect(input.value).toBe('');
  });

  it('adds on comma without typing the comma', () => {
    const { editor, input } = mount({ tags: ['ukraine'] });
    type(input, 'Diplomacy');
    const comma = press(input, ',');
    expect(comma.defaultPrevented).toBe(true);
    expect(editor.tags()).toEqual(['ukraine', 'diplomacy']);
    expect(input.value).toBe('');
  });

  it('splits pasted text at commas and keeps the unfinished last part in the field', () => {
    const { editor, input } = mount();
    type(input, 'Peace, NATO ,sec');
    expect(editor.tags()).toEqual(['peace', 'nato']);
    expect(input.value).toBe('sec');
  });

  it('ignores empty tags and duplicates, whatever their case or spacing', () => {
    const onChange = vi.fn();
    const { editor, input, chips } = mount({ tags: ['Ukraine', 'ukraine '], onChange });
    expect(editor.tags()).toEqual(['ukraine']);
    type(input, '  UKRAINE ');
    press(input, 'Enter');
    type(input, '   ');
    press(input, 'Enter');
    expect(chips()).toEqual(['ukraine']);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('removes the last tag on Backspace in the empty field, and only then', () => {
    const { editor, input } = mount({ tags: ['a', 'b', 'c'] });
    type(input, 'x');
    expect(press(input, 'Backspace').defaultPrevented).toBe(false);
    expect(editor.tags()).toEqual(['a', 'b', 'c']);
    type(input, '');
    press(input, 'Backspace');
    expect(editor.tags()).toEqual(['a', 'b']);
    press(input, 'Backspace');
    press(input, 'Backspace');
    press(input, 'Backspace'); // nothing left: no error, nothing happens
    expect(editor.tags()).toEqual([]);
  });

  it('gives each chip a button named "Remove tag <tag>" that removes it and keeps focus nearby', () => {
    const onChange = vi.fn();
    const { editor, input } = mount({ tags: ['finalization', 'nations', 'security'], onChange });
    const buttons = allByRole(document.body, 'button').filter((b) => b.closest('.tag-list'));
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Remove tag finalization', 'Remove tag nations', 'Remove tag security',
    ]);
    byRole(document.body, 'button', 'Remove tag nations').click();
    expect(editor.tags()).toEqual(['finalization', 'security']);
    expect(onChange).toHaveBeenLastCalledWith(['finalization', 'security']);
    // The removed button's place is taken by the next chip's button.
    expect(document.activeElement).toBe(byRole(document.body, 'button', 'Remove tag security'));
    byRole(document.body, 'button', 'Remove tag security').click();
    expect(document.activeElement).toBe(byRole(document.body, 'button', 'Remove tag finalization'));
    byRole(document.body, 'button', 'Remove tag finalization').click();
    expect(document.activeElement).toBe(input);
  });

  it('shows a tag that looks like markup as text', () => {
    const { chips } = mount({ tags: ['<img src=x onerror=alert(1)>'] });
    expect(chips()).toEqual(['<img src=x onerror=alert(1)>']);
    expect(document.querySelector('img')).toBeNull();
  });

  it('commits what is typed but not confirmed', () => {
    const { editor, input } = mount();
    type(input, 'Pending');
    editor.commitPending();
    expect(editor.tags()).toEqual(['pending']);
    expect(input.value).toBe('');
  });
});

describe('tag editor: suggestions', () => {
  it('offers suggestions not yet used as chips, and a click adds one', () => {
    const { editor } = mount({ tags: ['ukraine'], suggestions: ['Ukraine', 'NATO', 'diplomacy'] });
    const group = byRole(document.body, 'group', 'Suggested tags');
    const names = allByRole(group, 'button').map((b) => b.getAttribute('aria-label'));
    expect(names).toEqual(['Add suggested tag nato', 'Add suggested tag diplomacy']);
    byRole(group, 'button', 'Add suggested tag diplomacy').click();
    expect(editor.tags()).toEqual(['ukraine', 'diplomacy']);
    expect(allByRole(group, 'button').map((b) => b.getAttribute('aria-label'))).toEqual(['Add suggested tag nato']);
    // A suggestion that was removed as a tag comes back as a chip.
    byRole(document.body, 'button', 'Remove tag ukraine').click();
    expect(allByRole(group, 'button').map((b) => b.getAttribute('aria-label'))).toContain('Add suggested tag ukraine');
  });

  it('hides the suggestion group when nothing is left to suggest', () => {
    mount({ tags: ['nato'], suggestions: ['nato'] });
    expect(allByRole(document.body, 'group')).toHaveLength(0);
  });

  it('updates its suggestions when the library tags arrive', () => {
    const { editor, input, optionTexts } = mount({ suggestions: ['nato'] });
    editor.setSuggestions(['nato', 'news', 'politics']);
    type(input, 'n');
    expect(optionTexts()).toEqual(['nato', 'news']);
  });
});

describe('tag editor: autocomplete (combobox pattern)', () => {
  const suggestions = ['ukraine', 'security', 'united nations', 'nato', 'europe'];

  it('is a combobox that opens a listbox of matches while typing, prefix matches first', () => {
    const { input, optionTexts } = mount({ suggestions });
    expect(input.getAttribute('role')).toBe('combobox');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    type(input, 'U');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    const listbox = byRole(document.body, 'listbox');
    expect(input.getAttribute('aria-controls')).toBe(listbox.id);
    expect(optionTexts()).toEqual(['ukraine', 'united nations', 'security', 'europe']);
    type(input, 'zz');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(allByRole(document.body, 'listbox')).toHaveLength(0);
  });

  it('moves the active option with the arrow keys, wrapping, and Enter adds it', () => {
    const { editor, input } = mount({ suggestions });
    type(input, 'na');
    const options = allByRole(document.body, 'option');
    expect(options.map((o) => o.textContent)).toEqual(['nato', 'united nations']);
    expect(input.hasAttribute('aria-activedescendant')).toBe(false);

    expect(press(input, 'ArrowDown').defaultPrevented).toBe(true);
    expect(input.getAttribute('aria-activedescendant')).toBe(options[0]?.id);
    expect(options[0]?.getAttribute('aria-selected')).toBe('true');
    press(input, 'ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).toBe(options[1]?.id);
    expect(options[0]?.getAttribute('aria-selected')).toBe('false');
    press(input, 'ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).toBe(options[0]?.id);
    press(input, 'ArrowUp');
    expect(input.getAttribute('aria-activedescendant')).toBe(options[1]?.id);

    press(input, 'Enter');
    expect(editor.tags()).toEqual(['united nations']);
    expect(input.value).toBe('');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.hasAttribute('aria-activedescendant')).toBe(false);
  });

  it('adds the typed text on Enter when no option is active', () => {
    const { editor, input } = mount({ suggestions });
    type(input, 'nat');
    press(input, 'Enter');
    expect(editor.tags()).toEqual(['nat']);
  });

  it('closes on Escape without adding, and lets Escape through when already closed', () => {
    const { editor, input } = mount({ suggestions });
    type(input, 'eu');
    press(input, 'ArrowDown');
    const escape = press(input, 'Escape');
    expect(escape.defaultPrevented).toBe(true);
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(editor.tags()).toEqual([]);
    expect(input.value).toBe('eu');
    expect(press(input, 'Escape').defaultPrevented).toBe(false);
  });

  it('opens all remaining suggestions with ArrowDown in the empty field, without tags already added', () => {
    const { input, optionTexts } = mount({ tags: ['nato'], suggestions });
    press(input, 'ArrowDown');
    expect(optionTexts()).toEqual(['ukraine', 'security', 'united nations', 'europe']);
  });

  it('adds an option on click and keeps focus in the field', () => {
    const { editor, input } = mount({ suggestions });
    input.focus();
    type(input, 'sec');
    const option = byRole(document.body, 'option');
    const down = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
    option.dispatchEvent(down);
    expect(down.defaultPrevented).toBe(true);
    option.click();
    expect(editor.tags()).toEqual(['security']);
    expect(document.activeElement).toBe(input);
  });

  it('marks the typed part of an option with text nodes, never markup', () => {
    const { input } = mount({ suggestions: ['<b>bold</b>'] });
    type(input, 'b>');
    const option = byRole(document.body, 'option');
    expect(option.textContent).toBe('<b>bold</b>');
    expect(option.querySelector('b')).toBeNull();
    expect(option.querySelector('mark')?.textContent).toBe('b>');
  });
});
