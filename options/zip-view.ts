import { unzipSync } from 'fflate';
import { readZipDirectory, readZipPieces, unpackEntry, zipDirectoryOf, type ZipDirectory, type ZipEntry, type ZipPiece } from './zip-directory.ts';

/** A zip entry as the import sees it before unpacking. */
export interface ZipListing {
  name: string;
  originalSize: number;
}

/** A zip as the import reads it: its entries in the directory's order, and the ones it picks unpacked. */
export interface ZipView {
  readonly entries: readonly ZipListing[];
  /**
   * The picked entries' bytes by name, or for an entry that cannot be unpacked the error (that
   * entry alone is lost). Throws when no entry can be told apart from the rest (a zip only fflate
   * reads, whose unpacking fails as a whole).
   */
  unpack(pick: (entry: ZipListing) => boolean): Map<string, Uint8Array | Error>;
}

function piecesView(directory: ZipDirectory, pieces: readonly ZipPiece[]): ZipView {
  return {
    entries: directory.entries,
    unpack(pick) {
      const files = new Map<string, Uint8Array | Error>();
      for (const entry of directory.entries) {
        if (!pick(entry)) continue;
        try {
          files.set(entry.name, unpackEntry(pieces, entry));
        } catch (err) {
          files.set(entry.name, err instanceof Error ? err : new Error(String(err)));
        }
      }
      return files;
    },
  };
}

/** A zip held whole in memory. Throws when it is not a readable zip. */
export function zipView(bytes: Uint8Array): ZipView {
  const directory = zipDirectoryOf(bytes);
  if (directory) return piecesView(directory, [{ from: 0, bytes }]);
  // What the directory reader does not take on (zip64 archives among them) fflate reads whole.
  const entries: ZipListing[] = [];
  unzipSync(bytes, { filter: ({ name, originalSize }) => (entries.push({ name, originalSize }), false) });
  return { entries, unpack: (pick) => new Map(Object.entries(unzipSync(bytes, { filter: pick }))) };
}

/**
 * A zip read in part from a picked file: its directory, and of its entries only those `wanted`
 * picks (with the directory's listing: the manifest, say) can be unpacked. Null when the
 * directory reader does not take the zip on: the file is then read whole.
 */
export async function partialZipView(file: Blob, wanted: (entries: readonly ZipEntry[]) => readonly ZipEntry[]): Promise<ZipView | null> {
  const directory = await readZipDirectory(file);
  if (!directory) return null;
  return piecesView(directory, await readZipPieces(file, directory, wanted(directory.entries)));
}
