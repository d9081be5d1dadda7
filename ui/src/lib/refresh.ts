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

/**
 * Gathers the parts asked for until the changes stop for `gatherMs`, then
 * calls `run` once with all of them; a change during a run queues one more.
 */
export function refreshScheduler(
  run: (parts: Required<RefreshParts>) => Promise<void>,
  gatherMs: number = REFRESH_GATHER_MS,
): (parts: RefreshParts) => void {
  let pending: Required<RefreshParts> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;
  const fire = () => {
    timer = undefined;
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
    clearTimeout(timer);
    timer = setTimeout(fire, gatherMs);
  };
  return schedule;
}
