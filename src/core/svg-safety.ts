/**
 * Whether an SVG file may be kept as it is: nothing in it can run or load anything. No DOM is
 * at hand where images are saved (Chrome's service worker), so instead of rewriting the file,
 * anything that could be active or external makes it unsafe, and it is not saved (the article
 * keeps its link). Deliberately strict: a harmless SVG that happens to match is only kept as a
 * link, never written with something live inside.
 */
const ACTIVE = [
  /<script\b/i, // scripts
  /<foreignObject\b/i, // HTML inside the picture
  /<(?:iframe|embed|object|handler|listener|animate|set)\b/i, // frames, plug-ins, SMIL that can rewrite links
  /\son[a-z]+\s*=/i, // event handlers
  /javascript:/i,
  /<!(?:DOCTYPE|ENTITY)\b/i, // entity tricks and external DTDs
  /<\?xml-stylesheet\b/i,
  /@import\b/i,
  /\b(?:xlink:)?href\s*=\s*(?!["']?\s*#)/i, // any reference that is not to a part of itself
  /url\(\s*(?!["']?\s*#)/i, // style references to other files
];

export function isSafeSvg(text: string): boolean {
  if (!/<svg\b/i.test(text)) return false;
  return !ACTIVE.some((pattern) => pattern.test(text));
}
