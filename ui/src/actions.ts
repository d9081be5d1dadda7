// Everything the UI does: load, select, read, save, sync, add, import…
// Each action calls the api, then updates the store. Errors become state
// (shown inline) or a toast; none escape to the console unhandled.

import { api, ApiError, toApiError } from "./api";
import type { Article, ArticleSummary, ExtractionPolicy, Feed, NewRule, Settings, ShareTarget, SyncProgress, View } from "./api";
import { formatCount, getLang, resolveLang, setLang, t } from "./i18n";
import { compareNames } from "./lib/collate";
import { loadLastView, saveLastView } from "./lib/last-view";
import { refreshScheduler } from "./lib/refresh";
import type { RefreshParts } from "./lib/refresh";
import type { LastView } from "./lib/last-view";
import { normalizeSharePrefs, takeLegacySharePrefs } from "./lib/share-prefs";
import { applyTheme } from "./lib/theme";
import type { ShareItem, SharePref } from "./lib/share-prefs";
import { getState, sameSource, setState } from "./store";
import type { Overlay, Pane, Source, State } from "./store";

export const PAGE_SIZE = 100;
const COLLAPSED_KEY = "byline.collapsedFolders";
const SEARCH_DELAY_MS = 250;

let listToken = 0;
let articleToken = 0;
let toastId = 0;
let searchTimer: ReturnType<typeof setTimeout> | undefined;
let syncClearTimer: ReturnType<typeof setTimeout> | undefined;

// ---------- toasts ----------

export function toast(
  text: string,
  kind: "info" | "error" = "info",
  details?: string,
  action?: { label: string; run: () => void },
): void {
  const id = ++toastId;
  setState((s) => ({ toasts: [...s.toasts, { id, text, kind, details, action }].slice(-3) }));
  setTimeout(() => dismissToast(id), kind === "error" ? (details ? 12000 : 7000) : action ? 8000 : 4000);
}

/** A failure as a sentence in the UI's language that says what to do, with
 * the backend's technical message behind "Details". */
export function toastError(err: unknown): void {
  const e = toApiError(err);
  toast(errorSentence(e), "error", e.message);
}

/** What an error means for the user, in the UI's language. */
export function errorSentence(err: ApiError): string {
  return t(`error.${err.kind}`);
}

export function dismissToast(id: number): void {
  setState((s) => ({ toasts: s.toasts.filter((x) => x.id !== id) }));
}

// ---------- start-up ----------

/** Loads settings, feeds and the first page; subscribes to backend events. */
export async function start(): Promise<() => void> {
  try {
    const raw = localStorage.getItem(COLLAPSED_KEY);
    if (raw) setState({ collapsed: JSON.parse(raw) as number[] });
  } catch {
    /* no saved folder state */
  }
  await loadSettings();
  await migrateSharePrefs();
  const unlisten = await Promise.all([
    api.onSyncProgress(onSyncProgress),
    api.onArticlesChanged(() => scheduleRefresh({ feeds: true, list: true, article: true })),
  ]);
  void api.appInfo().then(
    (info) => setState({ appInfo: info }),
    () => {},
  );
  await loadFeeds();
  const last = restorableView();
  if (last) setState({ source: last.source, view: last.view });
  await loadList();
  if (last?.articleId != null && getState().list.items.some((a) => a.id === last.articleId)) {
    void openArticle(last.articleId);
  }
  return () => unlisten.forEach((u) => u());
}

/** The view kept from the last run, if its source still exists. */
function restorableView(): LastView | null {
  const last = loadLastView();
  if (!last) return null;
  const s = getState();
  const source = last.source;
  const exists =
    source.kind === "all" ||
    (source.kind === "feed" ? s.feeds.some((f) => f.id === source.id) : s.folders.some((f) => f.id === source.id));
  return exists ? last : null;
}

/** Keeps what is shown now for the next start. */
function rememberView(): void {
  const s = getState();
  saveLastView({ source: s.source, view: s.view, articleId: s.selectedId });
}

export async function loadSettings(): Promise<void> {
  try {
    const settings = await api.getSettings();
    applySettings(settings);
  } catch {
    applySettings(getState().settings);
  }
}

/** Puts settings into effect: language, theme attribute. */
export function applySettings(settings: Settings): void {
  const lang = resolveLang(settings.ui_language);
  setLang(lang);
  applyTheme(settings.theme);
  setState({ settings, lang, sharePrefs: normalizeSharePrefs(settings.share_bar) });
}

/** Moves the share-bar preference an earlier version kept in localStorage into settings. */
async function migrateSharePrefs(): Promise<void> {
  const legacy = takeLegacySharePrefs();
  const settings = getState().settings;
  if (!legacy || settings.share_bar.length > 0) return;
  try {
    await saveSettings({ ...settings, share_bar: legacy });
  } catch {
    /* the defaults stay */
  }
}

// ---------- feeds and counts ----------

export async function loadFeeds(): Promise<void> {
  try {
    const [feeds, folders] = await Promise.all([api.listFeeds(), api.listFolders()]);
    setState({ feeds, folders, feedsStatus: "ready", feedsError: null });
  } catch (err) {
    setState({ feedsStatus: "error", feedsError: toApiError(err) });
  }
  void loadCounts();
}

/** How many articles All and Saved hold, in one backend query. */
export async function loadCounts(): Promise<void> {
  try {
    setState({ counts: await api.articleCounts() });
  } catch {
    /* the counts are decoration */
  }
}

function bumpCounts(delta: Partial<Record<"all" | "unread" | "saved", number>>): void {
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

export function totalUnread(feeds: Feed[]): number {
  return feeds.reduce((n, f) => n + f.unread_count, 0);
}

function bumpUnread(feedId: number, delta: number): void {
  setState((s) => ({
    feeds: s.feeds.map((f) => (f.id === feedId ? { ...f, unread_count: Math.max(0, f.unread_count + delta) } : f)),
  }));
}

// ---------- the article list ----------

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
    const page = await api.listArticles({ ...queryFor(s), limit: opts.limit ?? PAGE_SIZE });
    if (token !== listToken) return;
    setState((cur) => ({
      list: { ...cur.list, items: page.items, next: page.next ?? null, status: "ready", error: null },
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
    setState((cur) => {
      const seen = new Set(cur.list.items.map((a) => a.id));
      const fresh = page.items.filter((a) => !seen.has(a.id));
      return { list: { ...cur.list, items: [...cur.list.items, ...fresh], next: page.next ?? null, loadingMore: false } };
    });
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

/** Reloads what the backend's events say changed, once per burst of them. */
const scheduleRefresh = refreshScheduler(refreshParts);

/** Full articles arrive after a sync: the open one picks up its full text
 * (or learns that its page could not be had, or read worse than the feed). */
async function refreshOpenArticle(): Promise<void> {
  const open = getState().article;
  if (!open || open.page !== "pending") return;
  try {
    const article = await api.getArticle(open.id);
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

// ---------- the reader ----------

function patchItem(id: number, patch: Partial<ArticleSummary>): void {
  setState((s) => ({
    list: { ...s.list, items: s.list.items.map((a) => (a.id === id ? { ...a, ...patch } : a)) },
    article: s.article && s.article.id === id ? ({ ...s.article, ...patch } as Article) : s.article,
  }));
}

/** Opens an article in the reader and marks it read. */
export async function openArticle(id: number): Promise<void> {
  const token = ++articleToken;
  const summary = getState().list.items.find((a) => a.id === id);
  setState({ selectedId: id, articleStatus: "loading", articleError: null, pane: "reader", shareMenu: false });
  rememberView();
  try {
    const article = await api.getArticle(id);
    if (token !== articleToken) return;
    setState({ article, articleStatus: "ready" });
    const unread = summary ? !summary.read : !article.read;
    if (unread) void setRead(id, true);
  } catch (err) {
    if (token !== articleToken) return;
    setState({ article: null, articleStatus: "error", articleError: toApiError(err) });
  }
}

export function closeReader(): void {
  setState({ pane: "list" });
}

function findSummary(id: number): ArticleSummary | Article | undefined {
  const s = getState();
  return s.list.items.find((a) => a.id === id) ?? (s.article?.id === id ? s.article : undefined);
}

export async function setRead(id: number, read: boolean): Promise<void> {
  const item = findSummary(id);
  if (!item || item.read === read) return;
  patchItem(id, { read });
  bumpUnread(item.feed_id, read ? -1 : 1);
  try {
    await api.setRead(id, read);
  } catch (err) {
    patchItem(id, { read: !read });
    bumpUnread(item.feed_id, read ? 1 : -1);
    toastError(err);
  }
}

export async function setSaved(id: number, saved: boolean): Promise<void> {
  const item = findSummary(id);
  if (!item || item.saved === saved) return;
  patchItem(id, { saved });
  bumpCounts({ saved: saved ? 1 : -1 });
  try {
    await api.setSaved(id, saved);
  } catch (err) {
    patchItem(id, { saved: !saved });
    void loadCounts();
    toastError(err);
  }
}

export function toggleSavedCurrent(): void {
  const s = getState();
  if (s.selectedId == null) return;
  const item = findSummary(s.selectedId);
  if (item) void setSaved(item.id, !item.saved);
}

export function toggleReadCurrent(): void {
  const s = getState();
  if (s.selectedId == null) return;
  const item = findSummary(s.selectedId);
  if (item) void setRead(item.id, !item.read);
}

export async function openOriginal(url: string | null | undefined = undefined): Promise<void> {
  const s = getState();
  const target = url ?? (s.selectedId != null ? findSummary(s.selectedId)?.url : null);
  if (!target) return;
  try {
    await api.openExternal(target);
  } catch (err) {
    toastError(err);
  }
}

/** Whether an article has a web link that can be shared. */
export function canShare(a: Pick<ArticleSummary, "url"> | null | undefined): boolean {
  return !!a?.url && /^https?:\/\//i.test(a.url.trim());
}

/** Shares an article to a messenger or by email (the link is built and checked in Rust). */
export async function share(id: number, target: ShareTarget): Promise<void> {
  try {
    const outcome = await api.shareArticle(id, target);
    if (outcome.copied) toast(t("toast.messengerCopied"));
  } catch (err) {
    toastError(err);
  }
}

export async function copyLink(id: number): Promise<void> {
  try {
    await api.copyArticleLink(id);
    toast(t("toast.linkCopied"));
  } catch (err) {
    toastError(err);
  }
}

/** One entry of a share bar or menu: copy the link, or share to a target. */
export function shareTo(id: number, item: ShareItem): Promise<void> {
  return item === "copy" ? copyLink(id) : share(id, item);
}

/** Shift+S: the share menu for the current article. */
export function openShareMenu(): boolean {
  const s = getState();
  if (s.selectedId == null || s.articleStatus !== "ready" || !s.article) return false;
  if (!canShare(s.article)) {
    toast(t("share.noLink"));
    return true;
  }
  setState({ shareMenu: true, pane: "reader" });
  return true;
}

export function closeShareMenu(): boolean {
  if (!getState().shareMenu) return false;
  setState({ shareMenu: false });
  return true;
}

/** Saves which share targets show, and in what order (with the settings). */
export function setSharePrefs(prefs: SharePref[]): void {
  const settings = getState().settings;
  saveSettings({ ...settings, share_bar: prefs.map(({ id, on }) => ({ id, on })) }).catch((err: unknown) =>
    toastError(err),
  );
}

/** j / k: the next or previous article in the list. */
export function moveArticle(delta: 1 | -1): void {
  const s = getState();
  const items = s.list.items;
  if (items.length === 0) return;
  const at = s.selectedId == null ? -1 : items.findIndex((a) => a.id === s.selectedId);
  const next = at < 0 ? (delta > 0 ? 0 : items.length - 1) : at + delta;
  if (next < 0 || next >= items.length) return;
  void openArticle(items[next].id);
  if (next >= items.length - 10) void loadMore();
}

/** Ctrl+Q: closes Byline. */
export async function quit(): Promise<void> {
  try {
    await api.quitApp();
  } catch (err) {
    toastError(err);
  }
}

/** Space at the end of an article: the next unread one in the list, if any. */
export function moveToNextUnread(): void {
  const s = getState();
  const items = s.list.items;
  const at = s.selectedId == null ? -1 : items.findIndex((a) => a.id === s.selectedId);
  const next = items.findIndex((a, i) => i > at && !a.read);
  if (next < 0) return;
  void openArticle(items[next].id);
  if (next >= items.length - 10) void loadMore();
}

// ---------- sources ----------

/** Feeds in the order the sidebar shows them (folders first, by name). */
export function feedsInSidebarOrder(s: Pick<State, "feeds" | "folders">): Feed[] {
  const out: Feed[] = [];
  const byName = (a: { title?: string; name?: string }, b: { title?: string; name?: string }) =>
    compareNames(a.title ?? a.name ?? "", b.title ?? b.name ?? "", getLang());
  const walk = (parent: number | null) => {
    const folders = s.folders.filter((f) => (f.parent_id ?? null) === parent).sort(byName);
    for (const folder of folders) walk(folder.id);
    if (parent !== null) out.push(...s.feeds.filter((f) => f.folder_id === parent).sort(byName));
  };
  walk(null);
  const known = new Set(s.folders.map((f) => f.id));
  out.push(...s.feeds.filter((f) => f.folder_id == null || !known.has(f.folder_id)).sort(byName));
  return out;
}

/** n / p: the next or previous feed in the sidebar. */
export function moveFeed(delta: 1 | -1): void {
  const s = getState();
  const order = feedsInSidebarOrder(s);
  if (order.length === 0) return;
  const at = s.source.kind === "feed" ? order.findIndex((f) => f.id === (s.source as { id: number }).id) : -1;
  const next = at < 0 ? (delta > 0 ? 0 : order.length - 1) : at + delta;
  if (next < 0 || next >= order.length) return;
  selectSource({ kind: "feed", id: order[next].id });
}

export function toggleFolder(id: number): void {
  setState((s) => {
    const collapsed = s.collapsed.includes(id) ? s.collapsed.filter((x) => x !== id) : [...s.collapsed, id];
    try {
      localStorage.setItem(COLLAPSED_KEY, JSON.stringify(collapsed));
    } catch {
      /* not persisted */
    }
    return { collapsed };
  });
}

export async function addSource(url: string, folderId: number | null = null): Promise<Feed> {
  const feed = await api.addSource(url.trim(), folderId);
  await loadFeeds();
  void loadList({ keepItems: getState().list.items.length > 0 });
  return feed;
}

export async function addStarter(url: string): Promise<void> {
  setState((s) => ({ starterBusy: [...s.starterBusy, url] }));
  try {
    const feed = await addSource(url);
    setState((s) => ({ starterDone: [...s.starterDone, url] }));
    toast(t("toast.added", { title: feed.title }));
  } catch (err) {
    const e = toApiError(err);
    toast(`${t("toast.addFailed")} ${errorSentence(e)}`, "error", e.message);
  } finally {
    setState((s) => ({ starterBusy: s.starterBusy.filter((u) => u !== url) }));
  }
}

export async function removeFeed(id: number): Promise<void> {
  try {
    await api.removeFeed(id);
    const s = getState();
    if (s.source.kind === "feed" && s.source.id === id) setState({ source: { kind: "all" } });
    await Promise.all([loadFeeds(), loadList()]);
  } catch (err) {
    toastError(err);
  }
}

/** Opens the dialog that renames a feed and sets when its full articles are fetched. */
export function editFeed(id: number): void {
  setState({ overlay: "edit-feed", editing: id });
}

/** Opens the dialog that renames a folder. */
export function editFolder(id: number): void {
  setState({ overlay: "edit-folder", editing: id });
}

/**
 * Saves a feed's title and full-article policy (`null`: the default from
 * settings); only what changed is sent. Throws the backend's error.
 */
export async function saveFeed(id: number, title: string, extraction: ExtractionPolicy | null): Promise<void> {
  const feed = getState().feeds.find((f) => f.id === id);
  if (!feed) return;
  const name = title.trim();
  const renamed = name !== "" && name !== feed.title;
  if (renamed) await api.renameFeed(id, name);
  if ((feed.extraction ?? null) !== extraction) await api.setFeedExtraction(id, extraction);
  // The list's rows carry the feed's name too.
  await (renamed ? refreshAfterChange() : loadFeeds());
}

/** Renames a folder. Throws the backend's error. */
export async function renameFolder(id: number, name: string): Promise<void> {
  await api.renameFolder(id, name.trim());
  await loadFeeds();
}

/** Marks a feed important (its new articles notify) or not. */
export async function setFeedImportant(id: number, important: boolean): Promise<void> {
  const feed = getState().feeds.find((f) => f.id === id);
  if (!feed || feed.important === important) return;
  const patch = (value: boolean) =>
    setState((s) => ({ feeds: s.feeds.map((f) => (f.id === id ? { ...f, important: value } : f)) }));
  patch(important);
  try {
    await api.setFeedImportant(id, important);
    if (important) {
      const title = feed.title || feed.url;
      toast(getState().settings.notifications ? t("toast.importantOn", { title }) : t("toast.importantNotificationsOff", { title }));
    }
  } catch (err) {
    patch(!important);
    toastError(err);
  }
}

export async function moveFeedToFolder(id: number, folderId: number | null): Promise<void> {
  try {
    await api.moveFeed(id, folderId);
    await loadFeeds();
  } catch (err) {
    toastError(err);
  }
}

export async function createFolder(name: string): Promise<number | null> {
  try {
    const folder = await api.createFolder(name.trim(), null);
    await loadFeeds();
    return folder.id;
  } catch (err) {
    toastError(err);
    return null;
  }
}

export async function deleteFolder(id: number): Promise<void> {
  try {
    await api.deleteFolder(id);
    const s = getState();
    if (s.source.kind === "folder" && s.source.id === id) selectSource({ kind: "all" });
    await loadFeeds();
  } catch (err) {
    toastError(err);
  }
}

export async function markAllRead(): Promise<void> {
  const s = getState();
  const feedId = s.source.kind === "feed" ? s.source.id : null;
  try {
    let marked: number[];
    if (s.source.kind === "folder") {
      const folderId = s.source.id;
      const inFolder = folderFeedIds(s, folderId);
      marked = (await Promise.all(inFolder.map((id) => api.markAllRead(id)))).flat();
    } else {
      marked = await api.markAllRead(feedId);
    }
    setState((cur) => ({ list: { ...cur.list, items: cur.list.items.map((a) => ({ ...a, read: true })) } }));
    await loadFeeds();
    if (getState().view === "unread") void loadList();
    if (marked.length > 0) {
      toast(t("toast.markedRead", { count: formatCount(marked.length) }), "info", undefined, {
        label: t("common.undo"),
        run: () => void undoMarkAllRead(marked),
      });
    }
  } catch (err) {
    toastError(err);
  }
}

/** Puts back as unread what "mark all read" marked. */
export async function undoMarkAllRead(ids: number[]): Promise<void> {
  try {
    await api.setReadMany(ids, false);
    const back = new Set(ids);
    setState((cur) => ({ list: { ...cur.list, items: cur.list.items.map((a) => (back.has(a.id) ? { ...a, read: false } : a)) } }));
    await loadFeeds();
    if (getState().view === "unread") void loadList();
  } catch (err) {
    toastError(err);
  }
}

/** Feeds in a folder and its subfolders. */
export function folderFeedIds(s: Pick<State, "feeds" | "folders">, folderId: number): number[] {
  const ids = new Set([folderId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const f of s.folders) {
      if (f.parent_id != null && ids.has(f.parent_id) && !ids.has(f.id)) {
        ids.add(f.id);
        grew = true;
      }
    }
  }
  return s.feeds.filter((f) => f.folder_id != null && ids.has(f.folder_id)).map((f) => f.id);
}

// ---------- sync ----------

function onSyncProgress(progress: SyncProgress): void {
  clearTimeout(syncClearTimer);
  setState({ sync: progress });
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
    if (report.failed > 0) toast(t("toast.syncFailures", { failed: report.failed, total: report.feeds }), "error");
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
    if (report.failed > 0 && report.errors[0]) toast(t("problem.other"), "error", report.errors[0].error);
  } catch (err) {
    toastError(err);
    scheduleRefresh({ feeds: true });
  } finally {
    setState((s) => ({ retrying: s.retrying.filter((x) => x !== id) }));
  }
}

// ---------- OPML ----------

export async function importOpml(): Promise<void> {
  try {
    const path = await api.pickOpenPath(t("opml.importTitle"));
    if (!path) return;
    const report = await api.importOpml(path);
    toast(t("toast.imported", { added: report.feeds_added, total: report.feeds_in_file }));
    if (report.rejected.length > 0) toast(t("toast.importRejected", { count: report.rejected.length }), "error");
    await loadFeeds();
  } catch (err) {
    toastError(err);
  }
}

export async function exportOpml(): Promise<void> {
  try {
    const path = await api.pickSavePath(t("opml.exportTitle"), "byline-subscriptions.opml");
    if (!path) return;
    await api.exportOpml(path);
    toast(t("toast.exported"));
  } catch (err) {
    toastError(err);
  }
}

// ---------- settings and rules ----------

/** Saves settings; on failure puts the old ones back and rethrows. */
export async function saveSettings(next: Settings): Promise<void> {
  const before = getState().settings;
  applySettings(next);
  try {
    await api.setSettings(next);
  } catch (err) {
    applySettings(before);
    throw toApiError(err);
  }
}

export async function loadRules(): Promise<void> {
  setState({ rulesStatus: "loading", rulesError: null });
  try {
    setState({ rules: await api.listRules(), rulesStatus: "ready" });
  } catch (err) {
    setState({ rulesStatus: "error", rulesError: toApiError(err) });
  }
}

export async function addRule(rule: NewRule): Promise<void> {
  const added = await api.addRule(rule);
  setState((s) => ({ rules: [...s.rules, added] }));
}

export async function removeRule(id: number): Promise<void> {
  try {
    await api.removeRule(id);
    setState((s) => ({ rules: s.rules.filter((r) => r.id !== id) }));
  } catch (err) {
    toastError(err);
  }
}

// ---------- overlays and panes ----------

export function openOverlay(overlay: Overlay): void {
  setState({ overlay });
  if (overlay === "rules") void loadRules();
}

export function closeOverlay(): boolean {
  if (getState().overlay === null) return false;
  setState({ overlay: null });
  return true;
}

export function showPane(pane: Pane): void {
  setState({ pane });
}

