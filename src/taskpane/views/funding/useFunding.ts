/**
 * State and actions of the "Financiering" view: read the product table from the selection or
 * the example, edit the parameters, calculate in the pure core, and write the live sheet in
 * one batch. Bad input is shown in the shell's error bar and nothing is written.
 */
import { useCallback, useState } from 'react';
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
  PARAMETER_TABLE_NAME,
  type FundingPlanInput,
} from '../../plans/funding/fundingPlan';
import {
  checkFraction,
  checkNonNegative,
  checkPositive,
  checkRatio,
  fieldText as numberText,
  readTypedNumber,
  requireTypedNumber,
} from '../../../core/input';

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

/** What the view renders and does. */
export interface FundingState {
  products?: ProductRow[];
  source?: string;
  fields: Record<FundingField, string>;
  setField: (f: FundingField, value: string) => void;
  result?: FundingComparison;
  status?: string;
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
}

/** The "Financiering" view's state. */
export function useFunding(gateway: WorkbookGateway, lang: Lang): FundingState {
  const shell = useShell();
  const [products, setProducts] = useState<ProductRow[] | undefined>(undefined);
  const [source, setSource] = useState<string | undefined>(undefined);
  const [fields, setFields] = useState<Record<FundingField, string>>(() => defaultFields(lang));
  const [result, setResult] = useState<FundingComparison | undefined>(undefined);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [parametersAvailable, setParametersAvailable] = useState(false);
  const [linkParameters, setLinkParameters] = useState(false);

  const detectParameters = useCallback(async () => {
    try {
      const found = (await gateway.listTables()).some((x) => x.name === PARAMETER_TABLE_NAME);
      setParametersAvailable(found);
      setLinkParameters(found);
    } catch (e) {
      shell.showError(e);
    }
  }, [gateway, shell]);

  const setField = useCallback(
    (f: FundingField, value: string) => setFields((old) => ({ ...old, [f]: value })),
    [],
  );

  const readSelection = useCallback(async () => {
    try {
      const sel = await gateway.readSelection();
      const parsed = parseProductTable(sel.values, t(lang, 'funding.products'));
      setProducts(parsed);
      setSource(t(lang, 'funding.products.fromSelection', { address: `${sel.sheet}!${sel.address}` }));
      setResult(undefined);
      shell.clearError();
    } catch (e) {
      shell.showError(e);
    }
  }, [gateway, lang, shell]);

  const loadExample = useCallback(() => {
    const p = EXAMPLE_FUNDING_PARAMS;
    setProducts(parseProductTable(EXAMPLE_PRODUCTS));
    setSource(t(lang, 'funding.products.fromExample'));
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
    if (!products) throw new Error(t(lang, 'funding.products.none'));
    return buildFundingPlan({
      ...fieldsToInput(fields, products, lang),
      linkParameters: parametersAvailable && linkParameters,
    });
  }, [fields, products, lang, parametersAvailable, linkParameters]);

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
      setStatus(t(lang, 'funding.written', { n: report.changes.length }));
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
  };
}
