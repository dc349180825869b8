/**
 * The pane's inputs kept in the workbook (issue 11, "work survives"). Views keep their state
 * while the user switches tabs because the shell keeps every visited view mounted; the inputs
 * that matter (the scenario form, the funding inputs, the reconciliation's choices, …) are also
 * stored in one workbook setting, `ind.pane.state`, so reopening the workbook restores them.
 *
 * A view opts in per value with `usePaneState(key, initial)`, a drop-in for `useState`. Without
 * the shell's provider (a view rendered alone in a test) it is exactly `useState`.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type Dispatch,
  type ReactNode,
  type SetStateAction,
} from 'react';
import type { WorkbookGateway } from '../host/types';

/** The workbook setting that holds the pane's inputs: key → value, per view. */
export const PANE_STATE_KEY = 'ind.pane.state';
/** Quiet time after the last change before the inputs are written to the workbook. */
export const SAVE_DELAY_MS = 800;

type Listener = (value: unknown) => void;

/** The store behind `usePaneState`: loaded once from the workbook, saved after changes. */
export class PaneStateStore {
  private values: Record<string, unknown> = {};
  private loaded = false;
  private loading: Promise<void> | undefined;
  private readonly listeners = new Map<string, Set<Listener>>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Keys the user changed before the workbook's values arrived: those are not overwritten. */
  private readonly touched = new Set<string>();

  constructor(private readonly gateway: WorkbookGateway) {}

  /** Reads the saved inputs once and hands each to the views that already use its key. */
  load(): Promise<void> {
    this.loading ??= this.read();
    return this.loading;
  }

  /** Resolves when the saved inputs have been read (at once when they have). */
  whenLoaded(): Promise<void> {
    return this.loading ?? this.load();
  }

  private async read(): Promise<void> {
    try {
      const saved = await this.gateway.loadSetting<Record<string, unknown>>(PANE_STATE_KEY);
      if (saved && typeof saved === 'object') {
        for (const [k, v] of Object.entries(saved)) {
          if (this.touched.has(k)) continue;
          this.values[k] = v;
          this.listeners.get(k)?.forEach((l) => l(v));
        }
      }
    } catch {
      // An unreadable setting only means nothing is restored; the views keep their defaults.
    } finally {
      this.loaded = true;
    }
  }

  get(key: string): unknown {
    return this.values[key];
  }

  has(key: string): boolean {
    return key in this.values;
  }

  subscribe(key: string, listener: Listener): () => void {
    const set = this.listeners.get(key) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(key, set);
    return () => set.delete(listener);
  }

  /** Records a new value and schedules one write of all inputs. */
  set(key: string, value: unknown): void {
    if (this.values[key] === value) return;
    this.values[key] = value;
    if (!this.loaded) this.touched.add(key);
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
  }

  /** Writes the inputs now (one setting). */
  async flush(): Promise<void> {
    this.timer = undefined;
    try {
      await this.gateway.saveSetting(PANE_STATE_KEY, this.values);
    } catch {
      // Keeping inputs is a convenience: a workbook that refuses the setting (read-only, shared
      // in a way that forbids custom XML) keeps working, only without restoring them.
    }
  }
}

const PaneStateContext = createContext<PaneStateStore | undefined>(undefined);

/** Gives the views below it a store over `gateway`, loaded once when it mounts. */
export function PaneStateProvider({
  gateway,
  children,
}: {
  gateway: WorkbookGateway;
  children: ReactNode;
}): JSX.Element {
  const store = useMemo(() => new PaneStateStore(gateway), [gateway]);
  useEffect(() => {
    void store.load();
  }, [store]);
  return <PaneStateContext.Provider value={store}>{children}</PaneStateContext.Provider>;
}

/** What a view can read once the saved inputs are in: the kept value of a key, if any. */
export interface KeptValues {
  get(key: string): unknown;
}

/**
 * A function that resolves once the workbook's saved inputs have been read (so that a view can
 * put values it reads from the workbook over what was kept). Without the provider: at once.
 */
export function usePaneStateLoaded(): () => Promise<KeptValues> {
  const store = useContext(PaneStateContext);
  return useCallback(async () => {
    if (!store) return { get: () => undefined };
    await store.whenLoaded();
    return store;
  }, [store]);
}

/**
 * `useState` whose value is kept in the workbook under `key` (a JSON value: strings, numbers,
 * booleans, plain objects and arrays). The workbook's value replaces `initial` when it arrives,
 * unless the user changed this value first.
 */
export function usePaneState<T>(key: string, initial: T | (() => T)): [T, Dispatch<SetStateAction<T>>] {
  const store = useContext(PaneStateContext);
  const [value, setValue] = useState<T>(() =>
    store?.has(key)
      ? (store.get(key) as T)
      : typeof initial === 'function'
        ? (initial as () => T)()
        : initial,
  );
  useEffect(() => store?.subscribe(key, (v) => setValue(v as T)), [store, key]);
  const set = useCallback<Dispatch<SetStateAction<T>>>(
    (next) => {
      setValue((old) => {
        const v = typeof next === 'function' ? (next as (o: T) => T)(old) : next;
        store?.set(key, v);
        return v;
      });
    },
    [store, key],
  );
  return [value, set];
}
