// Which share targets the share bar and menus show, and in what order: a
// UI-only preference kept in localStorage (`byline.shareTargets`) as the
// full ordered list with a visible flag per target. Unknown or repeated
// entries are dropped; targets missing from a stored list (a newer app
// version added one) are appended, visible.

import type { ShareTarget } from "../api";

/** A share target the backend opens, or copying the link. */
export type ShareItem = ShareTarget | "copy";

export interface SharePref {
  id: ShareItem;
  on: boolean;
}

export const SHARE_PREFS_KEY = "byline.shareTargets";

/** Every item, in the default order. */
export const SHARE_ITEMS: readonly ShareItem[] = ["whatsapp", "messenger", "telegram", "vk", "ok", "copy", "email"];

export function defaultSharePrefs(): SharePref[] {
  return SHARE_ITEMS.map((id) => ({ id, on: true }));
}

function isItem(value: unknown): value is ShareItem {
  return typeof value === "string" && (SHARE_ITEMS as readonly string[]).includes(value);
}

/** Reads a stored value; anything unreadable gives the defaults. */
export function parseSharePrefs(raw: string | null | undefined): SharePref[] {
  if (!raw) return defaultSharePrefs();
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return defaultSharePrefs();
  }
  if (!Array.isArray(parsed)) return defaultSharePrefs();
  const out: SharePref[] = [];
  for (const entry of parsed) {
    const id = entry && typeof entry === "object" ? (entry as { id?: unknown }).id : undefined;
    if (!isItem(id) || out.some((p) => p.id === id)) continue;
    out.push({ id, on: (entry as { on?: unknown }).on !== false });
  }
  for (const id of SHARE_ITEMS) if (!out.some((p) => p.id === id)) out.push({ id, on: true });
  // At least one item stays visible.
  if (!out.some((p) => p.on)) return defaultSharePrefs();
  return out;
}

export function loadSharePrefs(storage: Pick<Storage, "getItem"> | undefined = globalThis.localStorage): SharePref[] {
  try {
    return parseSharePrefs(storage?.getItem(SHARE_PREFS_KEY));
  } catch {
    return defaultSharePrefs();
  }
}

export function saveSharePrefs(prefs: SharePref[], storage: Pick<Storage, "setItem"> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(SHARE_PREFS_KEY, JSON.stringify(prefs.map(({ id, on }) => ({ id, on }))));
  } catch {
    /* not persisted (storage full or disabled) */
  }
}

/** The items to show, in order. */
export function visibleShareItems(prefs: SharePref[]): ShareItem[] {
  return prefs.filter((p) => p.on).map((p) => p.id);
}

/** Moves an item one place up (-1) or down (+1); unchanged at either end. */
export function moveSharePref(prefs: SharePref[], id: ShareItem, delta: -1 | 1): SharePref[] {
  const at = prefs.findIndex((p) => p.id === id);
  const to = at + delta;
  if (at < 0 || to < 0 || to >= prefs.length) return prefs;
  const next = [...prefs];
  [next[at], next[to]] = [next[to], next[at]];
  return next;
}

/** Shows or hides an item; hiding the last visible one is refused. */
export function toggleSharePref(prefs: SharePref[], id: ShareItem, on: boolean): SharePref[] {
  if (!on && prefs.filter((p) => p.on).length <= 1 && prefs.some((p) => p.id === id && p.on)) return prefs;
  return prefs.map((p) => (p.id === id ? { ...p, on } : p));
}
