/** The action table's carry-over: open actions move to the next period unchanged; closed ones stay behind. */
import {
  ACTION_HEADERS,
  actionTableName,
  buildActionRows,
  carryOverOpenActions,
  isOpen,
  previousActionTable,
} from '../../src/core/funding';

describe('action carry-over', () => {
  const headers = [...ACTION_HEADERS];
  const rows = [
    ['P1 · mix', 1500, '2026-T1', 'Meer Dublinzaken', 'Herverdelen', 'Team Noord', 46100, 'Open'],
    ['P2 · volume', -1000, '2026-T1', 'Minder instroom', 'Geen', 'BC', '', 'Afgerond'],
    ['P2 · mix', -3000, '2026-T1', '', '', '', '', ''],
    ['', '', '', '', '', '', '', ''],
    ['overig/niet toegerekend', 500, '2026-T1', 'Boekingsfout', 'Corrigeren', 'Fin', 46130, 'gereed'],
  ];

  it('keeps open and blank-status rows, drops closed ones and empty rows', () => {
    const open = carryOverOpenActions('IND_Acties_2026_T1', headers, rows);
    expect(open.map((r) => r.variance)).toEqual(['P1 · mix', 'P2 · mix']);
    expect(open[0]).toEqual({
      variance: 'P1 · mix',
      amount: 1500,
      period: '2026-T1',
      cause: 'Meer Dublinzaken',
      action: 'Herverdelen',
      owner: 'Team Noord',
      due: 46100,
      status: 'Open',
      link: '',
      capacityHours: '',
      history: 'overgenomen uit IND_Acties_2026_T1 (Open)',
    });
    expect(open[1].status).toBe('Open');
  });

  it('reads a table whose columns were moved or named in English', () => {
    const en = ['Status', 'Variance', 'Amount (€)', 'Period', 'Cause', 'Action', 'Owner', 'Due date'];
    const open = carryOverOpenActions('T', en, [
      ['Done', 'x', 1, 'p', '', '', '', ''],
      ['In progress', 'y', 2, 'p', '', '', 'me', ''],
    ]);
    expect(open.map((r) => [r.variance, r.status, r.owner])).toEqual([['y', 'In progress', 'me']]);
  });

  it('the next period: carried rows first, then one open row per material variance', () => {
    const carried = carryOverOpenActions('IND_Acties_2026_T1', headers, rows);
    const next = buildActionRows(
      carried,
      [
        { code: 'P3', kind: 'efficiency', amount: 1234.5678 },
        { code: '', kind: 'other', amount: -10 },
      ],
      '2026-T2',
    );
    expect(next.map((r) => [r.variance, r.amount, r.period, r.status])).toEqual([
      ['P1 · mix', 1500, '2026-T1', 'Open'],
      ['P2 · mix', -3000, '2026-T1', 'Open'],
      ['P3 · efficiëntie', 1234.57, '2026-T2', 'Open'],
      ['overig/niet toegerekend', -10, '2026-T2', 'Open'],
    ]);
  });

  it('finds the previous period’s table, not the current or a later one', () => {
    const names = [
      'IND_Acties_2026_T1',
      'IND_Acties_2025_T3',
      'IND_Acties_2026_T3',
      'Other',
      'IND_Acties_2026_T2',
    ];
    expect(previousActionTable(names, '2026-T2')).toBe('IND_Acties_2026_T1');
    expect(previousActionTable(names, '2025-T3')).toBeUndefined();
    expect(actionTableName('2026-T2')).toBe('IND_Acties_2026_T2');
  });

  it('status words close an action case-insensitively; anything else stays open', () => {
    expect(['Afgerond', 'GEREED', 'closed', ' done '].map(isOpen)).toEqual([false, false, false, false]);
    expect(['Open', 'Loopt', '', null].map(isOpen)).toEqual([true, true, true, true]);
  });
});
