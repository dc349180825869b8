/**
 * Version labels of norm sets that cannot lie: the shipped example's label ("fictief 2021") never
 * travels to real norms, and a table that holds fictitious rows says so wherever it is written.
 */
import type { Issue, NormRow } from './types';

/** True for a version label that marks fictitious (illustrative) norms: "fictief 2021", "Fictitious". */
export function isFictitiousVersion(version: string): boolean {
  return /fictie?f|fictitious|illustrati/i.test(version);
}

/**
 * The version to use for REAL norms read after the example was loaded: a fictitious label is
 * replaced by `fallback` (the last real version, or the default), any other label is kept.
 */
export function realNormVersion(version: string, fallback: string): string {
  return isFictitiousVersion(version) ? fallback : version;
}

/**
 * The `normVersionFictitious` issue when real (not illustrative) norms carry a fictitious version
 * label, else undefined. `source` names where the norms were read (a table or selection).
 */
export function fictitiousVersionIssue(
  version: string,
  illustrative: boolean,
  source: string,
): Issue | undefined {
  if (illustrative || !isFictitiousVersion(version)) return undefined;
  return {
    code: 'normVersionFictitious',
    severity: 'error',
    details: { received: version.trim(), argument: source },
  };
}

/** The fictitious versions among `rows`, in first-seen order (empty when all norms are real). */
export function fictitiousVersions(rows: readonly NormRow[]): string[] {
  const out: string[] = [];
  for (const r of rows) if (isFictitiousVersion(r.version) && !out.includes(r.version)) out.push(r.version);
  return out;
}
