/**
 * Real-browser harness: serves the built `dist/` on 127.0.0.1, opens `taskpane.html` in
 * Debian's Chromium (playwright-core), answers the office.js request with the in-memory fake
 * (`fake-office/fakeOffice.ts`), and blocks every request that leaves 127.0.0.1. A pane that
 * tried a network call fails its test when it is closed: no network calls at runtime.
 *
 * Usage (see README.md in this folder):
 *   const pane = await openPane({ displayLanguage: 'nl-NL', seed: (wb) => wb.addSheet('Data') });
 *   await pane.page.getByRole('tab', { name: 'Parameters' }).click();
 *   const wb = await pane.workbook();          // plain JSON snapshot of the fake workbook
 *   await pane.close();                        // throws if an external request was attempted
 */
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import * as ts from 'typescript';
import type { FakeWorkbook, WorkbookSnapshot } from './fake-office/fakeOffice';

/** Repository root. */
export const ROOT = path.resolve(__dirname, '..', '..');
/** The built add-in (`IND_PANE_DIST` points elsewhere, e.g. at an older build to show a test fails there). */
export const DIST = process.env.IND_PANE_DIST ?? path.join(ROOT, 'dist');
/** Where screenshots go. */
export const OUTPUT = path.join(ROOT, 'test-output');

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const OFFICE_ORIGIN = 'https://appsforoffice.microsoft.com/';
const AXE_PATH = '/__harness/axe.min.js';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

/** A function run in the page against the fake workbook. It is serialised: it cannot use outer variables. */
export type WorkbookFn<A, T> = (wb: FakeWorkbook, arg: A) => T;

/** Options of `openPane`. */
export interface PaneOptions {
  /** `Office.context.displayLanguage` (default 'nl-NL'). */
  displayLanguage?: string;
  /** Seeds the fake workbook before the pane's scripts run (serialised into the page). */
  seed?: WorkbookFn<unknown, void>;
  /** Argument passed to `seed` (JSON). */
  seedArg?: unknown;
  /** Page size; the Excel task pane is narrow (default 420 × 900). */
  viewport?: { width: number; height: number };
  /** The page to open (default 'taskpane.html'). */
  file?: string;
}

/** An axe-core violation, trimmed to what a test message needs. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** An open task pane in Chromium over the fake workbook. */
export interface Pane {
  page: Page;
  browser: Browser;
  baseUrl: string;
  /** `console.error` messages and uncaught page errors, in order. */
  consoleErrors: string[];
  /** Requests that tried to leave 127.0.0.1 (blocked). Must stay empty. */
  blockedRequests: string[];
  /** Plain-JSON snapshot of the fake workbook (cells, formats, tables, names, XML parts, counters). */
  workbook(): Promise<WorkbookSnapshot>;
  /** Runs `fn` in the page against the live fake workbook (to seed, select, protect, inspect). */
  withWorkbook<A, T>(fn: WorkbookFn<A, T>, arg?: A): Promise<T>;
  /** Saves a full-page screenshot as test-output/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  /** Runs axe-core on the page; returns the violations (all impacts). */
  axe(): Promise<AxeViolation[]>;
  /** Closes the pane's browser context and server; throws when the page attempted an external request. */
  close(): Promise<void>;
}

let browserOnce: Promise<Browser> | undefined;

/**
 * One Chromium per test file (each pane gets a fresh browser context of its own: its own
 * storage, routes and viewport), closed after the file's last test. Launching one per pane
 * cost about a second each.
 */
function sharedBrowser(): Promise<Browser> {
  browserOnce ??= chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return browserOnce;
}
// Registered when a test file imports the harness (hooks cannot be added inside a test).
afterAll(async () => {
  const b = browserOnce;
  browserOnce = undefined;
  if (b !== undefined) await (await b).close();
});

let fakeScriptCache: string | undefined;

/** The fake transpiled into a classic script that installs `window.Office` etc. */
export function fakeOfficeScript(): string {
  if (fakeScriptCache === undefined) {
    const source = fs.readFileSync(path.join(__dirname, 'fake-office', 'fakeOffice.ts'), 'utf8');
    const js = ts.transpileModule(source, {
      compilerOptions: {
        target: ts.ScriptTarget.ES2020,
        module: ts.ModuleKind.CommonJS,
        removeComments: true,
      },
      fileName: 'fakeOffice.ts',
    }).outputText;
    fakeScriptCache = `(function () {\nvar exports = {}; var module = { exports: exports };\n${js}\nvar options = window.__fakeOfficeOptions || {};\nexports.installFakeOffice(window, options);\n})();\n`;
  }
  return fakeScriptCache;
}

/** Fails with a clear message when the add-in has not been built. */
export function requireBuild(file = 'taskpane.html'): void {
  if (!fs.existsSync(path.join(DIST, file))) {
    throw new Error(
      `dist/${file} is missing: run \`npm run build\` first (\`npm test\` builds before running jest).`,
    );
  }
}

/** Serves dist/ (and axe-core) on 127.0.0.1 with a random port. */
async function serveDist(): Promise<{ server: http.Server; baseUrl: string }> {
  const axe = require.resolve('axe-core/axe.min.js');
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = url.pathname === AXE_PATH ? axe : path.join(DIST, decodeURIComponent(url.pathname));
    if (url.pathname !== AXE_PATH && !file.startsWith(DIST + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res
        .writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' })
        .end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, baseUrl: `http://127.0.0.1:${port}` };
}

/** Opens the built task pane in Chromium over a fresh fake workbook and waits for the shell to render. */
export async function openPane(options: PaneOptions = {}): Promise<Pane> {
  requireBuild(options.file);
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  const { server, baseUrl } = await serveDist();
  const browser = await sharedBrowser();
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 420, height: 900 } });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const blockedRequests: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(`pageerror: ${err.message}`));

  // The fake, its options and the seed travel in the office.js response: a script from an origin
  // the page's CSP allows, so nothing needs eval in the page.
  const officeJs =
    `window.__fakeOfficeOptions = ${JSON.stringify({ displayLanguage: options.displayLanguage ?? 'nl-NL' })};\n` +
    fakeOfficeScript() +
    (options.seed
      ? `(${options.seed.toString()})(window.__fakeWorkbook, ${JSON.stringify(options.seedArg ?? null)});\n`
      : '');

  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(baseUrl + '/') || url === baseUrl) {
      await route.continue();
    } else if (url.startsWith(OFFICE_ORIGIN) && /\/office\.js(\?|$)/.test(url)) {
      await route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: officeJs });
    } else {
      blockedRequests.push(url);
      await route.abort('blockedbyclient');
    }
  });

  const pane: Pane = {
    page,
    browser,
    baseUrl,
    consoleErrors,
    blockedRequests,
    workbook: () =>
      page.evaluate(() => (window as unknown as { __fakeWorkbook: FakeWorkbook }).__fakeWorkbook.snapshot()),
    // A string expression runs through DevTools, outside the page's CSP (which forbids eval).
    withWorkbook: <A, T>(fn: WorkbookFn<A, T>, arg?: A) =>
      page.evaluate<T>(`(${fn.toString()})(window.__fakeWorkbook, ${JSON.stringify(arg ?? null)})`),
    async screenshot(name: string) {
      fs.mkdirSync(OUTPUT, { recursive: true });
      const file = path.join(OUTPUT, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async axe() {
      await page.addScriptTag({ url: baseUrl + AXE_PATH });
      return page.evaluate(async () => {
        const axe = (
          window as unknown as { axe: { run(ctx: object, o: object): Promise<{ violations: unknown[] }> } }
        ).axe;
        // Tabster's focus sentinels (<i data-tabster-dummy aria-hidden tabindex=0>, used by Fluent's
        // TabList for arrow keys) are a known axe false positive (aria-hidden-focus): they forward
        // focus at once and must stay hidden from screen readers. See microsoft/tabster#288 and
        // microsoft/fluentui#25133. Only those elements are excluded; everything else is checked.
        const result = await axe.run(
          { exclude: [['[data-tabster-dummy]']] },
          { resultTypes: ['violations'] },
        );
        return (
          result.violations as {
            id: string;
            impact: string | null;
            help: string;
            nodes: { target: unknown[] }[];
          }[]
        ).map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n) => JSON.stringify(n.target)),
        }));
      });
    },
    async close() {
      await context.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (blockedRequests.length > 0) {
        throw new Error(
          `The pane tried to reach the network (not allowed at runtime):\n${blockedRequests.join('\n')}`,
        );
      }
    },
  };

  await page.goto(`${baseUrl}/${options.file ?? 'taskpane.html'}`);
  await page.waitForSelector('main h1', { timeout: 30000 });
  return pane;
}
