/**
 * Known Excel values for every built-in the command line supports (issue 10 item 4): each
 * supported function has at least one case, and the test fails for a supported name without
 * one. Values are what Excel (Microsoft 365, en-US) computes; `{ error: '#N/A' }` is an error
 * value. The criteria functions (SUMIFS, …) need a range, so their cases run against a small
 * sheet (`SHEET` below) through the engine's cell hooks.
 */

import { FormulaError } from 'fast-formula-parser';

/** An expected value: a cell, rows of cells, or an error code. */
export type Expected = number | string | boolean | { error: string } | Expected[][];

const err = (code: string): { error: string } => ({ error: code });

/**
 * A1:D5 of a small sheet for the criteria functions:
 * team, hours, effectiveness (with a text cell, a blank and a boolean among them), and a column
 * with error cells (as an IND.* error cell would be).
 */
export const SHEET: unknown[][] = [
  ['Noord', 10, 0.85, 1],
  ['Zuid', 20, 1.05, FormulaError.NA],
  ['noord', 30, 'n.v.t.', 3],
  ['Oost*', 40, null, FormulaError.DIV0],
  ['', 50, true, 5],
];

/** Per function: [formula, Excel's value]. */
export const CASES: Record<string, Array<[string, Expected]>> = {
  TODAY: [
    // Volatile: the local date; these hold on any day after 1 January 2025 (serial 45658).
    ['=TODAY()>45658', true],
    ['=TODAY()=INT(TODAY())', true],
  ],
  IF: [
    ['=IF(1>2,"a","b")', 'b'],
    ['=IF(TRUE,1)', 1],
    ['=IF(FALSE,1)', false],
    ['=IF({TRUE,FALSE},1,2)', [[1, 2]]],
    ['=IF("x",1,2)', err('#VALUE!')],
  ],
  IFERROR: [
    ['=IFERROR(1/0,"x")', 'x'],
    ['=IFERROR(2,"x")', 2],
    ['=IFERROR({1,0}/{1,0},-1)', [[1, -1]]],
    ['=IFERROR(D2,"x")', 'x'],
    ['=IFERROR(C4,"x")', 0],
    ['=IFERROR(1/0,)', 0],
    ['=IFERROR(D1:D2,-1)', [[1], [-1]]],
  ],
  IFNA: [
    ['=IFNA(NA(),1)', 1],
    ['=IFNA(1/0,1)', err('#DIV/0!')],
    ['=IFNA(D2,"x")', 'x'],
    ['=IFNA(C4,"x")', 0],
  ],
  IFS: [
    ['=IFS(FALSE,1,TRUE,2)', 2],
    ['=IFS(FALSE,1)', err('#N/A')],
    ['=IFS(TRUE,1,FALSE,1/0)', 1],
    ['=IFS(1/0,1,TRUE,2)', err('#DIV/0!')],
  ],
  SWITCH: [
    ['=SWITCH(2,1,"a",2,"b")', 'b'],
    ['=SWITCH(3,1,"a","z")', 'z'],
    ['=SWITCH(3,1,"a",2,"b")', err('#N/A')],
    ['=SWITCH("B","a",1,"b",2)', 2],
    ['=SWITCH(1,1,"a",2,1/0)', 'a'],
    ['=SWITCH(NA(),1,"a")', err('#N/A')],
  ],
  AND: [
    ['=AND(TRUE,1)', true],
    ['=AND(TRUE,0)', false],
    ['=AND({TRUE,FALSE})', false],
  ],
  OR: [
    ['=OR(FALSE,0)', false],
    ['=OR(FALSE,2)', true],
  ],
  NOT: [
    ['=NOT(0)', true],
    ['=NOT({TRUE,FALSE})', [[false, true]]],
  ],
  TRUE: [['=TRUE()', true]],
  FALSE: [['=FALSE()', false]],
  ISNUMBER: [
    ['=ISNUMBER(1)', true],
    ['=ISNUMBER("1")', false],
    ['=ISNUMBER({1,"a"})', [[true, false]]],
  ],
  ISBLANK: [
    ['=ISBLANK(1)', false],
    ['=ISBLANK("")', false],
    ['=ISBLANK(C4)', true],
    ['=ISBLANK(A1)', false],
  ],
  ISTEXT: [
    ['=ISTEXT("a")', true],
    ['=ISTEXT(1)', false],
  ],
  ISLOGICAL: [
    ['=ISLOGICAL(TRUE)', true],
    ['=ISLOGICAL(1)', false],
  ],
  ISERROR: [
    ['=ISERROR(1/0)', true],
    ['=ISERROR(1)', false],
  ],
  ISNA: [
    ['=ISNA(NA())', true],
    ['=ISNA(1/0)', false],
  ],
  N: [
    ['=N(TRUE)', 1],
    ['=N("a")', 0],
    ['=N(5)', 5],
  ],
  NA: [['=NA()', err('#N/A')]],
  ABS: [
    ['=ABS(-2.5)', 2.5],
    ['=ABS({-1,2})', [[1, 2]]],
  ],
  INT: [
    ['=INT(-1.5)', -2],
    ['=INT(2.7)', 2],
  ],
  TRUNC: [
    ['=TRUNC(-1.7)', -1],
    ['=TRUNC(1.15,1)', 1.1],
    ['=TRUNC(4.35,1)', 4.3],
  ],
  MOD: [
    ['=MOD(-3,2)', 1],
    ['=MOD(3,-2)', -1],
    ['=MOD(5,0)', err('#DIV/0!')],
  ],
  POWER: [
    ['=POWER(2,10)', 1024],
    ['=POWER(-8,1/3)', err('#NUM!')],
  ],
  SQRT: [
    ['=SQRT(16)', 4],
    ['=SQRT(-1)', err('#NUM!')],
  ],
  EXP: [['=EXP(0)', 1]],
  LN: [
    ['=LN(1)', 0],
    ['=LN(0)', err('#NUM!')],
  ],
  LOG10: [['=LOG10(1000)', 3]],
  LOG: [
    ['=LOG(8,2)', 3],
    ['=LOG(100)', 2],
  ],
  SIGN: [['=SIGN(-3)', -1]],
  PI: [['=PI()', 3.141592653589793]],
  ROUND: [
    ['=ROUND(1.005,2)', 1.01],
    ['=ROUND(-2.5,0)', -3],
    ['=ROUND(2.5,0)', 3],
    ['=ROUND(1234.5,-2)', 1200],
    ['=ROUND(1.25,1.9)', 1.3],
    ['=ROUND({1.25;2.5},1)', [[1.3], [2.5]]],
  ],
  ROUNDUP: [
    ['=ROUNDUP(1.001,2)', 1.01],
    ['=ROUNDUP(-1.001,2)', -1.01],
    ['=ROUNDUP(1.1,1)', 1.1],
  ],
  ROUNDDOWN: [
    ['=ROUNDDOWN(1.999,2)', 1.99],
    ['=ROUNDDOWN(-1.999,0)', -1],
    ['=ROUNDDOWN(4.35,1)', 4.3],
  ],
  SUM: [
    ['=SUM(1,2,3)', 6],
    ['=SUM({1,"a",TRUE},1)', 2],
    ['=SUM("3",TRUE)', 4],
    ['=SUM("a")', err('#VALUE!')],
    ['=SUM({1,#N/A})', err('#N/A')],
    ['=SUM(D2)', err('#N/A')],
    ['=SUM(D1,D3)', 4],
    ['=SUM(D1:D3)', err('#N/A')],
  ],
  PRODUCT: [
    ['=PRODUCT(2,3)', 6],
    ['=PRODUCT({2,"a"})', 2],
    ['=PRODUCT(TRUE,4)', 4],
  ],
  SUMPRODUCT: [
    ['=SUMPRODUCT({1;2},{3;4})', 11],
    ['=SUMPRODUCT({1;2}>1)', 0],
    ['=SUMPRODUCT(--({1;2}>1))', 1],
    ['=SUMPRODUCT({1,2},{1;2})', err('#VALUE!')],
    ['=SUMPRODUCT({1;"a"},{2;3})', 2],
  ],
  SUMIF: [
    ['=SUMIF(A1:A5,"noord",B1:B5)', 40],
    ['=SUMIF(B1:B5,">=30")', 120],
    ['=SUMIF({1,2},1)', err('range')],
  ],
  SUMIFS: [
    ['=SUMIFS(B1:B5,A1:A5,"noord")', 40],
    ['=SUMIFS(B1:B5,A1:A5,"<>noord",B1:B5,">15")', 110],
    ['=SUMIFS(B1:B5,A1:A5,"Oost~*")', 40],
    ['=SUMIFS(B1:B5,A1:A5,"O*")', 40],
    ['=SUMIFS(B1:B5,A1:A5,"")', 50],
    ['=SUMIFS(B1:B5,A1:A5,"?uid")', 20],
    ['=SUMIFS(B1:B4,A1:A5,"noord")', err('#VALUE!')],
    ['=SUMIFS({1;2},{1;2},1)', err('range')],
    ['=SUMIFS(B1:B5,D1:D5,">2")', 80],
    ['=SUMIFS(D1:D5,B1:B5,">=30",B1:B5,"<>40")', 8],
    ['=SUMIFS(D1:D5,B1:B5,">=20")', err('#N/A')],
  ],
  AVERAGE: [
    ['=AVERAGE(1,2,3,4)', 2.5],
    ['=AVERAGE({1,"a"})', 1],
    ['=AVERAGE({"a"})', err('#DIV/0!')],
    ['=AVERAGE(1,TRUE)', 1],
  ],
  AVERAGEIFS: [
    ['=AVERAGEIFS(B1:B5,A1:A5,"noord")', 20],
    ['=AVERAGEIFS(B1:B5,A1:A5,"west")', err('#DIV/0!')],
    ['=AVERAGEIFS(B1:B5,D1:D5,">2")', 40],
  ],
  COUNT: [
    ['=COUNT(1,"a",TRUE,{1,"b",TRUE})', 3],
    ['=COUNT("3")', 1],
    ['=COUNT(C1:C5)', 2],
  ],
  COUNTA: [
    ['=COUNTA(1,"a",{1,""})', 4],
    ['=COUNTA(C1:C5)', 4],
  ],
  COUNTIF: [
    ['=COUNTIF(C1:C5,">=0.9")', 1],
    ['=COUNTIF(A1:A5,"noord")', 2],
  ],
  COUNTIFS: [
    ['=COUNTIFS(C1:C5,">=0.8",C1:C5,"<1")', 1],
    ['=COUNTIFS(C1:C5,"<>")', 4],
    ['=COUNTIFS(C1:C5,"=")', 1],
    ['=COUNTIFS(C1:C5,TRUE)', 1],
    ['=COUNTIFS({1,2},1)', err('range')],
    ['=COUNTIFS(D1:D5,">2")', 2],
  ],
  MAX: [
    ['=MAX(1,5,3)', 5],
    ['=MAX({-1,"a"})', -1],
    ['=MAX("a")', err('#VALUE!')],
    ['=MAX({"a"})', 0],
    ['=MAX(-1,)', 0],
  ],
  MIN: [
    ['=MIN(4,2,8)', 2],
    ['=MIN({"a",TRUE})', 0],
  ],
  MAXIFS: [
    ['=MAXIFS(B1:B5,A1:A5,"noord")', 30],
    ['=MAXIFS(B1:B5,D1:D5,"<4")', 30],
  ],
  MINIFS: [
    ['=MINIFS(B1:B5,A1:A5,"noord")', 10],
    ['=MINIFS(B1:B5,D1:D5,">2")', 30],
  ],
  MEDIAN: [
    ['=MEDIAN(1,2,3,4)', 2.5],
    ['=MEDIAN({3,1,2})', 2],
    ['=MEDIAN({"a"})', err('#NUM!')],
    ['=MEDIAN(D1:D5)', err('#N/A')],
    ['=MEDIAN(B1:B4)', 25],
  ],
  LARGE: [
    ['=LARGE({1,5,3},2)', 3],
    ['=LARGE({1},2)', err('#NUM!')],
    ['=LARGE({1,5,3},1.5)', 3],
  ],
  SMALL: [
    ['=SMALL({1,5,3},1)', 1],
    ['=SMALL({1,5,3},0)', err('#NUM!')],
  ],
  'STDEV.S': [
    ['=STDEV.S(1,2,3,4)', 1.2909944487358056],
    ['=STDEV.S(1)', err('#DIV/0!')],
  ],
  'STDEV.P': [['=STDEV.P(1,2,3,4)', 1.118033988749895]],
  'VAR.S': [['=VAR.S(1,2,3,4)', 1.6666666666666667]],
  'VAR.P': [['=VAR.P(1,2,3,4)', 1.25]],
  'QUARTILE.INC': [
    ['=QUARTILE.INC({1,2,3,4},1)', 1.75],
    ['=QUARTILE.INC({1,2,3,4},3)', 3.25],
    ['=QUARTILE.INC({1,2,3,4},0)', 1],
    ['=QUARTILE.INC({1,2},5)', err('#NUM!')],
    ['=QUARTILE.INC(C1:C5,2)', 0.95],
  ],
  'PERCENTILE.INC': [
    ['=PERCENTILE.INC({1,2,3,4},0.4)', 2.2],
    ['=PERCENTILE.INC({1,2,3,4},1.5)', err('#NUM!')],
  ],
  INDEX: [
    ['=INDEX({1,2;3,4},2,1)', 3],
    ['=INDEX({1,2,3},2)', 2],
    ['=INDEX({1;2;3},3)', 3],
    ['=INDEX({1,2;3,4},3,1)', err('#REF!')],
    ['=INDEX({1,2;3,4},0,2)', [[2], [4]]],
    ['=INDEX({1,2,3},NA())', err('#N/A')],
    ['=INDEX(B1:B5,MATCH(9,D1:D5,0))', err('#N/A')],
    ['=INDEX(D1:D5,2)', err('#N/A')],
    ['=INDEX(B1:C5,3,2)', 'n.v.t.'],
    // A blank cell stays blank (Excel's INDEX returns a reference): "" in text, 0 in numbers.
    ['=INDEX(C1:C5,4)&"x"', 'x'],
    ['=INDEX(C1:C5,4)+1', 1],
    ['=INDEX(C1:C5,4)=""', true],
  ],
  MATCH: [
    ['=MATCH(3,{1,3,5},0)', 2],
    ['=MATCH(4,{1,3,5})', 2],
    ['=MATCH(4,{5,3,1},-1)', 1],
    ['=MATCH("b",{"a","B"},0)', 2],
    ['=MATCH("b*",{"a","Bcd"},0)', 2],
    ['=MATCH("B",{"a","b","c"},0)', 2],
    ['=MATCH("a.c",{"abc","a.c"},0)', 2],
    ['=MATCH("ab",{"abc",1,TRUE},0)', err('#N/A')],
    ['=MATCH("1",{1,"1"},0)', 2],
    ['=MATCH(9,{1,3},0)', err('#N/A')],
    ['=MATCH(0,{1,3})', err('#N/A')],
    ['=MATCH(3,D1:D5,0)', 3],
    ['=MATCH("zuid",A1:A5,0)', 2],
  ],
  CHOOSE: [
    ['=CHOOSE(2,"a","b")', 'b'],
    ['=CHOOSE(3,"a","b")', err('#VALUE!')],
    ['=CHOOSE(2,1,C4)&"x"', 'x'],
  ],
  ROWS: [
    ['=ROWS({1;2;3})', 3],
    ['=ROWS(A1:D5)', 5],
    ['=ROWS(B3)', 1],
    ['=ROWS(TRANSPOSE({1,2,3}))', 3],
  ],
  COLUMNS: [
    ['=COLUMNS({1,2})', 2],
    ['=COLUMNS(A1:D5)', 4],
    ['=COLUMNS(D2)', 1],
  ],
  TRANSPOSE: [['=TRANSPOSE({1,2})', [[1], [2]]]],
  CONCATENATE: [
    ['=CONCATENATE("a",1,TRUE)', 'a1TRUE'],
    ['=CONCATENATE("x",0.1+0.2)', 'x0.3'],
  ],
  CONCAT: [['=CONCAT({"a","b"},"c")', 'abc']],
  TEXTJOIN: [
    ['=TEXTJOIN("-",TRUE,{"a","","b"})', 'a-b'],
    ['=TEXTJOIN("-",FALSE,{"a","","b"})', 'a--b'],
    ['=TEXTJOIN(", ",TRUE,1,2.5)', '1, 2.5'],
  ],
  SUBSTITUTE: [
    ['=SUBSTITUTE("aXbX","X","y")', 'ayby'],
    ['=SUBSTITUTE("aXbX","X","y",2)', 'aXby'],
    ['=SUBSTITUTE("abc","","y")', 'abc'],
  ],
  TRIM: [['=TRIM("  a   b ")', 'a b']],
  LEN: [
    ['=LEN("abc")', 3],
    ['=LEN(0.1+0.2)', 3],
  ],
  LEFT: [
    ['=LEFT("abc",2)', 'ab'],
    ['=LEFT("abc")', 'a'],
  ],
  RIGHT: [
    ['=RIGHT("abc")', 'c'],
    ['=RIGHT("abc",5)', 'abc'],
  ],
  MID: [
    ['=MID("abcdef",2,3)', 'bcd'],
    ['=MID("abc",0,1)', err('#VALUE!')],
  ],
  UPPER: [['=UPPER("ab")', 'AB']],
  LOWER: [['=LOWER("AB")', 'ab']],
  FIXED: [
    ['=FIXED(1234.567)', '1,234.57'],
    ['=FIXED(1234.567,1,TRUE)', '1234.6'],
    ['=FIXED(-1234.5,-2)', '-1,200'],
    ['=FIXED(1.005,2)', '1.01'],
    ['=FIXED(0.5,0)', '1'],
  ],
  REPT: [
    ['=REPT("ab",3)', 'ababab'],
    ['=LEN(REPT("a",32767))', 32767],
    ['=REPT("a",32768)', err('#VALUE!')],
    ['=REPT("a",1e9)', err('#VALUE!')],
  ],
  CHAR: [
    ['=CHAR(65)', 'A'],
    ['=CHAR(128)', '€'],
    ['=CHAR(0)', err('#VALUE!')],
  ],
  EXACT: [
    ['=EXACT("a","A")', false],
    ['=EXACT("a","a")', true],
  ],
  T: [
    ['=T("a")', 'a'],
    ['=T(1)', ''],
  ],
};

/** Operators, where the parser differed from Excel. */
export const OPERATOR_CASES: Array<[string, Expected]> = [
  ['=0.1+0.2=0.3', true],
  ['=0.1+0.2<>0.3', false],
  ['=0.1+0.2>0.3', false],
  ['="a"="A"', true],
  ['=1<"a"', true],
  ['="a"<TRUE', true],
  ['=--TRUE', 1],
  ['=-"2"', -2],
  ['=+"a"', 'a'],
  ['="a"&(0.1+0.2)', 'a0.3'],
  ['=""&1E+20', '1E+20'],
  ['=""&123456789012345678', '1.23456789012346E+17'],
  ['=""&0.000001', '0.000001'],
  ['=1&TRUE', '1TRUE'],
  [
    '={1,2}*{10;20}',
    [
      [10, 20],
      [20, 40],
    ],
  ],
  ['=-2^2', 4],
  ['=(-8)^(1/3)', err('#NUM!')],
  ['=0^0', err('#NUM!')],
  ['=0^-1', err('#DIV/0!')],
  ['=2^0.5', Math.SQRT2],
  // A reference to an error cell is that error; operators on ranges work element by element.
  ['=D2', err('#N/A')],
  ['=D1:D2+1', [[2], [err('#N/A')]]],
  ['=C4%', 0],
];
