/**
 * The shipped illustrative (*fictief*) examples of the funding views
 * (`assets/examples/funding/*.json`), bundled so that the pane needs no network. The review
 * publishes no norm minutes per product: every figure here is invented and labelled so.
 */
import products from '../../../../assets/examples/funding/producten-fictief.json';
import budget from '../../../../assets/examples/funding/begroting-fictief.json';
import actual from '../../../../assets/examples/funding/realisatie-fictief.json';
import type { CellValue } from '../../host/types';

/** Product table cells (header + rows) of the funding example. */
export const EXAMPLE_PRODUCTS: CellValue[][] = products.cells;
/** The funding example's parameters. */
export const EXAMPLE_FUNDING_PARAMS = products.params;
/** Budget table cells of the reconciliation example. */
export const EXAMPLE_BUDGET: CellValue[][] = budget.cells;
/** Realisation table cells of the reconciliation example. */
export const EXAMPLE_ACTUAL: CellValue[][] = actual.cells;
/** Ledger total and thresholds of the reconciliation example. */
export const EXAMPLE_LEDGER: number = actual.ledger;
export const EXAMPLE_MATERIALITY: { euro: number; percent: number } = actual.materiality;

/** Sheet and table names of the example input tables the reconciliation view can insert. */
export const EXAMPLE_INPUT_SHEET = 'IND Nacalculatie invoer';
export const EXAMPLE_BUDGET_TABLE = 'IND_Nac_Begroting_Voorbeeld';
export const EXAMPLE_ACTUAL_TABLE = 'IND_Nac_Realisatie_Voorbeeld';
