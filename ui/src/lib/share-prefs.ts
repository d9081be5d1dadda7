// Which share targets the share bar and menus show, and in what order: kept
// with the other settings (`share_bar`, in tauri-plugin-store) as the full
// ordered list with a visible flag per target. Unknown or repeated entries
// are dropped; targets missing from a stored list (a newer app version added
// one) are appended, visible. Earlier versions kept it in localStorage
// (`byline.shareTargets`); it moves to settings on the first start.

import { SHARE_BAR_ITEMS } from "../api";

/** A share target the backend opens, or copying the link. */
export type ShareItem = (typeof SHARE_BAR_ITEMS)[number];

export interface SharePref {
  id: ShareItem;
  on: boolean;
}

export const SHARE_PREFS_KEY = "byline.shareTargets";

/** Every item, in the default order: the backend's list (`SHARE_BAR_ITEMS`, generated from Rust). */
export const SHARE_ITEMS: readonly ShareItem[] = SHARE_BAR_ITEMS;

export function defaultSharePrefs(): SharePref[] {
  return SHARE_ITEMS.map((id) => ({ id, on: true }));
}

function isItem(value: unknown): value is ShareItem {
  return typeof value === "string" && (SHARE_ITEMS as readonly string[]).includes(value);
}

/**
 * The preference as the UI uses it, from what settings (or an older app's
 * localStorage) hold: unknown or repeated entries dropped, missing targets
 * appended (shown), at least one shown; anything unreadable or empty gives
 * the defaults.
 */
export function normalizeSharePrefs(list: unknown): SharePref[] {
  if (!Array.isArray(list) || list.length === 0) return defaultSharePrefs();
  const out: SharePref[] = [];
  for (const entry of list) {
    const id = entry && typeof entry === "object" ? (entry as { id?: unknown }).id : undefined;
    if (!isItem(id) || out.some((p) => p.id === id)) continue;
    out.push({ id, on: (entry as { on?: unknown }).on !== false });
  }
  for (const id of SHARE_ITEMS) if (!out.some((p) => p.id === id)) out.push({ id, on: true });
  // At least one item stays visible.
  if (!out.some((p) => p.on)) return defaultSharePrefs();
  return out;
}

/** Reads a JSON string (the localStorage format of earlier versions). */
export function parseSharePrefs(raw: string | null | undefined): SharePref[] {
  if (!raw) return defaultSharePrefs();
  try {
    return normalizeSharePrefs(JSON.parse(raw));
  } catch {
    return defaultSharePrefs();
  }
}

/**
 * The preference an earlier version kept in localStorage, removed from
 * there: `null` when there is none. Settings (tauri-plugin-store) hold it now.
 */
export function takeLegacySharePrefs(
  storage: Pick<Storage, "getItem" | "removeItem"> | undefined = globalThis.localStorage,
): SharePref[] | null {
  try {
    const raw = storage?.getItem(SHARE_PREFS_KEY);
    if (raw == null) return null;
    storage?.removeItem(SHARE_PREFS_KEY);
    return parseSharePrefs(raw);
  } catch {
    return null;
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
