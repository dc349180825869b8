/**
 * Scenario simulator at full length: 520 four-week periods (40 years) driven by 20 product types.
 * First the before/after table of issue 9 (backlog per template and rule, default settings).
 * Times (median of repeated runs, after a warm-up):
 * - the workload from the product mix (Σ volume × norm / 60, 20 × 520 cells);
 * - one validated simulation per rule (2017 advance cut, funding path, recommended rule);
 * - building the sheet plan of live formulas for 520 periods (what "Naar werkblad schrijven" computes
 *   before the single gateway batch).
 * Checksums are printed so that the work cannot be optimised away and a broken run shows as NaN.
 */
import {
  DEFAULT_STAFF,
  generateTemplate,
  periodsToClear,
  REVIEW_BAND,
  RULE_PRESETS,
  simulate,
  summarize,
  workloadFromProducts,
  type RulePreset,
  type SimInput,
  type TemplateId,
} from '../src/core/scenario';
import { backlogPath } from '../src/core/backlog';
import { fundingPath } from '../src/core/fundingPath';
import { defaultSets, MODEL_SET } from '../src/taskpane/plans/parameters';
import { buildScenarioPlan } from '../src/taskpane/plans/scenario/scenarioSheet';

type Log = (line: string) => void;

const PERIODS = 520;
const PRODUCTS = 20;

/** Deterministic pseudo-random numbers (LCG), so runs are comparable. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Median wall time in ms of `fn` over `runs` runs, after five warm-up runs (JIT). */
function time(fn: () => void, runs: number): number {
  for (let i = 0; i < 5; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

/** One row of the backlog table: a template under a rule with the default settings. */
export interface BacklogRow {
  template: TemplateId;
  rule: RulePreset;
  /** Undefined when the run was refused; `refused` then holds the reason. */
  finalBacklog?: number;
  maxBacklog?: number;
  /** Periods from the largest backlog until it is at or below 1% of the mean workload; undefined: never. */
  periodsToClear?: number;
  /** Periods ending with a backlog above 1% of the mean workload, of `periods`. */
  periodsWithBacklog?: number;
  periods?: number;
  refused?: string;
}

const TEMPLATES: TemplateId[] = ['normal', 'shortPeak', 'longPeak', 'case2017'];
const RULES: RulePreset[] = ['advance2017', 'path', 'recommended'];

/**
 * The before/after table of issue 9: each template under each rule with the simulator's default
 * settings (DEFAULT_STAFF, the review band, no floor or cap, no lumpsum, the template's own starting
 * backlog: none before this change, the 2017 case's assumed backlog after it).
 * The same code prints the table before and after the staffing model changed.
 */
export function backlogTable(): BacklogRow[] {
  const rows: BacklogRow[] = [];
  for (const template of TEMPLATES) {
    const series = generateTemplate(template, REVIEW_BAND);
    for (const rule of RULES) {
      const input: SimInput = {
        workload: series.workload,
        forecast: series.forecast,
        band: REVIEW_BAND,
        rule: { ...RULE_PRESETS[rule], floor: 0, cap: Infinity },
        staff: DEFAULT_STAFF,
        lumpsum: 0,
        initialBacklog: series.initialBacklog ?? 0,
      };
      try {
        const r = simulate(input);
        const s = summarize(r);
        const mean = r.needsBasedHours.reduce((a, w) => a + w, 0) / r.periods;
        rows.push({
          template,
          rule,
          finalBacklog: s.finalBacklog,
          maxBacklog: s.maxBacklog,
          periodsToClear: periodsToClear(r.backlog, s.maxBacklogPeriod - 1, 0.01 * mean),
          periodsWithBacklog: s.periodsWithBacklog,
          periods: r.periods,
        });
      } catch (e) {
        rows.push({ template, rule, refused: e instanceof Error ? e.message : String(e) });
      }
    }
  }
  return rows;
}

/** The backlog table as tab-separated lines (hours rounded to whole hours for reading). */
export function backlogTableLines(rows: BacklogRow[] = backlogTable()): string[] {
  const out = ['template\trule\tfinal backlog (h)\tmax backlog (h)\tperiods to clear\tperiods with backlog'];
  for (const r of rows) {
    if (r.refused !== undefined) {
      out.push(`${r.template}\t${r.rule}\trefused: ${r.refused.slice(0, 60)}`);
      continue;
    }
    out.push(
      [
        r.template,
        r.rule,
        r.finalBacklog!.toFixed(0),
        r.maxBacklog!.toFixed(0),
        r.periodsToClear === undefined ? 'never' : String(r.periodsToClear),
        `${r.periodsWithBacklog} of ${r.periods}`,
      ].join('\t'),
    );
  }
  return out;
}

/** Runs the scenario bench. */
export async function run(log: Log): Promise<void> {
  log(
    'backlog per template and rule, default settings (periods to clear: from the largest backlog to ≤ 1% of the mean workload):',
  );
  for (const line of backlogTableLines()) log(line);
  const rnd = lcg(2017);
  // 20 illustrative (fictief) product types: norm 60–900 minutes; volumes with a yearly wave and noise,
  // scaled so that the total sits around the band's mean of 83,000 hours per period.
  const norms = Array.from({ length: PRODUCTS }, () => 60 + Math.floor(rnd() * 840));
  const volumes = norms.map((norm) => {
    const base = ((83000 / PRODUCTS) * 60) / norm;
    return Array.from(
      { length: PERIODS },
      (_, t) => base * (1 + 0.08 * Math.sin((2 * Math.PI * t) / 13) + 0.1 * (rnd() - 0.5)),
    );
  });

  let workload: number[] = [];
  const tWorkload = time(() => {
    workload = workloadFromProducts(volumes, norms);
  }, 50);
  const forecast = workload.map((w, t) => (t % 130 >= 13 && t % 130 < 39 ? w * 0.8 : w));
  log(
    `workload from ${PRODUCTS} products × ${PERIODS} periods: ${tWorkload.toFixed(3)} ms (Σ = ${workload.reduce((s, w) => s + w, 0).toFixed(0)} h)`,
  );

  const base = (preset: RulePreset): SimInput => ({
    workload,
    forecast,
    band: REVIEW_BAND,
    rule: { ...RULE_PRESETS[preset], floor: 0, cap: Infinity },
    staff: DEFAULT_STAFF,
    lumpsum: 0,
    initialBacklog: 0,
  });
  let total = 0;
  for (const preset of ['advance2017', 'path', 'recommended'] as RulePreset[]) {
    const input = base(preset);
    let maxBacklog = NaN;
    const ms = time(() => {
      maxBacklog = summarize(simulate(input)).maxBacklog;
    }, 50);
    total += ms;
    log(
      `simulate ${PERIODS} periods, rule ${preset}: ${ms.toFixed(3)} ms (max backlog ${maxBacklog.toFixed(0)} h)`,
    );
  }

  // A peer in the same process: the core's funding path and backlog over the same 520 periods
  // (what the simulator did before staff became a stock), so the ratio travels between machines.
  const recommended = base('recommended');
  const rate = DEFAULT_STAFF.costPerFtePeriod / (4 * 36 * 0.57);
  const tPeer = time(() => {
    const f = fundingPath(workload, rate, { lumpsum: 0, floor: 0, maxDecline: 0.05, confirmPeriods: 3 });
    backlogPath(
      workload,
      f.map((x) => x / rate),
      0,
    );
  }, 50);
  const tRec = time(() => simulate(recommended), 50);
  log(
    `peer (IND.FUNDINGPATH + IND.BACKLOG cores, ${PERIODS} periods): ${tPeer.toFixed(3)} ms; simulate / peer = ${(tRec / tPeer).toFixed(1)}`,
  );

  // The sheet plan as the pane builds it: linked to IND Parameters, with that sheet in the batch.
  const input = recommended;
  const result = simulate(input);
  const link = { sets: defaultSets(), active: MODEL_SET, write: true };
  let cells = 0;
  const tPlan = time(() => {
    const plan = buildScenarioPlan(input, result, {
      name: 'Bench',
      lang: 'nl',
      preset: 'recommended',
      parameters: link,
    });
    cells = plan.sheets.reduce(
      (n, sh) => n + sh.blocks.reduce((s, b) => s + b.cells.length * b.cells[0].length, 0),
      0,
    );
  }, 20);
  log(`sheet plan for ${PERIODS} periods (with IND Parameters): ${tPlan.toFixed(3)} ms (${cells} cells)`);

  const tFull = time(() => {
    const w = workloadFromProducts(volumes, norms);
    const i = { ...base('recommended'), workload: w };
    const r = simulate(i);
    buildScenarioPlan(i, r, { name: 'Bench', lang: 'nl', preset: 'recommended', parameters: link });
  }, 20);
  log(
    `one full action (products → simulation → sheet plan): ${tFull.toFixed(3)} ms; 3 rules simulated: ${total.toFixed(3)} ms`,
  );
  log(tFull < 100 ? 'perceived as instant (< 100 ms)' : 'SLOWER than 100 ms: not instant');
}
