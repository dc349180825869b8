/** Test helpers: byte streams in chunks, as a browser File.stream() would deliver them. */
import { encodeWindows1252 } from '../generators/timeRecordingExport';

/** A factory of streams over `bytes`, cut into chunks of `chunk` bytes (to cross every boundary). */
export function streamOf(bytes: Uint8Array, chunk = 7): () => ReadableStream<Uint8Array> {
  return () => {
    let pos = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pos >= bytes.length) {
          controller.close();
          return;
        }
        controller.enqueue(bytes.slice(pos, pos + chunk));
        pos += chunk;
      },
    });
  };
}

/** UTF-8 bytes of a text, optionally with a byte-order mark. */
export function utf8(text: string, bom = false): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

export { encodeWindows1252 };

/** The mapping of the small hand-written test files. */
export const SMALL_MAPPING = {
  person: 'Medewerker',
  date: 'Datum',
  team: 'Team',
  category: 'Categorie',
  product: 'Product',
  hours: 'Uren',
};

/** Category mapping for the small files. */
export const SMALL_CATEGORIES = {
  direct: 'direct',
  opleiden: 'training',
  verlof: 'leave',
  'coördinatie': 'coordination',
  'bijzonder verlof': 'specialLeave',
  ziekte: 'sickness',
  overleg: 'meetings',
} as const;
