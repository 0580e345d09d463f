import { concatBytes } from '../src/concat-bytes.ts';

/** A piece of a file's text: text, or text already in UTF-8 (a body the library keeps as bytes). */
export type FilePiece = string | Uint8Array;

const encoder = new TextEncoder();

/** The pieces' UTF-8 bytes, as one array. */
export function piecesBytes(pieces: readonly FilePiece[]): Uint8Array {
  const parts = pieces.map((piece) => (typeof piece === 'string' ? encoder.encode(piece) : piece));
  return parts.length === 1 ? parts[0]! : concatBytes(parts, parts.reduce((n, part) => n + part.length, 0));
}
