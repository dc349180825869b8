import { CalcError } from '../../src/core/errors';
import { suggestColumns } from '../../src/taskpane/views/timerecording/useTimeRecording';

describe('column suggestions of the mapping step', () => {
  test('exact header names (any case) are pre-selected; nothing is fuzzy-guessed', () => {
    expect(
      suggestColumns(['MEDEWERKER', 'Datum', 'Team', 'Activiteit', 'Uren', 'Zaken', 'Productgroep']),
    ).toEqual({
      person: 'MEDEWERKER',
      date: 'Datum',
      team: 'Team',
      category: 'Activiteit',
      hours: 'Uren',
      cases: 'Zaken',
    });
  });
  test('a saved choice wins when that header exists, and is ignored when it does not', () => {
    expect(suggestColumns(['Dag', 'Tijd', 'Team'], { hours: 'Tijd', date: 'Boekdatum' })).toEqual({
      hours: 'Tijd',
      date: 'Dag',
      team: 'Team',
    });
  });
  test('the messages for an unchosen column and a missing source', () => {
    expect(
      new CalcError('trColumnNotMapped', { argument: 'Uren', received: '"A", "B"' }).messageIn('nl'),
    ).toBe('Er is nog geen kolom gekozen voor "Uren" (verplicht). Kies een van: "A", "B".');
    expect(new CalcError('trNoSource').messageIn('en')).toBe(
      'No source has been chosen, or nothing has been imported yet. First choose an export file or a table and click Import.',
    );
  });
});
