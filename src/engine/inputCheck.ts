/**
 * Checks of a workbook file before anything reads it as a spreadsheet, each with its own reason so
 * that the command line can say exactly what is wrong. The file is only read, never changed.
 *
 * - not an .xlsx (another extension, or not a zip with a workbook part);
 * - encrypted or password-protected (Excel stores those as an OLE compound file, not a zip);
 * - an .xlsm with macros: refused, because the macros would not survive a rewrite;
 * - a corrupt zip;
 * - external links (formulas that read another workbook); the `[2]!_xldudf_…` form of a custom
 *   function that Excel writes after some COM add-in conflicts is not an external link and is
 *   accepted.
 */
import { unzipSync } from 'fflate';

/** Why a file cannot be used. */
export type InputProblem =
  | { kind: 'extension'; extension: string }
  | { kind: 'encrypted' }
  | { kind: 'notXlsx' }
  | { kind: 'corrupt'; detail: string }
  | { kind: 'macros' }
  | { kind: 'externalLinks'; example: string };

/** A problem found in an input file. */
export class InputProblemError extends Error {
  readonly problem: InputProblem;
  constructor(problem: InputProblem) {
    super(problem.kind);
    this.name = 'InputProblemError';
    this.problem = problem;
  }
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Checks the bytes of a workbook file named `name`.
 *
 * @throws InputProblemError with the reason.
 */
export function checkWorkbookFile(name: string, data: Uint8Array): void {
  const ext = /\.([^.\\/]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  if (data.length >= 8 && OLE_MAGIC.every((b, i) => data[i] === b)) {
    throw new InputProblemError({ kind: 'encrypted' });
  }
  if (ext !== 'xlsx' && ext !== 'xlsm') throw new InputProblemError({ kind: 'extension', extension: ext });
  if (!(data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b))
    throw new InputProblemError({ kind: 'notXlsx' });
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(data, {
      filter: (f) =>
        f.name === '[Content_Types].xml' ||
        f.name === 'xl/workbook.xml' ||
        f.name === 'xl/vbaProject.bin' ||
        f.name.startsWith('xl/externalLinks/') ||
        /^xl\/worksheets\/sheet\d+\.xml$/.test(f.name),
    });
  } catch (e) {
    throw new InputProblemError({ kind: 'corrupt', detail: e instanceof Error ? e.message : String(e) });
  }
  if (!parts['xl/workbook.xml'] || !parts['[Content_Types].xml'])
    throw new InputProblemError({ kind: 'notXlsx' });
  if (parts['xl/vbaProject.bin']) throw new InputProblemError({ kind: 'macros' });
  const links = Object.keys(parts).filter((p) => /^xl\/externalLinks\/externalLink\d+\.xml$/.test(p));
  if (links.length > 0) {
    // An external reference in a formula looks like [n]!name or [n]Sheet!A1; only [n]!_xldudf_ is ours.
    const decoder = new TextDecoder();
    for (const [p, bytes] of Object.entries(parts)) {
      if (!p.startsWith('xl/worksheets/')) continue;
      const xml = decoder.decode(bytes);
      for (const m of xml.matchAll(/<f[^>]*>([^<]*)<\/f>/g)) {
        const f = m[1];
        const ext = /\[\d+\](?!!_xldudf_)[^,()]*/.exec(f);
        if (ext) throw new InputProblemError({ kind: 'externalLinks', example: ext[0] });
      }
    }
    const wb = decoder.decode(parts['xl/workbook.xml']);
    const ext = /<definedName[^>]*>[^<]*\[\d+\][^<]*<\/definedName>/.exec(wb);
    if (ext) throw new InputProblemError({ kind: 'externalLinks', example: ext[0].replace(/<[^>]+>/g, '') });
  }
}
