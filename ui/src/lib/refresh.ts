// One refresh per change: the backend's events (a sync ended, articles
// changed) say what to reload; a burst of them (a sync ends, then its new
// articles, then their full pages) becomes one reload of each part.

/** What a change asks to reload. */
export interface RefreshParts {
  /** The sources with their counts. */
  feeds?: boolean;
  /** The article list (its loaded rows kept). */
  list?: boolean;
  /** The article open in the reader. */
  article?: boolean;
}

/** How long (ms) a burst of changes is gathered before one reload. */
export const REFRESH_GATHER_MS = 60;

/** How long (ms) a reload waits at most for the user to stop pressing keys. */
export const REFRESH_HOLD_AT_MOST_MS = 1500;

/**
 * Gathers the parts asked for until the changes stop for `gatherMs`, then
 * calls `run` once with all of them; a change during a run queues one more.
 * While `busyFor()` says the user is busy (ms still to wait; a key press
 * just made), the reload waits for them, {@link REFRESH_HOLD_AT_MOST_MS}
 * at most, so the presses are not queued behind it.
 */
export function refreshScheduler(
  run: (parts: Required<RefreshParts>) => Promise<void>,
  gatherMs: number = REFRESH_GATHER_MS,
  busyFor: () => number = () => 0,
): (parts: RefreshParts) => void {
  let pending: Required<RefreshParts> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;
  // When the gathered reload first became due and waited for the user.
  let heldSince: number | null = null;
  const fire = () => {
    timer = undefined;
    const busy = busyFor();
    if (busy > 0) {
      const now = Date.now();
      heldSince ??= now;
      const left = heldSince + REFRESH_HOLD_AT_MOST_MS - now;
      if (left > 0) {
        timer = setTimeout(fire, Math.min(busy, left));
        return;
      }
    }
    heldSince = null;
    if (running) {
      // A reload is on its way: try again once it is done.
      void running.then(() => schedule({}));
      return;
    }
    const parts = pending ?? { feeds: false, list: false, article: false };
    pending = null;
    running = run(parts)
      .catch(() => {})
      .finally(() => {
        running = null;
      });
  };
  const schedule = (parts: RefreshParts) => {
    const p = pending ?? { feeds: false, list: false, article: false };
    pending = {
      feeds: p.feeds || !!parts.feeds,
      list: p.list || !!parts.list,
      article: p.article || !!parts.article,
    };
    // A reload held for the user is due already: a new change does not
    // start its wait again.
    if (heldSince != null && timer !== undefined) return;
    clearTimeout(timer);
    timer = setTimeout(fire, gatherMs);
  };
  return schedule;
}
