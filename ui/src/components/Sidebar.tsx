import type { ComponentChildren } from "preact";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { Account, Feed, SyncProgress, View } from "../api";
import * as actions from "../actions";
import { formatCount, t } from "../i18n";
import type { Source, State } from "../store";
import { sameSource } from "../store";
import { memoWhen } from "../lib/memo";
import { hostOf } from "../lib/url";
import { accountSyncState } from "../lib/accounts";
import { accountOfTopFolder } from "../lib/sources";
import { sourceTree } from "../lib/source-tree";
import type { FolderBranch, SourceTree } from "../lib/source-tree";
import { afterFirstList, firstListPainted } from "../lib/startup-mark";
import { ROOTS_ATTR, useNearView } from "../lib/near-view";
import { relativeTime } from "../lib/time";
import {
  BrandMark,
  IconAlert,
  IconBell,
  IconChevron,
  IconCloud,
  IconFilter,
  IconFolder,
  IconInbox,
  IconKeyboard,
  IconMore,
  IconPlus,
  IconRefresh,
  IconSettings,
  IconStar,
  IconCircle,
} from "./icons";
import { ContextMenu } from "./ContextMenu";
import { ErrorDetails } from "./ErrorDetails";
import { feedMenuItems } from "./feed-menu";
import { Menu } from "./Menu";
import { SyncStatus } from "./SyncStatus";

function Count({ value, testid }: { value: number | null | undefined; testid: string }) {
  if (value == null || value === 0) return <span class="count is-empty" data-testid={testid} />;
  return (
    <span class="count" data-testid={testid}>
      {formatCount(value)}
    </span>
  );
}

function NavItem(props: {
  current: boolean;
  onSelect: () => void;
  icon: ComponentChildren;
  label: string;
  count?: number | null;
  countSuffix?: string;
  testid: string;
}) {
  return (
    <li>
      <button
        type="button"
        class={`nav-item${props.current ? " is-current" : ""}`}
        aria-current={props.current ? "page" : undefined}
        data-testid={props.testid}
        onClick={props.onSelect}
      >
        <span class="nav-icon">{props.icon}</span>
        <span class="nav-label">{props.label}</span>
        <Count value={props.count} testid={`${props.testid}-count`} />
        {props.countSuffix && props.count ? <span class="count-suffix">{props.countSuffix}</span> : null}
      </button>
    </li>
  );
}

/**
 * Whether the source list would render the same for `b` as for `a`: the
 * same feeds, folders, accounts, folded folders, current source, language
 * and feeds being retried, and (only when there are accounts, whose groups
 * show it) the same sync progress. Everything else (the article list, the
 * reader, a toast, a sync's progress without accounts) leaves the 200 rows
 * of a big subscription list as they are: each of those changes used to
 * sort and render them all again.
 */
export function sameSourceList(a: State, b: State): boolean {
  return a.feeds === b.feeds && sameBesideFeeds(a, b);
}

/** {@link sameSourceList} but for the feeds, which a folder compares one by one. */
function sameBesideFeeds(a: State, b: State): boolean {
  return (
    a.folders === b.folders &&
    a.accounts === b.accounts &&
    a.collapsed === b.collapsed &&
    a.source === b.source &&
    a.lang === b.lang &&
    a.retrying === b.retrying &&
    (a.accounts.length === 0 || a.sync === b.sync)
  );
}

/** Whether the feed `id` is the source shown. */
function isCurrentFeed(s: State, id: number): boolean {
  return s.source.kind === "feed" && s.source.id === id;
}

/** Whether a feed's row would render the same for `b` as for `a` (its
 * menu reads the folders and accounts). */
function sameFeedRow(a: FeedRowProps, b: FeedRowProps): boolean {
  return (
    a.feed === b.feed &&
    a.depth === b.depth &&
    isCurrentFeed(a.s, a.feed.id) === isCurrentFeed(b.s, b.feed.id) &&
    a.s.retrying.includes(a.feed.id) === b.s.retrying.includes(b.feed.id) &&
    a.s.lang === b.s.lang &&
    a.s.folders === b.s.folders &&
    a.s.accounts === b.s.accounts
  );
}

/** The CSS property that gives a far feed row its height. */
const ROW_HEIGHT_PROPERTY = "--feed-row-height";

/** Lets far feed rows take the height a whole one has with the real font:
 * its first line, the row's button (the current row may show its error
 * below it). */
function rememberRowHeight(row: HTMLLIElement | null): void {
  const height = (row?.firstElementChild as HTMLElement | null)?.offsetHeight;
  if (!height) return;
  const value = `${height}px`;
  const style = document.documentElement.style;
  if (style.getPropertyValue(ROW_HEIGHT_PROPERTY) !== value) style.setProperty(ROW_HEIGHT_PROPERTY, value);
}

interface FeedRowProps {
  feed: Feed;
  s: State;
  depth: number;
}

const FeedRow = memoWhen(function FeedRow({ feed, s, depth }: FeedRowProps) {
  const current = isCurrentFeed(s, feed.id);
  const retrying = s.retrying.includes(feed.id);
  const name = feed.title || hostOf(feed.url);
  const [menuAt, setMenuAt] = useState<{ x: number; y: number } | null>(null);
  const more = useRef<HTMLButtonElement>(null);
  const row = useRef<HTMLLIElement>(null);
  // Before the first list is painted only the first rows render (FIRST_ROWS): whole at once.
  const near = useNearView(row, current || menuAt != null, !firstListPainted());
  useLayoutEffect(() => {
    if (near) rememberRowHeight(row.current);
  }, [near]);
  if (!near) {
    // Far from view: an empty row of the same height, named for screen
    // readers (lib/near-view.ts; a hidden text would cost a row's layout).
    return (
      <li
        ref={row}
        class={`feed-row is-far depth-${Math.min(depth, 4)}`}
        data-testid={`feed-${feed.id}`}
        aria-label={name}
      />
    );
  }
  const openMenuAt = (el: Element, e?: MouseEvent) => {
    if (e && (e.clientX !== 0 || e.clientY !== 0)) {
      setMenuAt({ x: e.clientX, y: e.clientY });
      return;
    }
    // From the keyboard (Shift+F10, the menu key, the ⋯ button): under the row.
    const r = el.getBoundingClientRect();
    setMenuAt({ x: r.left, y: r.bottom + 2 });
  };
  return (
    <li ref={row} class={`feed-row depth-${Math.min(depth, 4)}${menuAt ? " menu-open" : ""}`} data-testid={`feed-${feed.id}`}>
      <button
        type="button"
        class={`nav-item${current ? " is-current" : ""}${feed.last_error ? " has-error" : ""}`}
        aria-current={current ? "page" : undefined}
        data-testid="feed-row"
        data-feed-id={feed.id}
        title={feed.url}
        onClick={() => actions.selectSource({ kind: "feed", id: feed.id })}
        onContextMenu={(e) => {
          e.preventDefault();
          openMenuAt(e.currentTarget as Element, e);
        }}
      >
        <span class="nav-icon feed-icon" aria-hidden="true">
          <span class="feed-initial">{(feed.title.trim()[0] ?? hostOf(feed.url)[0] ?? "?").toUpperCase()}</span>
        </span>
        <span class="nav-label" data-testid="feed-title">
          {name}
        </span>
        {feed.important ? (
          <span class="important-badge" data-testid="feed-important-icon" title={t("feed.important")} aria-label={t("feed.important")} role="img">
            <IconBell size={13} />
          </span>
        ) : null}
        {feed.last_error ? (
          <span class="error-badge" data-testid="feed-error-badge" title={t(`problem.${feed.last_error_kind ?? "other"}`)} aria-label={t("feed.error")}>
            <IconAlert size={14} />
          </span>
        ) : null}
        <Count value={feed.unread_count} testid="feed-unread-count" />
      </button>
      <button
        ref={more}
        type="button"
        class="feed-more"
        data-testid="feed-menu-button"
        aria-haspopup="menu"
        aria-expanded={menuAt != null}
        aria-label={t("feed.options", { title: name })}
        title={t("feed.optionsShort")}
        onClick={(e) => (menuAt ? setMenuAt(null) : openMenuAt(e.currentTarget as Element))}
      >
        <IconMore size={16} />
      </button>
      {menuAt ? (
        <ContextMenu
          x={menuAt.x}
          y={menuAt.y}
          items={feedMenuItems(feed, s)}
          label={feed.title}
          testid="feed-menu"
          anchor={more}
          onClose={() => setMenuAt(null)}
        />
      ) : null}
      {feed.last_error && current ? (
        <div class="feed-error" role="alert" data-testid="feed-error">
          <p class="feed-error-text">
            <strong>{t("feed.error")}</strong> {t(`problem.${feed.last_error_kind ?? "other"}`)}
          </p>
          <ErrorDetails detail={feed.last_error} />
          <button
            type="button"
            class="btn btn-small"
            data-testid="feed-retry"
            disabled={retrying}
            onClick={() => void actions.retryFeed(feed.id)}
          >
            <IconRefresh size={14} class={retrying ? "spin" : ""} />
            {retrying ? t("feed.retrying") : t("common.retry")}
          </button>
        </div>
      ) : null}
    </li>
  );
}, sameFeedRow);

/**
 * Under an account's name in the source list: syncing now, when it last
 * synced, or that its last sync failed (a short sentence; the server's
 * words in the tooltip and to screen readers).
 */
function AccountSyncLine({ account, sync, lang }: { account: Account; sync: SyncProgress | null; lang: string }) {
  const state = accountSyncState(account, sync);
  switch (state.kind) {
    case "syncing":
      return (
        <span class="account-sync is-syncing" data-testid="account-sync-state" data-state="syncing">
          <IconRefresh size={11} />
          <span class="account-sync-text">{t("accounts.syncing")}</span>
        </span>
      );
    case "failed": {
      const full = `${t("accounts.syncFailed")} ${state.error}`;
      return (
        <span class="account-sync is-failed" data-testid="account-sync-state" data-state="failed" title={full}>
          <IconAlert size={11} />
          <span class="account-sync-text">{t("accounts.groupFailed")}</span>
          <span class="visually-hidden">{state.error}</span>
        </span>
      );
    }
    case "synced":
      return (
        <span class="account-sync" data-testid="account-sync-state" data-state="synced" title={new Date(state.at).toLocaleString(lang)}>
          <span class="account-sync-text">{t("accounts.lastSync", { time: relativeTime(state.at, lang) })}</span>
        </span>
      );
    case "never":
      return (
        <span class="account-sync" data-testid="account-sync-state" data-state="never">
          <span class="account-sync-text">{t("accounts.neverSynced")}</span>
        </span>
      );
  }
}

interface FolderNodeProps {
  branch: FolderBranch;
  s: State;
  /** The feeds by id, for this render. */
  byId: Map<number, Feed>;
  depth: number;
}

/** Whether a folder would render the same for `b` as for `a`: what the
 * source list reads but the feeds, and the same feed objects in the folder
 * (a read mark elsewhere leaves it as it is). */
function sameFolderNode(a: FolderNodeProps, b: FolderNodeProps): boolean {
  if (a.branch !== b.branch || a.depth !== b.depth) return false;
  if (!sameBesideFeeds(a.s, b.s)) return false;
  return a.branch.allFeedIds.every((id) => a.byId.get(id) === b.byId.get(id));
}

const FolderNode = memoWhen(function FolderNode({ branch, s, byId, depth }: FolderNodeProps) {
  const folder = branch.folder;
  const collapsed = s.collapsed.includes(folder.id);
  const current = s.source.kind === "folder" && s.source.id === folder.id;
  const inside = branch.allFeedIds.map((id) => byId.get(id)!);
  const unread = inside.reduce((n, f) => n + f.unread_count, 0);
  const hasError = inside.some((f) => f.last_error);
  // A server account's top folder: the account's group, with its own sync state.
  const account = accountOfTopFolder(folder, s);
  return (
    <li
      class={`folder depth-${Math.min(depth, 4)}${account ? " account-group" : ""}`}
      data-testid={`folder-${folder.id}`}
      data-account-id={account?.id}
    >
      <div class="folder-head">
        <button
          type="button"
          class="disclosure"
          aria-expanded={!collapsed}
          aria-label={collapsed ? t("nav.expand") : t("nav.collapse")}
          data-testid="folder-toggle"
          onClick={() => actions.toggleFolder(folder.id)}
        >
          <IconChevron size={14} class={collapsed ? "" : "rot90"} />
        </button>
        <button
          type="button"
          class={`nav-item${current ? " is-current" : ""}`}
          aria-current={current ? "page" : undefined}
          data-testid="folder-row"
          onClick={() => actions.selectSource({ kind: "folder", id: folder.id })}
        >
          <span class="nav-icon">{account ? <IconCloud size={16} /> : <IconFolder size={16} />}</span>
          {account ? (
            <span class="nav-label account-label">
              <span class="account-group-name">{folder.name}</span>
              <AccountSyncLine account={account} sync={s.sync} lang={s.lang} />
            </span>
          ) : (
            <span class="nav-label">{folder.name}</span>
          )}
          {hasError && collapsed ? (
            <span class="error-badge" title={t("feed.error")}>
              <IconAlert size={14} />
            </span>
          ) : null}
          <Count value={unread} testid="folder-unread-count" />
        </button>
      </div>
      {collapsed ? null : (
        <ul class="nav-list nested">
          {branch.folders.map((c) => (
            <FolderNode key={c.folder.id} branch={c} s={s} byId={byId} depth={depth + 1} />
          ))}
          {branch.feedIds.map((id) => (
            <FeedRow key={id} feed={byId.get(id)!} s={s} depth={depth + 1} />
          ))}
        </ul>
      )}
    </li>
  );
}, sameFolderNode);

function SidebarSkeleton() {
  return (
    <ul class="nav-list" aria-hidden="true" data-testid="sidebar-loading">
      {[70, 55, 82, 60, 48].map((w, i) => (
        <li key={i} class="skeleton-nav">
          <span class="skeleton skeleton-icon" />
          <span class={`skeleton skeleton-line w-${w}`} />
        </li>
      ))}
    </ul>
  );
}

/** Source rows rendered before the first article list is painted: more
 * than the tallest window shows. */
const FIRST_ROWS = 40;
/** How long the other rows wait at most for the first article list. */
const REST_WAIT_MS = 1000;

/**
 * Whether every source row may render: once the first article list is
 * painted (`lib/startup-mark.ts`). Rendering and laying out the rows of 200
 * feeds before it held the first list back (BENCHMARKS.md, "App start"), so
 * until then only the first {@link FIRST_ROWS} render.
 */
function useWholeList(): boolean {
  const [whole, setWhole] = useState(firstListPainted);
  useEffect(() => (whole ? undefined : afterFirstList(() => setWhole(true), REST_WAIT_MS)), []);
  return whole;
}

/** The rows a folder takes: its own, and its open contents'. */
function rowsOf(branch: FolderBranch, collapsed: number[]): number {
  if (collapsed.includes(branch.folder.id)) return 1;
  return branch.folders.reduce((n, b) => n + rowsOf(b, collapsed), 1 + branch.feedIds.length);
}

/** The first top-level folders and feeds of `tree` that fit in `rows` rows
 * (a folder whole, and always the first one). */
export function firstRows(tree: SourceTree, collapsed: number[], rows: number): SourceTree {
  let used = 0;
  const folders: FolderBranch[] = [];
  for (const b of tree.folders) {
    if (used >= rows) return { folders, feedIds: [] };
    folders.push(b);
    used += rowsOf(b, collapsed);
  }
  return { folders, feedIds: tree.feedIds.slice(0, Math.max(0, rows - used)) };
}

/** The folders and feeds, rendered again only when they would change
 * ({@link sameSourceList}). */
const SourceList = memoWhen(function SourceList({ s }: { s: State }) {
  const whole = useWholeList();
  // Sorted again only when a name, a folder or the language changed, not a count.
  const sorted = sourceTree(s.feeds, s.folders, s.lang);
  const tree = whole ? sorted : firstRows(sorted, s.collapsed, FIRST_ROWS);
  const byId = new Map(s.feeds.map((f) => [f.id, f]));
  return (
    <ul class="nav-list" data-testid="source-list">
      {tree.folders.map((b) => (
        <FolderNode key={b.folder.id} branch={b} s={s} byId={byId} depth={0} />
      ))}
      {tree.feedIds.map((id) => (
        <FeedRow key={id} feed={byId.get(id)!} s={s} depth={0} />
      ))}
    </ul>
  );
}, (prev, next) => sameSourceList(prev.s, next.s));

export function Sidebar({ s }: { s: State }) {
  const all: Source = { kind: "all" };
  const onAll = sameSource(s.source, all);
  const smart = (view: View) => onAll && s.view === view;
  const unread = actions.totalUnread(s.feeds);

  return (
    <nav class="pane sidebar" data-testid="sidebar" aria-label={t("nav.sources")}>
      <header class="pane-header sidebar-header">
        <div class="brand">
          <BrandMark />
          <span class="brand-name" data-testid="app-title">
            Byline
          </span>
        </div>
        <div class="header-actions">
          <button
            type="button"
            class="icon-btn"
            data-testid="sync-button"
            title={`${t("toolbar.sync")} (R)`}
            aria-label={t("toolbar.sync")}
            disabled={s.syncing}
            onClick={() => void actions.syncAll()}
          >
            {/* Still while a sync runs: an endless animation has the page
                paint a frame every 16 ms, which delays the keys pressed
                meanwhile; the progress line below says it is syncing. */}
            <IconRefresh />
          </button>
          <button
            type="button"
            class="icon-btn"
            data-testid="add-source-button"
            title={t("toolbar.add")}
            aria-label={t("toolbar.add")}
            onClick={() => actions.openOverlay("add")}
          >
            <IconPlus />
          </button>
        </div>
      </header>

      <div class="sidebar-scroll" {...{ [ROOTS_ATTR]: "" }}>
        <ul class="nav-list">
          <NavItem
            testid="nav-all"
            current={smart("all")}
            onSelect={() => actions.selectSource(all, "all")}
            icon={<IconInbox size={17} />}
            label={t("nav.all")}
            count={s.counts?.all ?? null}
          />
          <NavItem
            testid="nav-unread"
            current={smart("unread")}
            onSelect={() => actions.selectSource(all, "unread")}
            icon={<IconCircle size={17} />}
            label={t("nav.unread")}
            count={unread}
          />
          <NavItem
            testid="nav-saved"
            current={smart("saved")}
            onSelect={() => actions.selectSource(all, "saved")}
            icon={<IconStar size={17} />}
            label={t("nav.saved")}
            count={s.counts?.saved ?? null}
          />
        </ul>

        <h2 class="sidebar-heading">{t("nav.sources")}</h2>
        {s.feedsStatus === "loading" && s.feeds.length === 0 ? (
          <SidebarSkeleton />
        ) : s.feedsStatus === "error" ? (
          <div class="inline-error" role="alert" data-testid="feeds-error">
            <p>{s.feedsError ? actions.errorSentence(s.feedsError) : ""}</p>
            <ErrorDetails detail={s.feedsError?.message} />
            <button type="button" class="btn btn-small" data-testid="feeds-retry" onClick={() => void actions.loadFeeds()}>
              {t("common.retry")}
            </button>
          </div>
        ) : s.feeds.length === 0 && s.folders.length === 0 ? (
          <p class="nav-empty">{t("nav.noSources")}</p>
        ) : (
          <SourceList s={s} />
        )}
      </div>

      <footer class="sidebar-footer">
        <SyncStatus s={s} />
        <div class="footer-actions">
          <button
            type="button"
            class="icon-btn"
            data-testid="settings-button"
            title={t("toolbar.settings")}
            aria-label={t("toolbar.settings")}
            onClick={() => actions.openOverlay("settings")}
          >
            <IconSettings />
          </button>
          <button
            type="button"
            class="icon-btn"
            data-testid="rules-button"
            title={t("toolbar.rules")}
            aria-label={t("toolbar.rules")}
            onClick={() => actions.openOverlay("rules")}
          >
            <IconFilter />
          </button>
          <button
            type="button"
            class="icon-btn"
            data-testid="help-button"
            title={`${t("toolbar.help")} (?)`}
            aria-label={t("toolbar.help")}
            onClick={() => actions.openOverlay("help")}
          >
            <IconKeyboard />
          </button>
          <Menu
            testid="library-menu"
            label={t("toolbar.more")}
            icon={<IconMore />}
            placement="up"
            items={[
              { label: t("toolbar.import"), testid: "import-opml", onSelect: () => void actions.importOpml() },
              { label: t("toolbar.export"), testid: "export-opml", onSelect: () => void actions.exportOpml() },
            ]}
          />
        </div>
      </footer>
    </nav>
  );
}

