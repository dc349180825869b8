import type { ErrorDetails, MessageDef } from './types';

/** Renders "row 7" / "rij 7" only when the row is known. */
function rowNl(d: ErrorDetails): string {
  return d.row === undefined ? '' : ` in rij ${d.row}`;
}
function rowEn(d: ErrorDetails): string {
  return d.row === undefined ? '' : ` in row ${d.row}`;
}

/**
 * Error messages of the scenario and funding-path simulator (nl/en). Each message names the
 * argument, the row when there is one, what was expected, what was received, and the fix.
 */
export const scenarioMessages = {
  scenarioSeriesEmpty: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument ?? 'Werklast'}: de reeks is leeg. Verwacht: minstens 1 periode van 4 weken met uren. Vul of plak de werklast per periode, of kies een sjabloon.`,
    en: (d) =>
      `${d.argument ?? 'Workload'}: the series is empty. Expected: at least 1 four-week period with hours. Enter or paste the workload per period, or pick a template.`,
  },
  scenarioMissingPeriod: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument ?? 'Werklast'}: periode ${d.period ?? '?'} ontbreekt${rowNl(d)}. Verwacht: een getal voor elke periode, zonder gaten; ontvangen: ${d.received ?? 'leeg'}. Vul de ontbrekende periode in (0 als er echt geen werk was).`,
    en: (d) =>
      `${d.argument ?? 'Workload'}: period ${d.period ?? '?'} is missing${rowEn(d)}. Expected: a number for every period, without gaps; received: ${d.received ?? 'blank'}. Fill in the missing period (0 if there really was no work).`,
  },
  scenarioNotNumber: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument ?? 'Werklast'}${rowNl(d)}: verwacht een getal (uren), ontvangen tekst "${d.received ?? ''}". Typ alleen het getal, bijvoorbeeld 83000 of 83.000,5, zonder eenheid.`,
    en: (d) =>
      `${d.argument ?? 'Workload'}${rowEn(d)}: expected a number (hours), received text "${d.received ?? ''}". Type only the number, for example 83000 or 83,000.5, without a unit.`,
  },
  scenarioNegative: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument ?? 'Werklast'}${rowNl(d)}: verwacht 0 of meer, ontvangen ${d.received ?? '?'}. Uren en bedragen kunnen niet negatief zijn; corrigeer het teken.`,
    en: (d) =>
      `${d.argument ?? 'Workload'}${rowEn(d)}: expected 0 or more, received ${d.received ?? '?'}. Hours and amounts cannot be negative; correct the sign.`,
  },
  scenarioFloorAboveCap: {
    excel: 'invalidValue',
    nl: (d) =>
      `Ondergrens (${d.floor ?? '?'}) ligt boven het plafond (${d.cap ?? '?'}). Verwacht: ondergrens ≤ plafond. Verlaag de ondergrens of verhoog het plafond (leeg plafond = geen plafond).`,
    en: (d) =>
      `Floor (${d.floor ?? '?'}) is above the cap (${d.cap ?? '?'}). Expected: floor ≤ cap. Lower the floor or raise the cap (blank cap = no cap).`,
  },
  scenarioRatioAsPercent: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument ?? 'Aandeel'}: verwacht een fractie tussen 0 en 1, ontvangen ${d.received ?? '?'}. Dit lijkt een percentage; typ ${d.suggestion ?? 'de waarde / 100'} in plaats van ${d.received ?? '?'}.`,
    en: (d) =>
      `${d.argument ?? 'Share'}: expected a fraction between 0 and 1, received ${d.received ?? '?'}. This looks like a percentage; type ${d.suggestion ?? 'the value / 100'} instead of ${d.received ?? '?'}.`,
  },
  scenarioOutOfRange: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument ?? 'Parameter'}: verwacht ${d.expected ?? 'een geldige waarde'}, ontvangen ${d.received ?? '?'}. Pas de waarde aan.`,
    en: (d) =>
      `${d.argument ?? 'Parameter'}: expected ${d.expected ?? 'a valid value'}, received ${d.received ?? '?'}. Adjust the value.`,
  },
  scenarioLengthMismatch: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument ?? 'Prognose'} heeft ${d.received ?? '?'} perioden, de werklast ${d.expected ?? '?'}. Verwacht: even lange reeksen, één waarde per periode. Vul de prognose aan of laat haar helemaal leeg.`,
    en: (d) =>
      `${d.argument ?? 'Forecast'} has ${d.received ?? '?'} periods, the workload ${d.expected ?? '?'}. Expected: series of equal length, one value per period. Complete the forecast or leave it entirely blank.`,
  },
  scenarioPasteNoNumbers: {
    excel: 'invalidValue',
    nl: (d) =>
      `Geplakte tekst: geen getallen gevonden${d.received ? ` (begin: "${d.received}")` : ''}. Verwacht: één periode per regel, de werklast in uren, eventueel met een tweede kolom (tab of ;) voor de prognose. Kopieer de kolom(men) uit Excel en plak opnieuw.`,
    en: (d) =>
      `Pasted text: no numbers found${d.received ? ` (start: "${d.received}")` : ''}. Expected: one period per line, the workload in hours, optionally a second column (tab or ;) for the forecast. Copy the column(s) from Excel and paste again.`,
  },
  scenarioSavedNameMissing: {
    excel: 'invalidValue',
    nl: () =>
      `Scenarionaam is leeg. Verwacht: een korte naam (bijv. "Bezuiniging 2017"). Typ een naam en bewaar opnieuw.`,
    en: () => `Scenario name is blank. Expected: a short name (e.g. "Cut 2017"). Type a name and save again.`,
  },
  // Staffing model (issue 9): hiring policy, recruitment lag, coaching capacity, steady state.
  scenarioUnknownPolicy: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument ?? 'Vervanging vertrekkers'}: het wervingsbeleid "${d.received ?? ''}" bestaat niet. Verwacht: ${d.expected ?? 'jaareinde | direct'} (jaareinde = vertrekkers pas aan het jaareinde vervangen, de begrotingsregel; direct = meteen). Typ een van deze namen.`,
    en: (d) =>
      `${d.argument ?? 'Replacement of leavers'}: the hiring policy "${d.received ?? ''}" does not exist. Expected: ${d.expected ?? 'jaareinde | direct'} (jaareinde = leavers replaced only at the year end, the budget rule; direct = at once). Type one of these names.`,
  },
  scenarioLagTooLong: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument ?? 'Wervingstijd'}: ${d.received ?? '?'} perioden is minstens zo lang als de reeks (${d.periods ?? '?'} perioden), dus geen enkele vacature wordt binnen de reeks vervuld. Verwacht: een wervingstijd korter dan de reeks. Verkort de wervingstijd of verleng de reeks.`,
    en: (d) =>
      `${d.argument ?? 'Recruitment lag'}: ${d.received ?? '?'} periods is at least as long as the series (${d.periods ?? '?'} periods), so no vacancy is filled within it. Expected: a lag shorter than the series. Shorten the lag or lengthen the series.`,
  },
  scenarioNegativeCap: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument ?? 'Max. nieuwe fte per ervaren fte'}: verwacht 0 of meer, ontvangen ${d.received ?? '?'}. Het is het aantal fte in de inwerkperiode dat één ervaren fte kan begeleiden (0 = vacaturestop). Typ bijvoorbeeld 0.3.`,
    en: (d) =>
      `${d.argument ?? 'Max. trainee fte per experienced fte'}: expected 0 or more, received ${d.received ?? '?'}. It is the trainee fte one experienced fte can coach (0 = hiring freeze). Type for example 0.3.`,
  },
  scenarioHiringFreeze: {
    excel: 'invalidValue',
    nl: () =>
      `Let op: begeleidingscapaciteit 0 is een vacaturestop. Niemand wordt aangenomen; de bezetting daalt met elke vertrekker.`,
    en: () =>
      `Note: a coaching capacity of 0 is a hiring freeze. Nobody is hired; staff falls with every leaver.`,
  },
  scenarioCoachingShort: {
    excel: 'invalidValue',
    nl: (d) =>
      `Let op: de begeleidingscapaciteit (${d.cap ?? '?'} × ${d.experienced ?? '?'} ervaren fte = ${d.room ?? '?'} fte in opleiding) is kleiner dan wat het vervangen van vertrekkers tegelijk in opleiding brengt (${d.need ?? '?'} fte). Nieuwe mensen wachten, dus de bezetting blijft achter. Verhoog de begeleidingscapaciteit of vervang vertrekkers direct (gespreid).`,
    en: (d) =>
      `Note: the coaching capacity (${d.cap ?? '?'} × ${d.experienced ?? '?'} experienced fte = ${d.room ?? '?'} trainee fte) is smaller than what replacing leavers puts in induction at once (${d.need ?? '?'} fte). New staff wait, so staff falls behind. Raise the coaching capacity or replace leavers at once (spread out).`,
  },
  scenarioUnsustainable: {
    excel: 'invalidValue',
    nl: (d) =>
      `Let op: bij de gemiddelde werklast (${d.hours ?? '?'} uur per periode) betaalt de financiering ${d.funded ?? '?'} fte; een stabiele bezetting vraagt ${d.productive ?? '?'} productieve fte plus het vaste verlies aan vacatures, inwerken en begeleiding van ${d.loss ?? '?'} fte (${d.vacancies ?? '?'} + ${d.induction ?? '?'} + ${d.coaching ?? '?'}) = ${d.needed ?? '?'} fte. De achterstand groeit dan met ongeveer ${d.shortfall ?? '?'} uur per periode. Zet de opslag in het doel op 1 of verhoog plafond of tarief.`,
    en: (d) =>
      `Note: at the mean workload (${d.hours ?? '?'} hours per period) funding pays for ${d.funded ?? '?'} fte; a stable staff needs ${d.productive ?? '?'} productive fte plus the steady loss to vacancies, induction and coaching of ${d.loss ?? '?'} fte (${d.vacancies ?? '?'} + ${d.induction ?? '?'} + ${d.coaching ?? '?'}) = ${d.needed ?? '?'} fte. The backlog then grows by about ${d.shortfall ?? '?'} hours per period. Set the allowance in the target to 1, or raise the cap or the rate.`,
  },
  scenarioLossTooHigh: {
    excel: 'invalidValue',
    nl: (d) =>
      `Let op: verloop ${d.turnover ?? '?'} × inwerktijd ${d.induction ?? '?'} perioden × (1 + begeleiding ${d.coaching ?? '?'}) / 26 = ${d.factor ?? '?'}: het inwerken van vervangers kost minstens de hele bezetting, dus geen financiering houdt een stabiele bezetting in stand. Verlaag verloop, inwerktijd of begeleiding.`,
    en: (d) =>
      `Note: turnover ${d.turnover ?? '?'} × induction ${d.induction ?? '?'} periods × (1 + coaching ${d.coaching ?? '?'}) / 26 = ${d.factor ?? '?'}: inducting replacements costs at least the whole staff, so no funding sustains a stable staff. Lower turnover, induction time or coaching.`,
  },
  scenarioUnknownSetting: {
    excel: 'invalidValue',
    nl: (d) =>
      `Onbekende parameter "${d.received ?? ''}". Verwacht een van: ${d.expected ?? ''}. Gebruik de namen uit de kolom Parameter van het blad.`,
    en: (d) =>
      `Unknown parameter "${d.received ?? ''}". Expected one of: ${d.expected ?? ''}. Use the names of the sheet's Parameter column.`,
  },
  scenarioBadSetting: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument ?? 'Parameter'}: verwacht ${d.expected ?? 'een geldige waarde'}, ontvangen "${d.received ?? ''}". Typ de waarde in de vorm naam=waarde, bijvoorbeeld recruitmentLag=3.`,
    en: (d) =>
      `${d.argument ?? 'Parameter'}: expected ${d.expected ?? 'a valid value'}, received "${d.received ?? ''}". Type the value as name=value, for example recruitmentLag=3.`,
  },
} satisfies Record<string, MessageDef>;
