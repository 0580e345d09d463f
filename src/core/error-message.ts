/**
 * The words of a thrown value: an Error's message, anything else as a string. Everything that
 * shows or reports a failure (pages, worker, content script, CLI, the front-matter reader) words it
 * through this one place. It lives in the core, which may import nothing outside itself.
 */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
