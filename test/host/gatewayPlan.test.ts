import fc from 'fast-check';
import { isCalcError } from '../../src/core/errors';
import { sheetNameProblem } from '../../src/taskpane/host/address';
import {
  blockRange,
  candidateName,
  resolvePlan,
  rewritePlan,
  validatePlan,
  type WorkbookOverview,
} from '../../src/taskpane/host/plan';
import { emptyRegistry } from '../../src/taskpane/host/registry';
import type { WritePlan } from '../../src/taskpane/host/types';

const overview = (over: Partial<WorkbookOverview> = {}): WorkbookOverview => ({
  sheets: [],
  structureProtected: false,
  tables: [],
  names: [],
  registry: emptyRegistry(),
  ...over,
});

describe('candidateName', () => {
  it('numbers redirects from (2) and keeps every candidate a valid sheet name (property)', () => {
    expect(candidateName('IND Rekenblad', 1)).toBe('IND Rekenblad');
    expect(candidateName('IND Rekenblad', 2)).toBe('IND Rekenblad (2)');
    fc.assert(
      fc.property(
        fc
          .string({ minLength: 1, maxLength: 31 })
          .filter((s) => sheetNameProblem(s) === undefined && !s.endsWith(' ')),
        fc.integer({ min: 2, max: 999 }),
        (name, n) => {
          const c = candidateName(name, n);
          expect(c.length).toBeLessThanOrEqual(31);
          expect(c.endsWith(` (${n})`)).toBe(true);
        },
      ),
    );
  });
});

describe('blockRange', () => {
  it('sizes the block from its cells', () => {
    expect(blockRange('B2', [[1, 2, 3]])).toBe('B2:D2');
    expect(blockRange('C5', [[1]])).toBe('C5');
  });
});

describe('validatePlan', () => {
  const plan = (over: Partial<WritePlan['sheets'][0]>): WritePlan => ({
    action: 'Test',
    sheets: [{ name: 'S', blocks: [], ...over }],
  });
  const codeOf = (p: WritePlan): string | undefined => {
    try {
      validatePlan(p);
      return undefined;
    } catch (e) {
      return isCalcError(e) ? `${e.code}: ${e.messageIn('en')}` : 'not a CalcError';
    }
  };

  it('accepts a well-formed plan', () => {
    expect(
      codeOf(plan({ blocks: [{ at: 'A1', cells: [[1, '=A1']], numberFormat: [['0', '0.0']] }] })),
    ).toBeUndefined();
  });

  it.each([
    [
      'a table row of the wrong width',
      plan({ tables: [{ name: 'T', at: 'A1', headers: ['a', 'b'], rows: [[1]] }] }),
      /expected 2 cells per row, received 1 in row 1 of T/,
    ],
    [
      'a table name used twice',
      {
        action: 'Test',
        sheets: [
          { name: 'A', blocks: [], tables: [{ name: 'T', at: 'A1', headers: ['a'], rows: [] }] },
          { name: 'B', blocks: [], tables: [{ name: 't', at: 'A1', headers: ['a'], rows: [] }] },
        ],
      },
      /each table name once per plan/,
    ],
    [
      'a bad block corner',
      plan({ blocks: [{ at: 'A0', cells: [[1]] }] }),
      /a top-left cell like B2, received 'A0'/,
    ],
    [
      'a block beyond the grid',
      plan({ blocks: [{ at: 'XFD1', cells: [[1, 2]] }] }),
      /a block inside the sheet/,
    ],
    [
      'a chart with a bad corner',
      plan({ charts: [{ type: 'Line', title: 'x', source: 'A1:B2', at: 'H2', to: 'nope' }] }),
      /chart corners like H2/,
    ],
    [
      'a name that is a cell address',
      { action: 'Test', sheets: [], names: [{ name: 'AB12', ref: '=S!A1' }] },
      /not a cell address/,
    ],
  ])('rejects %s with hostPlanInvalid', (_label, p, message) => {
    const got = codeOf(p);
    expect(got).toMatch(/^hostPlanInvalid: /);
    expect(got).toMatch(message);
  });
});

describe('resolvePlan and rewritePlan', () => {
  it('skips over foreign sheets and claimed names to the first free candidate', () => {
    const plan: WritePlan = { action: 'T', sheets: [{ name: 'X', blocks: [] }] };
    const res = resolvePlan(
      plan,
      overview({
        sheets: [
          { name: 'X', id: '1' },
          { name: 'X (2)', id: '2' },
        ],
      }),
      new Map(),
    );
    expect(res.targets.map((t) => [t.actual, t.mode])).toEqual([['X (3)', 'create']]);
    expect(res.redirected).toEqual([{ requested: 'X', actual: 'X (3)', cause: 'foreign' }]);
  });

  it('rewrites sheet references in blocks, table rows and names, and table references everywhere', () => {
    const plan: WritePlan = {
      action: 'T',
      sheets: [
        {
          name: 'P',
          blocks: [{ at: 'A1', cells: [["='P'!B2+SUM(T[x])", 'text P!A1', null]] }],
          tables: [{ name: 'T', at: 'D1', headers: ['x'], rows: [['=P!A1']] }],
        },
      ],
      names: [{ name: 'N', ref: 'P!$A$1' }],
    };
    const out = rewritePlan(plan, {
      targets: [],
      redirected: [{ requested: 'P', actual: 'P (2)' }],
      tableRenames: [{ requested: 'T', actual: 'T_2' }],
      replaceNames: [],
    });
    expect(out.sheets[0].blocks[0].cells).toEqual([["='P (2)'!B2+SUM(T_2[x])", 'text P!A1', null]]);
    expect(out.sheets[0].tables?.[0]).toMatchObject({ name: 'T_2', rows: [["='P (2)'!A1"]] });
    expect(out.names).toEqual([{ name: 'N', ref: "='P (2)'!$A$1" }]);
  });

  it('refuses a defined name that clashes with a user table', () => {
    const plan: WritePlan = { action: 'T', sheets: [], names: [{ name: 'T_Data', ref: '=A!A1' }] };
    try {
      resolvePlan(plan, overview({ tables: [{ name: 'T_Data', sheet: 'A' }] }), new Map());
      throw new Error('expected a refusal');
    } catch (e) {
      expect(isCalcError(e) && e.code).toBe('hostNameTaken');
      expect(isCalcError(e) && e.messageIn('en')).toMatch(
        /^The name 'T_Data' already exists .*\(it refers to table T_Data\)/,
      );
    }
  });
});
