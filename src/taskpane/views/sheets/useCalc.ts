import { useCallback, useEffect, useState } from 'react';
import { hasErrors, normVersions, type Issue } from '../../../core/norms';
import { useShell } from '../../components/ShellContext';
import type { TableInfo, WorkbookGateway } from '../../host/types';
import {
  buildCalcSheetPlan,
  buildExampleVolumePlan,
  EXAMPLE_VOLUME_TABLE,
  MODEL_SET,
  NORM_TABLE,
  normRowsFromTable,
  PARAMETER_TABLE,
} from '../../plans';
import { firstError } from './issues';
import { ACTIVE_KEY } from './useParameters';
import { readParameterSource } from '../useParameterSource';
import { calcPreview, type CalcPreview } from './calcPreview';

/** Workbook setting: the volume table and norm version last used for the calculation sheet. */
export const CALC_KEY = 'sheets.calc';

/** State and actions of the calculation-sheet view. */
export function useCalc(gateway: WorkbookGateway) {
  const shell = useShell();
  const [tables, setTables] = useState<TableInfo[]>([]);
  const [volume, setVolume] = useState('');
  const [versions, setVersions] = useState<string[]>([]);
  const [version, setVersion] = useState('');
  const [grossUp, setGrossUp] = useState(true);
  const [activeSet, setActiveSet] = useState(MODEL_SET);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<{ products: number; periods: number } | undefined>();
  const [preview, setPreview] = useState<CalcPreview | undefined>();
  const [previewTick, setPreviewTick] = useState(0);

  const refresh = useCallback(
    async (prefer?: string) => {
      const list = await gateway.listTables();
      const saved = await gateway.loadSetting<{ volume: string; version: string }>(CALC_KEY);
      const active = await gateway.loadSetting<string>(ACTIVE_KEY);
      const candidates = list.filter((x) => x.name !== NORM_TABLE && x.name !== PARAMETER_TABLE);
      setTables(candidates);
      // The active set is B4 of the parameter sheet (the one source), else the pane's last choice.
      const source = await readParameterSource(gateway).catch(() => undefined);
      setActiveSet(source?.active ?? active ?? MODEL_SET);
      const pick = [prefer, saved?.volume].find((n) => n && candidates.some((c) => c.name === n));
      setVolume(
        (cur) => pick ?? (candidates.some((c) => c.name === cur) ? cur : (candidates[0]?.name ?? '')),
      );
      if (list.some((x) => x.name === NORM_TABLE)) {
        const norms = normRowsFromTable(await gateway.readTable(NORM_TABLE));
        const vs = normVersions(norms.rows);
        setVersions(vs);
        setVersion((cur) =>
          vs.includes(cur)
            ? cur
            : saved?.version && vs.includes(saved.version)
              ? saved.version
              : (vs[0] ?? ''),
        );
      } else {
        setVersions([]);
        setVersion('');
      }
      setPreviewTick((n) => n + 1);
    },
    [gateway],
  );

  useEffect(() => {
    refresh().catch(() => undefined); // errors are on the shell's error bar
  }, [refresh]);

  // The key figures the sheet will compute, from the same tables and parameters (one read each).
  useEffect(() => {
    let live = true;
    if (!volume || !version) {
      setPreview(undefined);
      return;
    }
    void (async () => {
      try {
        const [vol, normTable, source] = await Promise.all([
          gateway.readTable(volume),
          gateway.readTable(NORM_TABLE),
          readParameterSource(gateway),
        ]);
        const norms = normRowsFromTable(normTable);
        const p = hasErrors(norms.issues)
          ? undefined
          : calcPreview(vol, norms.rows, version, source, grossUp);
        if (live) setPreview(p);
      } catch {
        if (live) setPreview(undefined); // "Rekenblad maken" reports the problem
      }
    })();
    return () => {
      live = false;
    };
  }, [gateway, volume, version, grossUp, previewTick]);

  const writeExampleVolumes = useCallback(async () => {
    setBusy(true);
    try {
      await gateway.apply(buildExampleVolumePlan());
      await refresh(EXAMPLE_VOLUME_TABLE);
    } catch {
      // On the error bar already.
    } finally {
      setBusy(false);
    }
  }, [gateway, refresh]);

  const make = useCallback(async () => {
    if (!volume || !version) return;
    setBusy(true);
    setMade(undefined);
    try {
      const vol = await gateway.readTable(volume);
      const normRead = normRowsFromTable(await gateway.readTable(NORM_TABLE));
      // A broken norm table is reported as such, not as missing codes.
      const found = hasErrors(normRead.issues)
        ? { plan: null, issues: normRead.issues, layout: null }
        : buildCalcSheetPlan({
            volume: vol,
            norms: normRead.rows,
            version,
            grossUpExtra: grossUp,
            lang: shell.lang,
          });
      setIssues(found.issues);
      if (!found.plan || !found.layout) {
        shell.showError(firstError(found.issues));
        return;
      }
      shell.clearError();
      await gateway.apply(found.plan);
      await gateway.saveSetting(CALC_KEY, { volume, version });
      setMade({ products: found.layout.products, periods: found.layout.periods });
    } catch {
      // On the error bar already; nothing was written.
    } finally {
      setBusy(false);
    }
  }, [gateway, volume, version, grossUp, shell]);

  return {
    tables,
    volume,
    setVolume,
    versions,
    version,
    setVersion,
    grossUp,
    setGrossUp,
    activeSet,
    preview,
    issues,
    busy,
    made,
    refresh,
    writeExampleVolumes,
    make,
  };
}
