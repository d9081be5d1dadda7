// Actions: sync. (Part of ../actions.ts, which re-exports them all.)

import { api } from "../api";
import type { SyncProgress } from "../api";
import { t } from "../i18n";
import { latestEvery } from "../lib/latest-every";
import { getState, setState } from "../store";
import { loadAccounts } from "./feeds";
import { scheduleRefresh } from "./list";
import { toast, toastError } from "./toasts";

let syncClearTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * How often a running sync's progress is shown at most. A sync sends one
 * for each source, and each one shown renders the source list again
 * (15–30 ms with 200 feeds): shown every time, they kept the window busy
 * for seconds while it synced.
 */
export const PROGRESS_EVERY_MS = 100;

/** Shows the sync's progress (at most every {@link PROGRESS_EVERY_MS});
 * its end, and an account that finished, at once. */
export const onSyncProgress = latestEvery(showSyncProgress, PROGRESS_EVERY_MS, (progress) => {
  const shown = getState().sync;
  return !progress.running || progress.accounts_syncing.length !== (shown?.accounts_syncing.length ?? 0);
});

function showSyncProgress(progress: SyncProgress): void {
  clearTimeout(syncClearTimer);
  // An account just done: its group in the sidebar shows its new state now.
  const before = getState().sync?.accounts_syncing ?? [];
  const accountDone = before.some((id) => !progress.accounts_syncing.includes(id));
  setState({ sync: progress });
  if (accountDone && progress.running) void loadAccounts();
  if (!progress.running) {
    scheduleRefresh({ feeds: true });
    syncClearTimer = setTimeout(() => setState({ sync: null }), 1800);
  }
}

/** Refreshes every source now. A manual refresh retries every source,
 * also those backing off after failures or asked by their server to wait.
 * The lists reload on the backend's events (the sync's end, new articles),
 * once per burst, not here. */
export async function syncAll(): Promise<void> {
  if (getState().syncing) return;
  setState({ syncing: true });
  try {
    const report = await api.syncNow(null, true);
    if (report.failed > 0) toast(() => t("toast.syncFailures", { failed: report.failed, total: report.feeds }), "error");
  } catch (err) {
    toastError(err);
    scheduleRefresh({ feeds: true });
  } finally {
    setState({ syncing: false });
  }
}

export async function retryFeed(id: number): Promise<void> {
  setState((s) => ({ retrying: [...s.retrying, id] }));
  try {
    const report = await api.syncNow(id, true);
    if (report.failed > 0 && report.errors[0]) toast(() => t("problem.other"), "error", report.errors[0].error);
  } catch (err) {
    toastError(err);
    scheduleRefresh({ feeds: true });
  } finally {
    setState((s) => ({ retrying: s.retrying.filter((x) => x !== id) }));
  }
}
