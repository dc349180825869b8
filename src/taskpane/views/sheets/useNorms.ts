import { useCallback, useEffect, useRef, useState } from 'react';
import {
  fictitiousVersionIssue,
  hasErrors,
  isFictitiousVersion,
  realNormVersion,
  mergeNormVersions,
  normVersions,
  validateNormRange,
  type Issue,
  type NormRow,
  type RangeInput,
} from '../../../core/norms';
import type { Lang } from '../../../core/messages/types';
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

/** The version label of real norms until the user types another. */
export const DEFAULT_NORM_VERSION = '2021';

/** What was read and checked, waiting to be written. */
export interface NormReading {
  source: string;
  version: string;
  rows: NormRow[];
  issues: Issue[];
  illustrative: boolean;
}

/** State and actions of the norm-time view. */
export function useNorms(gateway: WorkbookGateway, lang: Lang = 'nl') {
  const shell = useShell();
  const [version, setVersion] = useState(DEFAULT_NORM_VERSION);
  // The last version label that belongs to real norms: what the field returns to after the
  // example (whose label "fictief 2021" must never travel to real norms).
  const realVersion = useRef(DEFAULT_NORM_VERSION);
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
        if (saved?.version && !isFictitiousVersion(saved.version)) {
          realVersion.current = saved.version;
          setVersion(saved.version);
        }
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
      const source = illustrative ? range.sheet : `${range.sheet}!${range.address}`;
      const lie = fictitiousVersionIssue(v, illustrative, source);
      const res = lie ? { rows: [], issues: [lie] } : validateNormRange(range, v);
      setReading({ source, version: v, rows: res.rows, issues: res.issues, illustrative });
      setAcknowledged(false);
      setWritten(undefined);
      const err = firstError(res.issues);
      if (err) shell.showError(err);
      else shell.clearError();
    },
    [shell],
  );

  /**
   * The version for real norms: after the example, the field's fictitious label is reset to the
   * last real version (shown in the field), so real norms never get the example's label.
   */
  const versionForReal = useCallback((): string => {
    const v = realNormVersion(version, realVersion.current);
    if (v !== version) setVersion(v);
    else if (v.trim() !== '') realVersion.current = v;
    return v;
  }, [version]);

  const fromSelection = useCallback(async () => {
    setBusy(true);
    try {
      const sel = await gateway.readSelection();
      check({ sheet: sel.sheet, address: sel.address, values: sel.values }, false, versionForReal());
    } catch {
      setReading(undefined);
    } finally {
      setBusy(false);
    }
  }, [gateway, versionForReal, check]);

  const fromTable = useCallback(async () => {
    if (!table) return;
    setBusy(true);
    try {
      const data = await gateway.readTable(table);
      check(
        { sheet: data.sheet, address: data.address, values: [data.headers, ...data.rows] },
        false,
        versionForReal(),
      );
    } catch {
      setReading(undefined);
    } finally {
      setBusy(false);
    }
  }, [gateway, table, versionForReal, check]);

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
        buildNormTablePlan(merged, { source: reading.source, illustrative: reading.illustrative, lang }),
      );
      await gateway.saveSetting(NORM_SOURCE_KEY, { source: reading.source, version: reading.version });
      setWritten({ count: merged.length, versions: normVersions(merged).join(', ') });
    } catch {
      // The reporting gateway has put the error on the error bar; nothing was written.
    } finally {
      setBusy(false);
    }
  }, [gateway, reading, canWrite, shell, lang]);

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
