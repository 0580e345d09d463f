/**
 * The bucket (0 to `count` - 1) a link falls in: FNV-1a over its UTF-16 units. Written out here
 * because it must never change (stored records are found by it) and is a few lines.
 */
export function linkBucket(link: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < link.length; i++) {
    hash ^= link.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % count;
}
