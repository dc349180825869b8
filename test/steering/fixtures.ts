/**
 * Hand-worked fixtures of the steering tests (fictief). Peildatum 30-04-2026; terms AA 183, VA 183,
 * NAREIS 90 days. Each stock case lists, as worked by hand, its days since receipt (or past its
 * adjusted deadline) and its days late (days − term; ≤ 0 is within term).
 */
import { buildCalendar, parseDate, type Calendar } from '../../src/core/steering';

export const PEIL = parseDate('30-04-2026');
export const CAL: Calendar = buildCalendar(2026);
export const TERMS = new Map([
  ['AA', 183],
  ['VA', 183],
  ['NAREIS', 90],
]);

export const STOCK_HEADERS = [
  'Zaaknummer',
  'Product',
  'Datum ontvangst',
  'Verlengd tot',
  'Datum ingebrekestelling',
  'Status',
  'Naam aanvrager',
];

/** [id, product, received, adjusted, notice, status, name] — the name column must never be read. */
export const STOCK_ROWS: (string | number)[][] = [
  // AA (term 183): days since receipt → days late → bucket
  ['Z-0001', 'AA', '01-01-2026', '', '', 'In behandeling', 'Jan Jansen'], // 119 → −64 → within
  ['Z-0002', 'AA', '29-10-2025', '', '', 'In behandeling', 'Piet de Vries'], // 183 → 0 → within (on the deadline)
  ['Z-0003', 'AA', '28-10-2025', '', '', 'In behandeling', 'Anna Bakker'], // 184 → 1 → 1–14
  ['Z-0004', 'AA', '15-10-2025', '', '', 'In behandeling', 'Kees Visser'], // 197 → 14 → 1–14
  ['Z-0005', 'AA', '14-10-2025', '', '', 'In behandeling', 'Mila Smit'], // 198 → 15 → 15–28
  ['Z-0006', 'AA', '01-10-2025', '', '', 'In behandeling', 'Daan Mulder'], // 211 → 28 → 15–28
  ['Z-0007', 'AA', '30-09-2025', '', '', 'In behandeling', 'Sara de Boer'], // 212 → 29 → 29–42
  ['Z-0008', 'AA', '17-09-2025', '', '', 'In behandeling', 'Noah Meijer'], // 225 → 42 → 29–42
  ['Z-0009', 'AA', '16-09-2025', '', '', 'In behandeling', 'Eva de Groot'], // 226 → 43 → > 42
  ['Z-0010', 'AA', '01-01-2025', '', '01-04-2026', 'In behandeling', 'Lucas Bos'], // 484 → 301 → > 42; notice 29 days ago
  ['Z-0011', 'AA', '01-06-2025', '15-05-2026', '', 'Verlengd', 'Tess Vos'], // adjusted: 15 days to go → within
  ['Z-0012', 'AA', '01-06-2025', '20-04-2026', '', 'Verlengd', 'Finn Peters'], // adjusted: 10 days past → 1–14
  // NAREIS (term 90)
  ['Z-0013', 'NAREIS', '30-04-2026', '', '', 'Nieuw', 'Lotte Hendriks'], // 0 → −90 → within
  ['Z-0014', 'NAREIS', '30-01-2026', '', '', 'In behandeling', 'Sem van Dijk'], // 90 → 0 → within
  ['Z-0015', 'NAREIS', '29-01-2026', '', '', 'In behandeling', 'Julia Dekker'], // 91 → 1 → 1–14
  ['Z-0016', 'NAREIS', '01-01-2026', '', '', 'In behandeling', 'Levi Brouwer'], // 119 → 29 → 29–42
  ['Z-0017', 'NAREIS', '01-12-2025', '', '', 'In behandeling', 'Zoë de Wit'], // 150 → 60 → > 42
  ['Z-0018', 'NAREIS', '15-01-2026', '', '', 'In behandeling', 'Bram Dijkstra'], // 105 → 15 → 15–28
  // VA (term 183)
  ['Z-0019', 'VA', '01-03-2026', '', '', 'In behandeling', 'Fenna Smits'], // 60 → −123 → within
  ['Z-0020', 'VA', '01-05-2025', '', '', 'In behandeling', 'Thijs de Graaf'], // 364 → 181 → > 42
];

/** The hand-worked ageing: [stock, within, 1–14, 15–28, 29–42, > 42]. */
export const EXPECTED_AGEING: Record<string, number[]> = {
  AA: [12, 3, 3, 2, 2, 2],
  NAREIS: [6, 2, 1, 1, 1, 1],
  VA: [2, 1, 0, 0, 0, 1],
  total: [20, 6, 4, 3, 3, 4],
};

/**
 * Hand-worked exposure now (share with notice 0.5, 14 days to the notice, penalty from 14 days
 * after it, so penalty days = days late − 28 without a notice date):
 * AA: Z-0007 1 day → 23 × 0.5 = 11.5; Z-0008 14 → 322 × 0.5 = 161; Z-0009 15 → (322 + 35) × 0.5 =
 * 178.5; Z-0010 has a notice 29 days ago → 15 days → 357 (weight 1). AA = 708.
 * NAREIS: Z-0016 1 → 11.5; Z-0017 32 → (322 + 490 + 4 × 45) × 0.5 = 496. NAREIS = 507.5.
 * VA: Z-0020 153 → capped at 42 days = 1442 × 0.5 = 721. Total 1,936.5.
 */
export const EXPECTED_EXPOSURE = { AA: 708, NAREIS: 507.5, VA: 721, total: 1936.5 };

export const DECIDED_HEADERS = [
  'Zaaknummer',
  'Product',
  'Datum ontvangst',
  'Datum besluit',
  'Team',
  'Behandelaar',
];

/** Decided cases: lead time (days) by hand; within term when ≤ the term. */
export const DECIDED_ROWS: (string | number)[][] = [
  ['B-01', 'AA', '05-01-2026', '10-02-2026', 'Team Noord', 'M. Jansen'], // 36 → within; decided in P02
  ['B-02', 'AA', '01-07-2025', '05-01-2026', 'Team Noord', 'M. Jansen'], // 188 → late; decided P01
  ['B-03', 'AA', '01-12-2025', '31-03-2026', 'Team Zuid', 'K. Ali'], // 120 → within; P04 (ends 19-04)
  ['B-04', 'NAREIS', '02-01-2026', '02-04-2026', 'Team Zuid', 'K. Ali'], // 90 → within (on the deadline); P04
  ['B-05', 'NAREIS', '02-01-2026', '03-04-2026', 'Team Zuid', 'K. Ali'], // 91 → late; P04
  ['B-06', 'VA', '15-02-2026', '28-04-2026', 'Team Noord', 'M. Jansen'], // 72 → within; P05 (current)
];
