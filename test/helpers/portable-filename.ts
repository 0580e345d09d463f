/**
 * Whether a file name is valid on Windows, macOS and Linux, written from each platform's
 * documented rules (not from src/core/filename.ts, which it checks):
 *
 * - Windows, "Naming Files, Paths, and Namespaces" (learn.microsoft.com): none of `< > : " / \ | ? *`;
 *   no character 0-31; not a device name CON, PRN, AUX, NUL, COM0-COM9, COM¹-COM³, LPT0-LPT9,
 *   LPT¹-LPT³, "nor these names followed immediately by an extension" (NUL.txt, NUL.tar.gz), and
 *   CONIN$ / CONOUT$; not ending in a space or a period; NTFS allows 255 UTF-16 code units.
 * - macOS: APFS stores names as UTF-8 of at most 255 bytes; HFS+ stores them decomposed (NFD)
 *   in at most 255 UTF-16 code units; `/` separates paths and `:` is the Finder's separator
 *   (HFS+ swaps the two), NUL ends the name.
 * - Linux (ext4, btrfs, xfs): any bytes but `/` and NUL, at most 255 bytes, not `.` or `..`.
 * - All: a name that cannot be encoded as UTF-8 (a lone surrogate) is not the same name on disk.
 */
export function filenameProblems(name: string): string[] {
  const problems: string[] = [];
  const utf8Bytes = new TextEncoder().encode(name).length;
  if (name === '') problems.push('empty');
  if (name === '.' || name === '..') problems.push('is . or ..');
  if (!isWellFormed(name)) problems.push('lone surrogate');
  // Windows
  if (/[<>:"/\\|?*]/.test(name)) problems.push('Windows: reserved character');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(name)) problems.push('Windows: control character 0-31');
  const base = name.split('.')[0] ?? '';
  if (/^(?:CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³]|CONIN\$|CONOUT\$)$/i.test(base.trimEnd())) {
    problems.push('Windows: reserved device name');
  }
  if (/[ .]$/.test(name)) problems.push('Windows: ends in a space or a period');
  if (name.length > 255) problems.push('Windows: more than 255 UTF-16 code units');
  // macOS
  if (utf8Bytes > 255) problems.push('macOS (APFS) and Linux: more than 255 UTF-8 bytes');
  if (name.normalize('NFD').length > 255) problems.push('macOS (HFS+): more than 255 UTF-16 code units decomposed');
  if (name.includes('\u0000')) problems.push('macOS and Linux: NUL');
  return problems;
}

function isWellFormed(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return false;
    }
  }
  return true;
}
