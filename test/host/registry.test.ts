import fc from 'fast-check';
import {
  emptyRegistry,
  escapeXml,
  fingerprint,
  registryFromXml,
  registryToXml,
  settingsFromXml,
  settingsToXml,
  unescapeXml,
  type Registry,
} from '../../src/taskpane/host/registry';

describe('registry part', () => {
  const reg: Registry = {
    version: 1,
    sheets: {
      'IND Rekenblad': { id: '{ws-1}', requested: 'IND Rekenblad', fingerprint: 'a<&>"' },
    },
    names: ['IND_UrenPerFte'],
  };

  it('round-trips through XML with the registry namespace', () => {
    const xml = registryToXml(reg);
    expect(xml).toMatch(/^<registry xmlns="urn:ind-rekenmodel:registry">/);
    expect(registryFromXml(xml)).toEqual(reg);
  });

  it('accepts an XML declaration that Excel may add', () => {
    expect(registryFromXml(`<?xml version="1.0" encoding="UTF-8"?>\n${registryToXml(reg)}`)).toEqual(reg);
  });

  it('treats missing, damaged or foreign parts as an empty registry (then the pane owns nothing)', () => {
    expect(registryFromXml(undefined)).toEqual(emptyRegistry());
    expect(registryFromXml('<registry xmlns="urn:ind-rekenmodel:registry">{not json</registry>')).toEqual(
      emptyRegistry(),
    );
    expect(registryFromXml('<other/>')).toEqual(emptyRegistry());
    expect(registryFromXml('<registry>{"version":2,"sheets":{},"names":[]}</registry>')).toEqual(
      emptyRegistry(),
    );
  });
});

describe('settings part', () => {
  it('round-trips any keys and JSON texts (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (dict) => {
        const map = new Map(Object.entries(dict).map(([k, v]) => [k, JSON.stringify(v)]));
        expect(settingsFromXml(settingsToXml(map))).toEqual(map);
      }),
    );
  });

  it('escapes and unescapes XML, including numeric references', () => {
    fc.assert(fc.property(fc.string(), (s) => unescapeXml(escapeXml(s)) === s));
    expect(unescapeXml('&#233;&#x20AC;')).toBe('é€');
  });
});

describe('fingerprint', () => {
  const base = {
    address: 'A1:B2',
    formulas: [
      ['Uren', '=B1*2'],
      [1, 2],
    ],
    tables: ['T_A'],
    charts: 1,
  };

  it('is stable and ignores the order of table names', () => {
    expect(fingerprint(base)).toBe(
      fingerprint({
        ...base,
        formulas: [
          ['Uren', '=B1*2'],
          [1, 2],
        ],
      }),
    );
    expect(fingerprint({ ...base, tables: ['T_B', 'T_A'] })).toBe(
      fingerprint({ ...base, tables: ['T_A', 'T_B'] }),
    );
  });

  it('changes when any cell, the used range, a table or a chart changes', () => {
    const fp = fingerprint(base);
    expect(
      fingerprint({
        ...base,
        formulas: [
          ['Uren', '=B1*3'],
          [1, 2],
        ],
      }),
    ).not.toBe(fp);
    expect(
      fingerprint({
        ...base,
        formulas: [
          ['Uren', '=B1*2'],
          [1, '2'],
        ],
      }),
    ).not.toBe(fp);
    expect(fingerprint({ ...base, address: 'A1:B3' })).not.toBe(fp);
    expect(fingerprint({ ...base, tables: [] })).not.toBe(fp);
    expect(fingerprint({ ...base, charts: 0 })).not.toBe(fp);
  });
});
