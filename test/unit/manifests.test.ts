import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { chromeManifest, firefoxManifest, withTestHost, TEST_HOST_PERMISSION, type Manifest } from '../../scripts/manifests.ts';

const source = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as Manifest;
const PERMISSIONS = ['activeTab', 'scripting', 'storage', 'downloads', 'contextMenus'];

describe('the source manifest', () => {
  it('asks for exactly the permissions the issue lists, no standing host and no declared content script', () => {
    expect([...(source.permissions ?? [])].sort()).toEqual([...PERMISSIONS].sort());
    expect(source.host_permissions).toBeUndefined();
    // Web sites only as optional permissions: asked for, per image origin, when the reader saves images.
    expect(source.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(source.content_scripts).toBeUndefined();
  });

  it('keeps extension pages on a strict CSP; only connections may reach the web (the worker\'s image fetch)', () => {
    const csp = (source.content_security_policy as { extension_pages: string }).extension_pages;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("connect-src 'self' http: https:");
    expect(csp.replace("connect-src 'self' http: https:", '')).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  });

  it('declares the popup, the options page and both commands', () => {
    expect((source.action as { default_popup: string }).default_popup).toBe('popup/index.html');
    expect((source.options_ui as { page: string }).page).toBe('options/index.html');
    const commands = source.commands as Record<string, { suggested_key: { default: string } }>;
    expect(commands._execute_action!.suggested_key.default).toBe('Alt+Shift+F');
    expect(commands['quick-download']!.suggested_key.default).toBe('Alt+Shift+D');
  });
});

describe('browser variants', () => {
  it('Chrome gets a module service worker and no Firefox-only keys', () => {
    const m = chromeManifest(source);
    expect(m.background).toEqual({ service_worker: 'background.js', type: 'module' });
    expect(m.browser_specific_settings).toBeUndefined();
  });

  it('Firefox gets both background keys and its gecko settings', () => {
    const m = firefoxManifest(source);
    expect(m.background).toEqual({ service_worker: 'background.js', scripts: ['background.js'], type: 'module' });
    const gecko = (m.browser_specific_settings as { gecko: { id: string; data_collection_permissions: unknown } }).gecko;
    expect(gecko.id).toMatch(/@/);
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('only test builds carry the fixture host, and the source is never changed', () => {
    const before = JSON.stringify(source);
    const test = withTestHost(chromeManifest(source));
    expect(test.host_permissions).toEqual([TEST_HOST_PERMISSION]);
    expect(chromeManifest(source).host_permissions).toBeUndefined();
    expect(firefoxManifest(source).host_permissions).toBeUndefined();
    expect(JSON.stringify(source)).toBe(before);
  });
});
