// The yardstick of `npm run bench:popup`: Mozilla Readability alone, on a clone of the live page,
// injected into the tab the way the extension injects its content script (a file passed to
// scripting.executeScript). Built by the benchmark into an IIFE whose value is the script's result.
import { Readability } from '@mozilla/readability';

const started = performance.now();
const article = new Readability(document.cloneNode(true) as Document).parse();

export const result = { ms: performance.now() - started, chars: article?.textContent?.length ?? 0 };
