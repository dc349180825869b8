/**
 * @jest-environment jsdom
 *
 * Offline manifest checks. `office-addin-manifest validate` posts to an online service, so it
 * cannot run here; these checks cover what breaks sideloading most often.
 */
import { readFileSync, existsSync } from 'fs';
import { join } from 'path';

const root = join(__dirname, '..', '..');
const xml = readFileSync(join(root, 'manifest.xml'), 'utf8');

function parse(text: string): Document {
  return new DOMParser().parseFromString(text, 'application/xml');
}

const doc = parse(xml);
const byTag = (tag: string): Element[] => Array.from(doc.getElementsByTagName(tag));
const resourceUrl = (id: string): string | undefined =>
  byTag('bt:Url')
    .find((e) => e.getAttribute('id') === id)
    ?.getAttribute('DefaultValue') ?? undefined;

describe('manifest.xml', () => {
  it('is well-formed XML', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.nodeName).toBe('OfficeApp');
  });

  it('detects malformed XML (the check itself can fail)', () => {
    const broken = parse(xml.replace('</OfficeApp>', ''));
    expect(broken.getElementsByTagName('parsererror').length).toBeGreaterThan(0);
  });

  it('declares a shared runtime that hosts both the functions and the task pane', () => {
    const sets = byTag('Set').map((s) => s.getAttribute('Name'));
    expect(sets).toContain('SharedRuntime');
    const runtimes = byTag('Runtime');
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].getAttribute('resid')).toBe('Taskpane.Url');
    expect(runtimes[0].getAttribute('lifetime')).toBe('long');
    const cf = byTag('ExtensionPoint').find((e) => e.getAttribute('xsi:type') === 'CustomFunctions');
    expect(cf).toBeDefined();
    const page = cf!.getElementsByTagName('Page')[0].getElementsByTagName('SourceLocation')[0];
    expect(page.getAttribute('resid')).toBe('Taskpane.Url');
  });

  it('declares the custom-functions extension point with namespace IND', () => {
    const cf = byTag('ExtensionPoint').find((e) => e.getAttribute('xsi:type') === 'CustomFunctions')!;
    const ns = cf.getElementsByTagName('Namespace')[0].getAttribute('resid');
    const nsString = byTag('bt:String').find((e) => e.getAttribute('id') === ns);
    expect(nsString?.getAttribute('DefaultValue')).toBe('IND');
    expect(resourceUrl('Functions.Metadata.Url')).toMatch(/\/functions\.json$/);
    expect(resourceUrl('Functions.Script.Url')).toMatch(/\/functions\.js$/);
  });

  it('serves Dutch function metadata to nl-NL', () => {
    const meta = byTag('bt:Url').find((e) => e.getAttribute('id') === 'Functions.Metadata.Url')!;
    const nl = Array.from(meta.getElementsByTagName('bt:Override')).find(
      (o) => o.getAttribute('Locale') === 'nl-NL',
    );
    expect(nl?.getAttribute('Value')).toMatch(/\/functions\.nl\.json$/);
  });

  it('uses only https URLs', () => {
    const urls = Array.from(xml.matchAll(/(?:DefaultValue|Value)="([a-z]+:\/\/[^"]+)"/gi)).map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
  });

  it('refers to icons that exist in assets/', () => {
    const iconUrls = [
      ...byTag('IconUrl'),
      ...byTag('HighResolutionIconUrl'),
      ...byTag('bt:Image').filter((e) => e.hasAttribute('DefaultValue')),
    ].map((e) => e.getAttribute('DefaultValue')!);
    expect(iconUrls.length).toBeGreaterThanOrEqual(5);
    for (const u of iconUrls) {
      const file = new URL(u).pathname.replace(/^\//, '');
      expect(existsSync(join(root, file))).toBe(true);
    }
  });

  it('has no empty element the manifest schemas reject (AppDomains may not be empty)', () => {
    for (const e of byTag('AppDomains'))
      expect(e.getElementsByTagName('AppDomain').length).toBeGreaterThan(0);
    for (const e of byTag('AppDomain')) expect(e.textContent?.trim()).toMatch(/^https:\/\/[^/]+$/);
  });

  it('declares the custom-functions runtime the error messages need', () => {
    const sets = byTag('Set').map((s) => `${s.getAttribute('Name')} ${s.getAttribute('MinVersion')}`);
    expect(sets).toEqual(expect.arrayContaining(['SharedRuntime 1.1', 'CustomFunctionsRuntime 1.3']));
  });

  it('asks for the least permission that lets the pane write cells', () => {
    expect(byTag('Permissions')[0].textContent).toBe('ReadWriteDocument');
  });

  it('every resid used is defined once', () => {
    const defined = new Set(
      [...byTag('bt:Url'), ...byTag('bt:String'), ...byTag('bt:Image')]
        .map((e) => e.getAttribute('id'))
        .filter((id): id is string => id !== null),
    );
    const used = Array.from(xml.matchAll(/resid="([^"]+)"/g)).map((m) => m[1]);
    for (const id of used) expect(defined.has(id)).toBe(true);
  });
});
