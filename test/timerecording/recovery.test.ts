/**
 * The analysis recovers the known truth of generated exports: ratios, norms, effectiveness,
 * person-week flags, silent team-periods and the reconciliation of totals.
 */
import { analyse } from '../../src/core/timerecording/analysis';
import { importCsv } from '../../src/core/timerecording/import';
import {
  DEFAULT_PRODUCTS,
  GENERATED_COLUMNS,
  generateExport,
  generatedCategoryMapping,
  type GenSpec,
} from '../generators/timeRecordingExport';
import { streamOf, utf8 } from './helpers';

const norms = Object.fromEntries(DEFAULT_PRODUCTS.map((p) => [p.name, p.normMinutes]));

async function run(spec: GenSpec) {
  const { text, truth } = generateExport(spec);
  const imported = await importCsv(streamOf(utf8(text), 4096), {
    mapping: GENERATED_COLUMNS,
    periodKind: 'period4w',
  });
  const analysis = analyse(imported, {
    categoryMapping: generatedCategoryMapping(),
    norms,
    normThreshold: 0.15,
  });
  return { truth, imported, analysis };
}

describe('generated exports: the analysis recovers the known truth', () => {
  const teamSpeed = [0.8, 1.0, 1.25, 1.0];
  const spec: GenSpec = { seed: 20210104, teams: 4, personsPerTeam: 12, weeks: 13, teamSpeed };

  test('hours by category equal the generator ledger exactly; ratios match the design within sampling error', async () => {
    const { truth, imported, analysis } = await run(spec);
    expect(imported.rowsRead).toBe(truth.ledger.dataRows);
    expect(imported.rowsRejected).toBe(0);
    for (const [cls, h] of Object.entries(truth.ledger.hoursByClass)) {
      expect(analysis.total[cls as keyof typeof analysis.total]).toBeCloseTo(h, 9);
    }
    // 4 teams × 12 persons × 65 days: the sampling error of a share is below 0.01.
    expect(analysis.gross.basis).toBe('gross');
    expect(analysis.gross.value).toBeGreaterThan(truth.gross - 0.015);
    expect(analysis.gross.value).toBeLessThan(truth.gross + 0.015);
    expect(analysis.net.basis).toBe('net');
    expect(Math.abs(analysis.net.value - truth.net)).toBeLessThan(0.015);
    // The review's 57% gross is 81% net.
    expect(truth.net).toBeCloseTo(0.8097, 3);
  });

  test('norm deviations per product are recovered (cases within one per team of the design truth)', async () => {
    const { truth, imported, analysis } = await run(spec);
    for (const p of truth.products) {
      const row = analysis.products.find((r) => r.product === p.name);
      expect(row).toBeDefined();
      // Design truth: team t handles a case of p in norm × (1 + dev) × speed_t minutes. The
      // generator floors cases per team-product, so recorded cases lie within one case per team
      // below the exact number implied by the hours.
      let exactCases = 0;
      let h = 0;
      truth.teamNames.forEach((team, t) => {
        const ht = imported.cells
          .filter((c) => c.team === team && c.product === p.name)
          .reduce((a, c) => a + c.hours, 0);
        h += ht;
        exactCases += (ht * 60) / (p.normMinutes * (1 + p.deviation) * teamSpeed[t]);
      });
      expect(row!.cases).toBeLessThanOrEqual(exactCases + 1e-6);
      expect(row!.cases).toBeGreaterThan(exactCases - teamSpeed.length);
      const harmonic = h / exactCases / ((p.normMinutes * (1 + p.deviation)) / 60);
      expect(Math.abs((row!.realisedMinutes as number) / ((h * 60) / exactCases) - 1)).toBeLessThan(
        teamSpeed.length / row!.cases + 1e-9,
      );
      // Exactly the ledger: hours and cases per product.
      expect(row!.directHours).toBeCloseTo(truth.ledger.directHoursByProduct[p.name], 9);
      expect(row!.cases).toBe(truth.ledger.casesByProduct[p.name]);
      const dev = (1 + p.deviation) * harmonic - 1;
      expect(Math.abs((row!.deviation as number) - dev)).toBeLessThanOrEqual(
        ((1 + dev) * teamSpeed.length) / row!.cases + 1e-9,
      );
      expect(row!.status).toBe(
        Math.abs(dev) > 0.15 + 0.02 ? 'flag' : Math.abs(dev) < 0.15 - 0.02 ? 'ok' : row!.status,
      );
    }
  });

  test('effectiveness per team is recovered from the team speeds; the spread is a distribution of 4 teams', async () => {
    const { truth, analysis } = await run(spec);
    const mix =
      truth.products.reduce((a, p) => a + p.weight / (1 + p.deviation), 0) /
      truth.products.reduce((a, p) => a + p.weight, 0);
    expect(analysis.effectiveness).toHaveLength(4);
    // Teams come out in name order (not ranked); match them to the design by name.
    expect(analysis.effectiveness.map((e) => e.team)).toEqual([...truth.teamNames].sort());
    for (const e of analysis.effectiveness) {
      const i = truth.teamNames.indexOf(e.team);
      expect(Math.abs(e.value! / (mix / teamSpeed[i]) - 1)).toBeLessThan(0.03);
    }
    const spread = analysis.effectivenessSpread!;
    expect(spread.n).toBe(4);
    expect(spread.bins.reduce((a, b) => a + b.count, 0)).toBe(4);
    expect(spread.min).toBeLessThanOrEqual(spread.median);
  });

  test('silent team-periods are flagged; overtime person-weeks above 60 h are flagged, without names in the cells', async () => {
    const { imported, analysis } = await run({
      seed: 7,
      teams: 3,
      personsPerTeam: 4,
      weeks: 12,
      silentTeamWeeks: [4, 5, 6, 7].map((week) => ({ team: 1, week })), // period 2 of team 2
      overtime: [{ team: 2, person: 3, week: 9 }],
    });
    expect(analysis.missingTeamPeriods).toEqual([{ team: 'Team Oost', period: '2021-P02' }]);
    expect(imported.personWeekFlagCount).toBe(1);
    expect(imported.personWeekFlags[0]).toMatchObject({
      person: 'M02003',
      team: 'Team Zuid',
      week: '2021-W10',
    });
    expect(JSON.stringify(imported.cells)).not.toContain('M0');
  });

  test('unreadable rows are counted and tie out in the reconciliation', async () => {
    const { truth, imported, analysis } = await run({
      seed: 3,
      teams: 2,
      personsPerTeam: 3,
      weeks: 4,
      badEvery: 50,
    });
    expect(truth.ledger.badRows).toBeGreaterThan(10);
    expect(imported.rowsRejected).toBe(truth.ledger.badRows);
    expect(imported.issueCounts.trRowHoursNotNumber).toBe(truth.ledger.badRows);
    expect(analysis.reconciliation.rejectedRowsWithoutHours).toBe(truth.ledger.badRows);
    expect(analysis.reconciliation.difference).toBeCloseTo(0, 9);
  });

  test('the same export with , delimiter, decimal point and ISO dates gives the same aggregate', async () => {
    const a = await run({ seed: 11, teams: 2, personsPerTeam: 3, weeks: 4 });
    const b = await run({
      seed: 11,
      teams: 2,
      personsPerTeam: 3,
      weeks: 4,
      delimiter: ',',
      decimalComma: false,
      dateFormat: 'iso',
    });
    expect(b.imported.delimiter).toBe(',');
    expect(b.imported.cells).toEqual(a.imported.cells);
  });
});
