import { useCallback, useEffect, useRef } from 'react';
import { useShell } from './ShellContext';
import type { Status } from '../i18n/message';

/**
 * Runs `fn` once when the view mounts and again whenever `gateway` changes, always calling the
 * latest `fn`: a ref keeps it, because its identity follows the shell's services, which may
 * change on every render of the shell.
 */
export function useOnGateway(gateway: unknown, fn: () => unknown): void {
  const latest = useRef(fn);
  latest.current = fn;
  useEffect(() => {
    void latest.current();
  }, [gateway]);
}

/**
 * A guard for a view's actions: clears the error bar, marks the view busy, sends any error to the
 * shell's error bar (clearing the view's status line), and always ends busy, then calls `settle`.
 * Gateway errors reach the shell through its reporting as well; showing the same error again only
 * replaces it, so every error is shown exactly once.
 */
export function useGuard(
  setBusy: (busy: boolean) => void,
  setStatus: (status: Status | undefined) => void,
  settle?: () => void,
): (fn: () => Promise<void> | void) => Promise<void> {
  const shell = useShell();
  const settleRef = useRef(settle);
  settleRef.current = settle;
  return useCallback(
    async (fn: () => Promise<void> | void): Promise<void> => {
      shell.clearError();
      setBusy(true);
      try {
        await fn();
      } catch (e) {
        shell.showError(e);
        setStatus(undefined);
      } finally {
        setBusy(false);
        settleRef.current?.();
      }
    },
    [shell, setBusy, setStatus],
  );
}
