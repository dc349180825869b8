/**
 * The task pane's Content-Security-Policy is part of the privacy promise: no eval, no inline
 * script, no connections, no telemetry hosts. Checked on the source template (the build copies it).
 */
import { readFileSync } from 'fs';
import { join } from 'path';

const html = readFileSync(join(__dirname, '..', '..', 'src', 'taskpane', 'taskpane.html'), 'utf8');
const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
const directives = new Map(
  csp
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .filter((parts) => parts[0])
    .map((parts) => [parts[0], parts.slice(1)] as const),
);

describe('task-pane CSP', () => {
  it('is present', () => {
    expect(csp).not.toBe('');
  });

  it('defaults to self and forbids plugins and base rewrites', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
  });

  it('allows no eval and no inline script', () => {
    const script = directives.get('script-src') ?? [];
    expect(script).toContain("'self'");
    expect(script).not.toContain("'unsafe-eval'");
    expect(script).not.toContain("'unsafe-inline'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('allows no network connections and no telemetry hosts', () => {
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(csp).not.toMatch(/aria|telemetry|events\.data|vortex/i);
    const script = directives.get('script-src') ?? [];
    for (const src of script.filter((s) => s.startsWith('http'))) {
      expect(['https://appsforoffice.microsoft.com', 'https://ajax.aspnetcdn.com']).toContain(src);
    }
  });
});
