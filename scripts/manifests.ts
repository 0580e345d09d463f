/** A manifest as JSON: only the keys the build rewrites are typed. */
export interface Manifest {
  version: string;
  permissions?: string[];
  host_permissions?: string[];
  background?: { service_worker?: string; scripts?: string[]; type?: string };
  browser_specific_settings?: unknown;
  [key: string]: unknown;
}

/** The host the end-to-end fixture server listens on; only test builds may read it. */
export const TEST_HOST_PERMISSION = 'http://127.0.0.1/*';

const clone = (m: Manifest): Manifest => structuredClone(m);

/** Chrome: a module service worker; Firefox-only keys dropped so Chrome shows no warnings. */
export function chromeManifest(source: Manifest): Manifest {
  const built = clone(source);
  delete built.browser_specific_settings;
  const worker = source.background?.service_worker ?? 'background.js';
  built.background = { service_worker: worker, type: 'module' };
  return built;
}

/**
 * Firefox runs the background as an event page from `scripts` and ignores `service_worker`;
 * both keys are kept so one file also loads where only the other is understood.
 */
export function firefoxManifest(source: Manifest): Manifest {
  const built = clone(source);
  const worker = source.background?.service_worker ?? 'background.js';
  built.background = { service_worker: worker, scripts: [worker], type: 'module' };
  return built;
}

/** How long a test build waits for one image: the tests serve one that never comes. */
export const TEST_IMAGE_TIMEOUT_MS = 2_000;

/**
 * A test build: the shipped one plus read access to the fixture server, which a toolbar click
 * would grant, a short image timeout (src/background/image-limits.ts), and a folder picker that
 * hands over a folder of the origin private file system (src/folder/pick-folder.ts), since a
 * headless browser's picker cannot be clicked.
 */
export function withTestHost(manifest: Manifest): Manifest {
  const built = clone(manifest);
  built.host_permissions = [...(manifest.host_permissions ?? []), TEST_HOST_PERMISSION];
  built.frontclip_test = { image_timeout_ms: TEST_IMAGE_TIMEOUT_MS, folder_picker: 'opfs' };
  return built;
}
