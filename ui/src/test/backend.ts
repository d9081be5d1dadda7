// A fake backend for tests: answers `invoke(cmd, args)` like the Rust
// commands do, from in-memory feeds and articles. Plugged in by mocking
// `@tauri-apps/api/core` — the one IPC seam under api.ts (see ./app.tsx).
//
// It is typed against the generated `commands` (bindings.ts): one handler
// per command, keyed by its name there, taking that command's arguments and
// returning its reply. A command added, renamed or changed in Rust breaks
// this file at compile time.

import { DEFAULT_SETTINGS } from "../bindings";
import type { commands } from "../bindings";
import type {
  AccountInfo_Serialize,
  AccountKind,
  Article_Serialize,
  ArticleSummary_Serialize,
  Feed_Serialize,
  Folder_Serialize,
  Settings_Serialize,
} from "../bindings";

export interface FakeData {
  feeds: Feed_Serialize[];
  folders: Folder_Serialize[];
  articles: Article_Serialize[];
  settings: Settings_Serialize;
  /** Server accounts (none when left out). */
  accounts?: AccountInfo_Serialize[];
}

/** The password the fake's servers accept (any other is refused, as a real server does). */
export const FAKE_ACCOUNT_PASSWORD = "right-password";

/** A server account; its server allows every change unless `extra.capabilities` says otherwise. */
export function account(id: number, extra: Partial<AccountInfo_Serialize> = {}): AccountInfo_Serialize {
  return {
    capabilities: { subscribe: true, unsubscribe: true, rename_feed: true, move_feed: true },
    id,
    kind: "greader",
    url: "https://rss.example.com/api/greader.php",
    username: "alice",
    display_name: "alice @ rss.example.com",
    sync_cursor: null,
    last_sync_at: "2024-05-01T10:00:00Z",
    last_error: null,
    created_at: "2024-05-01T09:00:00Z",
    ...extra,
  };
}

export function feed(id: number, title: string, extra: Partial<Feed_Serialize> = {}): Feed_Serialize {
  // A cast, not an annotation: the generated Feed type gains fields as the
  // backend grows (e.g. `important`), and the fake need not follow each one.
  const row = {
    id,
    url: `https://example.com/${id}.xml`,
    title,
    site_url: `https://example.com/`,
    folder_id: null,
    last_checked_at: null,
    last_success_at: "2024-05-01T10:00:00Z",
    last_error: null,
    error_count: 0,
    next_attempt_at: null,
    unread_count: 0,
    important: false,
    ...extra,
  };
  return row as Feed_Serialize;
}

export function article(id: number, feedRow: Feed_Serialize, extra: Partial<Article_Serialize> = {}): Article_Serialize {
  return {
    id,
    feed_id: feedRow.id,
    feed_title: feedRow.title,
    title: `Article ${id}`,
    url: `https://example.com/a/${id}`,
    author: null,
    agency: null,
    published: new Date(Date.now() - id * 60_000).toISOString(),
    lead_image: null,
    read: false,
    saved: false,
    updated: null,
    summary_html: null,
    content_html: `<p>Body of article ${id}</p>`,
    page: "not_wanted",
    snippet: null,
    language: "en",
    enclosures: [],
    fetched_at: "2024-05-01T10:00:00Z",
    full_html: null,
    bylines: [],
    reading_minutes: null,
    ...extra,
  };
}

export const defaultSettings = (): Settings_Serialize => ({
  theme: "system",
  reader_font: "serif",
  reader_font_size: 18,
  sync_interval_minutes: 30,
  retention_days: DEFAULT_SETTINGS.retention_days,
  ui_language: "en",
  extraction_policy: "when_no_content",
  notifications: false,
  messenger_app_id: "",
  share_bar: [],
});

type Commands = typeof commands;
/** A command's name in the generated `commands` (camelCase). */
export type CommandName = keyof Commands;
/** What a command replies when it succeeds. */
export type Reply<K extends CommandName> = Extract<Awaited<ReturnType<Commands[K]>>, { status: "ok" }>["data"];
/** A fake command: the real one's arguments, its reply (or a thrown `{ kind, message }`). */
export type Handler<K extends CommandName> = (...args: Parameters<Commands[K]>) => Reply<K> | Promise<Reply<K>>;
/** Every command, faked or explicitly not (`null`: the fake refuses it like an unknown command). */
export type Handlers = { [K in CommandName]: Handler<K> | null };
/** Handlers one test replaces: given, or made from the fake's own (to wrap them). */
export type Overrides = Partial<Handlers> | ((fake: Handlers) => Partial<Handlers>);

export type Call = { cmd: string; args: Record<string, unknown> | undefined };

/** The arguments of every recorded call of one command, in order. */
export function argsOf(calls: Call[], cmd: string): Record<string, unknown>[] {
  return calls.filter((c) => c.cmd === cmd).map((c) => c.args ?? {});
}

/** `sync_now` → `syncNow`: the wire name of a command to its name in `commands`. */
const commandName = (wire: string) => wire.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Builds an invoke implementation over `data`; records every call.
 * `overrides` replace some handlers (a failure, a slow reply) for one test.
 */
export function fakeInvoke(data: FakeData, calls: Call[] = [], overrides: Overrides = {}) {
  const summary = (a: Article_Serialize): ArticleSummary_Serialize => {
    const {
      updated: _u,
      summary_html: _s,
      content_html: _c,
      language: _l,
      enclosures: _e,
      fetched_at: _f,
      full_html: _fh,
      bylines: _b,
      reading_minutes: _r,
      page: _p,
      ...rest
    } = a;
    // The list hands out finished thumbnail URLs (built in Rust); the fake's are non-Windows.
    return rest.lead_image ? { ...rest, thumbnail: `thumb://localhost/${rest.id}` } : rest;
  };
  const recount = () => {
    for (const f of data.feeds) f.unread_count = data.articles.filter((a) => a.feed_id === f.id && !a.read).length;
  };
  const articleOf = (id: number) => {
    const a = data.articles.find((x) => x.id === id);
    if (!a) throw { kind: "not_found", message: `article ${id} not found` };
    return a;
  };
  const feedOf = (id: number) => {
    const f = data.feeds.find((x) => x.id === id);
    if (!f) throw { kind: "not_found", message: `feed ${id} not found` };
    return f;
  };
  recount();
  const accounts = (data.accounts ??= []);

  const fake: Handlers = {
    appInfo: () => ({ name: "Byline", version: "0.1.0", data_dir: "/tmp/byline" }),
    getSettings: () => data.settings,
    setSettings: (settings) => {
      data.settings = settings as Settings_Serialize;
      return null;
    },
    listFeeds: () => {
      recount();
      return data.feeds.map((f) => ({ ...f }));
    },
    // Copies, as the IPC gives: the app never holds the fake's own objects.
    listFolders: () => data.folders.map((f) => ({ ...f })),
    listRules: () => [],
    addRule: null,
    removeRule: null,
    listArticles: (q) => {
      let rows = [...data.articles].sort((a, b) => b.id - a.id);
      if (q.view === "unread") rows = rows.filter((a) => !a.read);
      if (q.view === "saved") rows = rows.filter((a) => a.saved);
      if (q.feed != null) rows = rows.filter((a) => a.feed_id === q.feed);
      if (q.search) rows = rows.filter((a) => a.title.toLowerCase().includes(q.search!.toLowerCase()));
      if (q.after) rows = rows.filter((a) => a.id < q.after!.id);
      const page = rows.slice(0, q.limit);
      const next = rows.length > q.limit ? { sort_key: page[page.length - 1].id, id: page[page.length - 1].id } : null;
      // Search results carry a snippet around the match, as the store builds it.
      const items = page.map(summary).map((a) =>
        q.search ? { ...a, snippet: [{ text: "…text around ", hit: false }, { text: q.search!, hit: true }, { text: " the match…", hit: false }] } : a,
      );
      return { items, next };
    },
    getArticle: (id) => ({ ...articleOf(id) }),
    setRead: (id, read) => {
      articleOf(id).read = read;
      return null;
    },
    setSaved: (id, saved) => {
      articleOf(id).saved = saved;
      return null;
    },
    markAllRead: (feedId) => {
      const marked = data.articles.filter((a) => !a.read && (feedId == null || a.feed_id === feedId));
      marked.forEach((a) => (a.read = true));
      return marked.map((a) => a.id);
    },
    setReadMany: (ids, read) => {
      const wanted = new Set(ids);
      const hit = data.articles.filter((a) => wanted.has(a.id));
      hit.forEach((a) => (a.read = read));
      return hit.length;
    },
    quitApp: () => null,
    articleCounts: () => ({
      all: data.articles.length,
      unread: data.articles.filter((a) => !a.read).length,
      saved: data.articles.filter((a) => a.saved).length,
    }),
    addSource: (url) => {
      if (!/^https?:\/\//.test(url)) throw { kind: "invalid", message: `not a web address: ${url}` };
      if (url.includes("nofeed")) throw { kind: "feed", message: "no feed found at " + url };
      const f = feed(data.feeds.length + 100, "New Feed", { url });
      data.feeds.push(f);
      return f;
    },
    removeFeed: (id) => {
      feedOf(id);
      data.feeds = data.feeds.filter((f) => f.id !== id);
      return null;
    },
    moveFeed: (id, folderId) => {
      feedOf(id).folder_id = folderId;
      return null;
    },
    // Sharing is the backend's job; the fake only answers the way it does
    // (Messenger without an app id copies the link first).
    shareArticle: (id, target) => {
      const a = articleOf(id);
      if (!a.url) throw { kind: "invalid", message: "this article has no link to share" };
      const copied = target === "messenger" && !data.settings.messenger_app_id ? a.url : null;
      return { opened: `fake-share:${target}`, copied };
    },
    copyArticleLink: (id) => {
      const a = articleOf(id);
      if (!a.url) throw { kind: "invalid", message: "this article has no link" };
      return a.url;
    },
    openExternal: null,
    firstListPainted: () => 0,
    benchProbe: () => null,
    benchProbeReport: () => null,
    setFeedImportant: (id, important) => {
      feedOf(id).important = important;
      return null;
    },
    renameFeed: (id, title) => {
      const f = feedOf(id);
      f.title = title;
      for (const a of data.articles) if (a.feed_id === f.id) a.feed_title = f.title;
      return null;
    },
    setFeedExtraction: (id, policy) => {
      feedOf(id).extraction = policy;
      return null;
    },
    createFolder: null,
    renameFolder: (id, name) => {
      const folder = data.folders.find((x) => x.id === id);
      if (!folder) throw { kind: "not_found", message: `folder ${id} not found` };
      if (data.folders.some((x) => x.id !== folder.id && x.name === name && x.parent_id === folder.parent_id)) {
        throw { kind: "invalid", message: `a folder named ${name} exists` };
      }
      folder.name = name;
      return null;
    },
    deleteFolder: null,
    importOpml: null,
    exportOpml: null,
    listAccounts: () => accounts.map((a) => ({ ...a })),
    // Like the backend: logs in first (a wrong password stores nothing); the
    // first sync, which brings the feeds, is the backend's, not faked here.
    addAccount: (kind: AccountKind, url, username, password) => {
      if (!/^https?:\/\//.test(url)) throw { kind: "invalid", message: `invalid server address ${JSON.stringify(url)}` };
      if (url.includes("unreachable")) throw { kind: "unreachable", message: "could not reach the server: connection refused" };
      if (password !== FAKE_ACCOUNT_PASSWORD) throw { kind: "unauthorized", message: "the server refused the user name or password" };
      const host = new URL(url).host;
      const added = account(Math.max(0, ...accounts.map((a) => a.id)) + 1, {
        kind,
        url,
        username,
        display_name: `${username} @ ${host}`,
        last_sync_at: null,
      });
      accounts.push(added);
      return added;
    },
    testAccount: (id) => {
      if (!accounts.some((a) => a.id === id)) throw { kind: "not_found", message: `account ${id} not found` };
      return null;
    },
    removeAccount: (id) => {
      const i = accounts.findIndex((a) => a.id === id);
      if (i < 0) throw { kind: "not_found", message: `account ${id} not found` };
      accounts.splice(i, 1);
      return null;
    },
    syncNow: () => ({
      feeds: data.feeds.length,
      ok: data.feeds.length,
      failed: 0,
      skipped: 0,
      new_articles: 0,
      updated_articles: 0,
      errors: [],
      unrecorded_failures: 0,
      unrecorded_failure_error: null,
      accounts: [],
      extraction: { extracted: 0, failed: 0, skipped: 0 },
      pruned: { deleted: 0, pages_freed: 0 },
    }),
  };
  const handlers: Handlers = { ...fake, ...(typeof overrides === "function" ? overrides(fake) : overrides) };

  return async (cmd: string, args?: Record<string, unknown>): Promise<unknown> => {
    calls.push({ cmd, args });
    if (cmd === "plugin:event|listen") return 1;
    if (cmd === "plugin:event|unlisten") return null;
    const handler = (handlers as Record<string, ((...a: unknown[]) => unknown) | null | undefined>)[commandName(cmd)];
    if (!handler) throw `unknown command ${cmd}`;
    // The generated bindings pass a command's arguments as an object in the
    // order of its parameters.
    return handler(...Object.values(args ?? {}));
  };
}
