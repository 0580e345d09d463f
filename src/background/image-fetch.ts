import { bareType, imageExtension } from '../core/image-names.ts';
import { sniffImageType } from '../core/image-sniff.ts';
import { isSafeSvg } from '../core/svg-safety.ts';
import type { ImageFailure } from '../messages.ts';
import { concatBytes } from '../concat-bytes.ts';

/** How much one clip may fetch, and how patiently (issue: never hang, never fill the disk). */
export interface ImageLimits {
  /** Largest single image, in bytes. */
  maxImageBytes: number;
  /** Most bytes for all of one article's images together. */
  maxArticleBytes: number;
  /** How long one image may take, from the request to its last byte. */
  timeoutMs: number;
  /** Requests at once: enough to be quick, few enough not to hammer one server. */
  concurrency: number;
}

export const IMAGE_LIMITS: ImageLimits = {
  maxImageBytes: 20 * 1024 * 1024,
  maxArticleBytes: 100 * 1024 * 1024,
  timeoutMs: 20_000,
  concurrency: 4,
};

export interface FetchedImage {
  blob: Blob;
  /** The image's bare type (`image/jpeg`), from the response or, for a generic one, its bytes. */
  type: string;
}

export type ImageOutcome = ({ ok: true } & FetchedImage) | { ok: false; reason: ImageFailure };

class Failure extends Error {
  constructor(readonly reason: ImageFailure) {
    super(reason);
  }
}

/** The shared byte budget of one article's images. */
interface Budget {
  left: number;
}

function take(budget: Budget, bytes: number, limits: ImageLimits): void {
  if (bytes > limits.maxImageBytes) throw new Failure('too-large');
  if (bytes > budget.left) throw new Failure('article-limit');
}

/** Reads a body chunk by chunk, so an image past the limit is cut off instead of read whole. */
async function readCapped(response: Response, budget: Budget, limits: ImageLimits): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared)) take(budget, declared, limits);
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      // Taken from the shared budget as it arrives: the other images read at the same time.
      size += value.byteLength;
      budget.left -= value.byteLength;
      if (size > limits.maxImageBytes) throw new Failure('too-large');
      if (budget.left < 0) throw new Failure('article-limit');
      chunks.push(value);
    }
  } catch (err) {
    budget.left += size;
    await reader.cancel().catch(() => {});
    throw err;
  }
  return concatBytes(chunks, size);
}

/** A `data:` URI's bytes and type, without a request (the page already holds them). */
function decodeDataUri(uri: string): { bytes: Uint8Array; type: string } {
  const m = /^data:([^,]*?)(;base64)?,(.*)$/is.exec(uri);
  if (!m) throw new Failure('not-an-image');
  const type = bareType(m[1] || 'text/plain');
  if (m[2]) {
    const binary = atob(decodeURIComponent(m[3]!).replace(/\s+/g, ''));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return { bytes, type };
  }
  return { bytes: new TextEncoder().encode(decodeURIComponent(m[3]!)), type };
}

/** Checks and types what was read: only images Frontclip keeps, and SVG only when it is inert. */
function asImage(bytes: Uint8Array, declaredType: string): FetchedImage {
  let type = bareType(declaredType);
  if (imageExtension(type) === null) type = sniffImageType(bytes) ?? type;
  if (imageExtension(type) === null) throw new Failure('not-an-image');
  if (type === 'image/svg+xml' && !isSafeSvg(new TextDecoder().decode(bytes))) throw new Failure('unsafe-svg');
  return { blob: new Blob([bytes as BlobPart], { type }), type };
}

async function fetchOne(url: string, budget: Budget, limits: ImageLimits, fetcher: typeof fetch): Promise<FetchedImage> {
  if (url.startsWith('data:')) {
    let decoded: { bytes: Uint8Array; type: string };
    try {
      decoded = decodeDataUri(url);
    } catch {
      throw new Failure('not-an-image');
    }
    take(budget, decoded.bytes.byteLength, limits);
    const image = asImage(decoded.bytes, decoded.type);
    budget.left -= decoded.bytes.byteLength;
    return image;
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    let response: Response;
    try {
      // No cookies: the picture is fetched as anyone would see it, and no site learns who clipped.
      response = await fetcher(url, { credentials: 'omit', redirect: 'follow', signal: controller.signal, referrerPolicy: 'no-referrer' });
    } catch {
      // A refused CORS request, a missing permission and an unreachable host look the same here.
      throw new Failure(controller.signal.aborted ? 'timed-out' : 'blocked');
    }
    if (response.status === 404 || response.status === 410) throw new Failure('not-found');
    if (!response.ok) throw new Failure('http-error');
    const bytes = await readCapped(response, budget, limits).catch((err: unknown) => {
      throw err instanceof Failure ? err : new Failure(controller.signal.aborted ? 'timed-out' : 'blocked');
    });
    try {
      return asImage(bytes, response.headers.get('content-type') ?? '');
    } catch (err) {
      budget.left += bytes.byteLength;
      throw err;
    }
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Fetches each URL once, a few at a time, within the limits. Never throws: every URL gets an
 * outcome, and a failure says why (blocked, not found, too large, timed out, not an image…).
 */
export async function fetchImages(urls: readonly string[], limits: ImageLimits = IMAGE_LIMITS, fetcher: typeof fetch = fetch): Promise<Map<string, ImageOutcome>> {
  const unique = [...new Set(urls)];
  const outcomes = new Map<string, ImageOutcome>();
  const budget: Budget = { left: limits.maxArticleBytes };
  let next = 0;
  const worker = async () => {
    while (next < unique.length) {
      const url = unique[next++]!;
      try {
        outcomes.set(url, { ok: true, ...(await fetchOne(url, budget, limits, fetcher)) });
      } catch (err) {
        outcomes.set(url, { ok: false, reason: err instanceof Failure ? err.reason : 'blocked' });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limits.concurrency, unique.length) }, worker));
  return outcomes;
}
