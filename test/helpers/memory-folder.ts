import type { Folder, FolderEntry, FolderFile, FolderPermission } from '../../src/folder/folder-api.ts';

const notFound = (name: string) => Object.assign(new Error(`${name} not found`), { name: 'NotFoundError' });
const mismatch = (name: string) => Object.assign(new Error(`${name} is the other kind`), { name: 'TypeMismatchError' });

/** A folder in memory with the File System Access API's shape; counts writes. */
export class MemoryFolder implements Folder {
  readonly files = new Map<string, Blob | string>();
  readonly folders = new Map<string, MemoryFolder>();
  permission: FolderPermission = 'granted';
  writes = 0;

  constructor(readonly name: string, private readonly root: MemoryFolder | null = null) {}

  private counter(): MemoryFolder {
    return this.root ?? this;
  }

  /** Set when the folder is removed: its handle then finds nothing, as a browser's does. */
  private gone = false;

  /** Removes a file or (with everything in it) a folder, as a reader might while Frontclip writes. */
  removeEntry(name: string): void {
    const dir = this.folders.get(name);
    dir?.forget();
    this.folders.delete(name);
    this.files.delete(name);
  }

  private forget(): void {
    this.gone = true;
    for (const dir of this.folders.values()) dir.forget();
  }

  private present(name: string): void {
    if (this.gone) throw notFound(this.name);
    this.counter().lookups.push(name);
  }

  /** Every name asked for in this folder tree, in order. */
  readonly lookups: string[] = [];

  async getDirectoryHandle(name: string, options: { create?: boolean } = {}): Promise<MemoryFolder> {
    this.present(name);
    if (this.files.has(name)) throw mismatch(name);
    let dir = this.folders.get(name);
    if (!dir) {
      if (!options.create) throw notFound(name);
      dir = new MemoryFolder(name, this.counter());
      this.folders.set(name, dir);
    }
    return dir;
  }

  async getFileHandle(name: string, options: { create?: boolean } = {}): Promise<FolderFile> {
    // A real handle is a round trip to the browser: other writes run in between.
    await new Promise((resolve) => setTimeout(resolve, 0));
    this.present(name);
    if (this.folders.has(name)) throw mismatch(name);
    if (!this.files.has(name)) {
      if (!options.create) throw notFound(name);
      this.files.set(name, '');
    }
    const files = this.files;
    const counter = this.counter();
    return {
      async getFile() {
        const data = files.get(name) ?? '';
        const size = typeof data === 'string' ? new Blob([data]).size : data.size;
        return { size, text: async () => (typeof data === 'string' ? data : data.text()) };
      },
      async createWritable() {
        let pending: Blob | string = '';
        return {
          async write(data: Blob | string) { pending = data; },
          async close() { files.set(name, pending); counter.writes++; },
        };
      },
    };
  }

  async *values(): AsyncIterable<FolderEntry> {
    for (const name of this.folders.keys()) yield { kind: 'directory', name };
    for (const name of [...this.files.keys()]) yield { kind: 'file', name, ...await this.getFileHandle(name) };
  }

  async queryPermission(): Promise<FolderPermission> {
    return this.counter().permission;
  }

  /** The text of a file at a relative path, or undefined. */
  async read(path: string): Promise<string | undefined> {
    const segments = path.split('/');
    const file = segments.pop()!;
    const dir = segments.reduce<MemoryFolder | undefined>((at, s) => at?.folders.get(s), this as MemoryFolder);
    const data = dir?.files.get(file);
    return data === undefined ? undefined : typeof data === 'string' ? data : data.text();
  }

  /** Every file path under this folder, sorted. */
  list(prefix = ''): string[] {
    const out = [...this.files.keys()].map((f) => `${prefix}${f}`);
    for (const [name, dir] of this.folders) out.push(...dir.list(`${prefix}${name}/`));
    return out.sort();
  }
}
