/**
 * PHP's error messages, which a misconfigured server prints into the page before or inside the
 * article: `<b>Warning</b>:  message in <b>/path/file.php</b> on line <b>56</b><br />` (PHP's own
 * HTML form), or the same as plain text. The form is PHP's, the same on every site and in every
 * language (its messages are English), and never article text. Written here because no library
 * strips them.
 */

/** PHP's error levels as it prints them. */
const LEVELS = String.raw`(?:PHP )?(?:Warning|Notice|Deprecated|Strict Standards|(?:Catchable |Recoverable )?[Ff]atal error|Parse error)`;
const LEVEL = new RegExp(`^${LEVELS}$`);
/** A script's path as PHP names it: with a slash, a `.php` name, or `Unknown`. */
const PATH = String.raw`(?:[^\s/\\]*[/\\]\S*|\S+\.php|Unknown)`;
/** What lies between the level and the line number: `:  message in <path> on line `. */
const BETWEEN = new RegExp(String.raw`^:\s+\S[\s\S]{0,800}\sin\s+${PATH}\s+on line\s*$`);
/** The plain-text form within one text node. */
const PLAIN = new RegExp(String.raw`${LEVELS}:\s+\S[^\n]{0,800}?\sin\s+${PATH}\s+on line \d+`, 'g');
/** How many nodes a message may span (the level's tag to the line number's). */
const MAX_NODES = 12;

/** An element by its local name (a page read as XHTML keeps tag names in lower case). */
const isElement = (node: Node | null, ...names: string[]): node is Element =>
  node !== null && node.nodeType === 1 && names.includes((node as Element).localName);

/** The nodes after `level` up to its line number when they read as PHP's message, else null. */
function messageAfter(level: Element): Node[] | null {
  const nodes: Node[] = [];
  let text = '';
  for (let node = level.nextSibling; node && nodes.length < MAX_NODES; node = node.nextSibling) {
    if (isElement(node, 'b', 'strong') && /^\d+$/.test((node.textContent ?? '').trim()) && BETWEEN.test(text)) {
      nodes.push(node);
      const after = node.nextSibling;
      if (isElement(after, 'br')) nodes.push(after);
      return nodes;
    }
    nodes.push(node);
    text += node.textContent ?? '';
  }
  return null;
}

/** Removes every PHP error message inside `root`, in both its forms. */
export function removePhpErrors(root: Element): void {
  if (!/on line/.test(root.textContent ?? '')) return;
  for (const bold of Array.from(root.querySelectorAll('b, strong'))) {
    if (!root.contains(bold) || !LEVEL.test((bold.textContent ?? '').trim())) continue;
    const message = messageAfter(bold);
    if (!message) continue;
    for (const node of message) node.parentNode?.removeChild(node);
    bold.remove();
  }
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.nodeValue ?? '';
    if (value.includes('on line')) node.nodeValue = value.replace(PLAIN, '');
  }
}
