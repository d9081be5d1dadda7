// Actions: the reader. (Part of ../actions.ts, which re-exports them all.)

import { api, toApiError } from "../api";
import type { Article, ArticleSummary, ShareTarget } from "../api";
import { t } from "../i18n";
import type { ShareItem, SharePref } from "../lib/share-prefs";
import { sendLocalChange } from "../lib/local-changes";
import { getState, setState } from "../store";
import { bumpCounts, bumpUnread, loadCounts } from "./feeds";
import { loadMore, rememberView } from "./list";
import { saveSettings } from "./settings";
import { toast, toastError } from "./toasts";
import { canShare } from "../lib/sources";
export { canShare };

let articleToken = 0;

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
    await sendLocalChange(() => api.setRead(id, read));
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
    await sendLocalChange(() => api.setSaved(id, saved));
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


/** Shares an article to a messenger or by email (the link is built and checked in Rust). */
export async function share(id: number, target: ShareTarget): Promise<void> {
  try {
    const outcome = await api.shareArticle(id, target);
    if (outcome.copied) toast(() => t("toast.messengerCopied"));
  } catch (err) {
    toastError(err);
  }
}

export async function copyLink(id: number): Promise<void> {
  try {
    await api.copyArticleLink(id);
    toast(() => t("toast.linkCopied"));
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
    toast(() => t("share.noLink"));
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
