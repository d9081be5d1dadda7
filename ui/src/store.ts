// The app's state: one plain object, replaced on every change, with a
// hook that re-renders a component when it changes. Actions (actions.ts)
// are the only writers.

import { useEffect, useReducer } from "preact/hooks";
import { DEFAULT_SETTINGS as BACKEND_DEFAULT_SETTINGS } from "./api";
import type { Account, ApiError, AppInfo, Article, ArticleSummary, Counts, Cursor, Feed, Folder, Rule, Settings, SyncProgress, View } from "./api";
import type { Lang } from "./i18n";
import { defaultSharePrefs } from "./lib/share-prefs";
import type { SharePref } from "./lib/share-prefs";

export type Source = { kind: "all" } | { kind: "feed"; id: number } | { kind: "folder"; id: number };
/** An open dialog; `edit-feed` and `edit-folder` edit `editing`. */
export type Overlay = null | "help" | "add" | "settings" | "rules" | "edit-feed" | "edit-folder";
export type Pane = "sources" | "list" | "reader";
export type Status = "idle" | "loading" | "ready" | "error";

export interface ListState {
  items: ArticleSummary[];
  next: Cursor | null;
  status: Status;
  loadingMore: boolean;
  error: ApiError | null;
  /** Bumped whenever the list is replaced, so the view can scroll to top. */
  generation: number;
}

export interface Toast {
  id: number;
  /** The message, in the UI's language at the time it is called. */
  text: () => string;
  kind: "info" | "error";
  /** Technical detail, shown behind a "Details" toggle. */
  details?: string;
  /** A button in the toast ("Undo"). */
  action?: { label: () => string; run: () => void };
}

export interface State {
  feeds: Feed[];
  folders: Folder[];
  /** Server accounts (their feeds are among `feeds`, under a folder each). */
  accounts: Account[];
  feedsStatus: Status;
  feedsError: ApiError | null;
  /** How many articles All and Saved hold (from one backend query). */
  counts: Counts | null;

  source: Source;
  view: View;
  /** What is typed in the search box. */
  searchInput: string;
  /** The search the list shows (the box, debounced). */
  search: string;
  list: ListState;

  selectedId: number | null;
  article: Article | null;
  articleStatus: Status;
  articleError: ApiError | null;

  settings: Settings;
  lang: Lang;
  appInfo: AppInfo | null;

  sync: SyncProgress | null;
  syncing: boolean;
  retrying: number[];

  rules: Rule[];
  rulesStatus: Status;
  rulesError: ApiError | null;

  overlay: Overlay;
  /** The feed or folder an edit dialog is open for. */
  editing: number | null;
  /** The share menu (Shift+S or the reader's Share button) is open. */
  shareMenu: boolean;
  /** Which share targets to show, in order (localStorage, not backend settings). */
  sharePrefs: SharePref[];
  pane: Pane;
  collapsed: number[];
  toasts: Toast[];
  /** Starter sources being added (by URL) and those added. */
  starterBusy: string[];
  starterDone: string[];
}

/** The settings until the backend's arrive: its own defaults (Rust's
 * `Settings::default()`, through the generated bindings), never a copy. */
export const DEFAULT_SETTINGS: Settings = { ...BACKEND_DEFAULT_SETTINGS, share_bar: [] };

export function initialState(): State {
  return {
    feeds: [],
    folders: [],
    accounts: [],
    feedsStatus: "loading",
    feedsError: null,
    counts: null,
    source: { kind: "all" },
    view: "all",
    searchInput: "",
    search: "",
    list: { items: [], next: null, status: "idle", loadingMore: false, error: null, generation: 0 },
    selectedId: null,
    article: null,
    articleStatus: "idle",
    articleError: null,
    settings: { ...DEFAULT_SETTINGS },
    lang: "en",
    appInfo: null,
    sync: null,
    syncing: false,
    retrying: [],
    rules: [],
    rulesStatus: "idle",
    rulesError: null,
    overlay: null,
    editing: null,
    shareMenu: false,
    sharePrefs: defaultSharePrefs(),
    pane: "list",
    collapsed: [],
    toasts: [],
    starterBusy: [],
    starterDone: [],
  };
}

let state: State = initialState();
const listeners = new Set<() => void>();

export function getState(): State {
  return state;
}

export function setState(patch: Partial<State> | ((s: State) => Partial<State>)): void {
  const change = typeof patch === "function" ? patch(state) : patch;
  state = { ...state, ...change };
  for (const listener of listeners) listener();
}

/** Back to a fresh state (tests). */
export function resetState(): void {
  state = initialState();
  for (const listener of listeners) listener();
}

/** The current state; re-renders the component when it changes. */
export function useAppState(): State {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const listener = () => bump(0);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return state;
}

export function sameSource(a: Source, b: Source): boolean {
  return a.kind === b.kind && (a.kind === "all" || a.id === (b as { id: number }).id);
}
