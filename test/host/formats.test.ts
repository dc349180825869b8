/**
 * Plan kit (issue 10, Build 5): every number format a plan writes is a named constant of
 * `src/taskpane/plans/formats.ts`. This test reads the plans' source and fails on a literal format
 * code anywhere else in `src/taskpane/plans/`.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { NF, NUMBER_FORMATS } from '../../src/taskpane/plans/formats';

const PLANS = path.join(__dirname, '../../src/taskpane/plans');
const FORMAT_PROPS = /^(numberFormat|numberFormats|columnFormats|format|formats)$/;

function planFiles(dir: string): string[] {
  return fs.readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return fs.statSync(p).isDirectory() ? planFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Whether a '0' literal sits where a format goes: under a format property, or among format names. */
function inFormatPosition(node: ts.Node): boolean {
  const parent = node.parent;
  if (
    ts.isArrayLiteralExpression(parent) &&
    parent.elements.some((e) => e !== node && /^NF\./.test(e.getText()))
  )
    return true;
  for (let n: ts.Node = node; n.parent; n = n.parent) {
    const p = n.parent;
    if (ts.isPropertyAssignment(p) && FORMAT_PROPS.test(p.name.getText())) return p.initializer === n;
    if (!ts.isArrayLiteralExpression(p) && !ts.isConditionalExpression(p) && !ts.isParenthesizedExpression(p))
      return false;
  }
  return false;
}

/** Literal format codes in a TypeScript source, as 'line: code'. */
function literalFormats(source: string, file = 'x.ts'): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const codes = new Set(NUMBER_FORMATS);
  const visit = (node: ts.Node): void => {
    if (
      (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) &&
      codes.has(node.text) &&
      !ts.isImportDeclaration(node.parent) &&
      (node.text !== '0' || inFormatPosition(node))
    )
      found.push(`${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.text}`);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('number formats of the plans', () => {
  it('the detector finds a literal format code, also a bare 0 in a format position', () => {
    expect(literalFormats(`const b = { numberFormat: '#,##0.0' };`)).toEqual(['1: #,##0.0']);
    expect(literalFormats(`const b = { numberFormat: [['0'], [NF.text]] };`)).toEqual(['1: 0']);
    expect(literalFormats(`t(x, ['@', null, '0.00%']);`)).toEqual(['1: @', '1: 0.00%']);
    // A '0' in a formula fragment is not a format.
    expect(literalFormats(`const f = prev('held', '0'); const g = { numberFormat: NF.integer };`)).toEqual(
      [],
    );
  });

  it('no plan outside formats.ts holds a literal format code', () => {
    const offenders = planFiles(PLANS)
      .filter((f) => path.basename(f) !== 'formats.ts')
      .flatMap((f) =>
        literalFormats(fs.readFileSync(f, 'utf8'), f).map((hit) => `${path.relative(PLANS, f)}:${hit}`),
      );
    expect(offenders).toEqual([]);
  });

  it('every format name is a non-empty Excel code and the list holds each code once', () => {
    for (const code of Object.values(NF)) expect(code.length).toBeGreaterThan(0);
    expect(new Set(NUMBER_FORMATS).size).toBe(NUMBER_FORMATS.length);
  });
});
