/**
 * A digest of what a write puts into the folder: the file's name (the template may have moved
 * it), its text and, for a bundle, each image's name and size. Sync compares it with the digest
 * of the last write to tell which articles changed, by content and not by date.
 */
export async function writeDigest(filename: string, text: string, images: readonly { name: string; blob: Blob }[] | null): Promise<string> {
  const parts = [filename, '\u0000', text, ...(images ?? []).map((i) => `\u0000${i.name}\u0000${i.blob.size}`)];
  const bytes = new TextEncoder().encode(parts.join(''));
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
}
