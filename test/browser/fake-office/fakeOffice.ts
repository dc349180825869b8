/**
 * A typed, in-memory fake of `Office`, `Excel.run` and `CustomFunctions` for tests.
 *
 * It mimics the Office.js *batch* model that matters for correctness: calls only queue
 * operations; they run, in order, at `context.sync()`; properties can be read only after a
 * `load` + `sync`; `*OrNullObject` getters report `isNullObject`; a failing operation rejects the
 * sync and the operations queued after it are dropped (the ones before it stay applied, as in
 * Excel). Every sync is counted, so tests can assert that an action takes a constant number of
 * round trips. Writing `null` into `values`/`formulas` leaves that cell unchanged, as in Excel.
 *
 * Formulas are parsed (a formula that does not parse is refused, as Excel does); not modelled:
 * formula evaluation (the `values` of a formula cell read back as the formula
 * text), undo, events, merged cells, worksheet-scoped names, R1C1.
 *
 * SELF-CONTAINED on purpose (no imports): Node tests import it, and the browser harness
 * transpiles this one file into a script that installs `window.Office`, `window.Excel`,
 * `window.CustomFunctions`, `window.OfficeExtension` and `window.__fakeWorkbook`.
 */

/** A value in a cell or written to one. */
export type FakeValue = string | number | boolean | null;

/** Format of one cell (only what the gateway sets). */
export interface FakeCellFormat {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontColor?: string;
  fill?: string;
  wrapText?: boolean;
  horizontalAlignment?: string;
}

/** One stored cell. `content` is a constant, a formula ('=...'), or '' for a blank cell that only has a number format. */
export interface FakeCell {
  content: string | number | boolean;
  numberFormat?: string;
}

/** A rectangle, zero-based and inclusive. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

const MAX_ROW = 1048575;
const MAX_COL = 16383;

// ---------------------------------------------------------------------------------------------
// Address arithmetic (duplicated from src/taskpane/host/address.ts to keep this file standalone)
// ---------------------------------------------------------------------------------------------

function colLetters(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Quotes a sheet name the way Excel does in addresses. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** Splits "'My Sheet'!A1:B2" into sheet and local address. */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

/** Parses 'A1', 'A1:C3', 'B:B', 'B:D', '3:5' (with optional $) into a rectangle; throws on anything else. */
export function parseRect(local: string): Rect {
  const text = local.replace(/\$/g, '').trim().toUpperCase();
  const parts = text.split(':');
  if (parts.length > 2 || parts.length === 0) throw fakeError('InvalidArgument', `Bad address '${local}'`);
  const cell = /^([A-Z]{1,3})(\d{1,7})$/;
  const colOnly = /^([A-Z]{1,3})$/;
  const rowOnly = /^(\d{1,7})$/;
  const a = parts[0];
  const b = parts[1] ?? parts[0];
  let m1 = cell.exec(a);
  let m2 = cell.exec(b);
  let rect: Rect | undefined;
  if (m1 && m2) {
    rect = { r0: Number(m1[2]) - 1, c0: colIndex(m1[1]), r1: Number(m2[2]) - 1, c1: colIndex(m2[1]) };
  } else if ((m1 = colOnly.exec(a)) && (m2 = colOnly.exec(b)) && parts.length === 2) {
    rect = { r0: 0, c0: colIndex(m1[1]), r1: MAX_ROW, c1: colIndex(m2[1]) };
  } else if ((m1 = rowOnly.exec(a)) && (m2 = rowOnly.exec(b)) && parts.length === 2) {
    rect = { r0: Number(m1[1]) - 1, c0: 0, r1: Number(m2[1]) - 1, c1: MAX_COL };
  }
  if (!rect || rect.r0 < 0 || rect.r1 < 0 || rect.r1 > MAX_ROW || rect.c1 > MAX_COL) {
    throw fakeError('InvalidArgument', `Bad address '${local}'`);
  }
  return {
    r0: Math.min(rect.r0, rect.r1),
    r1: Math.max(rect.r0, rect.r1),
    c0: Math.min(rect.c0, rect.c1),
    c1: Math.max(rect.c0, rect.c1),
  };
}

/** A1 text of a rectangle. */
export function rectAddress(r: Rect): string {
  const a = `${colLetters(r.c0)}${r.r0 + 1}`;
  const b = `${colLetters(r.c1)}${r.r1 + 1}`;
  return a === b ? a : `${a}:${b}`;
}

function key(r: number, c: number): string {
  return `${r},${c}`;
}

function inRect(rect: Rect, r: number, c: number): boolean {
  return r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/** Shape of OfficeExtension.Error: a `code` such as 'ItemNotFound', 'InvalidArgument', 'AccessDenied'. */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string };
  constructor(code: string, message: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message };
  }
}

function fakeError(code: string, message: string): FakeOfficeError {
  return new FakeOfficeError(code, message);
}

// ---------------------------------------------------------------------------------------------
// The in-memory workbook
// ---------------------------------------------------------------------------------------------

/** A worksheet in the fake workbook. */
export class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
  readonly formats = new Map<string, FakeCellFormat>();
  /** In-cell drop-down lists (data validation), by cell key: the list source. */
  readonly validations = new Map<string, string>();
  readonly columnWidths: Record<string, number> = {};
  charts: FakeChart[] = [];
  frozenRows = 0;
  protected = false;
  visibility = 'Visible';
  constructor(
    public name: string,
    public readonly id: string,
  ) {}

  /** Content of a cell ('' when blank), by A1 address. */
  get(a1: string): string | number | boolean {
    const r = parseRect(a1);
    return this.cells.get(key(r.r0, r.c0))?.content ?? '';
  }

  /** Number format of a cell ('General' when unset). */
  numberFormatAt(a1: string): string {
    const r = parseRect(a1);
    return this.cells.get(key(r.r0, r.c0))?.numberFormat ?? 'General';
  }

  /** The drop-down list source of a cell's data validation, if any. */
  validationAt(a1: string): string | undefined {
    const r = parseRect(a1);
    return this.validations.get(key(r.r0, r.c0));
  }

  /** Format of a cell. */
  formatAt(a1: string): FakeCellFormat {
    const r = parseRect(a1);
    return this.formats.get(key(r.r0, r.c0)) ?? {};
  }

  /** Bounding rectangle of non-blank cells (and, unless `valuesOnly`, formatted cells). */
  usedRect(valuesOnly: boolean): Rect | undefined {
    let rect: Rect | undefined;
    const grow = (k: string): void => {
      const [r, c] = k.split(',').map(Number);
      rect = rect
        ? {
            r0: Math.min(rect.r0, r),
            c0: Math.min(rect.c0, c),
            r1: Math.max(rect.r1, r),
            c1: Math.max(rect.c1, c),
          }
        : { r0: r, c0: c, r1: r, c1: c };
    };
    for (const [k, cell] of this.cells) if (!valuesOnly || cell.content !== '') grow(k);
    if (!valuesOnly) for (const k of this.formats.keys()) grow(k);
    return rect;
  }

  /** Removes cells (and formats) inside `rect`, iterating stored cells so whole-sheet clears stay cheap. */
  clear(rect: Rect, what: 'All' | 'Contents' | 'Formats' = 'All'): void {
    const drop = (map: Map<string, unknown>): void => {
      for (const k of [...map.keys()]) {
        const [r, c] = k.split(',').map(Number);
        if (inRect(rect, r, c)) map.delete(k);
      }
    };
    if (what === 'All') {
      drop(this.cells);
      drop(this.validations);
    }
    if (what === 'Contents') {
      for (const [k, cell] of [...this.cells]) {
        const [r, c] = k.split(',').map(Number);
        if (inRect(rect, r, c)) {
          if (cell.numberFormat) cell.content = '';
          else this.cells.delete(k);
        }
      }
    }
    if (what === 'Formats') {
      for (const [k, cell] of [...this.cells]) {
        const [r, c] = k.split(',').map(Number);
        if (inRect(rect, r, c)) {
          if (cell.content === '') this.cells.delete(k);
          else cell.numberFormat = undefined;
        }
      }
    }
    if (what !== 'Contents') drop(this.formats);
  }
}

/** A table (ListObject). `rect` includes the header row. */
export interface FakeTable {
  id: string;
  name: string;
  sheet: FakeSheet;
  rect: Rect;
}

/** A chart. */
export interface FakeChart {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  topLeft?: string;
  bottomRight?: string;
  /** Series (by index) whose fill and line were cleared: drawn invisible. */
  hiddenSeries?: number[];
}

/** A workbook-scoped defined name. */
export interface FakeName {
  name: string;
  formula: string;
  comment: string;
}

/** A custom XML part. */
export interface FakeXmlPart {
  id: string;
  namespaceUri: string;
  xml: string;
}

/** A plain-JSON view of the workbook, for assertions and for the browser harness. */
export interface WorkbookSnapshot {
  sheets: {
    name: string;
    id: string;
    protected: boolean;
    usedRange: string;
    /** Non-blank cells by A1 address. */
    cells: Record<string, string | number | boolean>;
    numberFormats: Record<string, string>;
    formats: Record<string, FakeCellFormat>;
    columnWidths: Record<string, number>;
    frozenRows: number;
    charts: FakeChart[];
  }[];
  tables: { name: string; sheet: string; address: string }[];
  names: FakeName[];
  customXmlParts: FakeXmlPart[];
  selection: { sheet: string; address: string } | null;
  activeSheet: string | null;
  syncCount: number;
  runCount: number;
}

function parseConstant(v: string | number | boolean): string | number | boolean {
  // Excel parses typed text: '12' becomes the number 12, 'TRUE' a boolean.
  if (typeof v !== 'string' || v.startsWith('=')) return v;
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v.trim())) return Number(v);
  if (/^(TRUE|FALSE)$/i.test(v)) return v.toUpperCase() === 'TRUE';
  return v;
}

const NAME_RE = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;

/** The in-memory workbook. Test helpers (`addSheet`, `setCells`, `addTable`, `select`) act immediately. */
export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  tables: FakeTable[] = [];
  names: FakeName[] = [];
  xmlParts: FakeXmlPart[] = [];
  structureProtected = false;
  selection: { sheet: string; address: string } | null = null;
  activeSheet: string | null = null;
  /** Number of `context.sync()` calls (including the implicit one at the end of `Excel.run`). */
  syncCount = 0;
  /** Number of `Excel.run` calls. */
  runCount = 0;
  private nextId = 1;

  /** A fresh id like Excel's GUID-ish ids. */
  newId(prefix: string): string {
    return `{${prefix}-${String(this.nextId++).padStart(4, '0')}}`;
  }

  /** Resets the sync and run counters (e.g. after seeding). */
  resetCounters(): void {
    this.syncCount = 0;
    this.runCount = 0;
  }

  sheet(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  /** The sheet or an ItemNotFound error. */
  requireSheet(name: string): FakeSheet {
    const s = this.sheet(name);
    if (!s) throw fakeError('ItemNotFound', `Worksheet '${name}' not found`);
    return s;
  }

  /** Adds a sheet now (test seeding; the API path is `worksheets.add`). */
  addSheet(name?: string): FakeSheet {
    if (this.structureProtected) throw fakeError('AccessDenied', 'Workbook structure is protected');
    let n = name;
    if (n === undefined) {
      let i = this.sheets.length + 1;
      while (this.sheet(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    if (n.length === 0 || n.length > 31 || /[:\\/?*[\]]/.test(n))
      throw fakeError('InvalidArgument', `Bad sheet name '${n}'`);
    if (this.sheet(n)) throw fakeError('ItemAlreadyExists', `Worksheet '${n}' already exists`);
    const s = new FakeSheet(n, this.newId('ws'));
    this.sheets.push(s);
    if (!this.activeSheet) this.activeSheet = n;
    if (!this.selection) this.selection = { sheet: n, address: 'A1' };
    return s;
  }

  /** Writes values/formulas into a sheet now, top-left at `at` (test seeding). */
  setCells(sheetName: string, at: string, rows: FakeValue[][]): void {
    const s = this.sheet(sheetName) ?? this.addSheet(sheetName);
    const start = parseRect(at);
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        writeContent(s, start.r0 + i, start.c0 + j, v === null ? '' : v);
      }),
    );
  }

  /** Adds a table now with header and rows (test seeding). */
  addTable(sheetName: string, name: string, at: string, headers: string[], rows: FakeValue[][]): FakeTable {
    this.setCells(sheetName, at, [headers, ...rows]);
    const start = parseRect(at);
    const rect = {
      r0: start.r0,
      c0: start.c0,
      r1: start.r0 + Math.max(rows.length, 1),
      c1: start.c0 + headers.length - 1,
    };
    return this.createTable(this.requireSheet(sheetName), rect, name);
  }

  /** Creates a table object over `rect` (shared by seeding and `tables.add`). */
  createTable(sheet: FakeSheet, rect: Rect, name?: string): FakeTable {
    if (sheet.protected) throw fakeError('AccessDenied', `Sheet '${sheet.name}' is protected`);
    if (this.tables.some((t) => t.sheet === sheet && overlaps(t.rect, rect))) {
      throw fakeError('InvalidOperation', 'A table cannot overlap another table');
    }
    let n = name;
    if (n === undefined) {
      let i = 1;
      while (this.table(`Table${i}`)) i++;
      n = `Table${i}`;
    }
    this.checkTableName(n, undefined);
    const t: FakeTable = { id: this.newId('tbl'), name: n, sheet, rect };
    this.tables.push(t);
    return t;
  }

  checkTableName(n: string, self: FakeTable | undefined): void {
    if (!NAME_RE.test(n) || /^[A-Za-z]{1,3}\d+$/.test(n))
      throw fakeError('InvalidArgument', `Bad table name '${n}'`);
    const clash = this.table(n) ?? this.name(n);
    if (clash && clash !== self) throw fakeError('InvalidArgument', `The name '${n}' is already used`);
  }

  table(name: string): FakeTable | undefined {
    const lower = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === lower);
  }

  name(name: string): FakeName | undefined {
    const lower = name.toLowerCase();
    return this.names.find((n) => n.name.toLowerCase() === lower);
  }

  /** Sets the selection now; `null` means "a chart or shape is selected". */
  select(sheet: string | null, address = 'A1'): void {
    this.selection = sheet === null ? null : { sheet, address };
    if (sheet) this.activeSheet = sheet;
  }

  /** Plain-JSON state for assertions (and for `page.evaluate` in the browser). */
  snapshot(): WorkbookSnapshot {
    return {
      sheets: this.sheets.map((s) => {
        const cells: Record<string, string | number | boolean> = {};
        const numberFormats: Record<string, string> = {};
        const formats: Record<string, FakeCellFormat> = {};
        for (const [k, cell] of s.cells) {
          const [r, c] = k.split(',').map(Number);
          const a1 = `${colLetters(c)}${r + 1}`;
          if (cell.content !== '') cells[a1] = cell.content;
          if (cell.numberFormat && cell.numberFormat !== 'General') numberFormats[a1] = cell.numberFormat;
        }
        for (const [k, f] of s.formats) {
          const [r, c] = k.split(',').map(Number);
          formats[`${colLetters(c)}${r + 1}`] = { ...f };
        }
        const used = s.usedRect(true);
        return {
          name: s.name,
          id: s.id,
          protected: s.protected,
          usedRange: used ? rectAddress(used) : '',
          cells,
          numberFormats,
          formats,
          columnWidths: { ...s.columnWidths },
          frozenRows: s.frozenRows,
          charts: s.charts.map((c) => ({ ...c })),
        };
      }),
      tables: this.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, address: rectAddress(t.rect) })),
      names: this.names.map((n) => ({ ...n })),
      customXmlParts: this.xmlParts.map((p) => ({ ...p })),
      selection: this.selection ? { ...this.selection } : null,
      activeSheet: this.activeSheet,
      syncCount: this.syncCount,
      runCount: this.runCount,
    };
  }
}

function writeContent(sheet: FakeSheet, r: number, c: number, v: string | number | boolean): void {
  const k = key(r, c);
  const prev = sheet.cells.get(k);
  // As in Excel, a cell formatted as text ('@') before entry keeps what was typed ("00123").
  const parsed =
    prev?.numberFormat === '@' && typeof v === 'string' && !v.startsWith('=') ? v : parseConstant(v);
  if (parsed === '' && !prev?.numberFormat) sheet.cells.delete(k);
  else sheet.cells.set(k, { content: parsed, numberFormat: prev?.numberFormat });
}

// ---------------------------------------------------------------------------------------------
// Batch machinery
// ---------------------------------------------------------------------------------------------

/** The request context passed to `Excel.run`'s batch. */
export class FakeContext {
  private queue: (() => void)[] = [];
  readonly workbook: WorkbookProxy;
  constructor(readonly wb: FakeWorkbook) {
    this.workbook = new WorkbookProxy(this);
  }

  /** Queues an operation for the next sync. */
  enqueue(op: () => void): void {
    this.queue.push(op);
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Runs every queued operation in order; the first failure rejects and drops the rest. */
  async sync(): Promise<void> {
    this.wb.syncCount++;
    const ops = this.queue;
    this.queue = [];
    for (const op of ops) op();
    await Promise.resolve();
  }

  /** For symmetry with Office.js; tracked objects are not modelled. */
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
}

/** Base of every proxy: deferred resolution, load/sync, "not loaded" errors. */
abstract class ProxyBase<T> {
  protected data: Record<string, unknown> | undefined;
  private nullObject: boolean | undefined;
  constructor(
    protected readonly ctx: FakeContext,
    protected readonly resolve: () => T | undefined,
    private readonly orNull = false,
  ) {}

  /** Resolves the target at sync time, throwing ItemNotFound unless this is an *OrNullObject. */
  protected target(): T {
    const t = this.resolve();
    if (t === undefined)
      throw fakeError('ItemNotFound', `${this.constructor.name}: the requested item does not exist`);
    return t;
  }

  /** Plain data of the target for `load`. */
  protected abstract snapshotOf(t: T): Record<string, unknown>;

  load(_props?: unknown): this {
    this.ctx.enqueue(() => {
      const t = this.resolve();
      if (t === undefined) {
        if (!this.orNull)
          throw fakeError('ItemNotFound', `${this.constructor.name}: the requested item does not exist`);
        this.nullObject = true;
        this.data = {};
        return;
      }
      this.nullObject = false;
      this.data = this.snapshotOf(t);
    });
    return this;
  }

  get isNullObject(): boolean {
    if (this.nullObject === undefined) {
      throw fakeError(
        'PropertyNotLoaded',
        `isNullObject of ${this.constructor.name} read before load + sync`,
      );
    }
    return this.nullObject;
  }

  protected read<V>(prop: string): V {
    if (!this.data || !(prop in this.data)) {
      throw fakeError('PropertyNotLoaded', `${this.constructor.name}.${prop} read before load + sync`);
    }
    if (this.nullObject)
      throw fakeError('InvalidObjectPath', `${this.constructor.name}.${prop} read on a null object`);
    return this.data[prop] as V;
  }

  protected later(op: (t: T) => void): void {
    this.ctx.enqueue(() => op(this.target()));
  }
}

/** `ClientResult<T>`: `.value` is available after sync. */
export class FakeClientResult<T> {
  private v: T | undefined;
  private set = false;
  constructor(ctx: FakeContext, compute: () => T) {
    ctx.enqueue(() => {
      this.v = compute();
      this.set = true;
    });
  }
  get value(): T {
    if (!this.set) throw fakeError('PropertyNotLoaded', 'ClientResult.value read before sync');
    return this.v as T;
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly names: NameCollectionProxy;
  readonly customXmlParts: CustomXmlPartCollectionProxy;
  readonly protection: WorkbookProtectionProxy;
  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.tables = new TableCollectionProxy(ctx, () => ctx.wb.tables);
    this.names = new NameCollectionProxy(ctx);
    this.customXmlParts = new CustomXmlPartCollectionProxy(ctx, undefined);
    this.protection = new WorkbookProtectionProxy(ctx, () => ctx.wb);
  }

  getSelectedRange(): RangeProxy {
    const wb = this.ctx.wb;
    return new RangeProxy(this.ctx, () => {
      if (!wb.selection)
        throw fakeError('InvalidSelection', 'The current selection is invalid for this operation.');
      return { sheet: wb.requireSheet(wb.selection.sheet), rect: parseRect(wb.selection.address) };
    });
  }

  getActiveCell(): RangeProxy {
    const wb = this.ctx.wb;
    return new RangeProxy(this.ctx, () => {
      if (!wb.selection)
        throw fakeError('InvalidSelection', 'The current selection is invalid for this operation.');
      const r = parseRect(wb.selection.address);
      return { sheet: wb.requireSheet(wb.selection.sheet), rect: { r0: r.r0, c0: r.c0, r1: r.r0, c1: r.c0 } };
    });
  }
}

class WorkbookProtectionProxy extends ProxyBase<FakeWorkbook> {
  protected snapshotOf(t: FakeWorkbook): Record<string, unknown> {
    return { protected: t.structureProtected };
  }
  get protected(): boolean {
    return this.read('protected');
  }
}

/** Base for collections: `items` after load. */
abstract class CollectionProxy<T, P> {
  private loadedItems: P[] | undefined;
  constructor(
    protected readonly ctx: FakeContext,
    protected readonly list: () => T[],
  ) {}
  protected abstract itemProxy(item: T): P;
  load(_props?: unknown): this {
    this.ctx.enqueue(() => {
      this.loadedItems = this.list().map((it) => {
        const p = this.itemProxy(it) as unknown as { loadNow(): void };
        p.loadNow();
        return p as unknown as P;
      });
    });
    return this;
  }
  get items(): P[] {
    if (!this.loadedItems)
      throw fakeError('PropertyNotLoaded', `${this.constructor.name}.items read before load + sync`);
    return this.loadedItems;
  }
  getCount(): FakeClientResult<number> {
    return new FakeClientResult(this.ctx, () => this.list().length);
  }
}

/** Mixin-ish helper: proxies created for collection items are loaded immediately at sync. */
function loadNowOf<T>(proxy: ProxyBase<T>): void {
  (proxy as any).data = (proxy as any).snapshotOf((proxy as any).resolve());
  (proxy as any).nullObject = false;
}

class WorksheetCollectionProxy extends CollectionProxy<FakeSheet, WorksheetProxy> {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.wb.sheets);
  }
  protected itemProxy(item: FakeSheet): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => item);
  }
  add(name?: string): WorksheetProxy {
    let created: FakeSheet | undefined;
    this.ctx.enqueue(() => {
      created = this.ctx.wb.addSheet(name);
    });
    return new WorksheetProxy(this.ctx, () => created);
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.wb.sheet(name));
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.wb.sheet(name), true);
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () =>
      this.ctx.wb.activeSheet ? this.ctx.wb.sheet(this.ctx.wb.activeSheet) : undefined,
    );
  }
}

class WorksheetProxy extends ProxyBase<FakeSheet> {
  loadNow(): void {
    loadNowOf(this);
  }
  protected snapshotOf(t: FakeSheet): Record<string, unknown> {
    return {
      name: t.name,
      id: t.id,
      position: this.ctx.wb.sheets.indexOf(t),
      visibility: t.visibility,
    };
  }
  get name(): string {
    return this.read('name');
  }
  set name(v: string) {
    this.later((s) => {
      if (this.ctx.wb.sheet(v) && this.ctx.wb.sheet(v) !== s)
        throw fakeError('ItemAlreadyExists', `Worksheet '${v}' exists`);
      s.name = v;
    });
  }
  get id(): string {
    return this.read('id');
  }
  get position(): number {
    return this.read('position');
  }
  get visibility(): string {
    return this.read('visibility');
  }
  get protection(): WorksheetProtectionProxy {
    return new WorksheetProtectionProxy(this.ctx, () => this.target());
  }
  get tables(): TableCollectionProxy {
    return new TableCollectionProxy(
      this.ctx,
      () => this.ctx.wb.tables.filter((t) => t.sheet === this.target()),
      () => this.target(),
    );
  }
  get charts(): ChartCollectionProxy {
    return new ChartCollectionProxy(this.ctx, () => this.target());
  }
  get freezePanes(): { freezeRows(n: number): void; unfreeze(): void } {
    return {
      freezeRows: (n: number) => this.later((s) => (s.frozenRows = n)),
      unfreeze: () => this.later((s) => (s.frozenRows = 0)),
    };
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const s = this.target();
      if (address === undefined) return { sheet: s, rect: { r0: 0, c0: 0, r1: MAX_ROW, c1: MAX_COL } };
      const { sheet, local } = splitSheet(address);
      if (sheet !== undefined && sheet.toLowerCase() !== s.name.toLowerCase()) {
        throw fakeError('InvalidArgument', `Address '${address}' is on another sheet`);
      }
      return { sheet: s, rect: parseRect(local) };
    });
  }
  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const s = this.target();
      // Excel returns A1 for a blank sheet.
      return { sheet: s, rect: s.usedRect(valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const s = this.target();
        const rect = s.usedRect(valuesOnly);
        return rect ? { sheet: s, rect } : undefined;
      },
      true,
    );
  }
  activate(): void {
    this.later((s) => {
      this.ctx.wb.activeSheet = s.name;
    });
  }
  delete(): void {
    this.later((s) => {
      if (this.ctx.wb.structureProtected) throw fakeError('AccessDenied', 'Workbook structure is protected');
      this.ctx.wb.sheets = this.ctx.wb.sheets.filter((x) => x !== s);
      this.ctx.wb.tables = this.ctx.wb.tables.filter((t) => t.sheet !== s);
    });
  }
}

class WorksheetProtectionProxy extends ProxyBase<FakeSheet> {
  protected snapshotOf(t: FakeSheet): Record<string, unknown> {
    return { protected: t.protected };
  }
  get protected(): boolean {
    return this.read('protected');
  }
  protect(): void {
    this.later((s) => (s.protected = true));
  }
  unprotect(): void {
    this.later((s) => (s.protected = false));
  }
}

interface RangeTarget {
  sheet: FakeSheet;
  rect: Rect;
}

function assertWritable(sheet: FakeSheet): void {
  if (sheet.protected) throw fakeError('AccessDenied', `Sheet '${sheet.name}' is protected`);
}

/** Expands a scalar or checks a 2-D array against the range size, as Excel does. */
function grid<V>(rect: Rect, input: V | V[][], what: string): V[][] {
  const rows = rect.r1 - rect.r0 + 1;
  const cols = rect.c1 - rect.c0 + 1;
  if (!Array.isArray(input)) {
    if (rows * cols > 5_000_000)
      throw fakeError('InvalidArgument', `${what}: range too large for a scalar write in the fake`);
    return Array.from({ length: rows }, () => Array.from({ length: cols }, () => input));
  }
  if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw fakeError(
      'InvalidArgument',
      `${what}: the number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols})`,
    );
  }
  return input;
}

/**
 * Excel refuses a formula that does not parse: Office.js throws InvalidArgument for the whole
 * batch (a text label that begins with `=`, such as `= weken × uren`, is such a formula). A small
 * recursive-descent parser of Excel's invariant formula grammar, self-contained like this file:
 * operators, numbers, text, booleans, error literals, array constants, function calls with empty
 * arguments, cell/range/name references with sheet prefixes, and structured references.
 *
 * @returns undefined when the formula parses, else what is wrong.
 */
export function formulaProblem(formula: string): string | undefined {
  const s = formula.slice(1);
  let i = 0;
  const ws = () => {
    while (i < s.length && /\s/.test(s[i])) i++;
  };
  const fail = (what: string): never => {
    throw new Error(`${what} at position ${i + 2} of ${formula}`);
  };
  const brackets = () => {
    let depth = 0;
    do {
      if (i >= s.length) fail('unclosed [');
      if (s[i] === "'") i++;
      else if (s[i] === '[') depth++;
      else if (s[i] === ']') depth--;
      i++;
    } while (depth > 0);
  };
  const operand = (): void => {
    ws();
    const ch = s[i];
    if (ch === undefined) fail('a value is missing');
    if (ch === '+' || ch === '-') {
      i++;
      return operand();
    }
    if (ch === '(') {
      i++;
      expr();
      ws();
      if (s[i] !== ')') fail(') expected');
      i++;
    } else if (ch === '"') {
      i++;
      for (;;) {
        if (i >= s.length) fail('unclosed text');
        if (s[i] === '"' && s[i + 1] === '"') i += 2;
        else if (s[i] === '"') break;
        else i++;
      }
      i++;
    } else if (ch === '{') {
      i++;
      for (;;) {
        ws();
        const m = /^(-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|"(?:[^"]|"")*"|TRUE|FALSE|#N\/A)/i.exec(s.slice(i));
        if (!m) fail('an array constant holds only constants');
        i += m![0].length;
        ws();
        if (s[i] === ',' || s[i] === ';') i++;
        else if (s[i] === '}') break;
        else fail('} expected');
      }
      i++;
    } else if (ch === '#') {
      const m = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!)/i.exec(s.slice(i));
      if (!m) fail('unknown error value');
      i += m![0].length;
    } else if (/[0-9.]/.test(ch) && /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?(?![A-Za-z_:$!(])/.test(s.slice(i))) {
      i += /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(s.slice(i))![0].length;
    } else if (ch === '[') {
      brackets();
    } else if (ch === "'" || /[A-Za-z_\\$0-9]/.test(ch)) {
      // A name, a function, or a (sheet-qualified) reference, possibly a range a:b.
      if (ch === "'") {
        i++;
        while (i < s.length && !(s[i] === "'" && s[i + 1] !== "'")) i += s[i] === "'" ? 2 : 1;
        i++;
        if (s[i] !== '!') fail('! expected after a quoted sheet name');
      }
      const start = i;
      while (i < s.length && /[A-Za-z0-9_.\\$!:]/.test(s[i])) i++;
      const name = s.slice(start, i);
      if (name === '' || /[!:]$/.test(name) || (ch !== "'" && /^!/.test(name))) fail('incomplete reference');
      let k = i;
      while (s[k] === ' ') k++;
      if (s[k] === '(' && !name.includes('!') && !name.includes(':')) {
        if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name)) fail(`not a function name: ${name}`);
        i = k + 1;
        ws();
        if (s[i] === ')') {
          i++;
        } else {
          for (;;) {
            ws();
            if (s[i] !== ',' && s[i] !== ')') expr();
            ws();
            if (s[i] === ',') i++;
            else if (s[i] === ')') break;
            else fail(', or ) expected');
          }
          i++;
        }
      } else if (s[i] === '[') {
        brackets();
      }
    } else fail(`unexpected character ${ch}`);
    ws();
    while (s[i] === '%') {
      i++;
      ws();
    }
  };
  const expr = (): void => {
    operand();
    for (;;) {
      ws();
      const two = s.slice(i, i + 2);
      if (two === '<=' || two === '>=' || two === '<>') i += 2;
      else if (i < s.length && '+-*/^&=<>'.includes(s[i])) i++;
      else return;
      operand();
    }
  };
  try {
    if (s.trim() === '') fail('an empty formula');
    expr();
    ws();
    if (i < s.length) fail(`unexpected ${s[i]}`);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/**
 * Excel refuses a formula whose structured reference names a table that does not exist yet
 * (`Table[Col]`), or that uses an unqualified `[@Col]`/`[Col]` outside a table. Office.js then
 * throws InvalidArgument for the whole batch. The fake does the same, so that a gateway that
 * writes formulas before it creates their tables fails here as it would in Excel.
 */
function checkStructuredReferences(
  wb: FakeWorkbook,
  sheet: FakeSheet,
  r: number,
  c: number,
  formula: string,
): void {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  let depth = 0;
  for (let k = 0; k < code.length; k++) {
    const ch = code[k];
    if (ch === ']') depth = Math.max(0, depth - 1);
    if (ch !== '[') continue;
    depth++;
    if (depth > 1) continue; // inside a structured reference: [[#This Row],[Col]]
    const name = /([A-Za-z_\\][\w.]*)$/.exec(code.slice(0, k))?.[1];
    if (name) {
      if (!wb.table(name)) {
        throw fakeError(
          'InvalidArgument',
          `The formula ${formula} refers to table '${name}', which does not exist`,
        );
      }
    } else {
      const inTable = wb.tables.some(
        (t) => t.sheet === sheet && r >= t.rect.r0 && r <= t.rect.r1 && c >= t.rect.c0 && c <= t.rect.c1,
      );
      if (!inTable) {
        throw fakeError(
          'InvalidArgument',
          `The formula ${formula} uses a structured reference outside a table`,
        );
      }
    }
  }
}

class RangeProxy extends ProxyBase<RangeTarget> {
  protected snapshotOf(t: RangeTarget): Record<string, unknown> {
    const { sheet, rect } = t;
    const rows = rect.r1 - rect.r0 + 1;
    const cols = rect.c1 - rect.c0 + 1;
    if (rows * cols > 2_000_000) throw fakeError('InvalidArgument', 'Range too large to load in the fake');
    const values: FakeValue[][] = [];
    const formulas: FakeValue[][] = [];
    const numberFormat: string[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const vr: FakeValue[] = [];
      const fr: FakeValue[] = [];
      const nr: string[] = [];
      for (let c = rect.c0; c <= rect.c1; c++) {
        const cell = sheet.cells.get(key(r, c));
        vr.push(cell ? cell.content : '');
        fr.push(cell ? cell.content : '');
        nr.push(cell?.numberFormat ?? 'General');
      }
      values.push(vr);
      formulas.push(fr);
      numberFormat.push(nr);
    }
    return {
      address: `${quoteSheetName(sheet.name)}!${rectAddress(rect)}`,
      values,
      formulas,
      numberFormat,
      rowCount: rows,
      columnCount: cols,
      rowIndex: rect.r0,
      columnIndex: rect.c0,
    };
  }
  get address(): string {
    return this.read('address');
  }
  get values(): FakeValue[][] {
    return this.read('values');
  }
  set values(v: FakeValue[][]) {
    this.writeCells(v, 'values');
  }
  get formulas(): FakeValue[][] {
    return this.read('formulas');
  }
  set formulas(v: FakeValue[][]) {
    this.writeCells(v, 'formulas');
  }
  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }
  set numberFormat(v: string[][]) {
    this.later(({ sheet, rect }) => {
      assertWritable(sheet);
      const g = grid(rect, v as unknown as string | string[][], 'numberFormat');
      g.forEach((row, i) =>
        row.forEach((nf, j) => {
          if (nf === null || nf === undefined) return;
          const k = key(rect.r0 + i, rect.c0 + j);
          const cell = sheet.cells.get(k);
          if (cell) cell.numberFormat = nf;
          else sheet.cells.set(k, { content: '', numberFormat: nf });
        }),
      );
    });
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.target().sheet);
  }
  get format(): RangeFormatProxy {
    return new RangeFormatProxy(this.ctx, () => this.target());
  }
  /** Data validation: only the in-cell list rule that the gateway uses. */
  get dataValidation(): { rule: { list?: { inCellDropDown: boolean; source: string } } } {
    const later = (op: (t: RangeTarget) => void): void => this.later(op);
    return {
      set rule(rule: { list?: { inCellDropDown: boolean; source: string } }) {
        later(({ sheet, rect }) => {
          assertWritable(sheet);
          if (!rule.list || rule.list.source.length === 0 || rule.list.source.length > 255) {
            throw fakeError('InvalidArgument', 'A list rule needs a source of 1 to 255 characters');
          }
          for (let r = rect.r0; r <= rect.r1; r++)
            for (let c = rect.c0; c <= rect.c1; c++) sheet.validations.set(key(r, c), rule.list.source);
        });
      },
      get rule() {
        throw fakeError('NotImplemented', 'Reading data validation is not faked');
      },
    };
  }
  clear(applyTo: 'All' | 'Contents' | 'Formats' = 'All'): void {
    this.later(({ sheet, rect }) => {
      assertWritable(sheet);
      sheet.clear(rect, applyTo);
    });
  }
  private writeCells(v: FakeValue[][], what: string): void {
    this.later(({ sheet, rect }) => {
      assertWritable(sheet);
      const g = grid(rect, v as unknown as FakeValue | FakeValue[][], what);
      g.forEach((row, i) =>
        row.forEach((x, j) => {
          // null means "leave this cell as it is" in Office.js.
          if (x === null || x === undefined) return;
          if (typeof x === 'string' && x.startsWith('=')) {
            const problem = formulaProblem(x);
            if (problem) throw fakeError('InvalidArgument', `The formula does not parse: ${problem}`);
            checkStructuredReferences(this.ctx.wb, sheet, rect.r0 + i, rect.c0 + j, x);
          }
          writeContent(sheet, rect.r0 + i, rect.c0 + j, x);
        }),
      );
    });
  }
}

class RangeFormatProxy {
  constructor(
    private readonly ctx: FakeContext,
    private readonly target: () => RangeTarget,
  ) {}
  private setAll(patch: FakeCellFormat): void {
    this.ctx.enqueue(() => {
      const { sheet, rect } = this.target();
      assertWritable(sheet);
      const cells = (rect.r1 - rect.r0 + 1) * (rect.c1 - rect.c0 + 1);
      if (cells > 2_000_000)
        throw fakeError('InvalidArgument', 'Formatting whole columns is not modelled by the fake');
      for (let r = rect.r0; r <= rect.r1; r++)
        for (let c = rect.c0; c <= rect.c1; c++) {
          const k = key(r, c);
          sheet.formats.set(k, { ...(sheet.formats.get(k) ?? {}), ...patch });
        }
    });
  }
  get fill(): { color: string; clear(): void } {
    const setAll = (patch: FakeCellFormat): void => this.setAll(patch);
    return {
      set color(v: string) {
        setAll({ fill: v });
      },
      get color(): string {
        throw fakeError('PropertyNotLoaded', 'format.fill.color is write-only in the fake');
      },
      clear: () => undefined,
    };
  }
  get font(): { bold: boolean; italic: boolean; color: string; size: number } {
    const setAll = (patch: FakeCellFormat): void => this.setAll(patch);
    const writeOnly = (): never => {
      throw fakeError('PropertyNotLoaded', 'format.font is write-only in the fake');
    };
    return {
      set bold(v: boolean) {
        setAll({ bold: v });
      },
      get bold(): boolean {
        return writeOnly();
      },
      set italic(v: boolean) {
        setAll({ italic: v });
      },
      get italic(): boolean {
        return writeOnly();
      },
      set color(v: string) {
        setAll({ fontColor: v });
      },
      get color(): string {
        return writeOnly();
      },
      set size(v: number) {
        setAll({ size: v });
      },
      get size(): number {
        return writeOnly();
      },
    };
  }
  set wrapText(v: boolean) {
    this.setAll({ wrapText: v });
  }
  set horizontalAlignment(v: string) {
    this.setAll({ horizontalAlignment: v });
  }
  set columnWidth(w: number) {
    this.ctx.enqueue(() => {
      const { sheet, rect } = this.target();
      assertWritable(sheet);
      for (let c = rect.c0; c <= rect.c1; c++) sheet.columnWidths[colLetters(c)] = w;
    });
  }
  autofitColumns(): void {
    this.ctx.enqueue(() => assertWritable(this.target().sheet));
  }
}

class TableCollectionProxy extends CollectionProxy<FakeTable, TableProxy> {
  constructor(
    ctx: FakeContext,
    list: () => FakeTable[],
    private readonly onSheet?: () => FakeSheet,
  ) {
    super(ctx, list);
  }
  protected itemProxy(item: FakeTable): TableProxy {
    return new TableProxy(this.ctx, () => item);
  }
  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    let created: FakeTable | undefined;
    this.ctx.enqueue(() => {
      if (!hasHeaders) throw fakeError('NotImplemented', 'The fake models tables with headers only');
      let sheet: FakeSheet;
      let rect: Rect;
      if (typeof address === 'string') {
        const parts = splitSheet(address);
        const s = parts.sheet !== undefined ? this.ctx.wb.requireSheet(parts.sheet) : this.onSheet?.();
        if (!s) throw fakeError('InvalidArgument', `Table address '${address}' needs a sheet`);
        sheet = s;
        rect = parseRect(parts.local);
      } else {
        const t = (address as any).target() as RangeTarget;
        sheet = t.sheet;
        rect = t.rect;
      }
      if (this.onSheet && this.onSheet() !== sheet)
        throw fakeError('InvalidArgument', 'Table range is on another sheet');
      // Excel always gives a table at least one data row.
      if (rect.r1 === rect.r0) rect = { ...rect, r1: rect.r0 + 1 };
      created = this.ctx.wb.createTable(sheet, rect);
    });
    return new TableProxy(this.ctx, () => created);
  }
  getItem(name: string): TableProxy {
    return new TableProxy(this.ctx, () => this.ctx.wb.table(name));
  }
  getItemOrNullObject(name: string): TableProxy {
    return new TableProxy(this.ctx, () => this.ctx.wb.table(name), true);
  }
}

class TableProxy extends ProxyBase<FakeTable> {
  loadNow(): void {
    loadNowOf(this);
  }
  protected snapshotOf(t: FakeTable): Record<string, unknown> {
    return { name: t.name, id: t.id, worksheet: { name: t.sheet.name } };
  }
  get name(): string {
    return this.read('name');
  }
  set name(v: string) {
    this.later((t) => {
      this.ctx.wb.checkTableName(v, t);
      t.name = v;
    });
  }
  get id(): string {
    return this.read('id');
  }
  /** After load: `{ name }` of the table's sheet (load 'worksheet/name'). */
  get worksheet(): { name: string } {
    return this.read('worksheet');
  }
  get rows(): { count: number; load(p?: unknown): unknown } {
    const result: { count: number; load(p?: unknown): unknown } = {
      count: NaN,
      load: () => {
        this.ctx.enqueue(() => {
          const t = this.target();
          result.count = t.rect.r1 - t.rect.r0;
        });
        return result;
      },
    };
    return result;
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const t = this.target();
      return { sheet: t.sheet, rect: t.rect };
    });
  }
  getHeaderRowRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const t = this.target();
      return { sheet: t.sheet, rect: { ...t.rect, r1: t.rect.r0 } };
    });
  }
  getDataBodyRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const t = this.target();
      return { sheet: t.sheet, rect: { ...t.rect, r0: t.rect.r0 + 1 } };
    });
  }
  delete(): void {
    this.later((t) => {
      assertWritable(t.sheet);
      t.sheet.clear(t.rect);
      this.ctx.wb.tables = this.ctx.wb.tables.filter((x) => x !== t);
    });
  }
}

class ChartCollectionProxy {
  private loadedItems: ChartProxy[] | undefined;
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {}
  load(_props?: unknown): this {
    this.ctx.enqueue(() => {
      this.loadedItems = this.sheet().charts.map((c) => {
        const p = new ChartProxy(this.ctx, () => c, this.sheet);
        p.loadNow();
        return p;
      });
    });
    return this;
  }
  get items(): ChartProxy[] {
    if (!this.loadedItems) throw fakeError('PropertyNotLoaded', 'charts.items read before load + sync');
    return this.loadedItems;
  }
  add(type: string, source: RangeProxy, seriesBy = 'Auto'): ChartProxy {
    let created: FakeChart | undefined;
    this.ctx.enqueue(() => {
      const s = this.sheet();
      assertWritable(s);
      const t = (source as any).target() as RangeTarget;
      if (t.sheet !== s)
        throw fakeError('InvalidArgument', 'Chart source must be on the chart sheet in the fake');
      let i = s.charts.length + 1;
      while (s.charts.some((c) => c.name === `Chart ${i}`)) i++;
      created = { name: `Chart ${i}`, type, source: rectAddress(t.rect), seriesBy, title: '' };
      s.charts.push(created);
    });
    return new ChartProxy(this.ctx, () => created, this.sheet);
  }
}

class ChartProxy extends ProxyBase<FakeChart> {
  constructor(
    ctx: FakeContext,
    resolve: () => FakeChart | undefined,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx, resolve);
  }
  loadNow(): void {
    loadNowOf(this);
  }
  protected snapshotOf(t: FakeChart): Record<string, unknown> {
    return { name: t.name, type: t.type };
  }
  get name(): string {
    return this.read('name');
  }
  set name(v: string) {
    this.later((c) => (c.name = v));
  }
  get title(): { text: string } {
    const later = (op: (c: FakeChart) => void): void => this.later(op);
    return {
      set text(v: string) {
        later((c) => (c.title = v));
      },
      get text(): string {
        throw fakeError('PropertyNotLoaded', 'chart.title.text is write-only in the fake');
      },
    };
  }
  setPosition(startCell: string | RangeProxy, endCell?: string | RangeProxy): void {
    this.later((c) => {
      const addr = (x: string | RangeProxy): string =>
        typeof x === 'string'
          ? rectAddress(parseRect(splitSheet(x).local))
          : rectAddress(((x as any).target() as RangeTarget).rect);
      c.topLeft = addr(startCell);
      if (endCell !== undefined) c.bottomRight = addr(endCell);
    });
  }
  delete(): void {
    this.later((c) => {
      const s = this.sheet();
      assertWritable(s);
      s.charts = s.charts.filter((x) => x !== c);
    });
  }
  /** Only what the gateway uses: clearing a series' fill and line makes it invisible. */
  get series(): {
    getItemAt(i: number): { format: { fill: { clear(): void }; line: { lineStyle: string } } };
  } {
    const later = (op: (c: FakeChart) => void): void => this.later(op);
    const hide = (i: number) => (c: FakeChart) => {
      c.hiddenSeries = [...new Set([...(c.hiddenSeries ?? []), i])];
    };
    return {
      getItemAt: (i: number) => ({
        format: {
          fill: { clear: () => later(hide(i)) },
          line: {
            set lineStyle(v: string) {
              if (v === 'None') later(hide(i));
            },
            get lineStyle(): string {
              throw fakeError('PropertyNotLoaded', 'series.format.line.lineStyle is write-only in the fake');
            },
          },
        },
      }),
    };
  }
}

class NameCollectionProxy extends CollectionProxy<FakeName, NamedItemProxy> {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.wb.names);
  }
  protected itemProxy(item: FakeName): NamedItemProxy {
    return new NamedItemProxy(this.ctx, () => item);
  }
  add(name: string, reference: string | RangeProxy, comment = ''): NamedItemProxy {
    let created: FakeName | undefined;
    this.ctx.enqueue(() => {
      const wb = this.ctx.wb;
      if (!NAME_RE.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name))
        throw fakeError('InvalidArgument', `Bad name '${name}'`);
      if (wb.name(name) || wb.table(name))
        throw fakeError('ItemAlreadyExists', `The name '${name}' already exists`);
      let formula: string;
      if (typeof reference === 'string') {
        formula = reference.startsWith('=') ? reference : `=${reference}`;
      } else {
        const t = (reference as any).target() as RangeTarget;
        const r = t.rect;
        formula = `=${quoteSheetName(t.sheet.name)}!$${colLetters(r.c0)}$${r.r0 + 1}${
          r.r0 === r.r1 && r.c0 === r.c1 ? '' : `:$${colLetters(r.c1)}$${r.r1 + 1}`
        }`;
      }
      created = { name, formula, comment };
      wb.names.push(created);
    });
    return new NamedItemProxy(this.ctx, () => created);
  }
  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, () => this.ctx.wb.name(name));
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, () => this.ctx.wb.name(name), true);
  }
}

class NamedItemProxy extends ProxyBase<FakeName> {
  loadNow(): void {
    loadNowOf(this);
  }
  protected snapshotOf(t: FakeName): Record<string, unknown> {
    return { name: t.name, formula: t.formula, comment: t.comment, type: 'Range', visible: true };
  }
  get name(): string {
    return this.read('name');
  }
  get formula(): string {
    return this.read('formula');
  }
  get comment(): string {
    return this.read('comment');
  }
  delete(): void {
    this.later((n) => {
      this.ctx.wb.names = this.ctx.wb.names.filter((x) => x !== n);
    });
  }
}

function namespaceOf(xml: string): string {
  const m = /^\s*(?:<\?xml[^>]*\?>\s*)?<[A-Za-z_][\w.:-]*\s[^>]*?\bxmlns\s*=\s*["']([^"']*)["']/.exec(xml);
  return m ? m[1] : '';
}

class CustomXmlPartCollectionProxy extends CollectionProxy<FakeXmlPart, CustomXmlPartProxy> {
  constructor(
    ctx: FakeContext,
    private readonly ns: string | undefined,
  ) {
    super(ctx, () =>
      ns === undefined ? ctx.wb.xmlParts : ctx.wb.xmlParts.filter((p) => p.namespaceUri === ns),
    );
  }
  protected itemProxy(item: FakeXmlPart): CustomXmlPartProxy {
    return new CustomXmlPartProxy(this.ctx, () => item);
  }
  add(xml: string): CustomXmlPartProxy {
    if (this.ns !== undefined)
      throw fakeError('NotImplemented', 'add() exists on workbook.customXmlParts only');
    let created: FakeXmlPart | undefined;
    this.ctx.enqueue(() => {
      if (!/^\s*(<\?xml[^>]*\?>\s*)?<[A-Za-z_]/.test(xml))
        throw fakeError('InvalidArgument', 'Not well-formed XML');
      created = { id: this.ctx.wb.newId('xml'), namespaceUri: namespaceOf(xml), xml };
      this.ctx.wb.xmlParts.push(created);
    });
    return new CustomXmlPartProxy(this.ctx, () => created);
  }
  getByNamespace(ns: string): CustomXmlPartCollectionProxy {
    return new CustomXmlPartCollectionProxy(this.ctx, ns);
  }
  getItem(id: string): CustomXmlPartProxy {
    return new CustomXmlPartProxy(this.ctx, () => this.ctx.wb.xmlParts.find((p) => p.id === id));
  }
  getItemOrNullObject(id: string): CustomXmlPartProxy {
    return new CustomXmlPartProxy(this.ctx, () => this.ctx.wb.xmlParts.find((p) => p.id === id), true);
  }
  getOnlyItemOrNullObject(): CustomXmlPartProxy {
    return new CustomXmlPartProxy(
      this.ctx,
      () => {
        const list = this.list();
        if (list.length > 1) throw fakeError('InvalidOperation', 'More than one part in this namespace');
        return list[0];
      },
      true,
    );
  }
}

class CustomXmlPartProxy extends ProxyBase<FakeXmlPart> {
  loadNow(): void {
    loadNowOf(this);
  }
  protected snapshotOf(t: FakeXmlPart): Record<string, unknown> {
    return { id: t.id, namespaceUri: t.namespaceUri };
  }
  get id(): string {
    return this.read('id');
  }
  get namespaceUri(): string {
    return this.read('namespaceUri');
  }
  getXml(): FakeClientResult<string> {
    return new FakeClientResult(this.ctx, () => this.target().xml);
  }
  setXml(xml: string): void {
    this.later((p) => {
      p.xml = xml;
      p.namespaceUri = namespaceOf(xml);
    });
  }
  delete(): void {
    this.later((p) => {
      this.ctx.wb.xmlParts = this.ctx.wb.xmlParts.filter((x) => x !== p);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Office / Excel / CustomFunctions globals
// ---------------------------------------------------------------------------------------------

/** Options of `createFakeOffice`. */
export interface FakeOfficeOptions {
  /** `Office.context.displayLanguage`, e.g. 'nl-NL' (default) or 'en-US'. */
  displayLanguage?: string;
  workbook?: FakeWorkbook;
  /** Highest supported version per requirement set (default: every set, every version). */
  apiSets?: Record<string, string>;
}

/** The fake globals plus handles for tests. */
export interface FakeOffice {
  workbook: FakeWorkbook;
  Office: any;
  Excel: any;
  CustomFunctions: any;
  OfficeExtension: any;
  /** Functions registered through `CustomFunctions.associate`. */
  associated: Map<string, (...args: unknown[]) => unknown>;
  /** Sets `Office.context.displayLanguage`. */
  setDisplayLanguage(lang: string): void;
  /**
   * Caps a requirement set for `Office.context.requirements.isSetSupported`: ('ExcelApi', '1.8')
   * switches ExcelApi 1.9 and later off; `null` removes the cap (every version supported).
   */
  setApiSupport(name: string, highest: string | null): void;
}

/** a ≥ b for dotted versions ('1.10' ≥ '1.9'). */
function versionAtLeast(a: string, b: string): boolean {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

/** Creates the fake `Office`, `Excel`, `CustomFunctions` and `OfficeExtension` over one workbook. */
export function createFakeOffice(options: FakeOfficeOptions = {}): FakeOffice {
  const workbook = options.workbook ?? new FakeWorkbook();
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  const apiCaps = new Map<string, string>(Object.entries(options.apiSets ?? {}));
  const context = {
    displayLanguage: options.displayLanguage ?? 'nl-NL',
    contentLanguage: options.displayLanguage ?? 'nl-NL',
    requirements: {
      isSetSupported(name: string, minVersion?: string | number): boolean {
        const cap = apiCaps.get(name);
        return cap === undefined || minVersion === undefined || versionAtLeast(cap, String(minVersion));
      },
    },
  };
  const info = { host: 'Excel', platform: 'OfficeOnline' };
  const Office = {
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac' },
    context,
    onReady(cb?: (i: typeof info) => void): Promise<typeof info> {
      if (cb) cb(info);
      return Promise.resolve(info);
    },
    initialize: undefined as unknown,
  };
  const Excel = {
    async run<T>(batch: (ctx: FakeContext) => Promise<T>): Promise<T> {
      workbook.runCount++;
      const ctx = new FakeContext(workbook);
      const result = await batch(ctx);
      // Office.js flushes what is still queued when the batch resolves.
      if (ctx.pending > 0) await ctx.sync();
      return result;
    },
    RequestContext: FakeContext,
    ChartType: {
      line: 'Line',
      columnClustered: 'ColumnClustered',
      waterfall: 'Waterfall',
      barClustered: 'BarClustered',
      columnStacked: 'ColumnStacked',
    },
    ChartSeriesBy: { auto: 'Auto', columns: 'Columns', rows: 'Rows' },
  };
  const CustomFunctions = {
    associate(
      id: string | Record<string, (...args: unknown[]) => unknown>,
      fn?: (...args: unknown[]) => unknown,
    ): void {
      if (typeof id === 'string') {
        if (fn) associated.set(id.toUpperCase(), fn);
      } else {
        for (const [k, f] of Object.entries(id)) associated.set(k.toUpperCase(), f);
      }
    },
    Error: class CustomFunctionsError extends Error {
      constructor(
        readonly code: string,
        message?: string,
      ) {
        super(message);
      }
    },
    ErrorCode: {
      invalidValue: '#VALUE!',
      notAvailable: '#N/A',
      divisionByZero: '#DIV/0!',
      invalidNumber: '#NUM!',
      nullReference: '#NULL!',
      invalidName: '#NAME?',
      invalidReference: '#REF!',
    },
  };
  const OfficeExtension = {
    Error: FakeOfficeError,
    ErrorCodes: { itemNotFound: 'ItemNotFound', accessDenied: 'AccessDenied' },
  };
  return {
    workbook,
    Office,
    Excel,
    CustomFunctions,
    OfficeExtension,
    associated,
    setDisplayLanguage(lang: string) {
      context.displayLanguage = lang;
      context.contentLanguage = lang;
    },
    setApiSupport(name: string, highest: string | null) {
      if (highest === null) apiCaps.delete(name);
      else apiCaps.set(name, highest);
    },
  };
}

/**
 * Installs the fake on a global object (`window` in the browser, `globalThis` in Node) and
 * exposes `__fakeWorkbook` and `__fakeOffice` for inspection.
 */
export function installFakeOffice(target: any, options: FakeOfficeOptions = {}): FakeOffice {
  const fake = createFakeOffice(options);
  target.Office = fake.Office;
  target.Excel = fake.Excel;
  target.CustomFunctions = fake.CustomFunctions;
  target.OfficeExtension = fake.OfficeExtension;
  target.__fakeWorkbook = fake.workbook;
  target.__fakeOffice = fake;
  return fake;
}
