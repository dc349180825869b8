/**
 * Identifiers of the steering cycle's sheets, tables and named cells. Stable: formulas refer to
 * them, and the pane reads the parameter tables back by these names and their (Dutch) headers.
 */
export const ST_SHEETS = {
  params: 'IND Sturing Parameters',
  plan: 'IND Productieplan',
  stock: 'IND Voorraad',
  kpi: 'IND KPI',
  versions: 'IND Prognoses',
  quality: 'IND Prognosekwaliteit',
  input: 'IND Prognose invoer',
  /** The action sheet of a period: `IND Sturingsacties 2026-T2`. */
  actions: 'IND Sturingsacties',
} as const;

export const ST_TABLES = {
  params: 'IND_St_Parameters',
  schedule: 'IND_Dwangsomschema',
  deadlines: 'IND_Beslistermijnen',
  capacity: 'IND_Capaciteit',
  teams: 'IND_Teams',
  calendar: 'IND_Kalender',
  plan: 'IND_Productieplan',
  profile: 'IND_Voorraadprofiel',
  notices: 'IND_Ingebrekestellingen',
  kpi: 'IND_KPI',
  teamKpi: 'IND_KPI_Teams',
  versions: 'IND_Prognoses',
  input: 'IND_PrognoseInvoer',
} as const;

/** Named cells (workbook scope). */
export const ST_NAMES = {
  hoursPerFte: 'IND_St_UrenPerFte',
  directRatio: 'IND_St_DirecteUren',
  weeks: 'IND_St_WekenPerPeriode',
  start: 'IND_St_DwangsomStart',
  share: 'IND_St_AandeelIngebrekestelling',
  toNotice: 'IND_St_DagenTotIngebrekestelling',
  materiality: 'IND_St_Materialiteit',
  rate: 'IND_St_Tarief',
  lumpsum: 'IND_St_Lumpsum',
  floor: 'IND_St_Ondergrens',
  maxDecline: 'IND_St_MaxDaling',
  confirm: 'IND_St_Bevestiging',
  peil: 'IND_St_Peildatum',
  current: 'IND_St_HuidigePeriode',
  done: 'IND_St_PeriodenAf',
  horizon: 'IND_St_Horizon',
  ends: 'IND_St_Periodeeinden',
  forecastHorizon: 'IND_St_PrognoseHorizon',
} as const;

/** Columns of the deadline table. */
export const DEADLINE_HEADERS = ['Product', 'Omschrijving', 'Termijn (dagen)', 'Bron / aanname'] as const;
/** Columns of the capacity table. */
export const CAPACITY_HEADERS = [
  'Product',
  'Fte beschikbaar',
  'Normtijd (min per zaak)',
  'Bron / aanname',
] as const;
/** Columns of the team table. */
export const TEAM_HEADERS = [
  'Team',
  'Fte',
  'Norm (besluiten per fte per periode)',
  'Bron / aanname',
] as const;
/** Columns of the penalty schedule. */
export const SCHEDULE_HEADERS = ['Tot en met dag', 'Bedrag per dag (€)', 'Omschrijving', 'Bron'] as const;
/** Columns of the general parameter table. */
export const PARAM_HEADERS = ['Sleutel', 'Parameter', 'Waarde', 'Eenheid', 'Bron / aanname'] as const;

/** The schedule as IND.PENALTY takes it: the table's first two columns. */
export const SCHEDULE_REF = `${ST_TABLES.schedule}[[Tot en met dag]:[Bedrag per dag (€)]]`;
