/**
 * Minimal typings for the parts of fast-formula-parser (MIT, no bundled types) that the CLI uses.
 * Only what `evaluate.ts` touches is declared, so a parser upgrade that changes these shapes
 * fails the type check here instead of at run time.
 */
declare module 'fast-formula-parser' {
  /** An Excel error value (`#VALUE!`, `#N/A`, ...) or a parse error (`#ERROR!`). */
  export class FormulaError extends Error {
    constructor(error: string, msg?: string, details?: unknown);
    readonly error: string;
    details?: unknown;
    static readonly VALUE: FormulaError;
    static readonly NA: FormulaError;
    static readonly NUM: FormulaError;
    static readonly DIV0: FormulaError;
    static readonly NAME: FormulaError;
    static readonly NULL: FormulaError;
    static readonly REF: FormulaError;
  }

  /** What the parser passes a function for each argument. */
  export interface ParserArg {
    value: unknown;
    isArray: boolean;
    isRangeRef?: boolean;
    isCellRef?: boolean;
    omitted?: boolean;
  }

  export interface ParserConfig {
    functions?: Record<string, (...args: any[]) => unknown>;
    functionsNeedContext?: Record<string, (...args: any[]) => unknown>;
    onVariable?: (name: string, sheet?: string) => unknown;
    onCell?: (ref: { sheet?: string; row: number; col: number }) => unknown;
    onRange?: (ref: unknown) => unknown;
  }

  export default class FormulaParser {
    constructor(config?: ParserConfig);
    functions: Record<string, (...args: any[]) => unknown>;
    funsNeedContext: string[];
    funsNeedContextAndNoDataRetrieve: string[];
    funsNullAs0: string[];
    utils: any;
    parse(
      text: string,
      position: { row: number; col: number; sheet: string },
      allowReturnArray?: boolean,
    ): unknown;
    parseAsync(
      text: string,
      position: { row: number; col: number; sheet: string },
      allowReturnArray?: boolean,
    ): Promise<unknown>;
    static FormulaError: typeof FormulaError;
  }
}
