import { describe, expect, it } from 'vitest';
import { folderWriter, writeToFolder } from '../../src/folder/folder-write.ts';
import { write } from '../../src/core/frontmatter.ts';
import { MemoryFolder } from '../helpers/memory-folder.ts';
import { sampleArticle } from './ui-helpers.ts';

const article = sampleArticle({ filename: '2026/01/peace.md', link: 'https://news.test/peace' });

describe('writeToFolder', () => {
  it('writes the file at its templated path, byte for byte as the core writes it', async () => {
    const root = new MemoryFolder('vault');
    expect(await writeToFolder(root, article, null)).toEqual({ path: '2026/01/peace.md', action: 'created' });
    expect(await root.read('2026/01/peace.md')).toBe(write(article));
  });

  it('updates the same article in place: its front matter names the same link', async () => {
    const root = new MemoryFolder('vault');
    await writeToFolder(root, article, null);
    const edited = { ...article, title: 'Peace, edited' };
    expect(await writeToFolder(root, edited, null)).toEqual({ path: '2026/01/peace.md', action: 'updated' });
    expect(await root.read('2026/01/peace.md')).toBe(write(edited));
    expect(root.list()).toEqual(['2026/01/peace.md']);
  });

  it('never touches a file that is another article or the reader\'s own: the new one takes -2, -3', async () => {
    const root = new MemoryFolder('vault');
    const year = await (await root.getDirectoryHandle('2026', { create: true })).getDirectoryHandle('01', { create: true });
    year.files.set('peace.md', '# My own notes\n');
    year.files.set('peace-2.md', write({ ...article, link: 'https://other.test/peace' }));
    expect(await writeToFolder(root, article, null)).toEqual({ path: '2026/01/peace-3.md', action: 'renamed' });
    expect(await root.read('2026/01/peace.md')).toBe('# My own notes\n');
    expect(await root.read('2026/01/peace-2.md')).toBe(write({ ...article, link: 'https://other.test/peace' }));
    // Clipped again, edited: it finds its own file at -3 and updates it.
    expect(await writeToFolder(root, { ...article, title: 'Peace, edited' }, null)).toEqual({ path: '2026/01/peace-3.md', action: 'updated' });
  });

  it("leaves the article's file as it is when it already holds exactly these bytes", async () => {
    const root = new MemoryFolder('vault');
    await writeToFolder(root, article, null);
    const writes = root.writes;
    expect(await writeToFolder(root, article, null)).toEqual({ path: '2026/01/peace.md', action: 'unchanged' });
    expect(root.writes).toBe(writes);
  });

  it('takes an empty file of its name (what a write cut short leaves) instead of writing beside it', async () => {
    const root = new MemoryFolder('vault');
    const year = await (await root.getDirectoryHandle('2026', { create: true })).getDirectoryHandle('01', { create: true });
    year.files.set('peace.md', '');
    expect((await writeToFolder(root, article, null)).path).toBe('2026/01/peace.md');
    expect(await root.read('2026/01/peace.md')).toBe(write(article));
    expect(root.list()).toEqual(['2026/01/peace.md']);
  });

  it('writes a page bundle with its images, the article last and its links local; same rule for the bundle folder', async () => {
    const root = new MemoryFolder('vault');
    const withImage = sampleArticle({ filename: 'peace.md', link: 'https://news.test/peace', image: 'https://cdn.test/a.png', body: '![A](https://cdn.test/a.png)' });
    const images = [{ src: 'https://cdn.test/a.png', url: 'https://cdn.test/a.png', name: 'a.png', blob: new Blob(['PNG']) }];
    expect(await writeToFolder(root, withImage, images)).toEqual({ path: 'peace/index.md', action: 'created' });
    expect(root.list()).toEqual(['peace/a.png', 'peace/index.md']);
    const index = await root.read('peace/index.md');
    expect(index).toContain("image: 'a.png'");
    expect(index).toContain('![A](a.png)');
    expect(await writeToFolder(root, withImage, images)).toEqual({ path: 'peace/index.md', action: 'updated' });
    const other = { ...withImage, link: 'https://news.test/another-peace' };
    expect(await writeToFolder(root, other, images)).toEqual({ path: 'peace-2/index.md', action: 'renamed' });
    // A folder of the reader's with no index in it is left alone too.
    (await root.getDirectoryHandle('war', { create: true })).files.set('notes.txt', 'mine');
    const war = { ...withImage, filename: 'war.md', link: 'https://news.test/war' };
    expect((await writeToFolder(root, war, [])).path).toBe('war-2/index.md');
    expect(await root.read('war/notes.txt')).toBe('mine');
  });

  it("takes a bundle's folder that a write cut short before its index (only its images, whole or empty), not a reader's", async () => {
    const root = new MemoryFolder('vault');
    const withImage = sampleArticle({ filename: 'peace.md', link: 'https://news.test/peace', body: '![A](https://cdn.test/a.png)' });
    const images = [
      { src: 'https://cdn.test/a.png', url: 'https://cdn.test/a.png', name: 'a.png', blob: new Blob(['PNG']) },
      { src: 'https://cdn.test/b.png', url: 'https://cdn.test/b.png', name: 'b.png', blob: new Blob(['PNG2']) },
    ];
    const cut = await root.getDirectoryHandle('peace', { create: true });
    cut.files.set('a.png', new Blob(['PNG']));
    cut.files.set('b.png', '');
    expect(await writeToFolder(root, withImage, images)).toEqual({ path: 'peace/index.md', action: 'created' });
    expect(root.list()).toEqual(['peace/a.png', 'peace/b.png', 'peace/index.md']);
    // An image of that name but another size is not this bundle's: the folder is left alone.
    const war = { ...withImage, filename: 'war.md', link: 'https://news.test/war' };
    (await root.getDirectoryHandle('war', { create: true })).files.set('a.png', new Blob(['a different picture']));
    expect((await writeToFolder(root, war, images)).path).toBe('war-2/index.md');
    expect(await root.read('war/a.png')).toBe('a different picture');
  });

  it("looks up the template's folders once per run, and makes a folder again when it is removed during the run", async () => {
    const root = new MemoryFolder('vault');
    const writer = folderWriter(root);
    for (const n of [1, 2, 3]) {
      await writer.write(sampleArticle({ filename: `2026/01/story-${n}.md`, link: `https://news.test/${n}` }), null);
    }
    expect(root.lookups.filter((name) => name === '2026' || name === '01')).toEqual(['2026', '01']);
    root.removeEntry('2026');
    expect(await writer.write(sampleArticle({ filename: '2026/01/story-4.md', link: 'https://news.test/4' }), null)).toEqual({ path: '2026/01/story-4.md', action: 'created' });
    expect(root.list()).toEqual(['2026/01/story-4.md']);
  });

  it('two articles of one run that land on the same name at once (one of them as its -2) each keep their own file', async () => {
    const root = new MemoryFolder('vault');
    root.files.set('peace.md', '# My own notes\n');
    const writer = folderWriter(root);
    const moved = sampleArticle({ filename: 'peace.md', link: 'https://news.test/peace' });
    const named = sampleArticle({ filename: 'peace-2.md', link: 'https://news.test/peace-2' });
    const done = await Promise.all([writer.write(moved, null), writer.write(named, null)]);
    expect(new Set(done.map((d) => d.path)).size).toBe(2);
    expect(root.list()).toEqual(['peace-2.md', 'peace-3.md', 'peace.md']);
    const links = await Promise.all(['peace-2.md', 'peace-3.md'].map(async (p) => /^link: '?([^'\n]*)/m.exec((await root.read(p))!)![1]));
    expect(links.sort()).toEqual(['https://news.test/peace', 'https://news.test/peace-2']);
    expect(await root.read('peace.md')).toBe('# My own notes\n');
  });
});
