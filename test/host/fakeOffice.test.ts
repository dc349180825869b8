/**
 * The fake must behave like Office.js where it matters for the gateway's correctness, or the
 * gateway tests would prove nothing: deferred execution, load-before-read, null objects,
 * partial application of a failing batch, sync counting.
 */
import { createFakeOffice, FakeOfficeError, parseRect, rectAddress } from '../browser/fake-office/fakeOffice';

// The fake's context is untyped on purpose here: these tests drive it like Office.js code would.
type Ctx = any;

describe('fake Office.js batch model', () => {
  it('queues writes until sync and counts syncs', async () => {
    const fake = createFakeOffice();
    fake.workbook.addSheet('S');
    await fake.Excel.run(async (ctx: Ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1:B1').formulas = [['=1+1', 5]];
      expect(fake.workbook.sheet('S')!.get('A1')).toBe('');
      await ctx.sync();
      expect(fake.workbook.sheet('S')!.get('A1')).toBe('=1+1');
    });
    expect(fake.workbook.syncCount).toBe(1);
    expect(fake.workbook.runCount).toBe(1);
  });

  it('throws PropertyNotLoaded when a property is read before load + sync', async () => {
    const fake = createFakeOffice();
    fake.workbook.addSheet('S');
    await fake.Excel.run(async (ctx: Ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1');
      expect(() => r.values).toThrow(/read before load \+ sync/);
      r.load('values');
      expect(() => r.values).toThrow(/read before load \+ sync/);
      await ctx.sync();
      expect(r.values).toEqual([['']]);
    });
  });

  it('reports null objects and rejects getItem of a missing item at sync', async () => {
    const fake = createFakeOffice();
    await fake.Excel.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject('Nee').load('name');
      await ctx.sync();
      expect(ws.isNullObject).toBe(true);
      ctx.workbook.worksheets.getItem('Nee').load('name');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
  });

  it('applies the operations before a failing one and drops the rest, like Excel', async () => {
    const fake = createFakeOffice();
    const s = fake.workbook.addSheet('S');
    await fake.Excel.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.getRange('A1').values = [[1]];
      ws.getRange('A2:B2').values = [[1]]; // wrong size
      ws.getRange('A3').values = [[3]];
      await expect(ctx.sync()).rejects.toBeInstanceOf(FakeOfficeError);
    });
    expect(s.get('A1')).toBe(1);
    expect(s.get('A3')).toBe('');
  });

  it('refuses writes to a protected sheet and sheet adds to a protected workbook', async () => {
    const fake = createFakeOffice();
    fake.workbook.addSheet('S').protected = true;
    await fake.Excel.run(async (ctx: Ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').values = [[1]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    });
    fake.workbook.structureProtected = true;
    await fake.Excel.run(async (ctx: Ctx) => {
      ctx.workbook.worksheets.add('T');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    });
  });

  it('keeps cells unchanged where null is written and parses typed numbers', async () => {
    const fake = createFakeOffice();
    const s = fake.workbook.addSheet('S');
    fake.workbook.setCells('S', 'A1', [['x', 'y']]);
    await fake.Excel.run(async (ctx: Ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1:C1').values = [[null, '', '12.5']];
    });
    expect([s.get('A1'), s.get('B1'), s.get('C1')]).toEqual(['x', '', 12.5]);
  });

  it('flushes what is still queued when the batch resolves (implicit sync)', async () => {
    const fake = createFakeOffice();
    const s = fake.workbook.addSheet('S');
    await fake.Excel.run(async (ctx: Ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('B2').values = [[7]];
    });
    expect(s.get('B2')).toBe(7);
    expect(fake.workbook.syncCount).toBe(1);
  });

  it('does address arithmetic for cells, blocks, whole columns and rows', () => {
    expect(parseRect('$B$2:D5')).toEqual({ r0: 1, c0: 1, r1: 4, c1: 3 });
    expect(parseRect('B:B')).toEqual({ r0: 0, c0: 1, r1: 1048575, c1: 1 });
    expect(parseRect('3:4')).toEqual({ r0: 2, c0: 0, r1: 3, c1: 16383 });
    expect(rectAddress(parseRect('D5:B2'))).toBe('B2:D5');
    expect(() => parseRect('A0')).toThrow(/Bad address/);
  });

  it('stores custom XML parts by namespace', async () => {
    const fake = createFakeOffice();
    await fake.Excel.run(async (ctx: Ctx) => {
      ctx.workbook.customXmlParts.add('<a xmlns="urn:x">1</a>');
      ctx.workbook.customXmlParts.add('<b xmlns="urn:y">2</b>');
      const parts = ctx.workbook.customXmlParts.getByNamespace('urn:y').load('items/id');
      await ctx.sync();
      expect(parts.items).toHaveLength(1);
      const xml = parts.items[0].getXml();
      await ctx.sync();
      expect(xml.value).toBe('<b xmlns="urn:y">2</b>');
    });
  });
});
