/** Shared inputs of the figures tests. */
import { importRows } from '../../src/core/timerecording/import';
import type { CategoryMapping } from '../../src/core/timerecording/types';

/**
 * A time recording measuring exactly 57% direct (gross), 13.4% indirect and 29.6% absence over
 * 1,000 hours, in whole-hour rows of at most 24 hours (one line is one day).
 */
export function measured57(): ReturnType<typeof importRows> {
  const hours: [string, number][] = [
    ['Zaakbehandeling', 570],
    ['Opgeleid worden', 50],
    ['Opleiden', 10],
    ['Begeleiden', 30],
    ['Coördinatie', 20],
    ['Overleg', 15],
    ['Projecten', 5],
    ['Neventaken', 4],
    ['Verlof', 200],
    ['Bijzonder verlof', 40],
    ['Verzuim', 56],
  ];
  const rows: (string | number)[][] = [];
  for (const [cat, total] of hours) {
    for (let left = total; left > 0; left -= 24) rows.push(['04-01-2021', 'Team A', cat, Math.min(24, left)]);
  }
  return importRows(['Datum', 'Team', 'Categorie', 'Uren'], rows, {
    mapping: { date: 'Datum', team: 'Team', category: 'Categorie', hours: 'Uren' },
    periodKind: 'period4w',
  });
}
export const MEASURED57_MAPPING: CategoryMapping = {
  zaakbehandeling: 'direct',
  'opgeleid worden': 'beingTrained',
  opleiden: 'training',
  begeleiden: 'coaching',
  coördinatie: 'coordination',
  overleg: 'meetings',
  projecten: 'projects',
  neventaken: 'sideTasks',
  verlof: 'leave',
  'bijzonder verlof': 'specialLeave',
  verzuim: 'sickness',
};
