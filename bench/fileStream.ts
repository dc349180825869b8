/**
 * Shared by the bench modules that import files (not a bench module itself: `run.ts` loads only
 * `*.bench.js`).
 */
import { closeSync, openSync, readSync } from 'fs';

/** A pull-based byte stream over a file, like the browser's File.stream(): 64 KB per read. */
export function fileStream(path: string): () => ReadableStream<Uint8Array> {
  return () => {
    let fd = -1;
    return new ReadableStream<Uint8Array>({
      start() {
        fd = openSync(path, 'r');
      },
      pull(controller) {
        const buf = new Uint8Array(64 * 1024);
        const n = readSync(fd, buf, 0, buf.length, null);
        if (n === 0) {
          closeSync(fd);
          controller.close();
        } else controller.enqueue(n === buf.length ? buf : buf.subarray(0, n));
      },
      cancel() {
        closeSync(fd);
      },
    });
  };
}
