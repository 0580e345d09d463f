/**
 * Reading a corpus's cases file (one JSON object a line) and choosing which cases a run measures.
 * Every bench takes the same two options:
 * - `--only PREFIX`: only the cases whose `id` (or, lacking one, `file`) starts with PREFIX;
 * - `--half even|odd`: only the cases at even (0, 2, 4, ...) or odd (1, 3, 5, ...) positions of
 *   the file, counting non-empty lines from 0. Rules are developed on one half and checked on the
 *   other; the position is the line's, before `--only` picks, so a half stays the same cases
 *   whatever part of the corpus is looked at.
 */
import { readFileSync } from 'node:fs';

export type Half = 'even' | 'odd';

export interface Selection {
  only: string | undefined;
  half: Half | undefined;
}

export const SELECTION_USAGE = '[--only PREFIX] [--half even|odd]';

/**
 * Reads `--only` / `--half` at `argv[i]` into `selection`; returns how many arguments it used
 * (0 when `argv[i]` is neither). Throws on a missing or bad value.
 */
export function takeSelectionArg(argv: string[], i: number, selection: Selection): number {
  const arg = argv[i];
  if (arg !== '--only' && arg !== '--half') return 0;
  const value = argv[i + 1];
  if (value === undefined) throw new Error(`${arg} needs a value`);
  if (arg === '--only') selection.only = value;
  else if (value === 'even' || value === 'odd') selection.half = value;
  else throw new Error(`--half takes even or odd, not ${value}`);
  return 2;
}

/** What a selection covers, for the report's first line. */
export function describeSelection(selection: Selection): string {
  const parts = [selection.half === undefined ? 'all lines' : `${selection.half} lines`];
  if (selection.only !== undefined) parts.push(`ids starting ${selection.only}`);
  return parts.join(', ');
}

/** Which half a case's position falls in. */
export const halfOf = (position: number): Half => (position % 2 === 0 ? 'even' : 'odd');

/**
 * The cases of `file` that `selection` keeps, in file order, each with its `position` in the file
 * (so a run over the whole file can still report each half apart).
 */
export function readCases<T = Record<string, unknown>>(file: string, selection: Selection): (T & { position: number })[] {
  const cases: (T & { position: number })[] = [];
  let position = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const at = position++;
    if (selection.half !== undefined && halfOf(at) !== selection.half) continue;
    const item = JSON.parse(line) as Record<string, unknown>;
    const key = String(item['id'] ?? item['file'] ?? '');
    if (selection.only === undefined || key.startsWith(selection.only)) cases.push({ ...item, position: at } as T & { position: number });
  }
  return cases;
}
