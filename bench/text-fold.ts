import { foldSpaces } from '../src/core/fold.ts';

/** How the benches compare texts: Unicode NFC, then white space folded as the core folds it. */
export function fold(text: string | null | undefined): string {
  return foldSpaces((text ?? '').normalize('NFC'));
}
