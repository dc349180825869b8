/**
 * State and actions of the "Financiering" view: read the product table from the selection or
 * the example, edit the parameters, calculate in the pure core, and write the live sheet in
 * one batch. Bad input is shown in the shell's error bar and nothing is written.
 */
import { CalcError } from '../../../core/errors';
import { useCallback, useMemo, useState } from 'react';
import { usePaneState, usePaneStateLoaded } from '../../components/paneState';
import { parseProductTable, type FundingComparison, type ProductRow } from '../../../core/funding';
import type { Lang } from '../../../core/messages/types';
import { DIRECT_RATIO_GROSS_MEASURED } from '../../../core/params/measured2021';
import { DIRECT_RATIO_MODEL, FIXED_SHARE_EY, HOURS_PER_FTE } from '../../../core/params/model2021';
import { useShell } from '../../components/ShellContext';
import type { WorkbookGateway } from '../../host/types';
import { t, type StringKey } from '../../i18n';
import { EXAMPLE_FUNDING_PARAMS, EXAMPLE_PRODUCTS } from '../../plans/funding/examples';
import {
  buildFundingPlan,
  linkedFundingValues,
  type FundingPlanInput,
} from '../../plans/funding/fundingPlan';
import { setValue, type ParameterSource } from '../../plans/parameterSource';
import { readParameterSource } from '../useParameterSource';
import {
  checkFraction,
  checkNonNegative,
  checkPositive,
  checkRatio,
  fieldText as numberText,
  readTypedNumber,
  requireTypedNumber,
} from '../../../core/input';
import { msg, type Status } from '../../i18n/message';

/** The pane's parameter fields, in display order. */
export const FUNDING_FIELDS = [
  'lumpsum',
  'floor',
  'cap',
  'share',
  'labelA',
  'ratioA',
  'labelB',
  'ratioB',
  'weeks',
  'hoursPerFte',
  'extraFte',
  'staff',
  'capCost',
  'capOverhead',
] as const;
export type FundingField = (typeof FUNDING_FIELDS)[number];

/** The string key of each field's label. */
export const FUNDING_FIELD_LABEL: Record<FundingField, StringKey> = {
  lumpsum: 'funding.field.lumpsum',
  floor: 'funding.field.floor',
  cap: 'funding.field.cap',
  share: 'funding.field.share',
  labelA: 'funding.field.labelA',
  ratioA: 'funding.field.ratioA',
  labelB: 'funding.field.labelB',
  ratioB: 'funding.field.ratioB',
  weeks: 'funding.field.weeks',
  hoursPerFte: 'funding.field.hoursPerFte',
  extraFte: 'funding.field.extraFte',
  staff: 'funding.field.staff',
  capCost: 'funding.field.capCost',
  capOverhead: 'funding.field.capOverhead',
};

/** Default field texts: the 2021 model against the measured 2021 ratio, from the core's parameter sets. */
export function defaultFields(lang: Lang): Record<FundingField, string> {
  return {
    lumpsum: '0',
    floor: '0',
    cap: '',
    share: numberText(FIXED_SHARE_EY.value, lang),
    labelA: t(lang, 'funding.setA.default'),
    ratioA: numberText(DIRECT_RATIO_MODEL.value, lang),
    labelB: t(lang, 'funding.setB.default'),
    ratioB: numberText(DIRECT_RATIO_GROSS_MEASURED.value, lang),
    weeks: '52',
    hoursPerFte: numberText(HOURS_PER_FTE.value, lang),
    extraFte: '0',
    staff: '',
    capCost: '',
    capOverhead: '0',
  };
}

/**
 * Reads the fields into the plan input with the one typed-number reader, and checks each with the
 * one set of checks, naming the field by its label in the pane's language.
 * @throws CalcError naming the field (`notANumber`, `blankValue`, `negativeValue`, `ratioAsPercent`, …).
 */
export function fieldsToInput(
  fields: Record<FundingField, string>,
  products: ProductRow[],
  lang: Lang,
): FundingPlanInput {
  const label = (f: FundingField): string => t(lang, FUNDING_FIELD_LABEL[f]);
  const req = (f: FundingField): number => requireTypedNumber(fields[f], lang, { argument: label(f) });
  const num = (f: FundingField): number => checkNonNegative(req(f), label(f));
  const opt = (f: FundingField): number | undefined => {
    const v = readTypedNumber(fields[f], lang, { argument: label(f) });
    return v === undefined ? undefined : checkNonNegative(v, label(f));
  };
  const capOverhead = readTypedNumber(fields.capOverhead, lang, { argument: label('capOverhead') }) ?? 0;
  return {
    products,
    params: {
      lumpsum: num('lumpsum'),
      floor: num('floor'),
      cap: opt('cap'),
      lumpsumShare: checkFraction(req('share'), label('share')),
      weeks: checkPositive(req('weeks'), label('weeks')),
      hoursPerFte: checkPositive(req('hoursPerFte'), label('hoursPerFte')),
      extraFte: num('extraFte'),
      staffFte: opt('staff'),
      capacityHourlyCost: opt('capCost'),
      capacityOverheadRate: checkFraction(capOverhead, label('capOverhead')),
    },
    sets: [
      {
        label: fields.labelA.trim() || 'A',
        directRatio: checkRatio(req('ratioA'), label('ratioA')),
      },
      {
        label: fields.labelB.trim() || 'B',
        directRatio: checkRatio(req('ratioB'), label('ratioB')),
      },
    ],
    lang,
  };
}

/** Where the product table came from (kept in the workbook as data, rendered in the pane's language). */
export type ProductSource =
  { key: 'funding.products.fromSelection'; address: string } | { key: 'funding.products.fromExample' };

/** The product source as text in `lang`. */
export function productSourceText(lang: Lang, s: ProductSource | string | undefined): string {
  if (s === undefined) return '';
  if (typeof s === 'string') return s;
  return s.key === 'funding.products.fromSelection' ? t(lang, s.key, { address: s.address }) : t(lang, s.key);
}

/** What the view renders and does. */
export interface FundingState {
  products?: ProductRow[];
  source?: ProductSource;
  fields: Record<FundingField, string>;
  setField: (f: FundingField, value: string) => void;
  result?: FundingComparison;
  status?: Status;
  busy: boolean;
  readSelection: () => Promise<void>;
  loadExample: () => void;
  calculate: () => void;
  write: () => Promise<void>;
  /** True when the workbook has the `IND Parameters` sheet (its table). */
  parametersAvailable: boolean;
  /** Whether the sheet links hours per fte, the lumpsum share and both ratios to it. */
  linkParameters: boolean;
  setLinkParameters: (v: boolean) => void;
  /** Looks for the parameter sheet (on opening the view). */
  detectParameters: () => Promise<void>;
  /** The workbook's parameter sets (when the sheet exists): set A and B are names of these. */
  parameterSource?: ParameterSource;
  /**
   * The fields whose value comes from `IND Parameters` (read-only in the pane while linked): the
   * set each comes from and its value as text.
   */
  linked: Partial<Record<FundingField, { set: string; value: string }>>;
}

/** The fields a linked sheet looks up in `IND Parameters`, and the set (A or B) of each. */
const LINKED_FIELDS: Partial<Record<FundingField, 'labelA' | 'labelB'>> = {
  ratioA: 'labelA',
  ratioB: 'labelB',
  hoursPerFte: 'labelB',
  share: 'labelB',
};

/** The name of the set a label field names, or undefined when the table has no such set. */
function setNamed(source: ParameterSource, label: string): string | undefined {
  return source.sets.find((x) => x.name.toUpperCase() === label.trim().toUpperCase())?.name;
}

/**
 * The plan input of a linked sheet: set A and set B are the sets NAMED in the label fields, and
 * the ratios, hours per fte and lumpsum share are the workbook's values for those sets, the same
 * values the sheet's lookups find. An unknown set name is an error naming the field.
 * @throws CalcError `paramSetUnknown`.
 */
export function linkInput(input: FundingPlanInput, source: ParameterSource, lang: Lang): FundingPlanInput {
  const known = (label: string, field: 'labelA' | 'labelB'): string => {
    const set = source.sets.find((x) => x.name.toUpperCase() === label.trim().toUpperCase());
    if (!set)
      throw new CalcError('paramSetUnknown', {
        argument: t(lang, FUNDING_FIELD_LABEL[field]),
        received: label,
        expected: source.sets.map((x) => x.name).join(', '),
      });
    return set.name;
  };
  const a = known(input.sets[0].label, 'labelA');
  const b = known(input.sets[1].label, 'labelB');
  const v = linkedFundingValues(source, a, b);
  return {
    ...input,
    params: { ...input.params, hoursPerFte: v.hoursPerFte, lumpsumShare: v.share },
    sets: [
      { label: a, directRatio: v.ratioA },
      { label: b, directRatio: v.ratioB },
    ],
    linkParameters: true,
  };
}

/** The "Financiering" view's state. */
export function useFunding(gateway: WorkbookGateway, lang: Lang): FundingState {
  const shell = useShell();
  // The inputs that matter are kept in the workbook: reopening it restores them.
  const [products, setProducts] = usePaneState<ProductRow[] | undefined>('funding.products', undefined);
  // Where the products came from, as a catalogue key (it is kept, and shown in the pane's language).
  const [source, setSource] = usePaneState<ProductSource | undefined>('funding.productsSource', undefined);
  const [fields, setFields] = usePaneState<Record<FundingField, string>>('funding.fields', () =>
    defaultFields(lang),
  );
  const paneLoaded = usePaneStateLoaded();
  const [result, setResult] = useState<FundingComparison | undefined>(undefined);
  const [status, setStatus] = useState<Status | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [parametersAvailable, setParametersAvailable] = useState(false);
  const [linkParameters, setLinkParameters] = useState(false);
  const [parameterSource, setParameterSource] = useState<ParameterSource | undefined>(undefined);

  const detectParameters = useCallback(async () => {
    try {
      const source = await readParameterSource(gateway);
      // The kept fields first: set names the user chose before stay chosen.
      const kept = (await paneLoaded()).get('funding.fields') as Record<FundingField, string> | undefined;
      setParameterSource(source);
      setParametersAvailable(source !== undefined);
      setLinkParameters(source !== undefined);
      if (source) {
        // Set A is the reference (model) set, set B the active set, or another one when the
        // active set is the model: the comparison names both, and shows the workbook's values.
        const a = (kept && setNamed(source, kept.labelA)) ?? source.model;
        const b =
          (kept && setNamed(source, kept.labelB)) ??
          (source.active !== a ? source.active : (source.sets.find((x) => x.name !== a)?.name ?? a));
        const v = linkedFundingValues(source, a, b);
        setFields((old) => ({
          ...old,
          labelA: a,
          labelB: b,
          ratioA: numberText(v.ratioA, lang),
          ratioB: numberText(v.ratioB, lang),
          hoursPerFte: numberText(v.hoursPerFte, lang),
          share: numberText(v.share, lang),
        }));
      }
    } catch (e) {
      shell.showError(e);
    }
  }, [gateway, shell, lang, paneLoaded, setFields]);

  const linked = useMemo(() => {
    const out: Partial<Record<FundingField, { set: string; value: string }>> = {};
    if (!parameterSource || !linkParameters) return out;
    const a = setNamed(parameterSource, fields.labelA);
    const b = setNamed(parameterSource, fields.labelB);
    if (!a || !b) return out;
    const v = linkedFundingValues(parameterSource, a, b);
    for (const [f, label] of Object.entries(LINKED_FIELDS) as [FundingField, 'labelA' | 'labelB'][])
      out[f] = { set: label === 'labelA' ? a : b, value: numberText(v[f as keyof typeof v], lang) };
    return out;
  }, [parameterSource, linkParameters, fields.labelA, fields.labelB, lang]);

  const setField = useCallback(
    (f: FundingField, value: string) =>
      setFields((old) => {
        const next = { ...old, [f]: value };
        // A linked set's values follow its name (they live on the parameter sheet).
        if (parameterSource && linkParameters && (f === 'labelA' || f === 'labelB')) {
          const set = parameterSource.sets.find((x) => x.name.toUpperCase() === value.trim().toUpperCase());
          if (set) {
            next[f === 'labelA' ? 'ratioA' : 'ratioB'] = numberText(
              setValue(parameterSource, set.name, 'directRatio'),
              lang,
            );
            if (f === 'labelB') {
              next.hoursPerFte = numberText(setValue(parameterSource, set.name, 'hoursPerFte'), lang);
              next.share = numberText(setValue(parameterSource, set.name, 'fixedShare'), lang);
            }
          }
        }
        return next;
      }),
    [parameterSource, linkParameters, lang, setFields],
  );

  const readSelection = useCallback(async () => {
    try {
      const sel = await gateway.readSelection();
      const parsed = parseProductTable(sel.values, t(lang, 'funding.products'));
      setProducts(parsed);
      const address = `${sel.sheet}!${sel.address}`;
      setSource({ key: 'funding.products.fromSelection', address });
      setResult(undefined);
      shell.clearError();
    } catch (e) {
      shell.showError(e);
    }
  }, [gateway, lang, shell]);

  const loadExample = useCallback(() => {
    const p = EXAMPLE_FUNDING_PARAMS;
    setProducts(parseProductTable(EXAMPLE_PRODUCTS));
    setSource({ key: 'funding.products.fromExample' });
    setFields((old) => ({
      ...old,
      lumpsum: numberText(p.lumpsum, lang),
      floor: numberText(p.floor, lang),
      share: numberText(p.lumpsumShare, lang),
      weeks: numberText(p.weeks, lang),
      hoursPerFte: numberText(p.hoursPerFte, lang),
      extraFte: numberText(p.extraFte, lang),
      staff: numberText(p.staffFte, lang),
      capCost: numberText(p.capacityHourlyCost, lang),
      capOverhead: numberText(p.capacityOverheadRate, lang),
    }));
    setResult(undefined);
  }, [lang]);

  const build = useCallback(() => {
    if (!products) throw new CalcError('paneNoProducts');
    const input = fieldsToInput(fields, products, lang);
    return buildFundingPlan(
      parameterSource && linkParameters ? linkInput(input, parameterSource, lang) : input,
    );
  }, [fields, products, lang, parameterSource, linkParameters]);

  const calculate = useCallback(() => {
    try {
      setResult(build().result);
      shell.clearError();
    } catch (e) {
      setResult(undefined);
      shell.showError(e);
    }
  }, [build, shell]);

  const write = useCallback(async () => {
    setBusy(true);
    try {
      const built = build();
      setResult(built.result);
      const report = await gateway.apply(built.plan);
      setStatus(msg((lang) => t(lang, 'funding.written', { n: report.changes.length })));
    } catch (e) {
      shell.showError(e);
    } finally {
      setBusy(false);
    }
  }, [build, gateway, lang, shell]);

  return {
    products,
    source,
    fields,
    setField,
    result,
    status,
    busy,
    readSelection,
    loadExample,
    calculate,
    write,
    parametersAvailable,
    linkParameters,
    setLinkParameters,
    detectParameters,
    parameterSource,
    linked,
  };
}
