// Actions: feeds and counts. (Part of ../actions.ts, which re-exports them all.)

import { api, toApiError } from "../api";
import { setState } from "../store";
import { readAfterLocalChanges } from "../lib/local-changes";
import { reuseIfSame, reuseItems } from "../lib/reuse";
import { totalUnread } from "../lib/sources";
export { totalUnread };

// Which reload of the sources asked last, and which one's answer shows:
// an answer older than the one shown is dropped.
let feedsAsked = 0;
let feedsShown = 0;

/** The sources and folders with their counts; then the counts and accounts. */
export async function loadFeeds(): Promise<void> {
  try {
    const [feeds, folders, asked] = await readAfterLocalChanges(() => {
      const asked = ++feedsAsked;
      return Promise.all([api.listFeeds(), api.listFolders(), asked]);
    });
    if (asked < feedsShown) return;
    feedsShown = asked;
    setState((s) => ({
      feeds: reuseItems(s.feeds, feeds),
      folders: reuseItems(s.folders, folders),
      feedsStatus: "ready",
      feedsError: null,
    }));
  } catch (err) {
    setState({ feedsStatus: "error", feedsError: toApiError(err) });
  }
  void loadCounts();
  void loadAccounts();
}

/** The server accounts, with their last sync and error (kept as they were when this fails). */
export async function loadAccounts(): Promise<void> {
  try {
    const accounts = await api.listAccounts();
    setState((s) => ({ accounts: reuseItems(s.accounts, accounts) }));
  } catch {
    /* shown again at the next reload */
  }
}

/** How many articles All and Saved hold, in one backend query. */
export async function loadCounts(): Promise<void> {
  try {
    const counts = await readAfterLocalChanges(() => api.articleCounts());
    setState((s) => ({ counts: reuseIfSame(s.counts, counts) }));
  } catch {
    /* the counts are decoration */
  }
}

export function bumpCounts(delta: Partial<Record<"all" | "unread" | "saved", number>>): void {
  setState((s) =>
    s.counts
      ? {
          counts: {
            all: Math.max(0, s.counts.all + (delta.all ?? 0)),
            unread: Math.max(0, s.counts.unread + (delta.unread ?? 0)),
            saved: Math.max(0, s.counts.saved + (delta.saved ?? 0)),
          },
        }
      : {},
  );
}


export function bumpUnread(feedId: number, delta: number): void {
  setState((s) => ({
    feeds: s.feeds.map((f) => (f.id === feedId ? { ...f, unread_count: Math.max(0, f.unread_count + delta) } : f)),
  }));
}
