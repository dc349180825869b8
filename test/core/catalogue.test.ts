/** The function-area messages: every code has a Dutch and an English text that differ. */
import { functionMessages, formatMessageNumber } from '../../src/core/messages/functions';
import { catalogue } from '../../src/core/messages';

const sample = {
  argument: 'arg',
  row: 2,
  column: 3,
  received: '7.5',
  expected: 'iets',
  other: 'other',
  rows: 4,
  columns: 1,
  otherRows: 5,
  otherColumns: 1,
  suggestion: 0.075,
  volume: 3,
  hours: 4,
  firstRow: 1,
  low: 1,
  high: 2,
  min: 1,
};

test.each(Object.keys(functionMessages))(
  '%s has nl and en messages that differ and name the argument',
  (code) => {
    const def = functionMessages[code as keyof typeof functionMessages];
    const nl = def.nl(sample);
    const en = def.en(sample);
    expect(nl.length).toBeGreaterThan(20);
    expect(en.length).toBeGreaterThan(20);
    expect(nl).not.toBe(en);
    expect(nl).toContain('arg');
    expect(en).toContain('arg');
    expect(catalogue[code as keyof typeof catalogue]).toBe(def);
  },
);

test('only missingNormCode and noCasesNoHours are #N/A; every other code is #VALUE!', () => {
  const na = Object.entries(functionMessages)
    .filter(([, d]) => d.excel === 'notAvailable')
    .map(([c]) => c)
    .sort();
  expect(na).toEqual(['missingNormCode', 'noCasesNoHours']);
  for (const d of Object.values(functionMessages))
    expect(['invalidValue', 'notAvailable']).toContain(d.excel);
});

test('numbers in messages: decimal comma in Dutch, no binary noise', () => {
  expect(formatMessageNumber(0.7470000000000001, 'nl')).toBe('0,747');
  expect(formatMessageNumber('74.7', 'nl')).toBe('74,7');
  expect(formatMessageNumber('74.7', 'en')).toBe('74.7');
  expect(formatMessageNumber('SP4', 'nl')).toBe('SP4');
  expect(formatMessageNumber(undefined, 'nl')).toBe('');
});
