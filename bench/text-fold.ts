/** How the benches compare texts: Unicode NFC, every whitespace run (U+00A0 included) one space. */
export function fold(text: string | null | undefined): string {
  return (text ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
}
