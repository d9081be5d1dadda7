// Pure helpers about sources and articles: computed from state passed in,
// no backend calls, no store writes (the actions use them, as do the views).

import type { ArticleSummary, Feed } from "../api";
import { getLang } from "../i18n";
import type { State } from "../store";
import { compareNames } from "./collate";

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

/** Unread articles over these feeds. */
export function totalUnread(feeds: Feed[]): number {
  return feeds.reduce((n, f) => n + f.unread_count, 0);
}

/** Whether an article has a web link that can be shared. */
export function canShare(a: Pick<ArticleSummary, "url"> | null | undefined): boolean {
  return !!a?.url && /^https?:\/\//i.test(a.url.trim());
}
