/**
 * State and actions of the "Nacalculatie" view: pick the budget and realisation tables, set the
 * period, ledger total and thresholds, then read, validate, carry open actions over from the
 * previous period's action table and write everything in one batch. Any bad input stops the
 * action before the write, so nothing is half-written.
 */
import { CalcError } from '../../../core/errors';
import { useCallback, useRef, useState } from 'react';
import { usePaneState } from '../../components/paneState';
import {
  actionTableName,
  carryOverOpenActions,
  defaultPeriod,
  tertaalOf,
  parseActualTable,
  parseBudgetTable,
  periodSlug,
  previousActionTable,
  selectMaterial,
  type ActionRow,
  type Reconciliation,
} from '../../../core/funding';
import type { Lang } from '../../../core/messages/types';
import { useShell } from '../../components/ShellContext';
import type { TableInfo, WorkbookGateway } from '../../host/types';
import { t } from '../../i18n';
import {
  EXAMPLE_ACTUAL_TABLE,
  EXAMPLE_BUDGET_TABLE,
  EXAMPLE_LEDGER,
  EXAMPLE_MATERIALITY,
} from '../../plans/funding/examples';
import { buildExampleInputPlan } from '../../plans/funding/exampleInputPlan';
import { buildReconciliationPlan } from '../../plans/funding/reconciliationPlan';
import {
  checkFraction,
  checkNonNegative,
  fieldText as numberText,
  readTypedNumber,
} from '../../../core/input';

/** The period of today as a four-month label (*tertaal*), e.g. 2026-T2. */
export function currentTertaal(now: Date = new Date()): string {
  return tertaalOf(now);
}

/** The typed fields of the view, as the user typed them. */
export interface ReconciliationFields {
  ledger: string;
  euro: string;
  percent: string;
}

/**
 * Reads the typed fields with the pane's one typed-number reader and checks them with the one
 * set of checks, naming each field by its label. Blank fields are undefined (not used).
 * @throws CalcError `notANumber`, `negativeValue`, `ratioAsPercent`, `fractionOutOfRange`.
 */
export function readReconciliationFields(
  fields: ReconciliationFields,
  lang: Lang,
): { ledger?: number; euro?: number; percent?: number } {
  const label = (key: keyof ReconciliationFields): string => t(lang, `funding.recon.${key}`);
  const read = (key: keyof ReconciliationFields): number | undefined =>
    readTypedNumber(fields[key], lang, { argument: label(key) });
  const ledger = read('ledger');
  const euro = read('euro');
  const percent = read('percent');
  return {
    ...(ledger === undefined ? {} : { ledger }),
    ...(euro === undefined ? {} : { euro: checkNonNegative(euro, label('euro')) }),
    ...(percent === undefined ? {} : { percent: checkFraction(percent, label('percent')) }),
  };
}

/** What the last run produced, for the pane's summary. */
export interface ReconciliationOutcome {
  result: Reconciliation;
  material: number;
  actionTable: string;
  actions: ActionRow[];
  carried: number;
  carriedFrom?: string;
  actionTableExisted: boolean;
}

/** What the view renders and does. */
export interface ReconciliationState {
  tables: TableInfo[];
  budgetTable: string;
  actualTable: string;
  setBudgetTable: (name: string) => void;
  setActualTable: (name: string) => void;
  period: string;
  setPeriod: (p: string) => void;
  ledger: string;
  setLedger: (v: string) => void;
  euro: string;
  setEuro: (v: string) => void;
  percent: string;
  setPercent: (v: string) => void;
  outcome?: ReconciliationOutcome;
  busy: boolean;
  refresh: () => Promise<TableInfo[]>;
  insertExample: () => Promise<void>;
  run: () => Promise<void>;
}

/** The "Nacalculatie" view's state. */
export function useReconciliation(gateway: WorkbookGateway, lang: Lang): ReconciliationState {
  const shell = useShell();
  const [tables, setTables] = useState<TableInfo[]>([]);
  const [budgetTable, setBudgetTable] = usePaneState('recon.budgetTable', '');
  const [actualTable, setActualTable] = usePaneState('recon.actualTable', '');
  const [period, setPeriodState] = usePaneState('recon.period', () => currentTertaal());
  // Until the user picks a period, the default follows the data (the action tables present).
  const periodChosen = useRef(false);
  const setPeriod = useCallback(
    (p: string) => {
      periodChosen.current = true;
      setPeriodState(p);
    },
    [setPeriodState],
  );
  const [ledger, setLedger] = usePaneState('recon.ledger', '');
  const [euro, setEuro] = usePaneState('recon.euro', '');
  const [percent, setPercent] = usePaneState('recon.percent', '');
  const [outcome, setOutcome] = useState<ReconciliationOutcome | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    try {
      const list = await gateway.listTables();
      setTables(list);
      if (!periodChosen.current)
        setPeriodState(
          defaultPeriod(
            list.map((x) => x.name),
            new Date(),
          ),
        );
      return list;
    } catch (e) {
      shell.showError(e);
      return [];
    }
  }, [gateway, shell]);

  const insertExample = useCallback(async () => {
    setBusy(true);
    try {
      await gateway.apply(buildExampleInputPlan(lang));
      const list = await gateway.listTables();
      setTables(list);
      setBudgetTable(EXAMPLE_BUDGET_TABLE);
      setActualTable(EXAMPLE_ACTUAL_TABLE);
      setLedger(numberText(EXAMPLE_LEDGER, lang));
      setEuro(numberText(EXAMPLE_MATERIALITY.euro, lang));
      setPercent(numberText(EXAMPLE_MATERIALITY.percent, lang));
    } catch (e) {
      shell.showError(e);
    } finally {
      setBusy(false);
    }
  }, [gateway, lang, shell]);

  const run = useCallback(async () => {
    setBusy(true);
    try {
      // Everything the user typed is checked before the workbook is read or written.
      const p = period.trim();
      periodSlug(p);
      const typed = readReconciliationFields({ ledger, euro, percent }, lang);
      const ledgerValue = typed.ledger;
      const euroValue = typed.euro;
      const pctValue = typed.percent;
      if (!budgetTable || !actualTable) throw new CalcError('paneNeedTables');

      const [b, a, list] = await Promise.all([
        gateway.readTable(budgetTable),
        gateway.readTable(actualTable),
        gateway.listTables(),
      ]);
      const budget = parseBudgetTable(
        [b.headers, ...b.rows],
        `${t(lang, 'funding.recon.budgetTable')} ${b.name}`.trim(),
      );
      const actual = parseActualTable(
        [a.headers, ...a.rows],
        `${t(lang, 'funding.recon.actualTable')} ${a.name}`.trim(),
      );
      const names = list.map((x) => x.name);
      const exists = names.includes(actionTableName(p));
      const prev = exists ? undefined : previousActionTable(names, p);
      let carried: ActionRow[] = [];
      if (prev) {
        const prevTable = await gateway.readTable(prev);
        carried = carryOverOpenActions(prev, prevTable.headers, prevTable.rows);
      }
      const materiality = {
        ...(euroValue === undefined ? {} : { euro: euroValue }),
        ...(pctValue === undefined ? {} : { percent: pctValue }),
      };
      const built = buildReconciliationPlan({
        period: p,
        budget,
        actual,
        ledger: ledgerValue,
        materiality,
        carried,
        carriedFrom: prev,
        actionTableExists: exists,
        lang,
      });
      await gateway.apply(built.plan);
      setTables(await gateway.listTables());
      setOutcome({
        result: built.result,
        material: selectMaterial(built.result, materiality).length,
        actionTable: built.layout.actionTable,
        actions: built.actions,
        carried: carried.length,
        carriedFrom: prev,
        actionTableExisted: exists,
      });
    } catch (e) {
      shell.showError(e);
    } finally {
      setBusy(false);
    }
  }, [actualTable, budgetTable, euro, gateway, lang, ledger, percent, period, shell]);

  return {
    tables,
    budgetTable,
    actualTable,
    setBudgetTable,
    setActualTable,
    period,
    setPeriod,
    ledger,
    setLedger,
    euro,
    setEuro,
    percent,
    setPercent,
    outcome,
    busy,
    refresh,
    insertExample,
    run,
  };
}
