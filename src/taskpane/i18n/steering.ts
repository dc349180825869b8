import type { Localized } from './types';

/** UI strings of the steering cycle tab (*Sturing*), nl/en. Keys are prefixed with `steering.`. */
export const steeringStrings = {
  'steering.view.label': { nl: 'Sturing', en: 'Steering' },
  'steering.view.help': {
    nl: 'De tertaal- en maandcyclus: zaken in voorraad tegen de beslistermijn en het dwangsomrisico, het productieplan tegen realisatie op KPI’s, prognoses die worden gescoord en acties die de cirkel rond maken.\nLeest case-exports (CSV/XLSX) in het taakvenster en schrijft alleen aantallen per product: nooit een zaaknummer of naam.',
    en: 'The four-monthly and monthly cycle: case stock against the legal deadline and the penalty exposure, the production plan against realisation on KPIs, forecasts that are scored and actions that close the loop.\nReads case exports (CSV/XLSX) in the task pane and writes counts per product only: never a case id or a name.',
  },
  'steering.params.title': { nl: '1. Parameters', en: '1. Parameters' },
  'steering.params.peil': { nl: 'Peildatum (dd-mm-jjjj)', en: 'Reference date (dd-mm-yyyy)' },
  'steering.params.write': { nl: 'Parameterblad schrijven', en: 'Write parameter sheet' },
  'steering.params.exists': {
    nl: 'Het parameterblad bestaat al; het taakvenster leest het en overschrijft het niet.',
    en: 'The parameter sheet exists already; the pane reads it and does not overwrite it.',
  },
  'steering.params.written': {
    nl: 'Parameterblad en productieplan geschreven voor {year}. Vul termijnen, capaciteit en plan in (gele cellen).',
    en: 'Parameter sheet and production plan written for {year}. Fill in terms, capacity and plan (yellow cells).',
  },
  'steering.exports.title': { nl: '2. Exports', en: '2. Exports' },
  'steering.exports.stock': {
    nl: 'Voorraadexport (open zaken, CSV of XLSX)',
    en: 'Stock export (open cases, CSV or XLSX)',
  },
  'steering.exports.decided': {
    nl: 'Export besloten zaken (optioneel, CSV of XLSX)',
    en: 'Export of decided cases (optional, CSV or XLSX)',
  },
  'steering.exports.chosen': { nl: 'Gekozen: {name} ({n} kolommen)', en: 'Chosen: {name} ({n} columns)' },
  'steering.exports.none': { nl: '— geen —', en: '— none —' },
  'steering.exports.read': { nl: 'Exports inlezen', en: 'Read exports' },
  'steering.exports.readDone': {
    nl: '{cases} open zaken in {products} product(en), {late} te laat; {decided} besloten zaken.',
    en: '{cases} open cases in {products} product(s), {late} late; {decided} decided cases.',
  },
  'steering.run.title': { nl: '3. Berekenen', en: '3. Run' },
  'steering.run.horizon': { nl: 'Horizon (komende perioden, 1–6)', en: 'Horizon (coming periods, 1–6)' },
  'steering.run.period': {
    nl: 'Periode van de acties (bijv. 2026-T2 of 2026-05)',
    en: 'Period of the actions (e.g. 2026-T2 or 2026-05)',
  },
  'steering.run.run': { nl: 'Sturing berekenen', en: 'Run steering cycle' },
  'steering.run.result': { nl: 'Resultaat', en: 'Result' },
  'steering.run.product': { nl: 'Product', en: 'Product' },
  'steering.run.stock': { nl: 'Voorraad', en: 'Stock' },
  'steering.run.within': { nl: 'Binnen termijn', en: 'Within term' },
  'steering.run.late': { nl: 'Te laat', en: 'Late' },
  'steering.run.exposure': { nl: 'Dwangsom nu (€)', en: 'Penalty now (€)' },
  'steering.run.total': { nl: 'Totaal', en: 'Total' },
  'steering.run.summary': {
    nl: '{material} KPI-afwijking(en) boven de materialiteit. {actions}',
    en: '{material} KPI deviation(s) above materiality. {actions}',
  },
  'steering.run.actionsNew': {
    nl: 'Actietabel {table}: {n} rij(en), waarvan {carried} overgenomen.',
    en: 'Action table {table}: {n} row(s), {carried} carried over.',
  },
  'steering.run.actionsKept': {
    nl: 'Actietabel {table} bestaat al en is niet overschreven.',
    en: 'Action table {table} exists already and was not overwritten.',
  },
  'steering.forecast.title': { nl: '4. Prognoses', en: '4. Forecasts' },
  'steering.forecast.prepare': { nl: 'Prognose-invoer maken', en: 'Create forecast input' },
  'steering.forecast.prepared': {
    nl: 'Vul de prognoses in op het blad "IND Prognose invoer" en leg ze dan vast.',
    en: 'Fill in the forecasts on the sheet "IND Prognose invoer", then record them.',
  },
  'steering.forecast.inputExists': {
    nl: 'De invoertabel bestaat al: vul haar in en leg vast.',
    en: 'The input table exists already: fill it in and record.',
  },
  'steering.forecast.who': {
    nl: 'Wie maakt de prognose (vrije tekst)',
    en: 'Who makes the forecast (free text)',
  },
  'steering.forecast.record': { nl: 'Prognose vastleggen', en: 'Record forecast' },
  'steering.forecast.recorded': {
    nl: 'Versie {version} vastgelegd: {n} prognose(s). Eerdere versies: {before} rij(en), ongewijzigd.',
    en: 'Version {version} recorded: {n} forecast(s). Earlier versions: {before} row(s), unchanged.',
  },
  'steering.forecast.needCycle': {
    nl: 'Bereken eerst de sturing (stap 3): de prognoses worden gescoord tegen de realisatie in IND_KPI.',
    en: 'First run the steering cycle (step 3): forecasts are scored against the realisation in IND_KPI.',
  },
  'steering.needParams': {
    nl: 'Schrijf eerst het parameterblad (stap 1).',
    en: 'First write the parameter sheet (step 1).',
  },
  'steering.needPeil': {
    nl: 'Vul eerst de peildatum in.',
    en: 'First fill in the reference date.',
  },
} satisfies Record<string, Localized>;
