import { IMAGE_LIMITS, type ImageLimits } from './image-fetch.ts';

/**
 * The limits in force. A test build's manifest may shorten the per-image timeout (the key
 * `frontclip_test.image_timeout_ms`, written only by the e2e build) so that the test of a server
 * that never answers does not wait twenty seconds; shipped manifests have no such key.
 */
export function imageLimits(manifest: Record<string, unknown>): ImageLimits {
  const test = manifest['frontclip_test'] as { image_timeout_ms?: unknown } | undefined;
  const timeout = test?.image_timeout_ms;
  return typeof timeout === 'number' && timeout > 0 ? { ...IMAGE_LIMITS, timeoutMs: timeout } : IMAGE_LIMITS;
}
