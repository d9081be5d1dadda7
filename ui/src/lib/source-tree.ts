// The shape of the source list: which folders and feeds it shows, nested and
// in order. Sorting 200 feeds by name with the UI language's collation is the
// costly part of drawing the sidebar, and the order depends only on names,
// folders and the language, never on unread counts: marking one article read
// (`j`) replaces one feed object, and must not sort them all again.

import type { Feed, Folder } from "../api";
import { compareNames } from "./collate";

/** A folder of the source list and what sits in it, in the order shown. */
export interface FolderBranch {
  folder: Folder;
  /** Its subfolders, by name; shown before its feeds. */
  folders: FolderBranch[];
  /** Its own feeds, by title. */
  feedIds: number[];
  /** Every feed in it and its subfolders (what its unread count adds up). */
  allFeedIds: number[];
}

/** The whole source list: top folders by name, then feeds in no known folder by title. */
export interface SourceTree {
  folders: FolderBranch[];
  feedIds: number[];
}

/** Whether `a` and `b` put their feeds in the same order: the same feeds in
 * the same places, with the same titles and folders (counts aside). */
function sameOrder(a: readonly Feed[], b: readonly Feed[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x !== y && (x.id !== y.id || x.title !== y.title || (x.folder_id ?? null) !== (y.folder_id ?? null))) return false;
  }
  return true;
}

function build(feeds: readonly Feed[], folders: readonly Folder[], lang: string): SourceTree {
  const byTitle = (a: Feed, b: Feed) => compareNames(a.title, b.title, lang);
  const byName = (a: Folder, b: Folder) => compareNames(a.name, b.name, lang);
  const known = new Set(folders.map((f) => f.id));
  const branch = (folder: Folder): FolderBranch => {
    const subfolders = folders.filter((f) => f.parent_id === folder.id).sort(byName).map(branch);
    const feedIds = feeds.filter((f) => f.folder_id === folder.id).sort(byTitle).map((f) => f.id);
    return { folder, folders: subfolders, feedIds, allFeedIds: [...subfolders.flatMap((c) => c.allFeedIds), ...feedIds] };
  };
  return {
    folders: folders.filter((f) => f.parent_id == null || !known.has(f.parent_id)).sort(byName).map(branch),
    feedIds: feeds
      .filter((f) => f.folder_id == null || !known.has(f.folder_id))
      .sort(byTitle)
      .map((f) => f.id),
  };
}

let last: { feeds: readonly Feed[]; folders: readonly Folder[]; lang: string; tree: SourceTree } | null = null;

/**
 * The source list's shape for these feeds and folders in language `lang`.
 * The same object as last time (nothing sorted again) while the folders and
 * the language are the same and the feeds differ only in what the order does
 * not read (unread counts, errors, flags).
 */
export function sourceTree(feeds: readonly Feed[], folders: readonly Folder[], lang: string): SourceTree {
  if (last && last.folders === folders && last.lang === lang && sameOrder(last.feeds, feeds)) {
    last.feeds = feeds;
    return last.tree;
  }
  last = { feeds, folders, lang, tree: build(feeds, folders, lang) };
  return last.tree;
}
