/**
 * The shape of a documented model parameter. Every default the functions use comes from a
 * parameter set, so the task pane can write it to a visible named cell with its unit and source.
 */

/**
 * What a ratio is a share of. *Bruto* (gross) = all paid hours; *netto* (net) = paid hours minus
 * leave and sickness; *productief* (productive) = the HOT's productive hours. Ratios on different
 * bases must not be compared without saying so (reference §5).
 */
export type RatioBasis = 'gross' | 'net' | 'productive' | 'unknown';

/** One parameter: value, unit, basis (for ratios) and where the figure comes from. */
export interface ModelParameter {
  /** Stable key, also used for the defined name (e.g. `IND_UrenPerFte`). */
  readonly key: string;
  readonly value: number;
  /** Unit in words, e.g. `"hours/week"`, `"fraction"`. */
  readonly unit: string;
  /** Basis of a ratio; absent for non-ratios. */
  readonly basis?: RatioBasis;
  /** Dutch label as users say it. */
  readonly labelNl: string;
  /** English label. */
  readonly labelEn: string;
  /** Source text, quoted or cited. An assumption of this tool starts with "Aanname". */
  readonly source: string;
  /**
   * For a choice parameter (e.g. a hiring policy): the names a user can pick, as written in a
   * cell. `value` is then the index of the default in this list.
   */
  readonly choices?: readonly string[];
  /**
   * What the value is: 'measured' (the source reports it), 'derived' (computed by us from measured
   * figures, the source text says how), 'assumption' (*aanname*: derived with a judgement, replace
   * when a source gives it), or 'model' (a parameter of the cost-price model). Absent: as cited.
   */
  readonly provenance?: 'measured' | 'derived' | 'assumption' | 'model';
}
