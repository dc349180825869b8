/**
 * CSV files as real programs and habits write them (issue 12, section 2): Mac line ends, mixed
 * line ends, an unterminated quote, Excel's "Unicode text" (UTF-16LE, tab) and its `sep=;` line,
 * a BOM that decides the encoding, one invalid byte, quoted fields in linear time, a mapped
 * column twice, and messages in one language. Each test failed before the fix.
 */
import { CalcError } from '../../src/core/errors';
import { importCsv, readCsvHeader, type ImportResult } from '../../src/core/timerecording/import';
import { encodeWindows1252, SMALL_MAPPING, streamOf, utf8 } from './helpers';

const opts = { mapping: SMALL_MAPPING, periodKind: 'period4w' as const };

async function caught(p: Promise<unknown>): Promise<CalcError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof CalcError) return e;
    throw e;
  }
  throw new Error('expected a CalcError');
}

const HEADER = 'Medewerker;Datum;Team;Categorie;Product;Uren';
const ROWS = [
  'M1;04-01-2021;Team A;Direct;Spoor 4;6,5',
  'M1;04-01-2021;Team A;Opleiden;;0,7',
  'M2;05-01-2021;Team A;Verlof;;7,2',
  'M3;05-01-2021;Team B;Coördinatie;Nareis;7.25',
];

/** Every line of the file accounted for: data rows plus the lines that hold none. */
function accounted(r: ImportResult): number {
  return r.rowsAccepted + r.rowsRejected + r.lines.withoutRow;
}

/** UTF-16LE bytes with a BOM, as Excel's "Unicode text" writes them. */
function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    out[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return out;
}

describe('line ends', () => {
  test('lone CR (Excel for Mac "CSV (Macintosh)") splits records', async () => {
    const text = [HEADER, ...ROWS].join('\r');
    for (const chunk of [1, 3, 64]) {
      const r = await importCsv(streamOf(utf8(text), chunk), opts);
      expect(r.rowsAccepted).toBe(4);
      expect(r.rowsRejected).toBe(0);
      expect(r.lines.total).toBe(5);
      expect(accounted(r)).toBe(5);
    }
  });

  test('mixed CRLF, LF and CR: no line lost, every line counted', async () => {
    const text = `${HEADER}\r\n${ROWS[0]}\n${ROWS[1]}\r${ROWS[2]}\r\n${ROWS[3]}\r`;
    for (const chunk of [1, 2, 7, 1000]) {
      const r = await importCsv(streamOf(utf8(text), chunk), opts);
      expect(r.rowsAccepted).toBe(4);
      expect(r.lines.total).toBe(5);
      expect(accounted(r)).toBe(5);
    }
  });

  test('blank lines and a multi-line quoted field are reported as lines without a row', async () => {
    const text = `${HEADER}\n\n${ROWS[0]}\r\n\r\nM9;04-01-2021;Team A;Direct;"Spoor\r\n4";1\n`;
    const r = await importCsv(streamOf(utf8(text), 5), opts);
    expect(r.rowsAccepted).toBe(2);
    expect(r.lines).toMatchObject({ total: 6, header: 1, blank: 2, continuation: 1, withoutRow: 4 });
    expect(accounted(r)).toBe(6);
  });
});

describe('quotes', () => {
  test('an unterminated quote is reported at file level, naming the line where it opened', async () => {
    const lines = [
      HEADER,
      ROWS[0],
      'M1;04-01-2021;"Team A;Direct;;1',
      ...Array.from({ length: 50 }, () => ROWS[1]),
    ];
    const e = await caught(importCsv(streamOf(utf8(lines.join('\r\n')), 16), { ...opts, fileName: 'x.csv' }));
    expect(e.code).toBe('trCsvUnterminatedQuote');
    expect(e.details).toMatchObject({ line: 3 });
    expect(e.messageIn('nl')).toContain('regel 3');
    expect(e.messageIn('en')).toContain('line 3');
    expect(e.messageIn('en')).toContain('51 line(s)');
  });

  test('a 10 MB quoted field in 4 KB chunks is parsed in linear time', async () => {
    // A ratio against a peer run in the same process, not a wall-clock limit: 8× the field may
    // take at most 16× the time (each side the best of two runs; linear is at most 8×, and a
    // fixed cost makes it less: 3.9× measured). Quadratic re-scanning took 11 s for 10 MB, about
    // 40× the 1.25 MB run.
    const timed = async (bytes: number): Promise<number> => {
      const big = 'x'.repeat(bytes);
      const text = `${HEADER}\nM1;04-01-2021;Team A;Direct;"${big}";1\n`;
      let best = Infinity;
      for (let i = 0; i < 2; i++) {
        const t0 = process.hrtime.bigint();
        const r = await importCsv(streamOf(utf8(text), 4096), opts);
        best = Math.min(best, Number(process.hrtime.bigint() - t0));
        expect(r.rowsAccepted).toBe(1);
        expect(r.cells[0].product.length).toBe(big.length);
      }
      return best;
    };
    const small = await timed(1.25 * 1024 * 1024);
    const large = await timed(10 * 1024 * 1024);
    expect(large / small).toBeLessThan(16);
  });
});

describe('Excel flavours', () => {
  test('"Unicode text": UTF-16LE with a BOM, tab-delimited', async () => {
    const text = [HEADER, ...ROWS].join('\r\n').replace(/;/g, '\t');
    for (const chunk of [1, 3, 1000]) {
      const r = await importCsv(streamOf(utf16le(text), chunk), opts);
      expect(r.encoding).toBe('utf-16le');
      expect(r.bom).toBe(true);
      expect(r.delimiter).toBe('\t');
      expect(r.rowsAccepted).toBe(4);
      expect(r.categories.map((c) => c.label)).toContain('Coördinatie');
    }
    const h = await readCsvHeader(streamOf(utf16le(text), 5));
    expect(h).toEqual({ headers: HEADER.split(';'), delimiter: '\t', encoding: 'utf-16le' });
  });

  test('a "sep=;" first line sets the delimiter and is not the header', async () => {
    const text = ['sep=;', HEADER.replace(/;/g, ';'), ...ROWS].join('\r\n');
    const r = await importCsv(streamOf(utf8(text), 3), opts);
    expect(r.delimiter).toBe(';');
    expect(r.headers).toEqual(HEADER.split(';'));
    expect(r.rowsAccepted).toBe(4);
    expect(r.issues).toEqual([]);
    expect(r.lines).toMatchObject({ total: 6, header: 2 });
    // The row numbers stay those of the records after the sep line (header = row 1).
    const bad = await importCsv(
      streamOf(utf8(`sep=,\n${HEADER.replace(/;/g, ',')}\nM1,x,A,Direct,X,1`), 4),
      opts,
    );
    expect(bad.delimiter).toBe(',');
    expect(bad.issues[0]).toMatchObject({ row: 2, code: 'trRowDateInvalid' });
    expect((await readCsvHeader(streamOf(utf8(text), 2))).headers).toEqual(HEADER.split(';'));
  });
});

describe('encodings', () => {
  test('a UTF-8 BOM decides the encoding: one invalid byte stops with its position, never 1252', async () => {
    const good = utf8([HEADER, ...ROWS].join('\r\n'), true);
    const bytes = new Uint8Array([...good, ...utf8('\r\nM4;06-01-2021;Team B;Ziekte;;1'), 0xff, 0x0d, 0x0a]);
    const e = await caught(importCsv(streamOf(bytes, 9), opts));
    expect(e.code).toBe('trCsvEncoding');
    expect(e.details).toMatchObject({ offset: bytes.length - 3 + 1, line: 6, encoding: 'UTF-8' });
    expect(e.messageIn('nl')).toContain(`byte ${bytes.length - 2}`);
    expect(e.messageIn('en')).toContain('line 6');
  });

  test('without a BOM, valid UTF-8 then an invalid byte: stops, naming the position (no silent mojibake)', async () => {
    const bytes = new Uint8Array([
      ...utf8([HEADER, ...ROWS].join('\n')),
      0x0a,
      ...utf8('M5;06-01-2021;Team B;Direct;X;1'),
      0xe9,
    ]);
    const e = await caught(importCsv(streamOf(bytes, 6), opts));
    expect(e.code).toBe('trCsvEncoding');
    expect(e.details).toMatchObject({ line: 6, offset: bytes.length });
  });

  test('without a BOM, an invalid byte before any other non-ASCII text: restarts as Windows-1252 and says so', async () => {
    const text = [HEADER, ...ROWS].join('\n').replace('Team B', 'Team Café');
    const r = await importCsv(streamOf(encodeWindows1252(text), 5), opts);
    expect(r.encoding).toBe('windows-1252');
    expect(r.categories.map((c) => c.label)).toContain('Coördinatie');
    expect(r.encodingFallback).toEqual({ offset: text.indexOf('é') + 1, line: 5 });
    const progress: number[] = [];
    const ctrl = new AbortController();
    const e = await caught(
      importCsv(streamOf(encodeWindows1252(text), 5), {
        ...opts,
        signal: ctrl.signal,
        onProgress: (b) => {
          progress.push(b);
          if (progress.length > 30) ctrl.abort(); // after the restart
        },
      }),
    );
    expect(e.code).toBe('trCancelled');
  });
});

describe('header', () => {
  test('the mapped column twice is refused, naming both positions', async () => {
    const text = ['Medewerker;Datum;Team;Uren;Categorie;Product;Uren', 'M1;04-01-2021;A;1;Direct;X;2'].join(
      '\n',
    );
    const e = await caught(importCsv(streamOf(utf8(text)), opts));
    expect(e.code).toBe('trDuplicateColumn');
    expect(e.details).toMatchObject({ expected: 'Uren', first: 4, second: 7 });
    expect(e.messageIn('en')).toContain('columns 4 and 7');
    expect(e.messageIn('nl')).toContain('kolom 4 en 7');
  });

  test('a missing column lists at most 20 columns found and says how many more', async () => {
    const headers = Array.from({ length: 100000 }, (_, i) => `K${i}`);
    const e = await caught(
      importCsv(streamOf(utf8(`${headers.join(';')}\n${headers.join(';')}`), 65536), opts),
    );
    expect(e.code).toBe('trMissingColumn');
    const en = e.messageIn('en');
    expect(en.length).toBeLessThan(600);
    expect(en).toContain('"K19"');
    expect(en).not.toContain('"K20"');
    expect(en).toContain('and 99,980 more');
    expect(e.messageIn('nl')).toContain('en nog 99.980');
  });
});

describe('messages in one language', () => {
  const dutchInEnglish = /\b(geen|regels|ontbreekt|alleen|kopregel|uren|datum|categorie|medewerker)\b/i;
  const englishInDutch = /\b(no lines|missing|only a header|readable text|hours|date)\b/i;

  test('empty file, header only, missing column: English has no Dutch fragment and Dutch no English', async () => {
    const cases = [
      () => importCsv(streamOf(utf8('')), opts),
      () => importCsv(streamOf(utf8(`${HEADER}\r\n`)), opts),
      () => importCsv(streamOf(utf8(HEADER.replace('Uren', 'Tijd') + '\n' + ROWS[0])), opts),
      () => readCsvHeader(streamOf(utf8(''))),
    ];
    for (const run of cases) {
      const e = await caught(run());
      // What the file held is quoted and may be in any language: look at the rest.
      const own = (m: string) => m.replace(/"[^"]*"/g, '""');
      expect(own(e.messageIn('en'))).not.toMatch(dutchInEnglish);
      expect(own(e.messageIn('nl'))).not.toMatch(englishInDutch);
    }
  });
});
