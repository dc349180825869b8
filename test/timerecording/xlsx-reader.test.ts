/**
 * The sheet reader's fast paths (src/core/xlsx/sheet.ts): tags matched by the name as written
 * before the local name, cell attributes read once, char-code checks instead of regexes, and
 * saxes calling the handlers directly. Random sheets with every cell kind, prefixed and
 * unprefixed names, attributes in any order and values with spaces are read back to the values
 * the model says; the number check accepts exactly what the regex it replaced accepted; and an
 * error thrown by the consumer comes out as it was, not as "malformed XML". And the CRC-32 that
 * checks every part, eight bytes at a time, against its bitwise definition.
 */
import fc from 'fast-check';
import { zipSync, strToU8 } from 'fflate';
import { CalcError } from '../../src/core/errors';
import { crc32, isDecimal, XlsxWorkbook, type XlsxValue } from '../../src/core/xlsx';

/** The regex the number check replaced. */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

type Cell =
  | { kind: 'none' }
  | { kind: 'n'; value: number; pad: boolean; typed: boolean }
  | { kind: 's'; index: number; pad: boolean }
  | { kind: 'inline'; runs: string[]; phonetic: boolean; cdata: boolean }
  | { kind: 'str'; text: string }
  | { kind: 'b'; value: boolean };

interface Layout {
  /** Prefix of element names: '' or 'x:'. */
  prefix: string;
  /** Write the cell's r and t attributes with a prefix (`x:r`), as attr() also finds them. */
  prefixedAttrs: boolean;
  /** t before r, and a style attribute in between. */
  reorder: boolean;
  /** Leave out the r attribute of cells (then the column is the next one). */
  noRefs: boolean;
}

const SHARED = ['Team Noord', 'Direct', 'Café & co', '<b>', ' spaties ', ''];

const cellArb: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant<Cell>({ kind: 'none' }),
  fc.record({
    kind: fc.constant('n' as const),
    value: fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ noNaN: true, noDefaultInfinity: true })),
    pad: fc.boolean(),
    typed: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('s' as const), index: fc.nat(SHARED.length - 1), pad: fc.boolean() }),
  fc.record({
    kind: fc.constant('inline' as const),
    runs: fc.array(fc.string({ maxLength: 6 }), { minLength: 1, maxLength: 3 }),
    phonetic: fc.boolean(),
    cdata: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('str' as const), text: fc.string({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('b' as const), value: fc.boolean() }),
);

/** XML 1.0 has no place for most control characters: keep the generated text printable. */
const printable = (s: string): string => s.replace(/[\u0000-\u001f\ud800-\udfff\ufffe\uffff]/g, 'x');

function expected(cell: Cell): XlsxValue {
  switch (cell.kind) {
    case 'none':
      return '';
    case 'n':
      return Number(String(cell.value)); // as written: String(-0) is "0"
    case 's':
      return SHARED[cell.index];
    case 'inline':
      return cell.runs.map(printable).join('');
    case 'str':
      return printable(cell.text);
    case 'b':
      return cell.value;
  }
}

function cellXml(cell: Cell, ref: string, l: Layout): string {
  const p = l.prefix;
  const a = l.prefixedAttrs ? 'x:' : '';
  const attrs = (t: string | undefined): string => {
    const r = l.noRefs ? '' : ` ${a}r="${ref}"`;
    const ty = t === undefined ? '' : ` ${a}t="${t}"`;
    return l.reorder ? `${ty} s="3"${r}` : `${r}${ty}`;
  };
  const c = (t: string | undefined, inner: string): string => `<${p}c${attrs(t)}>${inner}</${p}c>`;
  switch (cell.kind) {
    case 'none':
      return '';
    case 'n': {
      const v = String(cell.value);
      return c(cell.typed ? 'n' : undefined, `<${p}v>${cell.pad ? ` ${v} ` : v}</${p}v>`);
    }
    case 's':
      return c('s', `<${p}v>${cell.pad ? ` ${cell.index}\t` : cell.index}</${p}v>`);
    case 'inline': {
      const runs = cell.runs
        .map(printable)
        .map((t) =>
          cell.cdata && !t.includes(']]>')
            ? `<${p}r><${p}t><![CDATA[${t}]]></${p}t></${p}r>`
            : `<${p}r><${p}t xml:space="preserve">${esc(t)}</${p}t></${p}r>`,
        )
        .join('');
      const rph = cell.phonetic ? `<${p}rPh sb="0" eb="1"><${p}t>フリガナ</${p}t></${p}rPh>` : '';
      return c('inlineStr', `<${p}is>${runs}${rph}</${p}is>`);
    }
    case 'str':
      return c('str', `<${p}f>A1&amp;"x"</${p}f><${p}v>${esc(printable(cell.text))}</${p}v>`);
    case 'b':
      return c('b', `<${p}v>${cell.value ? 1 : 0}</${p}v>`);
  }
}

function workbook(rows: Cell[][], l: Layout): Uint8Array {
  const p = l.prefix;
  const ns = p === '' ? '' : ' xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const body = rows
    .map((r, i) => {
      // Without references, an absent cell shifts the rest: write every cell then.
      const cells = r.map((cell, j) => {
        const ref = `${String.fromCharCode(65 + j)}${i + 1}`;
        if (l.noRefs && cell.kind === 'none') return `<${p}c${l.prefixedAttrs ? ' x:s="0"' : ''}/>`;
        return cellXml(cell, ref, l);
      });
      return `<${p}row r="${i + 1}">${cells.join('')}</${p}row>`;
    })
    .join('');
  const sst = SHARED.map((s) => `<${p}si><${p}t xml:space="preserve">${esc(s)}</${p}t></${p}si>`).join('');
  return zipSync({
    'xl/workbook.xml': strToU8(
      `<${p}workbook${ns} xmlns:r="r"><${p}sheets><${p}sheet name="S" sheetId="1" r:id="rId1"/></${p}sheets></${p}workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="t/worksheet"/><Relationship Id="rId2" Target="sharedStrings.xml" Type="t/sharedStrings"/></Relationships>',
    ),
    'xl/sharedStrings.xml': strToU8(`<${p}sst${ns}>${sst}</${p}sst>`),
    'xl/worksheets/sheet1.xml': strToU8(
      `<${p}worksheet${ns}><${p}sheetData>${body}</${p}sheetData></${p}worksheet>`,
    ),
  });
}

async function readAll(bytes: Uint8Array): Promise<[number, XlsxValue[]][]> {
  const wb = await XlsxWorkbook.open(bytes);
  const out: [number, XlsxValue[]][] = [];
  await wb.rows((n, cells) => void out.push([n, cells]));
  return out;
}

/** CRC-32 bit by bit, from its definition (reflected polynomial 0xEDB88320). */
function crcReference(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

describe('CRC-32 eight bytes at a time', () => {
  test('the check value of "123456789" and of no bytes', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  test('equals the bitwise definition on random bytes at any offset, also continued across any split', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300, size: 'max' }),
        fc.nat(7),
        fc.nat(),
        (whole, offset, at) => {
          // A view at any byte offset: the 32-bit reads start after the unaligned head.
          const bytes = whole.subarray(Math.min(offset, whole.length));
          const want = crcReference(bytes);
          expect(crc32(bytes)).toBe(want);
          const k = bytes.length === 0 ? 0 : at % (bytes.length + 1);
          expect(crc32(bytes.subarray(k), crc32(bytes.subarray(0, k)))).toBe(want);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('sheet reader fast paths', () => {
  test('isDecimal accepts exactly the strings of the number regex it replaced', () => {
    const chars = fc.constantFrom(...'0123456789+-.eE x'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 12 }), (s) => {
        expect(isDecimal(s)).toBe(NUMBER.test(s));
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.double(), (x) => {
        const s = String(x);
        expect(isDecimal(s)).toBe(NUMBER.test(s));
      }),
    );
    for (const s of ['1.', '.5', '-.5e-3', '+1E+9', '0x10', 'Infinity', '1e', '.', '', '1.2.3', '١٢'])
      expect(isDecimal(s)).toBe(NUMBER.test(s));
  });

  test('random sheets read back to the values of the model, with or without prefixes', async () => {
    const layout = fc.record({
      prefix: fc.constantFrom('', 'x:'),
      prefixedAttrs: fc.boolean(),
      reorder: fc.boolean(),
      noRefs: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cellArb, { maxLength: 6 }), { minLength: 1, maxLength: 6 }),
        layout,
        async (rows, l) => {
          const got = await readAll(workbook(rows, l));
          const want = rows.map((r, i): [number, XlsxValue[]] => {
            const cells = r.map(expected);
            while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
            return [i + 1, cells];
          });
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('a shared-string index with spaces, leading zeros or too many digits is read as before', async () => {
    const sheet = (v: string): Uint8Array =>
      zipSync({
        'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="S"/></sheets></workbook>'),
        'xl/sharedStrings.xml': strToU8('<sst><si><t>nul</t></si><si><t>een</t></si></sst>'),
        'xl/worksheets/sheet1.xml': strToU8(
          `<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>${v}</v></c></row></sheetData></worksheet>`,
        ),
      });
    expect(await readAll(sheet(' 1 '))).toEqual([[1, ['een']]]);
    expect(await readAll(sheet('0001'))).toEqual([[1, ['een']]]);
    expect(await readAll(sheet('0000000000000000001'))).toEqual([[1, ['een']]]);
    for (const bad of ['2', '-1', '1.0', '1e0', '１', '10000000000000000000'])
      await expect(readAll(sheet(bad))).rejects.toMatchObject({
        code: 'trXlsxInvalid',
        details: { reason: 'sharedString' },
      });
  });

  test('a row number is 1 to 7 ASCII digits', async () => {
    const sheet = (r: string): Uint8Array =>
      zipSync({
        'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="S"/></sheets></workbook>'),
        'xl/worksheets/sheet1.xml': strToU8(
          `<worksheet><sheetData><row r="${r}"><c><v>1</v></c></row></sheetData></worksheet>`,
        ),
      });
    expect(await readAll(sheet('0000007'))).toEqual([[7, [1]]]);
    expect(await readAll(sheet('1048576'))).toEqual([[1048576, [1]]]);
    for (const bad of ['00000007', '1048577', '0', ' 7', '7 ', '٧', ''])
      await expect(readAll(sheet(bad))).rejects.toMatchObject({
        code: 'trXlsxInvalid',
        details: { reason: 'cellRef' },
      });
  });

  test('an error thrown by the consumer comes out as it was, not as malformed XML', async () => {
    const bytes = workbook([[{ kind: 'n', value: 1, pad: false, typed: false }]], {
      prefix: '',
      prefixedAttrs: false,
      reorder: false,
      noRefs: false,
    });
    for (const thrown of [new Error('mine'), new TypeError('bug'), 'a string']) {
      const wb = await XlsxWorkbook.open(bytes);
      const e = await wb
        .rows(() => {
          // eslint-disable-next-line @typescript-eslint/only-throw-error -- a consumer may throw anything
          throw thrown;
        })
        .catch((x: unknown) => x);
      expect(e).toBe(thrown);
      expect(e).not.toBeInstanceOf(CalcError);
    }
  });
});
