// A fake backend for tests: answers `invoke(cmd, args)` like the Rust
// commands do, from in-memory feeds and articles. Plugged in by mocking
// `@tauri-apps/api/core` — the one IPC seam under api.ts.

import type { Article_Serialize, ExtractionPolicy, Feed_Serialize, Folder_Serialize, Settings_Serialize } from "../bindings";

export interface FakeData {
  feeds: Feed_Serialize[];
  folders: Folder_Serialize[];
  articles: Article_Serialize[];
  settings: Settings_Serialize;
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
  retention_days: 90,
  ui_language: "en",
  extraction_policy: "when_no_content",
  notifications: false,
  messenger_app_id: "",
  share_bar: [],
});

export type Call = { cmd: string; args: Record<string, unknown> | undefined };

/** The arguments of every recorded call of one command, in order. */
export function argsOf(calls: Call[], cmd: string): Record<string, unknown>[] {
  return calls.filter((c) => c.cmd === cmd).map((c) => c.args ?? {});
}

/** Builds an invoke implementation over `data`; records every call. */
export function fakeInvoke(data: FakeData, calls: Call[] = []) {
  const summary = (a: Article_Serialize) => {
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
      ...rest
    } = a;
    return rest;
  };
  const recount = () => {
    for (const f of data.feeds) f.unread_count = data.articles.filter((a) => a.feed_id === f.id && !a.read).length;
  };
  recount();

  return async (cmd: string, args?: Record<string, unknown>): Promise<unknown> => {
    calls.push({ cmd, args });
    switch (cmd) {
      case "app_info":
        return { name: "Byline", version: "0.1.0", data_dir: "/tmp/byline" };
      case "get_settings":
        return data.settings;
      case "set_settings":
        data.settings = args!.settings as Settings_Serialize;
        return null;
      case "list_feeds":
        recount();
        return data.feeds.map((f) => ({ ...f }));
      case "list_folders":
        return data.folders;
      case "list_rules":
        return [];
      case "list_articles": {
        const q = args!.query as {
          view: string;
          feed?: number | null;
          search?: string | null;
          after?: { sort_key: number; id: number } | null;
          limit: number;
        };
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
      }
      case "get_article": {
        const a = data.articles.find((x) => x.id === args!.id);
        if (!a) throw { kind: "not_found", message: `article ${args!.id} not found` };
        return { ...a };
      }
      case "set_read": {
        const a = data.articles.find((x) => x.id === args!.id)!;
        a.read = args!.read as boolean;
        return null;
      }
      case "set_saved": {
        const a = data.articles.find((x) => x.id === args!.id)!;
        a.saved = args!.saved as boolean;
        return null;
      }
      case "mark_all_read": {
        const feedId = args!.feedId as number | null;
        const marked = data.articles.filter((a) => !a.read && (feedId == null || a.feed_id === feedId));
        marked.forEach((a) => (a.read = true));
        return marked.map((a) => a.id);
      }
      case "set_read_many": {
        const ids = new Set(args!.ids as number[]);
        const hit = data.articles.filter((a) => ids.has(a.id));
        hit.forEach((a) => (a.read = args!.read as boolean));
        return hit.length;
      }
      case "quit_app":
        return null;
      case "article_counts":
        return {
          all: data.articles.length,
          unread: data.articles.filter((a) => !a.read).length,
          saved: data.articles.filter((a) => a.saved).length,
        };
      case "add_source": {
        const url = args!.url as string;
        if (!/^https?:\/\//.test(url)) throw { kind: "invalid", message: `not a web address: ${url}` };
        if (url.includes("nofeed")) throw { kind: "feed", message: "no feed found at " + url };
        const f = feed(data.feeds.length + 100, "New Feed", { url });
        data.feeds.push(f);
        return f;
      }
      // Sharing is the backend's job; the fake only answers the way it does
      // (Messenger without an app id copies the link first).
      case "share_article": {
        const a = data.articles.find((x) => x.id === args!.id);
        if (!a) throw { kind: "not_found", message: `article ${args!.id} not found` };
        if (!a.url) throw { kind: "invalid", message: "this article has no link to share" };
        const copied = args!.target === "messenger" && !data.settings.messenger_app_id ? a.url : null;
        return { opened: `fake-share:${String(args!.target)}`, copied };
      }
      case "copy_article_link": {
        const a = data.articles.find((x) => x.id === args!.id);
        if (!a) throw { kind: "not_found", message: `article ${args!.id} not found` };
        if (!a.url) throw { kind: "invalid", message: "this article has no link" };
        return a.url;
      }
      case "set_feed_important": {
        const f = data.feeds.find((x) => x.id === args!.id);
        if (!f) throw { kind: "not_found", message: `feed ${args!.id} not found` };
        f.important = args!.important as boolean;
        return null;
      }
      case "rename_feed": {
        const f = data.feeds.find((x) => x.id === args!.id);
        if (!f) throw { kind: "not_found", message: `feed ${args!.id} not found` };
        f.title = args!.title as string;
        for (const a of data.articles) if (a.feed_id === f.id) a.feed_title = f.title;
        return null;
      }
      case "set_feed_extraction": {
        const f = data.feeds.find((x) => x.id === args!.id);
        if (!f) throw { kind: "not_found", message: `feed ${args!.id} not found` };
        f.extraction = (args!.policy as ExtractionPolicy | null) ?? null;
        return null;
      }
      case "rename_folder": {
        const folder = data.folders.find((x) => x.id === args!.id);
        if (!folder) throw { kind: "not_found", message: `folder ${args!.id} not found` };
        if (data.folders.some((x) => x.id !== folder.id && x.name === args!.name && x.parent_id === folder.parent_id)) {
          throw { kind: "invalid", message: `a folder named ${String(args!.name)} exists` };
        }
        folder.name = args!.name as string;
        return null;
      }
      case "sync_now":
        return { feeds: data.feeds.length, ok: data.feeds.length, failed: 0, skipped: 0, new_articles: 0, updated_articles: 0, errors: [], unrecorded_failures: 0, unrecorded_failure_error: null };
      case "plugin:event|listen":
        return 1;
      case "plugin:event|unlisten":
        return null;
      default:
        throw `unknown command ${cmd}`;
    }
  };
}
