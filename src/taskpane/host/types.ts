/**
 * The typed gateway between the task pane and the workbook. Views never touch `Excel`:
 * they read through a `WorkbookGateway` and describe what to write as a pure `WritePlan`.
 * The Office.js implementation (`excelGateway.ts`) applies a plan in one batch with a
 * constant number of `context.sync` calls, whatever the number of rows.
 *
 * Owner of this contract: the task-pane shell. Other views depend on it; extend it
 * compatibly (add optional fields) rather than changing existing ones.
 */

/** A cell value as Office.js reports and accepts it. Formulas are strings starting with '='. */
export type CellValue = string | number | boolean | null;

/** Cells read from the workbook. */
export interface RangeData {
  sheet: string;
  /** Address without sheet, e.g. 'B2:F40'. */
  address: string;
  values: CellValue[][];
  formulas?: string[][];
}

/** A table (ListObject) in the workbook. */
export interface TableInfo {
  name: string;
  sheet: string;
  /** Address of the whole table including the header row, without sheet. */
  address: string;
  headers: string[];
  rowCount: number;
}

/** A table with its data rows. */
export interface TableData extends TableInfo {
  rows: CellValue[][];
}

/** Visual role of a block, mapped to formats by the gateway (no raw colours in views). */
export type BlockStyle = 'title' | 'header' | 'input' | 'output' | 'note' | 'check';

/** A rectangular block of cells on a sheet. */
export interface CellBlock {
  /** Top-left cell, e.g. 'A1'. The size follows from `cells`. */
  at: string;
  /** Each cell: a formula (string starting with '='), a constant, or null for blank. */
  cells: CellValue[][];
  /** One number format for the whole block, or one per cell (Excel's invariant format codes). */
  numberFormat?: string | string[][];
  style?: BlockStyle;
  /**
   * An in-cell drop-down for every cell of the block: an Excel list source, either the values
   * separated by commas ("Model 2021,Gemeten A&B 2021") or a reference ("=$A$2:$A$5").
   */
  validation?: { list: string };
  /**
   * Cells a user is meant to edit although not styled `input` (e.g. a note column). Blocks
   * styled `input` are editable anyway. A user's edit of an editable cell never makes the sheet
   * the user's, and a rewrite keeps the user's value (see `cells.ts`).
   */
  editable?: boolean;
}

/** An Excel table to create. The header row is at `at`; rows follow. */
export interface TablePlan {
  name: string;
  at: string;
  headers: string[];
  /** Rows of constants and/or formulas (structured references are allowed). */
  rows: CellValue[][];
  /** Number format per column (null = leave General). */
  columnFormats?: (string | null)[];
  /** Headers of the columns whose data cells a user is meant to edit (parameter values, sources). */
  inputColumns?: string[];
}

/** A workbook-scoped defined name. */
export interface NamePlan {
  /** e.g. 'IND_UrenPerFte'. */
  name: string;
  /** A formula reference, e.g. "='IND Parameters'!$C$5". */
  ref: string;
  comment?: string;
}

/** A chart to add. */
export interface ChartPlan {
  /** Excel.ChartType value, e.g. 'Line', 'ColumnClustered', 'Waterfall'. */
  type: string;
  title: string;
  /** Source data address on the same sheet, e.g. 'A4:C17'. */
  source: string;
  seriesBy?: 'Columns' | 'Rows';
  /** Top-left cell where the chart is placed. */
  at: string;
  /** Optional bottom-right cell. */
  to?: string;
}

/** One sheet written by the pane. */
export interface SheetPlan {
  /** Requested sheet name; the gateway may write to a new name if the user edited ours. */
  name: string;
  blocks: CellBlock[];
  tables?: TablePlan[];
  charts?: ChartPlan[];
  /** Column widths in points, by column letter. */
  columnWidths?: Record<string, number>;
  /** Freeze this many top rows. */
  freezeRows?: number;
}

/** Everything one user action writes, applied in one batch. */
export interface WritePlan {
  /** The action for the change report, e.g. 'Rekenblad maken'. */
  action: string;
  sheets: SheetPlan[];
  names?: NamePlan[];
}

/** One line of the change report shown to the user after an action. */
export interface ChangeEntry {
  sheet: string;
  /** Address of what was written, e.g. 'A1:H40'. */
  range: string;
  description: string;
}

/** A sheet written under another name, and why. */
export interface Redirect {
  requested: string;
  actual: string;
  /**
   * Why (absent for sheets the pane wrote before it kept cell roles): 'computed' a computed cell
   * was edited (`cell`), 'layout' a table or chart was changed, 'note' the user's content sits in
   * `cell` where the new plan writes, 'foreign' the sheet is not the pane's.
   */
  cause?: 'computed' | 'layout' | 'note' | 'foreign';
  cell?: string;
}

/** What an applied plan changed. */
export interface WriteReport {
  changes: ChangeEntry[];
  /** Sheets written under another name because the user had edited the pane's sheet. */
  redirected: Redirect[];
  /**
   * What the host could not do as planned and what was done instead (e.g. a chart type this
   * Excel lacks, see `requirements.ts`), for a warning above the change list. Absent when none.
   */
  notices?: string[];
}

/** What `readSources` should read: single-cell defined names and tables, in one action. */
export interface SourcesRequest {
  names?: string[];
  tables?: string[];
}

/** What `readSources` found; a missing name or table is absent (never an error). */
export interface SourcesData {
  /** Value of the top-left cell each name refers to (computed values, not formulas). */
  names: Record<string, CellValue>;
  tables: Record<string, TableData>;
}

/** The only way views reach the workbook. */
export interface WorkbookGateway {
  /** Applies a plan in one batch; never overwrites cells the pane did not create. */
  apply(plan: WritePlan): Promise<WriteReport>;
  /** The current selection with its values. */
  readSelection(): Promise<RangeData>;
  /** All tables in the workbook. */
  listTables(): Promise<TableInfo[]>;
  /** One table with its rows. */
  readTable(name: string): Promise<TableData>;
  /**
   * Optional: reads named cells and tables in one `Excel.run` with two `context.sync` calls,
   * whatever their number (e.g. the active parameter set `IND_ActieveSet` and `IND_Parameters`).
   */
  readSources?(request: SourcesRequest): Promise<SourcesData>;
  /** A workbook-stored setting (custom XML part), shared with every user of the file. */
  loadSetting<T>(key: string): Promise<T | undefined>;
  saveSetting<T>(key: string, value: T): Promise<void>;
  /**
   * Optional: the language of the change descriptions in later `WriteReport`s (default nl).
   * The shell calls it when the user switches language; views need not.
   */
  setLanguage?(lang: 'nl' | 'en'): void;
}
