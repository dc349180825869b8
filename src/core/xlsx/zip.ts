/**
 * A small random-access zip reader for .xlsx files: the central directory at the end of the
 * file names every part with its sizes and CRC-32, and each part is then inflated as a stream
 * (fflate's streaming `Inflate`) in slices of the compressed bytes, so that
 *
 * - memory holds one slice and what the consumer keeps, never a whole part;
 * - a part is refused before it is read when its declared size is above the cap, or when it
 *   would unpack to an implausible multiple of its compressed size (a zip bomb), and stopped as
 *   soon as it unpacks to more than it declared;
 * - every part is checked against its CRC-32 and declared size;
 * - the caller gets a turn between slices (progress, Cancel).
 *
 * Only what .xlsx writers produce is supported: stored or deflated parts, no encryption, no
 * ZIP64, no multi-disk archives; anything else ends in `trXlsxInvalid` with the reason. Pure:
 * bytes come from a `ByteSource` (a `Uint8Array`, or a browser `File` through `slice`).
 */
import { Inflate } from 'fflate';
import { CalcError } from '../errors';

/** Random access to the bytes of a file. */
export interface ByteSource {
  readonly size: number;
  /** `length` bytes from `offset` (fewer only at the end). */
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** What a browser `File`/`Blob` offers (structurally, so the core needs no DOM types). */
export interface BlobLike {
  readonly size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

/** A `ByteSource` over bytes in memory, a `Blob`/`File`, or a source as it is. */
export function byteSource(x: Uint8Array | BlobLike | ByteSource): ByteSource {
  if (x instanceof Uint8Array) {
    return { size: x.length, read: (o, n) => Promise.resolve(x.subarray(o, Math.min(x.length, o + n))) };
  }
  if (typeof (x as ByteSource).read === 'function') return x as ByteSource;
  const blob = x as BlobLike;
  return {
    size: blob.size,
    read: async (o, n) => new Uint8Array(await blob.slice(o, Math.min(blob.size, o + n)).arrayBuffer()),
  };
}

/** One part of the archive, from the central directory. */
export interface ZipEntry {
  name: string;
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
  encrypted: boolean;
}

/** Limits against zip bombs. */
export interface ZipLimits {
  /** Largest declared (and actual) uncompressed size of one part. Default 2 GiB. */
  maxEntryBytes?: number;
  /** Largest uncompressed / compressed ratio of a part above `ratioFrom` bytes. Default 200. */
  maxRatio?: number;
  /** Parts smaller than this may have any ratio. Default 16 MiB. */
  ratioFrom?: number;
}

/** Flow control while a part is read. */
export interface ReadControl {
  signal?: AbortSignal;
  /** Called after each slice with the compressed bytes of this part consumed so far. */
  onSlice?: (compressedBytesDone: number) => void;
  yieldControl?: () => Promise<void>;
}

const DEFAULT_MAX_ENTRY = 2 * 1024 * 1024 * 1024;
const DEFAULT_RATIO = 200;
const DEFAULT_RATIO_FROM = 16 * 1024 * 1024;
/** Compressed bytes handed to the inflater at a time: at most ~1000× that comes out at once. */
const SLICE = 16 * 1024;

let CRC_TABLES: Uint32Array | undefined;
/** Eight tables of 256 (slicing-by-8): table k gives the CRC of a byte followed by k zero bytes. */
function crcTables(): Uint32Array {
  if (CRC_TABLES) return CRC_TABLES;
  const t = new Uint32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    for (let k = 1; k < 8; k++) {
      const prev = t[(k - 1) * 256 + n];
      t[k * 256 + n] = (prev >>> 8) ^ t[prev & 0xff];
    }
  }
  CRC_TABLES = t;
  return t;
}

/** True where a Uint32Array stores its lowest byte first (every platform Office runs on). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * CRC-32 (ISO-HDLC, as zip uses): pass the previous value to continue; start with 0. Eight
 * bytes per step (slicing-by-8, read as two 32-bit words where the platform is little-endian),
 * the rest byte by byte; the same value as the bytewise loop.
 */
export function crc32(data: Uint8Array, previous = 0): number {
  const t = crcTables();
  let c = ~previous;
  const n = data.length;
  let i = 0;
  if (LITTLE_ENDIAN && n >= 16) {
    while (((data.byteOffset + i) & 3) !== 0) c = t[(c ^ data[i++]) & 0xff] ^ (c >>> 8);
    const words = ((n - i) >>> 3) << 1;
    const w = new Int32Array(data.buffer, data.byteOffset + i, words);
    for (let j = 0; j < words; j += 2) {
      const a = w[j] ^ c;
      const b = w[j + 1];
      c =
        t[1792 + (a & 0xff)] ^
        t[1536 + ((a >>> 8) & 0xff)] ^
        t[1280 + ((a >>> 16) & 0xff)] ^
        t[1024 + (a >>> 24)] ^
        t[768 + (b & 0xff)] ^
        t[512 + ((b >>> 8) & 0xff)] ^
        t[256 + ((b >>> 16) & 0xff)] ^
        t[b >>> 24];
    }
    i += words * 4;
  }
  for (; i < n; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

function invalid(reason: string, extra: Record<string, string | number> = {}): CalcError {
  return new CalcError('trXlsxInvalid', { reason, ...extra });
}

const u16 = (b: Uint8Array, o: number): number => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number): number =>
  (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

/** The archive's parts, by name. */
export class ZipArchive {
  private constructor(
    readonly source: ByteSource,
    readonly entries: ReadonlyMap<string, ZipEntry>,
    private readonly limits: Required<ZipLimits>,
  ) {}

  /** Reads the central directory. @throws CalcError `trXlsxInvalid` (notZip, zipStructure). */
  static async open(input: Uint8Array | BlobLike | ByteSource, limits: ZipLimits = {}): Promise<ZipArchive> {
    const source = byteSource(input);
    const size = source.size;
    if (size < 22) throw invalid('notZip');
    const tailLen = Math.min(size, 22 + 65535);
    const tail = await source.read(size - tailLen, tailLen);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail[i] === 0x50 && tail[i + 1] === 0x4b && tail[i + 2] === 0x05 && tail[i + 3] === 0x06) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) {
      const head = await source.read(0, 4);
      throw head[0] === 0x50 && head[1] === 0x4b
        ? invalid('zipStructure', { received: 'no central directory' })
        : invalid('notZip');
    }
    const count = u16(tail, eocd + 10);
    const cdSize = u32(tail, eocd + 12);
    const cdOffset = u32(tail, eocd + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      throw invalid('zipStructure', { received: 'ZIP64' });
    }
    if (u16(tail, eocd + 4) !== 0 || u16(tail, eocd + 6) !== 0) {
      throw invalid('zipStructure', { received: 'multi-disk' });
    }
    if (cdOffset + cdSize > size)
      throw invalid('zipStructure', { received: 'central directory out of range' });
    const cd = await source.read(cdOffset, cdSize);
    const entries = new Map<string, ZipEntry>();
    const decoder = new TextDecoder('utf-8');
    let p = 0;
    for (let k = 0; k < count; k++) {
      if (p + 46 > cd.length || u32(cd, p) !== 0x02014b50) {
        throw invalid('zipStructure', { received: `entry ${k + 1} of ${count}` });
      }
      const flags = u16(cd, p + 8);
      const nameLen = u16(cd, p + 28);
      const extraLen = u16(cd, p + 30);
      const commentLen = u16(cd, p + 32);
      if (p + 46 + nameLen > cd.length)
        throw invalid('zipStructure', { received: `entry ${k + 1} of ${count}` });
      const name = decoder.decode(cd.subarray(p + 46, p + 46 + nameLen)).replace(/\\/g, '/');
      const e: ZipEntry = {
        name,
        method: u16(cd, p + 10),
        crc32: u32(cd, p + 16),
        compressedSize: u32(cd, p + 20),
        size: u32(cd, p + 24),
        localHeaderOffset: u32(cd, p + 42),
        encrypted: (flags & 1) !== 0,
      };
      if (e.compressedSize === 0xffffffff || e.size === 0xffffffff || e.localHeaderOffset === 0xffffffff) {
        throw invalid('zipStructure', { received: 'ZIP64' });
      }
      if (!entries.has(name)) entries.set(name, e);
      p += 46 + nameLen + extraLen + commentLen;
    }
    return new ZipArchive(source, entries, {
      maxEntryBytes: limits.maxEntryBytes ?? DEFAULT_MAX_ENTRY,
      maxRatio: limits.maxRatio ?? DEFAULT_RATIO,
      ratioFrom: limits.ratioFrom ?? DEFAULT_RATIO_FROM,
    });
  }

  /** The entry of a part (names are case-sensitive, as in the package), or undefined. */
  entry(name: string): ZipEntry | undefined {
    return this.entries.get(name) ?? this.entries.get(name.replace(/^\//, ''));
  }

  /**
   * Streams the uncompressed bytes of a part to `onData`, slice by slice, then checks its size
   * and CRC-32. `onData` may throw to stop (the error propagates).
   * @throws CalcError `trXlsxInvalid` (encrypted, compression, tooLarge, ratio, sizeMismatch, crc, inflate), `trCancelled`.
   */
  async read(entry: ZipEntry, onData: (chunk: Uint8Array) => void, control: ReadControl = {}): Promise<void> {
    const part = entry.name;
    const { maxEntryBytes, maxRatio, ratioFrom } = this.limits;
    if (entry.encrypted) throw invalid('encrypted');
    if (entry.method !== 0 && entry.method !== 8)
      throw invalid('compression', { part, received: entry.method });
    if (entry.size > maxEntryBytes) {
      throw invalid('tooLarge', { part, expected: maxEntryBytes, received: `${entry.size} bytes` });
    }
    if (entry.size > ratioFrom && entry.size / Math.max(1, entry.compressedSize) > maxRatio) {
      throw invalid('ratio', { part, received: Math.round(entry.size / Math.max(1, entry.compressedSize)) });
    }
    const header = await this.source.read(entry.localHeaderOffset, 30);
    if (header.length < 30 || u32(header, 0) !== 0x04034b50) {
      throw invalid('zipStructure', { received: `local header of ${part}` });
    }
    const start = entry.localHeaderOffset + 30 + u16(header, 26) + u16(header, 28);
    const end = start + entry.compressedSize;
    if (end > this.source.size) throw invalid('zipStructure', { received: `${part} out of range` });
    let produced = 0;
    let crc = 0;
    let failure: unknown;
    const take = (chunk: Uint8Array): void => {
      if (failure !== undefined || chunk.length === 0) return;
      produced += chunk.length;
      if (produced > entry.size) {
        failure =
          produced > maxEntryBytes
            ? invalid('tooLarge', { part, expected: maxEntryBytes, received: `> ${maxEntryBytes} bytes` })
            : invalid('sizeMismatch', { part });
        return;
      }
      crc = crc32(chunk, crc);
      try {
        onData(chunk);
      } catch (e) {
        failure = e;
      }
    };
    const inflater = entry.method === 8 ? new Inflate((chunk) => take(chunk)) : undefined;
    for (let pos = start; pos < end || pos === start;) {
      if (control.signal?.aborted) throw new CalcError('trCancelled', { received: String(pos) });
      const n = Math.min(SLICE, end - pos);
      const slice = n > 0 ? await this.source.read(pos, n) : new Uint8Array(0);
      if (slice.length < n) throw invalid('zipStructure', { received: `${part} truncated` });
      pos += n;
      const final = pos >= end;
      if (inflater) {
        try {
          inflater.push(slice, final);
        } catch {
          if (failure === undefined) failure = invalid('inflate', { part });
        }
      } else take(slice);
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- an Error from onData or ours
      if (failure !== undefined) throw failure;
      control.onSlice?.(pos - start);
      if (control.yieldControl) await control.yieldControl();
      if (final) break;
    }
    if (produced !== entry.size) throw invalid('sizeMismatch', { part });
    if (crc !== entry.crc32) throw invalid('crc', { part });
  }
}
