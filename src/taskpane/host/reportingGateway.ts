/**
 * Wraps a gateway so that the shell sees every outcome: the change report of each `apply` and
 * every error of any call. Views then need no plumbing of their own to show what changed or
 * what went wrong; the error is still rethrown so a view can react (e.g. stop a spinner).
 */
import type { SourcesRequest, WorkbookGateway, WritePlan, WriteReport } from './types';

/** Where the wrapper reports to. */
export interface GatewaySink {
  /** After a successful apply. */
  onApplied(action: string, report: WriteReport): void;
  /** After any failed call. */
  onError(error: unknown): void;
}

/** A gateway that forwards to `inner` and reports outcomes to `sink`. */
export function withReporting(inner: WorkbookGateway, sink: GatewaySink): WorkbookGateway {
  async function watch<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (e) {
      sink.onError(e);
      throw e;
    }
  }
  return {
    apply: (plan: WritePlan) =>
      watch(async () => {
        const report = await inner.apply(plan);
        sink.onApplied(plan.action, report);
        return report;
      }),
    readSelection: () => watch(() => inner.readSelection()),
    listTables: () => watch(() => inner.listTables()),
    readTable: (name) => watch(() => inner.readTable(name)),
    ...(inner.readSources
      ? { readSources: (request: SourcesRequest) => watch(() => inner.readSources!(request)) }
      : {}),
    loadSetting: <T>(key: string) => watch(() => inner.loadSetting<T>(key)),
    saveSetting: <T>(key: string, value: T) => watch(() => inner.saveSetting<T>(key, value)),
    setLanguage: (lang) => inner.setLanguage?.(lang),
  };
}
