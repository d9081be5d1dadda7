// Actions: the article list. (Part of ../actions.ts, which re-exports them all.)

import { api, toApiError } from "../api";
import type { View } from "../api";
import { msUntilQuiet } from "../lib/input-quiet";
import { saveLastView } from "../lib/last-view";
import { readAfterLocalChanges } from "../lib/local-changes";
import { REFRESH_GATHER_MS, refreshScheduler } from "../lib/refresh";
import { appendPage, reuseItems } from "../lib/reuse";
import type { RefreshParts } from "../lib/refresh";
import { getState, sameSource, setState } from "../store";
import type { Source, State } from "../store";
import { loadFeeds } from "./feeds";
import { toastError } from "./toasts";

export const PAGE_SIZE = 100;

/** Keeps what is shown now for the next start. */
export function rememberView(): void {
  const s = getState();
  saveLastView({ source: s.source, view: s.view, articleId: s.selectedId });
}
const SEARCH_DELAY_MS = 250;
let listToken = 0;
let searchTimer: ReturnType<typeof setTimeout> | undefined;

function queryFor(s: State) {
  return {
    view: s.view,
    feed: s.source.kind === "feed" ? s.source.id : null,
    folder: s.source.kind === "folder" ? s.source.id : null,
    search: s.search.trim() ? s.search.trim() : null,
  };
}

/** Loads the first page of the current list (replacing it). */
export async function loadList(opts: { keepItems?: boolean; limit?: number } = {}): Promise<void> {
  const token = ++listToken;
  const s = getState();
  setState({
    list: {
      ...s.list,
      items: opts.keepItems ? s.list.items : [],
      next: opts.keepItems ? s.list.next : null,
      status: opts.keepItems && s.list.status === "ready" ? "ready" : "loading",
      loadingMore: false,
      error: null,
      generation: opts.keepItems ? s.list.generation : s.list.generation + 1,
    },
  });
  try {
    const page = await readAfterLocalChanges(() => api.listArticles({ ...queryFor(s), limit: opts.limit ?? PAGE_SIZE }));
    if (token !== listToken) return;
    setState((cur) => ({
      list: { ...cur.list, items: reuseItems(cur.list.items, page.items), next: page.next ?? null, status: "ready", error: null },
    }));
  } catch (err) {
    if (token !== listToken) return;
    setState((cur) => ({ list: { ...cur.list, status: "error", error: toApiError(err) } }));
  }
}

/** Appends the next page, if there is one and none is loading. */
export async function loadMore(): Promise<void> {
  const s = getState();
  if (!s.list.next || s.list.loadingMore || s.list.status !== "ready") return;
  const token = listToken;
  setState({ list: { ...s.list, loadingMore: true } });
  try {
    const page = await api.listArticles({ ...queryFor(s), after: s.list.next, limit: PAGE_SIZE });
    if (token !== listToken) return;
    setState((cur) => ({
      list: { ...cur.list, items: appendPage(cur.list.items, page.items), next: page.next ?? null, loadingMore: false },
    }));
  } catch (err) {
    if (token !== listToken) return;
    setState((cur) => ({ list: { ...cur.list, loadingMore: false } }));
    toastError(err);
  }
}

/** After a sync or an addition: counts again, the list again (same length). */
export async function refreshAfterChange(): Promise<void> {
  await refreshParts({ feeds: true, list: true, article: true });
}

async function refreshParts(parts: RefreshParts): Promise<void> {
  const loaded = getState().list.items.length;
  await Promise.all([
    parts.feeds ? loadFeeds() : null,
    parts.list ? loadList({ keepItems: true, limit: Math.min(500, Math.max(PAGE_SIZE, loaded)) }) : null,
    parts.article ? refreshOpenArticle() : null,
  ]);
}

/** Reloads what the backend's events say changed, once per burst of them,
 * and not while the user is pressing keys (a sync's end reloads the
 * sources and up to 500 rows: a press would wait behind it). */
export const scheduleRefresh = refreshScheduler(refreshParts, REFRESH_GATHER_MS, () => msUntilQuiet());

/** Full articles arrive after a sync: the open one picks up its full text
 * (or learns that its page could not be had, or read worse than the feed). */
async function refreshOpenArticle(): Promise<void> {
  const open = getState().article;
  if (!open || open.page !== "pending") return;
  try {
    const article = await readAfterLocalChanges(() => api.getArticle(open.id));
    if (getState().article?.id === open.id && article.page !== "pending") setState({ article });
  } catch {
    /* the article shown stays as it is */
  }
}

export function selectSource(source: Source, view?: View): void {
  const s = getState();
  const nextView = view ?? s.view;
  if (sameSource(s.source, source) && nextView === s.view) {
    setState({ pane: "list" });
    return;
  }
  setState({ source, view: nextView, pane: "list" });
  rememberView();
  void loadList();
}

export function setView(view: View): void {
  if (getState().view === view) return;
  setState({ view });
  rememberView();
  void loadList();
}

/** Updates the search box; the list follows after a short pause. */
export function setSearchInput(value: string): void {
  setState({ searchInput: value });
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => applySearch(value), SEARCH_DELAY_MS);
}

export function applySearch(value: string = getState().searchInput): void {
  clearTimeout(searchTimer);
  if (value.trim() === getState().search.trim()) {
    setState({ search: value });
    return;
  }
  setState({ search: value, searchInput: value });
  void loadList();
}

export function clearSearch(): void {
  setState({ searchInput: "" });
  applySearch("");
}
