/**
 * Headless recalculation (`ind-rekenmodel recalc`) of a Rekenblad workbook of 1,000 products ×
 * 13 periods, as a controller would run it on a saved file: once for one file, then for 20 such
 * files in parallel (2 LibreOffice processes, each with its own profile, batches of files). The
 * 20-file run is also given per file and as a ratio to the single run in the same process. Needs
 * LibreOffice (`bash scripts/install-libreoffice.sh`); without it the module says so and stops.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runRecalc } from '../src/cli/recalc';
import type { NormRow } from '../src/core/norms';
import { findSoffice } from '../src/engine/libreoffice';
import { workbookFromPlans } from '../src/engine/model';
import { renderXlsx } from '../src/engine/xlsx';
import type { CellValue, WritePlan } from '../src/taskpane/host/types';
import {
  buildCalcSheetPlan,
  buildExampleVolumePlan,
  buildNormTablePlan,
  buildParameterPlan,
  defaultSets,
  EXAMPLE_VOLUME_TABLE,
  MODEL_SET,
} from '../src/taskpane/plans';

type Log = (line: string) => void;

const PRODUCTS = 1000;
const PERIODS = 13;
const FILES = 20;

/** Deterministic pseudo-random numbers (LCG), so runs are comparable. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The Rekenblad workbook's plans: parameters, 1,000 norms, 1,000 × 13 volumes, the sheet. */
export function plans(): WritePlan[] {
  const rnd = lcg(7);
  const codes = Array.from({ length: PRODUCTS }, (_, i) => `P${String(i + 1).padStart(4, '0')}`);
  const norms: NormRow[] = codes.map((code) => ({
    code,
    name: `Product ${code} (fictief)`,
    minutes: 20 + Math.round(rnd() * 600),
    validFrom: null,
    version: '2021',
  }));
  const headers = [
    'Code',
    ...Array.from({ length: PERIODS }, (_, j) => `2024-P${String(j + 1).padStart(2, '0')}`),
  ];
  const rows: CellValue[][] = codes.map((c) => [c, ...headers.slice(1).map(() => Math.round(rnd() * 12))]);
  const example = buildExampleVolumePlan();
  const volumes: WritePlan = {
    ...example,
    sheets: [
      {
        ...example.sheets[0],
        tables: [{ ...example.sheets[0].tables![0], headers, rows, columnFormats: undefined }],
      },
    ],
  };
  const calc = buildCalcSheetPlan({
    volume: { name: EXAMPLE_VOLUME_TABLE, sheet: 'IND Voorbeeldvolumes', address: 'A4', headers, rows },
    norms,
    version: '2021',
  });
  if (!calc.plan) throw new Error(JSON.stringify(calc.issues));
  return [volumes, buildParameterPlan(defaultSets(), MODEL_SET), buildNormTablePlan(norms), calc.plan];
}

const quiet = {
  stdout: () => undefined,
  stderr: (l: string) => process.stderr.write(`${l}\n`),
  readFile: () => Promise.resolve(''),
};

/**
 * Where the time went, per phase (summed over the files; LibreOffice per process, so two processes
 * side by side count twice). Node's phases run one after another on one thread, overlapping with
 * LibreOffice's processes.
 */
function logPhases(log: Log, phases: Map<string, number>): void {
  for (const [phase, ms] of phases) log(`  ${`${phase}:`.padEnd(34)}${(ms / 1000).toFixed(1)} s`);
}

/** Runs the benchmark. */
export async function run(log: Log): Promise<void> {
  try {
    findSoffice();
  } catch {
    log('LibreOffice not found: skipped (bash scripts/install-libreoffice.sh).');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'ind-bench-recalc-'));
  try {
    const model = workbookFromPlans(...plans());
    const cells = model.sheets.reduce((s, x) => s + x.cells.size, 0);
    const one = join(dir, 'rekenblad.xlsx');
    writeFileSync(one, await renderXlsx(model));
    const many = Array.from({ length: FILES }, (_, i) => {
      const p = join(dir, `rekenblad-${String(i + 1).padStart(2, '0')}.xlsx`);
      copyFileSync(one, p);
      return p;
    });
    log(`Rekenblad workbook: ${PRODUCTS} products × ${PERIODS} periods, ${cells} cells`);
    const phases1 = new Map<string, number>();
    let t = Date.now();
    const code1 = await runRecalc([one, '--out', join(dir, 'out1')], quiet, { phases: phases1 });
    const single = (Date.now() - t) / 1000;
    log(`recalc, 1 file:                ${single.toFixed(1)} s (exit code ${code1})`);
    logPhases(log, phases1);
    const phases20 = new Map<string, number>();
    t = Date.now();
    const code20 = await runRecalc([...many, '--out', join(dir, 'out20'), '--workers', '2'], quiet, {
      phases: phases20,
    });
    const twenty = (Date.now() - t) / 1000;
    log(
      `recalc, ${FILES} files in parallel:   ${twenty.toFixed(1)} s (exit code ${code20}), ${(twenty / FILES).toFixed(1)} s per file`,
    );
    log(
      `ratio ${FILES} files / 1 file:       ${(twenty / single).toFixed(1)} (${FILES} would be serial without batching)`,
    );
    logPhases(log, phases20);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
