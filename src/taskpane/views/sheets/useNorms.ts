import { useCallback, useEffect, useState } from 'react';
import {
  hasErrors,
  mergeNormVersions,
  normVersions,
  validateNormRange,
  type Issue,
  type NormRow,
  type RangeInput,
} from '../../../core/norms';
import { useShell } from '../../components/ShellContext';
import type { TableInfo, WorkbookGateway } from '../../host/types';
import {
  buildNormTablePlan,
  EXAMPLE_NORM_VERSION,
  exampleNormRange,
  NORM_TABLE,
  normRowsFromTable,
} from '../../plans';
import { firstError } from './issues';

/** Workbook setting: where norms were last read from, and the version used. */
export const NORM_SOURCE_KEY = 'sheets.normSource';

/** What was read and checked, waiting to be written. */
export interface NormReading {
  source: string;
  version: string;
  rows: NormRow[];
  issues: Issue[];
  illustrative: boolean;
}

/** State and actions of the norm-time view. */
export function useNorms(gateway: WorkbookGateway) {
  const shell = useShell();
  const [version, setVersion] = useState('2021');
  const [tables, setTables] = useState<TableInfo[]>([]);
  const [table, setTable] = useState('');
  const [reading, setReading] = useState<NormReading | undefined>();
  const [acknowledged, setAcknowledged] = useState(false);
  const [busy, setBusy] = useState(false);
  const [written, setWritten] = useState<{ count: number; versions: string } | undefined>();

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const saved = await gateway.loadSetting<{ source: string; version: string }>(NORM_SOURCE_KEY);
        const list = await gateway.listTables();
        if (!live) return;
        if (saved?.version) setVersion(saved.version);
        const others = list.filter((x) => x.name !== NORM_TABLE);
        setTables(others);
        setTable((cur) => cur || (others[0]?.name ?? ''));
      } catch {
        // Shown by the shell's error bar.
      }
    })();
    return () => {
      live = false;
    };
  }, [gateway]);

  const check = useCallback(
    (range: RangeInput, illustrative: boolean, v: string) => {
      const res = validateNormRange(range, v);
      const source = illustrative ? range.sheet : `${range.sheet}!${range.address}`;
      setReading({ source, version: v, rows: res.rows, issues: res.issues, illustrative });
      setAcknowledged(false);
      setWritten(undefined);
      const err = firstError(res.issues);
      if (err) shell.showError(err);
      else shell.clearError();
    },
    [shell],
  );

  const fromSelection = useCallback(async () => {
    setBusy(true);
    try {
      const sel = await gateway.readSelection();
      check({ sheet: sel.sheet, address: sel.address, values: sel.values }, false, version);
    } catch {
      setReading(undefined);
    } finally {
      setBusy(false);
    }
  }, [gateway, version, check]);

  const fromTable = useCallback(async () => {
    if (!table) return;
    setBusy(true);
    try {
      const data = await gateway.readTable(table);
      check(
        { sheet: data.sheet, address: data.address, values: [data.headers, ...data.rows] },
        false,
        version,
      );
    } catch {
      setReading(undefined);
    } finally {
      setBusy(false);
    }
  }, [gateway, table, version, check]);

  const fromExample = useCallback(() => {
    setVersion(EXAMPLE_NORM_VERSION);
    check(exampleNormRange(), true, EXAMPLE_NORM_VERSION);
  }, [check]);

  const canWrite =
    reading !== undefined &&
    reading.rows.length > 0 &&
    !hasErrors(reading.issues) &&
    (acknowledged || reading.issues.length === 0);

  const write = useCallback(async () => {
    if (!reading || !canWrite) return;
    setBusy(true);
    try {
      // Other versions already in the workbook stay side by side; this version is replaced.
      const list = await gateway.listTables();
      let existing: NormRow[] = [];
      if (list.some((x) => x.name === NORM_TABLE)) {
        const current = normRowsFromTable(await gateway.readTable(NORM_TABLE));
        if (hasErrors(current.issues)) {
          setReading({ ...reading, issues: current.issues });
          shell.showError(firstError(current.issues));
          return;
        }
        existing = current.rows;
      }
      const merged = mergeNormVersions(existing, reading.rows);
      await gateway.apply(
        buildNormTablePlan(merged, { source: reading.source, illustrative: reading.illustrative }),
      );
      await gateway.saveSetting(NORM_SOURCE_KEY, { source: reading.source, version: reading.version });
      setWritten({ count: merged.length, versions: normVersions(merged).join(', ') });
    } catch {
      // The reporting gateway has put the error on the error bar; nothing was written.
    } finally {
      setBusy(false);
    }
  }, [gateway, reading, canWrite, shell]);

  return {
    version,
    setVersion,
    tables,
    table,
    setTable,
    reading,
    acknowledged,
    setAcknowledged,
    busy,
    written,
    canWrite,
    fromSelection,
    fromTable,
    fromExample,
    write,
  };
}
