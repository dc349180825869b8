/** The example exports in assets/examples/steering (fictief) import cleanly through the tab's pipeline. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { DEADLINES_DEFAULT } from '../../src/core/params/steering';
import { buildCalendar, importDecidedExport, importStockExport, parseDate } from '../../src/core/steering';

const dir = join(__dirname, '..', '..', 'assets', 'examples', 'steering');
const stream = (file: string) => () =>
  new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(new Uint8Array(readFileSync(join(dir, file))));
      c.close();
    },
  });

test('the fictitious stock and decided exports import without a refused row', async () => {
  const opts = {
    peil: parseDate('30-04-2026'),
    calendar: buildCalendar(2026),
    terms: new Map(DEADLINES_DEFAULT.map((d) => [d.product, d.termDays])),
  };
  const stock = await importStockExport(
    { kind: 'csv', open: stream('voorraad-fictief.csv') },
    { ...opts, file: 'voorraad-fictief.csv' },
  );
  expect(stock.result.cases).toBe(60);
  const decided = await importDecidedExport(
    { kind: 'csv', open: stream('besloten-fictief.csv') },
    { ...opts, file: 'besloten-fictief.csv' },
    { file: 'voorraad-fictief.csv', ids: stock.ids },
  );
  expect(decided.cases).toBe(50);
  expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('FICTIEF');
});
