/**
 * Texts of the workbook commands `portable` and `recalc`, Dutch first, English complete.
 */
import type { Lang } from '../core/messages/types';
import type { InputProblem } from '../engine/inputCheck';
import { INSTALL_COMMAND } from '../engine/libreoffice';

/** The texts of one language. */
export interface WorkbookTexts {
  portableUsage: string;
  recalcUsage: string;
  missingOut: string;
  missingInput: string;
  unknownOption: (o: string) => string;
  outExists: (p: string) => string;
  sameFile: (p: string) => string;
  cannotRead: (p: string, why: string) => string;
  problem: (p: string, problem: InputProblem) => string;
  circular: (p: string, cells: string) => string;
  unreadableFormula: (p: string, detail: string) => string;
  portableDone: (
    out: string,
    converted: number,
    spill: number,
    helpers: number,
    notConverted: number,
  ) => string;
  notConverted: (cell: string, why: string) => string;
  restored: (out: string, cells: number) => string;
  notPortable: (p: string) => string;
  sofficeMissing: (tried: string) => string;
  progress: (
    i: number,
    n: number,
    file: string,
    formulas: number,
    changed: number,
    errors: number,
    s: number,
  ) => string;
  failed: (file: string, why: string) => string;
  summary: (files: number, changed: number, errors: number, report?: string) => string;
  badWorkers: (v: string) => string;
}

const problemNl = (p: InputProblem): string => {
  switch (p.kind) {
    case 'extension':
      return `geen .xlsx-bestand (extensie .${p.extension}); sla het op als Excel-werkmap (.xlsx)`;
    case 'encrypted':
      return 'versleuteld of met een wachtwoord beveiligd; sla een kopie op zonder wachtwoord (Bestand > Info > Werkmap beveiligen)';
    case 'notXlsx':
      return 'geen Excel-werkmap (.xlsx): het bestand is geen zip met een werkmap';
    case 'corrupt':
      return `beschadigd (het zip-bestand is niet te lezen: ${p.detail}); open het in Excel en sla het opnieuw op`;
    case 'macros':
      return "een werkmap met macro's (.xlsm met VBA): geweigerd, want de macro's zouden verloren gaan; sla een kopie op als .xlsx";
    case 'externalLinks':
      return `bevat externe koppelingen (bijv. ${p.example}); verbreek ze (Gegevens > Koppelingen bewerken > Koppeling verbreken) en probeer opnieuw`;
  }
};

const problemEn = (p: InputProblem): string => {
  switch (p.kind) {
    case 'extension':
      return `not an .xlsx file (extension .${p.extension}); save it as an Excel workbook (.xlsx)`;
    case 'encrypted':
      return 'encrypted or password-protected; save a copy without a password (File > Info > Protect Workbook)';
    case 'notXlsx':
      return 'not an Excel workbook (.xlsx): the file is not a zip with a workbook';
    case 'corrupt':
      return `corrupt (the zip cannot be read: ${p.detail}); open it in Excel and save it again`;
    case 'macros':
      return 'a workbook with macros (.xlsm with VBA): refused, because the macros would be lost; save a copy as .xlsx';
    case 'externalLinks':
      return `has external links (e.g. ${p.example}); break them (Data > Edit Links > Break Link) and try again`;
  }
};

/** The texts by language. */
export const workbookTexts: Record<Lang, WorkbookTexts> = {
  nl: {
    portableUsage:
      'Gebruik: ind-rekenmodel portable in.xlsx --out uit.xlsx [--force] [--terug] [--lang nl|en]\n' +
      '  Maakt een draagbare kopie: elke IND.*-functie vervangen door gewone Excel-formules (Excel 2010+, LibreOffice, Google Sheets).\n' +
      '  --terug: zet een draagbare werkmap terug naar de IND.*-formules.',
    recalcUsage:
      'Gebruik: ind-rekenmodel recalc in.xlsx [meer.xlsx ...] --out MAP [--report rapport.csv] [--soffice PAD] [--workers N] [--force] [--lang nl|en]\n' +
      '  Rekent werkmappen opnieuw door met LibreOffice (zonder Excel) en meldt elke cel die verandert of een fout geeft.',
    missingOut: 'Geef met --out aan waar het resultaat moet komen.',
    missingInput: 'Geef minstens één .xlsx-bestand.',
    unknownOption: (o) => `Onbekende optie ${o}.`,
    outExists: (p) => `${p} bestaat al; kies een andere naam of gebruik --force om het te overschrijven.`,
    sameFile: (p) => `${p} is ook het invoerbestand; het invoerbestand wordt nooit overschreven.`,
    cannotRead: (p, why) => `Kan ${p} niet lezen: ${why}`,
    problem: (p, problem) => `${p}: ${problemNl(problem)}.`,
    circular: (p, cells) => `${p}: kringverwijzing (${cells}); los die eerst op in Excel.`,
    unreadableFormula: (p, detail) => `${p}: een formule is niet te lezen: ${detail}`,
    portableDone: (out, converted, spill, helpers, notConverted) =>
      `${out}: ${converted} cellen met IND.* omgezet (plus ${spill} cellen van overlopen), ${helpers} hulpcellen op IND_Hulp, ` +
      `originelen op IND_Bron, overzicht op IND_Draagbaar. Verloren: de uitleg bij foutwaarden (de code blijft) en grafieken.` +
      (notConverted > 0 ? ` Niet omgezet: ${notConverted} cellen (zie IND_Draagbaar).` : ''),
    notConverted: (cell, why) => `  niet omgezet: ${cell}: ${why}`,
    restored: (out, cells) =>
      `${out}: ${cells} cellen terug naar hun IND.*-formule; IND_Hulp, IND_Bron en IND_Draagbaar verwijderd.`,
    notPortable: (p) => `${p} is geen draagbare werkmap (het blad IND_Bron ontbreekt).`,
    sofficeMissing: (tried) =>
      `LibreOffice (soffice) is niet gevonden (gezocht: ${tried}). Installeer het met:\n  ${INSTALL_COMMAND}\nof geef het pad met --soffice /pad/naar/soffice.`,
    progress: (i, n, file, formulas, changed, errors, s) =>
      `[${i}/${n}] ${file}: ${formulas} formules, ${changed} gewijzigd, ${errors} met een fout (${s.toFixed(1)} s)`,
    failed: (file, why) => `${file}: overgeslagen: ${why}`,
    summary: (files, changed, errors, report) =>
      `${files} werkmappen doorgerekend: ${changed} cellen gewijzigd, ${errors} cellen met een fout.` +
      (report ? ` Rapport: ${report}` : ''),
    badWorkers: (v) => `--workers verwacht een geheel getal van 1 tot 16, niet ${v}.`,
  },
  en: {
    portableUsage:
      'Usage: ind-rekenmodel portable in.xlsx --out out.xlsx [--force] [--back] [--lang nl|en]\n' +
      '  Writes a portable copy: every IND.* function replaced by plain Excel formulas (Excel 2010+, LibreOffice, Google Sheets).\n' +
      '  --back: turns a portable workbook back into its IND.* formulas.',
    recalcUsage:
      'Usage: ind-rekenmodel recalc in.xlsx [more.xlsx ...] --out DIR [--report report.csv] [--soffice PATH] [--workers N] [--force] [--lang nl|en]\n' +
      '  Recalculates workbooks with LibreOffice (no Excel needed) and reports every cell that changes or is in error.',
    missingOut: 'Say where the result goes with --out.',
    missingInput: 'Give at least one .xlsx file.',
    unknownOption: (o) => `Unknown option ${o}.`,
    outExists: (p) => `${p} exists already; choose another name or use --force to overwrite it.`,
    sameFile: (p) => `${p} is also the input file; the input is never overwritten.`,
    cannotRead: (p, why) => `Cannot read ${p}: ${why}`,
    problem: (p, problem) => `${p}: ${problemEn(problem)}.`,
    circular: (p, cells) => `${p}: circular reference (${cells}); resolve it in Excel first.`,
    unreadableFormula: (p, detail) => `${p}: a formula cannot be read: ${detail}`,
    portableDone: (out, converted, spill, helpers, notConverted) =>
      `${out}: ${converted} cells with IND.* converted (plus ${spill} cells of spills), ${helpers} helper cells on IND_Hulp, ` +
      `originals on IND_Bron, overview on IND_Draagbaar. Lost: the explanation of error values (the code stays) and charts.` +
      (notConverted > 0 ? ` Not converted: ${notConverted} cells (see IND_Draagbaar).` : ''),
    notConverted: (cell, why) => `  not converted: ${cell}: ${why}`,
    restored: (out, cells) =>
      `${out}: ${cells} cells back to their IND.* formula; IND_Hulp, IND_Bron and IND_Draagbaar removed.`,
    notPortable: (p) => `${p} is not a portable workbook (the sheet IND_Bron is missing).`,
    sofficeMissing: (tried) =>
      `LibreOffice (soffice) was not found (tried: ${tried}). Install it with:\n  ${INSTALL_COMMAND}\nor give its path with --soffice /path/to/soffice.`,
    progress: (i, n, file, formulas, changed, errors, s) =>
      `[${i}/${n}] ${file}: ${formulas} formulas, ${changed} changed, ${errors} in error (${s.toFixed(1)} s)`,
    failed: (file, why) => `${file}: skipped: ${why}`,
    summary: (files, changed, errors, report) =>
      `${files} workbooks recalculated: ${changed} cells changed, ${errors} cells in error.` +
      (report ? ` Report: ${report}` : ''),
    badWorkers: (v) => `--workers expects a whole number from 1 to 16, not ${v}.`,
  },
};
