// Actions: start-up. (Part of ../actions.ts, which re-exports them all.)

import { api } from "../api";
import { loadLastView } from "../lib/last-view";
import { takeLegacySharePrefs } from "../lib/share-prefs";
import { getState, setState } from "../store";
import type { Source } from "../store";
import { loadFeeds } from "./feeds";
import { loadList, scheduleRefresh } from "./list";
import { openArticle } from "./reader";
import { loadSettings, saveSettings } from "./settings";
import { COLLAPSED_KEY } from "./sources";
import { onSyncProgress } from "./sync";

/**
 * Loads settings, feeds and the first page; subscribes to backend events.
 * Every request goes out at once (`main.tsx` calls this before the first
 * render, so the backend answers while WebKit lays out the page): the list
 * asked for is the view kept from the last run, checked against the feeds
 * once they are in (All again if its source is gone). The settings, asked
 * first of a backend that answers them at once, come in before the list,
 * which then shows in the user's language.
 */
export async function start(): Promise<() => void> {
  performance.mark("byline:start");
  try {
    const raw = localStorage.getItem(COLLAPSED_KEY);
    if (raw) setState({ collapsed: JSON.parse(raw) as number[] });
  } catch {
    /* no saved folder state */
  }
  const last = loadLastView();
  if (last) setState({ source: last.source, view: last.view });
  const settings = loadSettings().then(migrateSharePrefs);
  const listening = Promise.all([
    api.onSyncProgress(onSyncProgress),
    api.onArticlesChanged(() => scheduleRefresh({ feeds: true, list: true, article: true })),
  ]);
  const list = loadList();
  const feeds = loadFeeds();
  void api.appInfo().then(
    (info) => setState({ appInfo: info }),
    () => {},
  );
  await Promise.all([settings, feeds]);
  if (last && !sourceExists(last.source)) {
    setState({ source: { kind: "all" } });
    await loadList();
  } else {
    await list;
  }
  if (last?.articleId != null && getState().list.items.some((a) => a.id === last.articleId)) {
    void openArticle(last.articleId);
  }
  const unlisten = await listening;
  return () => unlisten.forEach((u) => u());
}

/** Whether `source` is still there (All always is). */
function sourceExists(source: Source): boolean {
  const s = getState();
  if (source.kind === "all") return true;
  return source.kind === "feed" ? s.feeds.some((f) => f.id === source.id) : s.folders.some((f) => f.id === source.id);
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
