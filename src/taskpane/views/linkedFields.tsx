/**
 * Fields that take their value from the workbook's ONE parameter source (issue 11, build 1):
 * a field linked to a parameter of the active set (or of the model set) shows that set's value;
 * a tab that lets the user type another value for a what-if shows it as an override of the set,
 * with the set's own value and a button to go back to it.
 *
 * Pure helpers (`withLinked`, `linkedNumber`) plus the hint shown under a linked field.
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../../core/messages/types';
import { t } from '../i18n';
import { setValue, type ParameterSource } from '../plans/parameterSource';

/** Where a field's value comes from: parameter `key` of the active set (B4) or the model set (B5). */
export interface LinkSpec {
  set: 'active' | 'model';
  key: string;
}

/** The name of the set a linked field reads. */
export function linkedSetName(source: ParameterSource, spec: LinkSpec): string {
  return spec.set === 'active' ? source.active : source.model;
}

/** The value of a linked field in the workbook's parameter table. */
export function linkedNumber(source: ParameterSource, spec: LinkSpec): number {
  return setValue(source, linkedSetName(source, spec), spec.key);
}

/**
 * `fields` with every linked field that the user did not override set to its set's value (as
 * text, by `text`). Without a source (no parameter sheet) the fields are returned unchanged.
 */
export function withLinked<T extends object>(
  fields: T,
  specs: Partial<Record<keyof T, LinkSpec>>,
  source: ParameterSource | undefined,
  overrides: readonly string[],
  text: (x: number) => string,
): T {
  if (!source) return fields;
  let next = fields;
  for (const [k, spec] of Object.entries(specs) as [keyof T & string, LinkSpec | undefined][]) {
    if (!spec || overrides.includes(k)) continue;
    const v = text(linkedNumber(source, spec));
    if ((next[k] as unknown) !== v) next = { ...next, [k]: v };
  }
  return next;
}

/** The keys whose field text differs from its set's value (the overrides in force). */
export function overriddenKeys<T extends object>(
  fields: T,
  specs: Partial<Record<keyof T, LinkSpec>>,
  source: ParameterSource | undefined,
  text: (x: number) => string,
): (keyof T & string)[] {
  if (!source) return [];
  return (Object.entries(specs) as [keyof T & string, LinkSpec | undefined][])
    .filter(([k, spec]) => spec && String(fields[k]).trim() !== text(linkedNumber(source, spec)))
    .map(([k]) => k);
}

const useStyles = makeStyles({
  hint: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  override: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/** The hint under a linked field: where its value comes from, or that it overrides the set. */
export function LinkedHint({
  lang,
  source,
  spec,
  overridden,
  text,
  onReset,
}: {
  lang: Lang;
  source: ParameterSource;
  spec: LinkSpec;
  overridden: boolean;
  text: (x: number) => string;
  onReset?: () => void;
}): JSX.Element {
  const styles = useStyles();
  const set = linkedSetName(source, spec);
  if (!overridden)
    return (
      <span className={styles.hint}>
        {t(lang, spec.set === 'active' ? 'linked.fromActive' : 'linked.fromModel', { set })}
      </span>
    );
  return (
    <span className={styles.hint}>
      <span className={styles.override}>
        {t(lang, 'linked.override', { set, value: text(linkedNumber(source, spec)) })}
      </span>
      {onReset && (
        <Button size="small" appearance="transparent" onClick={onReset}>
          {t(lang, 'linked.reset')}
        </Button>
      )}
    </span>
  );
}
