import { formatMessageNumber } from './functions';
import type { ErrorDetails, MessageDef } from './types';

/**
 * Error messages of the steering cycle (*sturing*: case stock against legal deadlines,
 * penalties, forecasts and KPI plans) and of IND.FORECASTERROR, IND.YEAREND, IND.WITHINTERM and
 * IND.PENALTY, nl/en. Codes are prefixed `steer`. Every message names the argument (or the file
 * column), the row where known, and the fix. A case id is never quoted: rows are named by number,
 * so that a message shown on screen or copied into a report identifies no case.
 */

const n = (x: string | number | undefined): string => formatMessageNumber(x, 'nl');
const e = (x: string | number | undefined): string => formatMessageNumber(x, 'en');

/** ", rij 3" / ", row 3" when a row is known. */
function row(d: ErrorDetails, lang: 'nl' | 'en'): string {
  if (d.row === undefined) return '';
  return lang === 'nl' ? `, rij ${d.row}` : `, row ${d.row}`;
}

/** "Rij 12 van export.csv: " / "Row 12 of export.csv: ". */
function fileRow(d: ErrorDetails, lang: 'nl' | 'en'): string {
  const file = d.file ? ` ${lang === 'nl' ? 'van' : 'of'} ${d.file}` : '';
  return d.row === undefined ? '' : `${lang === 'nl' ? 'Rij' : 'Row'} ${d.row}${file}: `;
}

/** " (en nog 12 rijen met een fout)" when more rows fail. */
function more(d: ErrorDetails, lang: 'nl' | 'en'): string {
  const k = Number(d.more ?? 0);
  if (!(k > 0)) return '';
  return lang === 'nl' ? ` (en nog ${k} rij(en) met een fout)` : ` (and ${k} more row(s) with an error)`;
}

export const steeringMessages = {
  steerScheduleInvalid: {
    excel: 'invalidValue',
    nl: (d) =>
      d.reason === 'empty'
        ? `${d.argument}: het dwangsomschema heeft geen blokken. Geef per blok "tot en met dag" en "bedrag per dag" (Awb: 14/23, 28/35, 42/45).`
        : d.reason === 'days'
          ? `${d.argument}${row(d, 'nl')}: "tot en met dag" moet een geheel getal van ${d.min} of meer zijn (oplopend per blok), ontvangen ${n(d.received)}.`
          : d.reason === 'amount'
            ? `${d.argument}${row(d, 'nl')}: het bedrag per dag moet 0 of meer zijn, ontvangen ${n(d.received)}.`
            : d.reason === 'shape'
              ? `${d.argument}: verwacht twee kolommen (tot en met dag, bedrag per dag), ontvangen ${d.received} kolom(men). Selecteer de twee kolommen van het schema.`
              : `${d.argument}: het maximum per zaak moet 0 of meer zijn, ontvangen ${n(d.received)}. Laat de rij weg als er geen maximum in euro's is.`,
    en: (d) =>
      d.reason === 'empty'
        ? `${d.argument}: the penalty schedule has no blocks. Give "up to day" and "amount per day" per block (Awb: 14/23, 28/35, 42/45).`
        : d.reason === 'days'
          ? `${d.argument}${row(d, 'en')}: "up to day" must be a whole number of ${d.min} or more (rising per block), received ${e(d.received)}.`
          : d.reason === 'amount'
            ? `${d.argument}${row(d, 'en')}: the amount per day must be 0 or more, received ${e(d.received)}.`
            : d.reason === 'shape'
              ? `${d.argument}: expected two columns (up to day, amount per day), received ${d.received} column(s). Select the schedule's two columns.`
              : `${d.argument}: the maximum per case must be 0 or more, received ${e(d.received)}. Leave the row out when there is no maximum in euros.`,
  },
  steerNotWholeDays: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument}${row(d, 'nl')}: verwacht hele dagen, ontvangen ${n(d.received)}. Een dwangsom telt per dag: rond af met AFRONDEN.NAAR.BENEDEN() of INTEGER().`,
    en: (d) =>
      `${d.argument}${row(d, 'en')}: expected whole days, received ${e(d.received)}. A penalty counts per day: round with ROUNDDOWN() or INT().`,
  },
  steerUnknownMeasure: {
    excel: 'invalidValue',
    nl: (d) => `${d.argument}: onbekende maat "${d.received}". Gebruik "wape", "mape" of "bias".`,
    en: (d) => `${d.argument}: unknown measure "${d.received}". Use "wape", "mape" or "bias".`,
  },
  steerUnknownMethod: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument}: onbekende methode "${d.received}". Gebruik "trend" of "capaciteit" ("capacity").`,
    en: (d) => `${d.argument}: unknown method "${d.received}". Use "trend" or "capacity" ("capaciteit").`,
  },
  steerNoActuals: {
    // Not a mistake: the forecast waits for its realisation (pending).
    excel: 'notAvailable',
    nl: (d) =>
      `${d.argument}: nog geen realisatie voor ${d.rows === 1 ? 'deze periode' : `deze ${d.rows} perioden`}; de prognose wacht op realisatie en wordt dan gescoord.`,
    en: (d) =>
      `${d.argument}: no realisation yet for ${d.rows === 1 ? 'this period' : `these ${d.rows} periods`}; the forecast is pending and will be scored when it arrives.`,
  },
  steerActualZero: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument}${row(d, 'nl')}: de realisatie is 0, en MAPE deelt door de realisatie. Gebruik "wape" (deelt door de som) of laat deze periode weg.`,
    en: (d) =>
      `${d.argument}${row(d, 'en')}: the actual is 0, and MAPE divides by the actual. Use "wape" (divides by the sum) or leave this period out.`,
  },
  steerActualsSumZero: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument}: de som van de realisaties is 0, dus WAPE is niet te berekenen. Gebruik "bias" voor de afwijking in eenheden.`,
    en: (d) =>
      `${d.argument}: the actuals add up to 0, so WAPE cannot be computed. Use "bias" for the deviation in units.`,
  },
  steerPeriodsDone: {
    excel: 'invalidValue',
    nl: (d) =>
      d.received === '0'
        ? `${d.argument}: 0 afgeronde perioden, dus er is nog geen trend. Gebruik methode "capaciteit" of wacht tot de eerste periode is afgerond.`
        : `${d.argument}: ${n(d.received)} afgeronde perioden is meer dan de ${d.max} perioden van het jaar. Controleer periodsDone en periodsInYear.`,
    en: (d) =>
      d.received === '0'
        ? `${d.argument}: 0 completed periods, so there is no trend yet. Use method "capacity" or wait until the first period is complete.`
        : `${d.argument}: ${e(d.received)} completed periods is more than the year's ${d.max} periods. Check periodsDone and periodsInYear.`,
  },
  steerCapacityMissing: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument}: methode "capaciteit" heeft de capaciteit per periode nodig (fte × weken × uren × directe uren × 60 / normtijd). Vul het argument in.`,
    en: (d) =>
      `${d.argument}: method "capacity" needs the capacity per period (fte × weeks × hours × direct ratio × 60 / norm time). Fill in the argument.`,
  },
  steerTermNotPositive: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument}${row(d, 'nl')}: een beslistermijn van ${n(d.received)} dagen kan niet; verwacht meer dan 0 dagen. Controleer de termijntabel.`,
    en: (d) =>
      `${d.argument}${row(d, 'en')}: a legal deadline of ${e(d.received)} days is not possible; expected more than 0 days. Check the deadline table.`,
  },
  steerNoCases: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument}: het bereik bevat geen zaken (alleen lege cellen). Verwijs naar de dagen per zaak.`,
    en: (d) => `${d.argument}: the range holds no cases (only blank cells). Refer to the days per case.`,
  },
  steerMissingColumn: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.file}: er is geen kolom voor "${d.argument}" (verplicht). Gevonden kolommen: ${d.received}. Exporteer opnieuw mét die kolom of hernoem de kolom, bijv. "${d.expected}".`,
    en: (d) =>
      `${d.file}: there is no column for "${d.argument}" (required). Columns found: ${d.received}. Export again with that column or rename it, e.g. "${d.expected}".`,
  },
  steerEmptyExport: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.file}: de export bevat geen zaken (alleen een kopregel of niets). Kies de volledige export.`,
    en: (d) => `${d.file}: the export holds no cases (only a header or nothing). Pick the full export.`,
  },
  steerBadDate: {
    excel: 'invalidValue',
    nl: (d) =>
      `${fileRow(d, 'nl')}${d.argument} is "${d.received}", geen datum. Gebruik dd-mm-jjjj (bijv. 04-01-2026) of een Excel-datum${more(d, 'nl')}.`,
    en: (d) =>
      `${fileRow(d, 'en')}${d.argument} is "${d.received}", not a date. Use dd-mm-yyyy (e.g. 04-01-2026) or an Excel date${more(d, 'en')}.`,
  },
  steerBlankField: {
    excel: 'invalidValue',
    nl: (d) =>
      `${fileRow(d, 'nl')}${d.argument} is leeg. Vul het in of verwijder de rij uit de export${more(d, 'nl')}.`,
    en: (d) =>
      `${fileRow(d, 'en')}${d.argument} is blank. Fill it in or remove the row from the export${more(d, 'en')}.`,
  },
  steerDecidedBeforeReceived: {
    excel: 'invalidValue',
    nl: (d) =>
      `${fileRow(d, 'nl')}de besluitdatum (${d.decided}) ligt vóór de ontvangstdatum (${d.received}). Een besluit kan niet vóór de aanvraag liggen: corrigeer een van beide datums in de bron${more(d, 'nl')}.`,
    en: (d) =>
      `${fileRow(d, 'en')}the decision date (${d.decided}) is before the receipt date (${d.received}). A decision cannot precede its application: correct one of the two dates at the source${more(d, 'en')}.`,
  },
  steerDateBeforeReceived: {
    excel: 'invalidValue',
    nl: (d) =>
      `${fileRow(d, 'nl')}${d.argument} (${d.date}) ligt vóór de ontvangstdatum (${d.received}). Corrigeer de datum in de bron${more(d, 'nl')}.`,
    en: (d) =>
      `${fileRow(d, 'en')}${d.argument} (${d.date}) is before the receipt date (${d.received}). Correct the date at the source${more(d, 'en')}.`,
  },
  steerAfterPeildatum: {
    excel: 'invalidValue',
    nl: (d) =>
      `${fileRow(d, 'nl')}${d.argument} (${d.date}) ligt na de peildatum (${d.peildatum}). Kies een latere peildatum (de datum van de export) of controleer de datum${more(d, 'nl')}.`,
    en: (d) =>
      `${fileRow(d, 'en')}${d.argument} (${d.date}) is after the reference date (${d.peildatum}). Choose a later reference date (the export's date) or check the date${more(d, 'en')}.`,
  },
  steerDuplicateCase: {
    excel: 'invalidValue',
    nl: (d) =>
      d.other
        ? `${d.file}: rij ${d.row} heeft hetzelfde zaaknummer als rij ${d.firstRow} van ${d.other}. Een zaak is open óf besloten: haal haar uit een van beide exports${more(d, 'nl')}.`
        : `${d.file}: rij ${d.firstRow} en rij ${d.row} hebben hetzelfde zaaknummer. Elke zaak telt één keer: verwijder de dubbele rij uit de export${more(d, 'nl')}.`,
    en: (d) =>
      d.other
        ? `${d.file}: row ${d.row} has the same case id as row ${d.firstRow} of ${d.other}. A case is open or decided, not both: remove it from one of the exports${more(d, 'en')}.`
        : `${d.file}: row ${d.firstRow} and row ${d.row} have the same case id. Each case counts once: remove the duplicate row from the export${more(d, 'en')}.`,
  },
  steerMissingDeadline: {
    excel: 'notAvailable',
    nl: (d) =>
      `Product "${d.received}" staat in ${d.file} (${d.count} zaken, eerst in rij ${d.row}) maar niet in de termijntabel ${d.argument}. Voeg een rij toe met product "${d.received}", de beslistermijn in dagen en de bron of "aanname".`,
    en: (d) =>
      `Product "${d.received}" is in ${d.file} (${d.count} cases, first in row ${d.row}) but not in the deadline table ${d.argument}. Add a row with product "${d.received}", the legal deadline in days and its source or "aanname".`,
  },
  steerMissingCapacity: {
    excel: 'notAvailable',
    nl: (d) =>
      `Product "${d.received}" heeft zaken maar geen rij in ${d.argument}. Voeg een rij toe met product "${d.received}", de beschikbare fte, de normtijd in minuten per zaak en de bron of "aanname".`,
    en: (d) =>
      `Product "${d.received}" has cases but no row in ${d.argument}. Add a row with product "${d.received}", the fte available, the norm time in minutes per case and its source or "aanname".`,
  },
  steerTableMissing: {
    excel: 'notAvailable',
    nl: (d) =>
      `De tabel ${d.argument} ontbreekt in de werkmap. Klik eerst op "Parameterblad schrijven" (of herstel de tabel).`,
    en: (d) =>
      `The table ${d.argument} is missing from the workbook. First click "Write parameter sheet" (or restore the table).`,
  },
  steerTableColumn: {
    excel: 'invalidValue',
    nl: (d) =>
      `Tabel ${d.argument}: de kolom "${d.expected}" ontbreekt (gevonden: ${d.received}). Herstel de kolomnaam; het taakvenster leest kolommen op naam.`,
    en: (d) =>
      `Table ${d.argument}: the column "${d.expected}" is missing (found: ${d.received}). Restore the column name; the pane reads columns by name.`,
  },
  steerDuplicateProduct: {
    excel: 'invalidValue',
    nl: (d) =>
      `Tabel ${d.argument}: product "${d.received}" staat twee keer (rij ${d.firstRow} en rij ${d.row}). Houd één rij per product.`,
    en: (d) =>
      `Table ${d.argument}: product "${d.received}" appears twice (row ${d.firstRow} and row ${d.row}). Keep one row per product.`,
  },
  steerCalendarInvalid: {
    excel: 'invalidValue',
    nl: (d) =>
      `Kalender ${d.argument}${row(d, 'nl')}: ${d.reason === 'count' ? `verwacht 13 perioden, gevonden ${d.received}` : d.reason === 'order' ? `periode ${d.received} sluit niet aan op de vorige (begin = einde vorige + 1 dag)` : d.reason === 'month' ? `maand ${d.received} is geen maand 1–12` : d.reason === 'tertaal' ? `tertaal ${d.received} is geen T1, T2 of T3` : `begin ligt na einde`}. Herstel de kalendertabel of schrijf het parameterblad opnieuw.`,
    en: (d) =>
      `Calendar ${d.argument}${row(d, 'en')}: ${d.reason === 'count' ? `expected 13 periods, found ${d.received}` : d.reason === 'order' ? `period ${d.received} does not follow the previous one (start = previous end + 1 day)` : d.reason === 'month' ? `month ${d.received} is not a month 1–12` : d.reason === 'tertaal' ? `tertaal ${d.received} is not T1, T2 or T3` : `start is after end`}. Repair the calendar table or write the parameter sheet again.`,
  },
  steerPeilOutsideCalendar: {
    excel: 'invalidValue',
    nl: (d) =>
      `De peildatum ${d.received} valt buiten de kalender ${d.argument} (${d.from} t/m ${d.to}). Kies een peildatum in dat jaar, of schrijf een parameterblad voor het jaar van de peildatum.`,
    en: (d) =>
      `The reference date ${d.received} falls outside the calendar ${d.argument} (${d.from} to ${d.to}). Choose a reference date in that year, or write a parameter sheet for the reference date's year.`,
  },
  steerBadPeildatum: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument}: "${d.received}" is geen datum. Typ de peildatum als dd-mm-jjjj, bijv. 30-04-2026 (de datum waarop de export is gemaakt).`,
    en: (d) =>
      `${d.argument}: "${d.received}" is not a date. Type the reference date as dd-mm-yyyy, e.g. 30-04-2026 (the date the export was made).`,
  },
  steerNoExport: {
    excel: 'notAvailable',
    nl: () =>
      `Er is nog geen voorraadexport ingelezen. Kies eerst het exportbestand met de openstaande zaken.`,
    en: () => `No stock export has been read yet. First choose the export file with the open cases.`,
  },
  steerForecastPeriod: {
    excel: 'invalidValue',
    nl: (d) =>
      `Tabel ${d.argument}${row(d, 'nl')}: periode "${d.received}" staat niet in de kalender. Gebruik een periode als ${d.expected}.`,
    en: (d) =>
      `Table ${d.argument}${row(d, 'en')}: period "${d.received}" is not in the calendar. Use a period such as ${d.expected}.`,
  },
  steerForecastSeries: {
    excel: 'invalidValue',
    nl: (d) =>
      `Tabel ${d.argument}${row(d, 'nl')}: reeks "${d.received}" is onbekend. Gebruik "ontvangen" of "besloten".`,
    en: (d) =>
      `Table ${d.argument}${row(d, 'en')}: series "${d.received}" is unknown. Use "ontvangen" (received) or "besloten" (decided).`,
  },
  steerForecastEmpty: {
    excel: 'invalidValue',
    nl: (d) =>
      `Tabel ${d.argument}: er staat geen enkele prognose in (alle cellen in "Prognose" zijn leeg). Vul de prognoses in en leg ze dan vast.`,
    en: (d) =>
      `Table ${d.argument}: it holds no forecast (every cell in "Prognose" is blank). Fill in the forecasts, then record them.`,
  },
  steerBlankWho: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument}: vul in wie de prognose maakt (vrije tekst, bijv. "Business Control"). Een versie zonder maker is niet te herleiden.`,
    en: (d) =>
      `${d.argument}: fill in who makes the forecast (free text, e.g. "Business Control"). A version without an author cannot be traced.`,
  },
} satisfies Record<string, MessageDef>;
