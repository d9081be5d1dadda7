// Actions: sources. (Part of ../actions.ts, which re-exports them all.)

import { api, toApiError } from "../api";
import type { ExtractionPolicy, Feed } from "../api";
import { formatCount, t } from "../i18n";
import { getState, setState } from "../store";
import { loadFeeds } from "./feeds";
import { loadList, refreshAfterChange, selectSource } from "./list";
import { errorSentence, toast, toastError } from "./toasts";
import { feedsInSidebarOrder, folderFeedIds } from "../lib/sources";
import { sendLocalChange } from "../lib/local-changes";
export { feedsInSidebarOrder, folderFeedIds };

export const COLLAPSED_KEY = "byline.collapsedFolders";


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
    toast(() => t("toast.added", { title: feed.title }));
  } catch (err) {
    const e = toApiError(err);
    toast(() => `${t("toast.addFailed")} ${errorSentence(e)}`, "error", e.message);
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
    await sendLocalChange(() => api.setFeedImportant(id, important));
    if (important) {
      const title = feed.title || feed.url;
      const notifying = getState().settings.notifications;
      toast(() => (notifying ? t("toast.importantOn", { title }) : t("toast.importantNotificationsOff", { title })));
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
    // The rows turn read as the backend answers, before a reload in
    // flight can bring them back unread.
    const marked = await sendLocalChange(async () => {
      let marked: number[];
      if (s.source.kind === "folder") {
        const inFolder = folderFeedIds(s, s.source.id);
        marked = (await Promise.all(inFolder.map((id) => api.markAllRead(id)))).flat();
      } else {
        marked = await api.markAllRead(feedId);
      }
      setState((cur) => ({ list: { ...cur.list, items: cur.list.items.map((a) => ({ ...a, read: true })) } }));
      return marked;
    });
    await loadFeeds();
    if (getState().view === "unread") void loadList();
    if (marked.length > 0) {
      toast(() => t("toast.markedRead", { count: formatCount(marked.length) }), "info", undefined, {
        label: () => t("common.undo"),
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
    await sendLocalChange(async () => {
      await api.setReadMany(ids, false);
      const back = new Set(ids);
      setState((cur) => ({ list: { ...cur.list, items: cur.list.items.map((a) => (back.has(a.id) ? { ...a, read: false } : a)) } }));
    });
    await loadFeeds();
    if (getState().view === "unread") void loadList();
  } catch (err) {
    toastError(err);
  }
}

