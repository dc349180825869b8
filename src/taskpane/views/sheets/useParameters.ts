import { useCallback, useEffect, useRef, useState } from 'react';
import type { WorkbookGateway } from '../../host/types';
import {
  buildParameterPlan,
  checkParameterValue,
  defaultSets,
  deriveSet,
  MODEL_SET,
  parameterByKey,
  type ParameterSet,
  type SheetBasis,
} from '../../plans';
import { checkRatio, readTypedNumber } from '../../../core/input';
import type { ParameterSource } from '../../plans/parameterSource';
import { readParameterSource } from '../useParameterSource';
import { useShell } from '../../components/ShellContext';
import { t } from '../../i18n';
import type { Lang } from '../../../core/messages/types';

/** Workbook settings of the parameter view. */
export const SETS_KEY = 'sheets.parameterSets';
/** Workbook setting: the active set's name. */
export const ACTIVE_KEY = 'sheets.activeSet';

/** The form for a new set. */
export interface NewSetForm {
  name: string;
  ratio: string;
  basis: SheetBasis;
  source: string;
}

/**
 * Reads the new set's direct-hour ratio with the pane's one typed-number reader and checks it with
 * the one ratio check (74,73 typed for 0,7473 gets the clean suggestion), naming the field.
 * @returns The ratio, or undefined for a blank field.
 * @throws CalcError `notANumber`, `ratioAsPercent`, `ratioOutOfRange`.
 */
export function readNewSetRatio(text: string, lang: Lang): number | undefined {
  const argument = t(lang, 'sheets.params.new.ratio');
  const typed = readTypedNumber(text, lang, { argument });
  return typed === undefined ? undefined : checkRatio(typed, argument);
}

/** State and actions of the parameter view. */
export function useParameters(gateway: WorkbookGateway) {
  const shell = useShell();
  const shellRef = useRef(shell);
  shellRef.current = shell;
  const [sets, setSets] = useState<ParameterSet[]>(defaultSets);
  const [active, setActive] = useState<string>(MODEL_SET);
  const [form, setForm] = useState<NewSetForm>({ name: '', ratio: '', basis: 'bruto', source: '' });
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<
    { key: 'added' | 'written'; vars: Record<string, string | number> } | undefined
  >();

  // The sets travel with the workbook (custom XML part), so a colleague sees the same sets.
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const saved = await gateway.loadSetting<ParameterSet[]>(SETS_KEY);
        const savedActive = await gateway.loadSetting<string>(ACTIVE_KEY);
        // The workbook's sheet wins over the saved copy: a user may have edited its table or B4.
        let fromSheet: ParameterSource | undefined;
        try {
          fromSheet = await readParameterSource(gateway);
        } catch (e) {
          // Through a ref: the shell object changes with the language, which must not reload.
          if (live) shellRef.current.showError(e);
        }
        if (!live) return;
        const chosen = fromSheet ? fromSheet.sets : saved;
        if (chosen && chosen.length > 0) setSets(chosen);
        const activeName = fromSheet ? fromSheet.active : savedActive;
        if (activeName && (chosen ?? defaultSets()).some((x) => x.name === activeName)) setActive(activeName);
      } catch {
        // Shown by the shell's error bar (reporting gateway); keep the defaults.
      }
    })();
    return () => {
      live = false;
    };
  }, [gateway]);

  const addSet = useCallback(() => {
    shell.clearError();
    try {
      const base = sets.find((s) => s.name === active) ?? sets[0];
      const ratio = readNewSetRatio(form.ratio, shell.lang);
      // A blank ratio is reported by the parameter check with the text as typed.
      if (ratio === undefined) checkParameterValue(parameterByKey('directRatio'), form.name, form.ratio);
      const created = deriveSet(sets, base, form.name, {
        directRatio: {
          value: ratio,
          basis: form.basis,
          ...(form.source.trim() ? { source: form.source.trim() } : {}),
        },
      });
      setSets([...sets, created]);
      setActive(created.name);
      setForm({ name: '', ratio: '', basis: 'bruto', source: '' });
      setStatus({ key: 'added', vars: { name: created.name } });
    } catch (e) {
      setStatus(undefined);
      shell.showError(e);
    }
  }, [sets, active, form, shell]);

  const write = useCallback(async () => {
    shell.clearError();
    setBusy(true);
    try {
      const plan = buildParameterPlan(sets, active, shell.lang);
      await gateway.apply(plan);
      // What the sheet now holds: the user's edits in place (B4, values) are kept by the gateway.
      const now = await readParameterSource(gateway).catch(() => undefined);
      const keptSets = now?.sets ?? sets;
      const keptActive = now?.active ?? active;
      setSets(keptSets);
      setActive(keptActive);
      await gateway.saveSetting(SETS_KEY, keptSets);
      await gateway.saveSetting(ACTIVE_KEY, keptActive);
      setStatus({ key: 'written', vars: { count: keptSets.length, active: keptActive } });
    } catch (e) {
      setStatus(undefined);
      // Gateway errors are already on the error bar; plan errors (CalcError) are shown here.
      shell.showError(e);
    } finally {
      setBusy(false);
    }
  }, [gateway, sets, active, shell]);

  return { sets, active, setActive, form, setForm, addSet, write, busy, status };
}
