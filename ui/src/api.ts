// The one module that talks to the backend. It wraps the generated
// `commands`/`events` (bindings.ts) and the dialog plugin: every command
// either resolves with its data or throws an `ApiError` carrying the
// backend's `{kind, message}`. Nothing else in the UI imports bindings.ts,
// `@tauri-apps/api` or a plugin directly.

import { open as openDialog, save as saveDialog } from "@tauri-apps/plugin-dialog";
import { commands, events } from "./bindings";
export { DEFAULT_SETTINGS, SHARE_BAR_ITEMS } from "./bindings";
import type {
  AccountInfo_Serialize,
  AccountId,
  AccountKind,
  AppInfo,
  Capabilities,
  Article_Serialize,
  ArticleSummary_Serialize,
  ArticlesChanged,
  Author_Serialize,
  Counts,
  Cursor,
  ErrorKind,
  ExtractionPolicy,
  Feed_Serialize,
  FeedId,
  Folder_Serialize,
  FolderId,
  ImportReport,
  ListQuery_Deserialize,
  NewRule_Deserialize,
  Page_Serialize,
  PageStatus,
  Rule_Serialize,
  RuleAction,
  RuleField,
  Settings_Serialize,
  ShareOutcome_Serialize,
  ShareTarget,
  SyncProgress,
  SyncReport_Serialize,
  Theme,
  View,
} from "./bindings";

/** A server account, with what its server lets Byline change (`capabilities`). */
export type Account = AccountInfo_Serialize;
export type Feed = Feed_Serialize;
export type Folder = Folder_Serialize;
export type ArticleSummary = ArticleSummary_Serialize;
export type Article = Article_Serialize;
export type Author = Author_Serialize;
export type Page = Page_Serialize;
export type Rule = Rule_Serialize;
export type NewRule = NewRule_Deserialize;
export type Settings = Settings_Serialize;
export type ListQuery = ListQuery_Deserialize;
export type ShareOutcome = ShareOutcome_Serialize;
export type SyncReport = SyncReport_Serialize;
export type {
  AccountId,
  AccountKind,
  AppInfo,
  Capabilities,
  ArticlesChanged,
  Counts,
  Cursor,
  ErrorKind,
  ExtractionPolicy,
  FeedId,
  FolderId,
  ImportReport,
  PageStatus,
  RuleAction,
  RuleField,
  ShareTarget,
  SyncProgress,
  Theme,
  View,
};

/** A failed command: the backend's error kind and its message for people. */
export class ApiError extends Error {
  readonly kind: ErrorKind;
  constructor(kind: ErrorKind, message: string) {
    super(message);
    this.name = "ApiError";
    this.kind = kind;
  }
}

const KINDS: readonly ErrorKind[] = [
  "not_found",
  "invalid",
  "unreachable",
  "server_error",
  "no_browser",
  "feed",
  "disk_full",
  "database",
  "io",
  "unauthorized",
  "keyring",
  "unsupported",
  "not_changed",
  "internal",
];

/** Turns anything thrown or returned as an error into an `ApiError`. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err && typeof err === "object" && "message" in err) {
    const { kind, message } = err as { kind?: unknown; message?: unknown };
    const k = KINDS.includes(kind as ErrorKind) ? (kind as ErrorKind) : "internal";
    return new ApiError(k, String(message));
  }
  // Tauri itself rejects with plain strings (unknown command, denied permission…).
  return new ApiError("internal", typeof err === "string" ? err : String(err));
}

type Result<T> = { status: "ok"; data: T } | { status: "error"; error: unknown };

/** Resolves with `data`, or throws the error as an `ApiError`. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch (err) {
    throw toApiError(err);
  }
  if (result.status === "ok") return result.data;
  throw toApiError(result.error);
}

export const api = {
  appInfo: () => unwrap(commands.appInfo()),
  listFeeds: () => unwrap(commands.listFeeds()),
  listFolders: () => unwrap(commands.listFolders()),
  addSource: (url: string, folderId: FolderId | null = null) => unwrap(commands.addSource(url, folderId)),
  removeFeed: (id: FeedId) => unwrap(commands.removeFeed(id)),
  renameFeed: (id: FeedId, title: string) => unwrap(commands.renameFeed(id, title)),
  setFeedExtraction: (id: FeedId, policy: ExtractionPolicy | null) => unwrap(commands.setFeedExtraction(id, policy)),
  moveFeed: (id: FeedId, folderId: FolderId | null) => unwrap(commands.moveFeed(id, folderId)),
  setFeedImportant: (id: FeedId, important: boolean) => unwrap(commands.setFeedImportant(id, important)),
  createFolder: (name: string, parentId: FolderId | null = null) => unwrap(commands.createFolder(name, parentId)),
  renameFolder: (id: FolderId, name: string) => unwrap(commands.renameFolder(id, name)),
  deleteFolder: (id: FolderId) => unwrap(commands.deleteFolder(id)),
  importOpml: (path: string) => unwrap(commands.importOpml(path)),
  exportOpml: (path: string) => unwrap(commands.exportOpml(path)),
  syncNow: (feedId: FeedId | null = null, force = false) => unwrap(commands.syncNow(feedId, force)),
  listAccounts: () => unwrap(commands.listAccounts()),
  addAccount: (kind: AccountKind, url: string, username: string, password: string) =>
    unwrap(commands.addAccount(kind, url, username, password)),
  testAccount: (id: AccountId) => unwrap(commands.testAccount(id)),
  removeAccount: (id: AccountId) => unwrap(commands.removeAccount(id)),
  listArticles: (query: ListQuery): Promise<Page> => unwrap(commands.listArticles(query)),
  getArticle: (id: number): Promise<Article> => unwrap(commands.getArticle(id)),
  setRead: (id: number, read: boolean) => unwrap(commands.setRead(id, read)),
  setSaved: (id: number, saved: boolean) => unwrap(commands.setSaved(id, saved)),
  markAllRead: (feedId: FeedId | null = null) => unwrap(commands.markAllRead(feedId)),
  setReadMany: (ids: number[], read: boolean) => unwrap(commands.setReadMany(ids, read)),
  articleCounts: () => unwrap(commands.articleCounts()),
  quitApp: () => unwrap(commands.quitApp()),
  listRules: () => unwrap(commands.listRules()),
  addRule: (rule: NewRule) => unwrap(commands.addRule(rule)),
  removeRule: (id: number) => unwrap(commands.removeRule(id)),
  getSettings: () => unwrap(commands.getSettings()),
  setSettings: (settings: Settings) => unwrap(commands.setSettings(settings)),
  openExternal: (url: string) => unwrap(commands.openExternal(url)),
  shareArticle: (id: number, target: ShareTarget): Promise<ShareOutcome> => unwrap(commands.shareArticle(id, target)),
  copyArticleLink: (id: number) => unwrap(commands.copyArticleLink(id)),
  firstListPainted: (pageMs: number) => unwrap(commands.firstListPainted(pageMs)),
  benchProbe: () => unwrap(commands.benchProbe()),
  benchProbeReport: (line: string) => unwrap(commands.benchProbeReport(line)),

  /** Asks the user for an OPML file to read; `null` when cancelled. */
  async pickOpenPath(title: string): Promise<string | null> {
    try {
      const picked = await openDialog({
        title,
        multiple: false,
        directory: false,
        filters: [{ name: "OPML", extensions: ["opml", "xml"] }],
      });
      return typeof picked === "string" ? picked : null;
    } catch (err) {
      throw toApiError(err);
    }
  },

  /** Asks the user where to write an OPML file; `null` when cancelled. */
  async pickSavePath(title: string, defaultPath: string): Promise<string | null> {
    try {
      return (await saveDialog({ title, defaultPath, filters: [{ name: "OPML", extensions: ["opml"] }] })) ?? null;
    } catch (err) {
      throw toApiError(err);
    }
  },

  /** Calls `cb` on every sync progress report; resolves to an unsubscribe. */
  async onSyncProgress(cb: (progress: SyncProgress) => void): Promise<() => void> {
    try {
      return await events.syncProgress.listen((event) => cb(event.payload));
    } catch {
      return () => {};
    }
  },

  /** Calls `cb` whenever articles were added or changed. */
  async onArticlesChanged(cb: (change: ArticlesChanged) => void): Promise<() => void> {
    try {
      return await events.articlesChanged.listen((event) => cb(event.payload));
    } catch {
      return () => {};
    }
  },
};

export type Api = typeof api;
