/**
 * Shape helpers shared by the adapters: same-size checks with messages naming both sizes, and
 * element-wise broadcasting of a 1 × 1 argument over a range.
 */
import { CalcError, isCalcError } from '../core/errors';
import { shapeOf, type NumberGrid, type Shape } from '../core/validate';

/** True for one column or one row. */
function isLine(s: Shape): boolean {
  return s.rows === 1 || s.columns === 1;
}

/**
 * Checks two raw range arguments have the same size. Two lines (columns or rows) compare by
 * length: "volumes heeft 12 rijen, normMinutes 11". Blocks compare rows × columns.
 */
export function checkSameSize(a: unknown, nameA: string, b: unknown, nameB: string): void {
  const sa = shapeOf(a);
  const sb = shapeOf(b);
  if (isLine(sa) && isLine(sb)) {
    const la = sa.rows * sa.columns;
    const lb = sb.rows * sb.columns;
    if (la !== lb)
      throw new CalcError('lengthMismatch', { argument: nameA, rows: la, other: nameB, otherRows: lb });
    return;
  }
  if (sa.rows !== sb.rows || sa.columns !== sb.columns) {
    throw new CalcError('shapeMismatch', {
      argument: nameA,
      rows: sa.rows,
      columns: sa.columns,
      other: nameB,
      otherRows: sb.rows,
      otherColumns: sb.columns,
    });
  }
}

/**
 * The common shape of element-wise arguments: each must be 1 × 1 or equal to the largest.
 *
 * @throws CalcError `shapeMismatch` naming the first argument that does not fit.
 */
export function broadcastShape(grids: readonly NumberGrid[], names: readonly string[]): Shape {
  let target: Shape = { rows: 1, columns: 1 };
  let targetName = names[0];
  for (let k = 0; k < grids.length; k++) {
    if (grids[k].rows * grids[k].columns > target.rows * target.columns) {
      target = { rows: grids[k].rows, columns: grids[k].columns };
      targetName = names[k];
    }
  }
  for (let k = 0; k < grids.length; k++) {
    const g = grids[k];
    const scalar = g.rows === 1 && g.columns === 1;
    if (!scalar && (g.rows !== target.rows || g.columns !== target.columns)) {
      throw new CalcError('shapeMismatch', {
        argument: names[k],
        rows: g.rows,
        columns: g.columns,
        other: targetName,
        otherRows: target.rows,
        otherColumns: target.columns,
      });
    }
  }
  return target;
}

/** Cell i (row-major in the target shape) of a grid that is either 1 × 1 or the target shape. */
export function at(g: NumberGrid, i: number): number {
  return g.data.length === 1 ? g.data[0] : g.data[i];
}

/**
 * Builds a spill of `shape` from `cell(i, row)` (i row-major, row 1-based). One-column spills use
 * array literals: `new Array(1)` + push per row is several times slower on a million rows.
 */
export function buildGrid<T>(shape: Shape, cell: (i: number, row: number) => T): T[][] {
  const out = new Array<T[]>(shape.rows);
  if (shape.columns === 1) {
    for (let r = 0; r < shape.rows; r++) out[r] = [cell(r, r + 1)];
    return out;
  }
  for (let r = 0, i = 0; r < shape.rows; r++) {
    const row = new Array<T>(shape.columns);
    for (let c = 0; c < shape.columns; c++, i++) row[c] = cell(i, r + 1);
    out[r] = row;
  }
  return out;
}

/**
 * Runs a scalar core function for cell (row, column) of a range argument and, when its check
 * fails without saying where, adds the cell to the error: the core checks, the adapter only says
 * which cell it was working on. No cost on the happy path.
 */
export function atCell<T>(row: number, column: number, body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (isCalcError(e) && e.details.row === undefined)
      throw new CalcError(e.code, { ...e.details, row, column });
    throw e;
  }
}
