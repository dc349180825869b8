/**
 * Reading .xlsx exports in the pure core: a streaming zip reader with size, ratio and CRC-32
 * checks (`zip.ts`), a streaming sheet reader over saxes (`sheet.ts`), and `readXlsxTable`, the
 * header + rows view of the first sheet that the time-recording import uses and that any other
 * import of a tabular export (e.g. case-level stock exports) can use with the same checks.
 */
import { XlsxWorkbook, type WorkbookInfo, type XlsxReadOptions, type XlsxValue } from './sheet';
import type { BlobLike, ByteSource } from './zip';

export * from './sheet';
export {
  byteSource,
  crc32,
  ZipArchive,
  type BlobLike,
  type ByteSource,
  type ZipEntry,
  type ZipLimits,
} from './zip';

/** Receives the header (the first row with a value) and then every data row. */
export interface XlsxTableSink {
  /** Header texts, trimmed. Return `false` to stop after the header. */
  onHeader(headers: string[], info: WorkbookInfo): boolean | void;
  /** A data row: cells padded with '' to the header's length; `rowNo` is the sheet's row number. */
  onRow(cells: XlsxValue[], rowNo: number): void;
}

/** What reading a table learned. `rowElements` = header + data rows + blank rows. */
export interface XlsxTableInfo extends WorkbookInfo {
  /** Row elements in the sheet (each `<row>` once, empty or not). */
  rowElements: number;
  /** Row elements without any value (before or after the header). */
  blankRows: number;
  /** Data rows delivered. */
  dataRows: number;
  headerFound: boolean;
}

class Stop extends Error {}

/**
 * Reads the first (or the chosen) sheet of an .xlsx as a table: header, then rows.
 * @throws CalcError `trXlsxInvalid` (with its reason), `trCancelled`.
 */
export async function readXlsxTable(
  input: Uint8Array | BlobLike | ByteSource,
  opts: XlsxReadOptions,
  sink: XlsxTableSink,
): Promise<XlsxTableInfo> {
  const wb = await XlsxWorkbook.open(input, opts);
  let headerLen = -1;
  let rowElements = 0;
  let blankRows = 0;
  let dataRows = 0;
  try {
    await wb.rows((rowNo, cells) => {
      rowElements++;
      const empty = cells.every((c) => c === '' || (typeof c === 'string' && c.trim() === ''));
      if (empty) {
        blankRows++;
        return;
      }
      if (headerLen < 0) {
        headerLen = cells.length;
        if (
          sink.onHeader(
            cells.map((c) => String(c).trim()),
            wb.info,
          ) === false
        )
          throw new Stop();
        return;
      }
      // Trailing blank cells are absent in the XML; pad so the column count check is fair.
      while (cells.length < headerLen) cells.push('');
      dataRows++;
      sink.onRow(cells, rowNo);
    });
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
  }
  return { ...wb.info, rowElements, blankRows, dataRows, headerFound: headerLen >= 0 };
}
