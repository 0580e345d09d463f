import { describe, expect, it } from 'vitest';
import { downloadPath, downloadSource, reportedName, utf8Base64 } from '../../src/downloads/download-url.ts';

const text = '---\ntitle: "Für Ελλάδα 🎉"\n---\nbody\n';

describe('downloadSource', () => {
  it('makes a UTF-8 data: URL where there is no createObjectURL (Chrome service worker)', () => {
    const { url, revoke } = downloadSource(text, null);
    expect(url.startsWith('data:text/markdown;charset=utf-8;base64,')).toBe(true);
    const decoded = Buffer.from(url.slice(url.indexOf(',') + 1), 'base64').toString('utf8');
    expect(decoded).toBe(text);
    expect(() => revoke()).not.toThrow();
  });

  it('makes a blob: URL where createObjectURL exists (Firefox event page) and revokes it', async () => {
    const made: Blob[] = [];
    const revoked: string[] = [];
    const { url, revoke } = downloadSource(text, {
      create: (blob) => (made.push(blob), 'blob:moz-extension://x/1'),
      revoke: (u) => revoked.push(u),
    });
    expect(url).toBe('blob:moz-extension://x/1');
    expect(made[0]!.type).toBe('text/markdown;charset=utf-8');
    expect(await made[0]!.text()).toBe(text);
    revoke();
    expect(revoked).toEqual(['blob:moz-extension://x/1']);
  });

  it('detects the capability by itself', () => {
    const { url, revoke } = downloadSource('x');
    expect(url).toMatch(/^blob:/); // Node has URL.createObjectURL
    revoke();
  });

  it('encodes long texts without overflowing the call stack', () => {
    const long = 'é'.repeat(300_000);
    expect(Buffer.from(utf8Base64(long), 'base64').toString('utf8')).toBe(long);
  });
});

describe('downloadPath', () => {
  it('puts the file in the subfolder', () => {
    expect(downloadPath('Frontclip', 'a.md')).toBe('Frontclip/a.md');
    expect(downloadPath('Clips/News/', 'a.md')).toBe('Clips/News/a.md');
    expect(downloadPath('', 'a.md')).toBe('a.md');
  });

  it('refuses a file name that is a path or empty', () => {
    for (const bad of ['', '../a.md', 'a/b.md', 'a\\b.md', '..', 'a\nb.md']) expect(() => downloadPath('Frontclip', bad), bad).toThrow(RangeError);
  });
});

describe('reportedName', () => {
  it('reports the name the browser chose, in our folder', () => {
    expect(reportedName('Frontclip/a.md', '/home/me/Downloads/Frontclip/a (1).md')).toBe('Frontclip/a (1).md');
    expect(reportedName('Frontclip/a.md', 'C:\\Users\\me\\Downloads\\Frontclip\\a (2).md')).toBe('Frontclip/a (2).md');
    expect(reportedName('a.md', '/tmp/a (1).md')).toBe('a (1).md');
    expect(reportedName('Frontclip/a.md', undefined)).toBe('Frontclip/a.md');
  });
});
