// Pure helpers about sources and articles: computed from state passed in,
// no backend calls, no store writes (the actions use them, as do the views).

import type { Account, ArticleSummary, Capabilities, Feed, Folder } from "../api";
import { getLang } from "../i18n";
import type { State } from "../store";
import { type FolderBranch, sourceTree } from "./source-tree";

/** Feeds in the order the sidebar shows them (folders first, by name). */
export function feedsInSidebarOrder(s: Pick<State, "feeds" | "folders">): Feed[] {
  const tree = sourceTree(s.feeds, s.folders, getLang());
  const byId = new Map(s.feeds.map((f) => [f.id, f]));
  const ids: number[] = [];
  const walk = (branch: FolderBranch) => {
    branch.folders.forEach(walk);
    ids.push(...branch.feedIds);
  };
  tree.folders.forEach(walk);
  ids.push(...tree.feedIds);
  return ids.map((id) => byId.get(id)!);
}

/** Feeds in a folder and its subfolders (its branch of the source list). */
export function folderFeedIds(s: Pick<State, "feeds" | "folders">, folderId: number): number[] {
  const find = (branches: FolderBranch[]): FolderBranch | undefined => {
    for (const branch of branches) {
      const found = branch.folder.id === folderId ? branch : find(branch.folders);
      if (found) return found;
    }
    return undefined;
  };
  return find(sourceTree(s.feeds, s.folders, getLang()).folders)?.allFeedIds ?? [];
}

/** Every change allowed: a local feed's. */
const LOCAL_CHANGES: Capabilities = { subscribe: true, unsubscribe: true, rename_feed: true, move_feed: true };
const NO_CHANGES: Capabilities = { subscribe: false, unsubscribe: false, rename_feed: false, move_feed: false };

/** The server account a feed or folder belongs to (`null`: the local one, or an account not loaded). */
export function accountOf(row: { account_id?: number | null }, s: Pick<State, "accounts">): Account | null {
  return row.account_id == null ? null : (s.accounts.find((a) => a.id === row.account_id) ?? null);
}

/** What may change about a feed: everything for a local feed; for a server
 * account's feed, what its server allows (the account's `capabilities`,
 * from Rust), nothing while its account is not known. */
export function feedChanges(feed: Pick<Feed, "account_id">, s: Pick<State, "accounts">): Capabilities {
  if (feed.account_id == null) return LOCAL_CHANGES;
  return accountOf(feed, s)?.capabilities ?? NO_CHANGES;
}

/** The folders a feed may move into, its own aside: a local feed, the local
 * folders; an account's feed, its account's folders but not the account's
 * top folder (on the server a feed is always in a folder). */
export function moveTargets(feed: Pick<Feed, "account_id" | "folder_id">, s: Pick<State, "folders">): Folder[] {
  const account = feed.account_id ?? null;
  return s.folders.filter(
    (f) => f.id !== feed.folder_id && (f.account_id ?? null) === account && (account == null || f.parent_id != null),
  );
}

/** The folders a new source may go in: the local ones, and those of the
 * accounts whose server lets Byline subscribe. */
export function subscribeTargets(s: Pick<State, "folders" | "accounts">): Folder[] {
  return s.folders.filter((f) => f.account_id == null || accountOf(f, s)?.capabilities.subscribe === true);
}

/** The account whose top folder this is (named after it, holding its
 * folders and feeds), or `null`. */
export function accountOfTopFolder(folder: Folder, s: Pick<State, "accounts">): Account | null {
  return folder.parent_id == null ? accountOf(folder, s) : null;
}

/** Unread articles over these feeds. */
export function totalUnread(feeds: Feed[]): number {
  return feeds.reduce((n, f) => n + f.unread_count, 0);
}

/** Whether an article has a web link that can be shared. */
export function canShare(a: Pick<ArticleSummary, "url"> | null | undefined): boolean {
  return !!a?.url && /^https?:\/\//i.test(a.url.trim());
}
