/** Shared helpers of the adapter tests: call an adapter and capture the Excel error it throws. */
import { setLanguage } from '../../src/functions/lang';
import type { Lang } from '../../src/core/messages/types';

/** The error an adapter threw, or a failure when it returned instead. */
export function thrownBy(call: () => unknown, lang: Lang = 'nl'): { code: string; message: string } {
  setLanguage(lang);
  try {
    const result = call();
    throw new Error(`expected an Excel error, but the call returned ${JSON.stringify(result)}`);
  } catch (e) {
    if (e instanceof Error && e.message.startsWith('expected an Excel error')) throw e;
    return e as { code: string; message: string };
  } finally {
    setLanguage(undefined);
  }
}

/** Asserts the code and that the nl and en messages contain the given fragments. */
export function expectExcelError(call: () => unknown, code: string, nl: string[], en: string[]): void {
  const a = thrownBy(call, 'nl');
  expect(a.code).toBe(code);
  for (const f of nl) expect(a.message).toContain(f);
  const b = thrownBy(call, 'en');
  expect(b.code).toBe(code);
  for (const f of en) expect(b.message).toContain(f);
}

/** A one-column range of `n` copies of `v`. */
export function column(n: number, v: unknown): unknown[][] {
  const out = new Array<unknown[]>(n);
  for (let i = 0; i < n; i++) out[i] = [v];
  return out;
}
