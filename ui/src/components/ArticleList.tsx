import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { ArticleSummary } from "../api";
import * as actions from "../actions";
import { t } from "../i18n";
import { highlight } from "../lib/fold";
import { reportFirstList } from "../lib/startup-mark";
import { fullDate, relativeTime } from "../lib/time";
import { FALLBACK_ROW_HEIGHT, measureProbe, rowHeightFrom } from "../lib/row-height";
import { memoWhen, samePanes } from "../lib/memo";
import { useVirtualList } from "../lib/use-virtual-list";
import type { ListWindow } from "../lib/virtual";
import type { State } from "../store";
import {
  IconBack,
  IconSidebar,
  IconCheckAll,
  IconMore,
  IconSearch,
  IconStarFilled,
  IconX,
} from "./icons";
import { ContextMenu } from "./ContextMenu";
import type { ContextItem } from "./ContextMenu";
import { feedMenuItems } from "./feed-menu";
import { Menu } from "./Menu";
import type { MenuItem } from "./Menu";
import { shareMenuItems } from "./Share";
import { EmptyState, ErrorState } from "./States";

// A title that wraps to two lines in any list width, with descenders and
// diacritics below the baseline in all three languages.
const PROBE_TITLE =
  "Qış mövsümünün açılışında iştirak edən gənclər şəhərə qayıdır — группа друзей у моря ждёт рейс, jumpy quays pledge gyp";

/**
 * A hidden row with a two-line title, byline and meta, laid out with the
 * real CSS and fonts; the list measures it for its row height.
 */
function RowProbe({ probe, searching }: { probe: { current: HTMLDivElement | null }; searching: boolean }) {
  return (
    <div class="article-row row-probe" ref={probe} aria-hidden="true" data-testid="row-probe">
      <span class="row-status" />
      <div class="row-text">
        <div class="row-meta">
          <span class="row-feed">Ág</span>
          <span class="row-time">Ág</span>
        </div>
        <div class="row-title">
          {PROBE_TITLE} {PROBE_TITLE}
        </div>
        {searching ? <div class="row-snippet">Ág Çşy Дуру {PROBE_TITLE}</div> : null}
        <div class="row-byline">
          <span class="row-author">Ág Çşy Дуру</span>
        </div>
      </div>
      <span class="row-thumb" />
    </div>
  );
}

/**
 * The row height, measured on the probe at start, when fonts finish
 * loading, when the window resizes and when `deps` (language, fonts, the
 * pane shown) change; the fallback until something is laid out, and the
 * last measure while the list is hidden (a narrow window showing the reader).
 */
function useRowHeight(probe: { current: HTMLDivElement | null }, deps: unknown[]): number {
  const [height, setHeight] = useState(FALLBACK_ROW_HEIGHT);
  useLayoutEffect(() => {
    let alive = true;
    const measure = () => {
      const el = probe.current;
      if (alive && el) setHeight((last) => rowHeightFrom(measureProbe(el), last));
    };
    measure();
    const fonts = typeof document !== "undefined" ? document.fonts : undefined;
    fonts?.ready?.then(measure, () => {});
    fonts?.addEventListener?.("loadingdone", measure);
    window.addEventListener("resize", measure);
    return () => {
      alive = false;
      fonts?.removeEventListener?.("loadingdone", measure);
      window.removeEventListener("resize", measure);
    };
  }, deps);
  return height;
}

function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

function Highlighted({ text, query }: { text: string; query: string }) {
  if (!query.trim()) return <>{text}</>;
  return (
    <>
      {highlight(text, query).map((seg, i) =>
        seg.match ? (
          <mark key={i} data-testid="search-hit">
            {seg.text}
          </mark>
        ) : (
          seg.text
        ),
      )}
    </>
  );
}

function Thumb({ src }: { src: string }) {
  const [failed, setFailed] = useState(false);
  useEffect(() => setFailed(false), [src]);
  if (failed || !/^(thumb:|http:\/\/thumb\.localhost\/)/i.test(src)) return null;
  return (
    <img
      class="row-thumb"
      src={src}
      alt=""
      loading="lazy"
      decoding="async"
      referrerpolicy="no-referrer"
      draggable={false}
      onError={() => setFailed(true)}
    />
  );
}

interface RowProps {
  a: ArticleSummary;
  selected: boolean;
  search: string;
  lang: string;
  now: number;
  index: number;
  /** Not compared: every list passes a function that does the same. */
  onMenu: (id: number, x: number, y: number) => void;
}

/** Whether a row would render the same (a scroll, a sync's progress or a
 * press of `j` leaves most rows as they were). */
export function sameRow(a: RowProps, b: RowProps): boolean {
  return a.a === b.a && a.selected === b.selected && a.search === b.search && a.lang === b.lang && a.now === b.now && a.index === b.index;
}

export const ArticleRow = memoWhen(function ArticleRow(props: RowProps) {
  const { a } = props;
  const title = a.title.trim() || t("article.untitled");
  return (
    <div
      class={`article-row${a.read ? " is-read" : ""}${props.selected ? " is-selected" : ""}`}
      role="option"
      aria-selected={props.selected}
      data-testid="article-row"
      data-article-id={a.id}
      data-index={props.index}
      onClick={() => void actions.openArticle(a.id)}
      onContextMenu={(e) => {
        e.preventDefault();
        props.onMenu(a.id, e.clientX, e.clientY);
      }}
    >
      <span class="row-status" aria-hidden="true">
        {a.read ? null : <span class="unread-dot" data-testid="unread-dot" />}
      </span>
      <div class="row-text">
        <div class="row-meta">
          <span class="row-feed">{a.feed_title}</span>
          <time class="row-time" dateTime={a.published ?? undefined} title={fullDate(a.published, props.lang)}>
            {relativeTime(a.published, props.lang, props.now)}
          </time>
        </div>
        <div class="row-title" data-testid="article-title">
          <Highlighted text={title} query={props.search} />
        </div>
        {props.search && a.snippet && a.snippet.length > 0 ? (
          <div class="row-snippet" data-testid="search-snippet">
            {a.snippet.map((part, i) =>
              part.hit ? (
                <mark key={i} data-testid="snippet-hit">
                  {part.text}
                </mark>
              ) : (
                part.text
              ),
            )}
          </div>
        ) : null}
        <div class="row-byline">
          {a.saved ? (
            <span class="saved-star" data-testid="saved-star" aria-label={t("article.saved")}>
              <IconStarFilled size={13} />
            </span>
          ) : null}
          {/* A wire story with no person to credit: its agency. */}
          <span class="row-author">{a.author ?? a.agency ?? ""}</span>
        </div>
      </div>
      {a.thumbnail ? <Thumb src={a.thumbnail} /> : <span class="row-thumb-empty" />}
    </div>
  );
}, sameRow);

function SkeletonRows() {
  return (
    <div class="list-skeleton" data-testid="list-loading" aria-busy="true" aria-label={t("list.loading")}>
      {[88, 64, 92, 70, 80, 58, 76, 66].map((w, i) => (
        <div class="article-row skeleton-row" key={i}>
          <span class="row-status" />
          <div class="row-text">
            <span class="skeleton skeleton-line w-30" />
            <span class={`skeleton skeleton-line tall w-${w}`} />
            <span class="skeleton skeleton-line w-40" />
          </div>
          <span class="skeleton row-thumb" />
        </div>
      ))}
    </div>
  );
}

/** What a right-click on a row offers. */
function rowMenu(s: State, a: ArticleSummary): ContextItem[] {
  const items: ContextItem[] = [
    { label: t("row.open"), testid: "row-menu-open", onSelect: () => void actions.openArticle(a.id) },
    {
      label: a.read ? t("reader.markUnread") : t("reader.markRead"),
      testid: "row-menu-read",
      onSelect: () => void actions.setRead(a.id, !a.read),
    },
    {
      label: a.saved ? t("reader.unsave") : t("reader.save"),
      testid: "row-menu-save",
      onSelect: () => void actions.setSaved(a.id, !a.saved),
    },
  ];
  if (a.url) {
    items.push({ label: t("reader.openOriginal"), testid: "row-menu-open-original", onSelect: () => void actions.openOriginal(a.url) });
  }
  const shareable = actions.canShare(a);
  items.push({
    label: t("reader.share"),
    testid: "row-menu-share",
    separatorBefore: true,
    disabled: !shareable,
    title: shareable ? undefined : t("share.noLink"),
    submenu: shareable ? shareMenuItems(a.id, s.sharePrefs, "row-menu-share") : undefined,
  });
  return items;
}

function sourceTitle(s: State): string {
  if (s.source.kind === "feed") {
    const id = s.source.id;
    return s.feeds.find((f) => f.id === id)?.title ?? "";
  }
  if (s.source.kind === "folder") {
    const id = s.source.id;
    return s.folders.find((f) => f.id === id)?.name ?? "";
  }
  return s.view === "unread" ? t("nav.unread") : s.view === "saved" ? t("nav.saved") : t("nav.all");
}

function sourceMenu(s: State): MenuItem[] | null {
  if (s.source.kind === "feed") {
    const feed = s.feeds.find((f) => f.id === (s.source as { id: number }).id);
    return feed ? feedMenuItems(feed, s) : null;
  }
  if (s.source.kind === "folder") {
    const folder = s.folders.find((f) => f.id === (s.source as { id: number }).id);
    if (!folder) return null;
    return [
      { label: t("folder.rename"), testid: "folder-rename", onSelect: () => actions.editFolder(folder.id) },
      {
        label: t("folder.delete"),
        testid: "folder-delete",
        danger: true,
        onSelect: () => {
          if (confirm(t("folder.confirmDelete", { name: folder.name }))) void actions.deleteFolder(folder.id);
        },
      },
    ];
  }
  return null;
}

/** The list's body: skeleton rows while loading, an error, an empty state,
 * or the window of rows to render. */
function ListBody({
  s,
  win,
  now,
  onMenu,
}: {
  s: State;
  win: ListWindow;
  now: number;
  onMenu: (id: number, x: number, y: number) => void;
}) {
  const items = s.list.items;
  const searching = s.search.trim().length > 0;
  if (s.list.status === "loading" || (s.list.status === "idle" && items.length === 0)) {
    return <SkeletonRows />;
  }
  if (s.list.status === "error") {
    return (
      <ErrorState
        title={t("list.error.title")}
        message={s.list.error ? actions.errorSentence(s.list.error) : ""}
        details={s.list.error?.message}
        onRetry={() => void actions.loadList()}
        testid="list-error"
      />
    );
  }
  if (items.length === 0) {
    return searching ? (
      <EmptyState testid="list-empty" title={t("list.empty.search.title")} text={t("list.empty.search.text", { query: s.search.trim() })}>
        <button type="button" class="btn" onClick={() => actions.clearSearch()}>
          {t("list.clearSearch")}
        </button>
      </EmptyState>
    ) : s.view === "unread" ? (
      <EmptyState testid="list-empty" title={t("list.empty.unread.title")} text={t("list.empty.unread.text")} />
    ) : s.view === "saved" ? (
      <EmptyState testid="list-empty" title={t("list.empty.saved.title")} text={t("list.empty.saved.text")} />
    ) : (
      <EmptyState testid="list-empty" title={t("list.empty.all.title")} text={t("list.empty.all.text")}>
        <button type="button" class="btn" onClick={() => void actions.syncAll()}>
          {t("toolbar.sync")}
        </button>
      </EmptyState>
    );
  }
  return (
    <div
      class="list-spacer"
      style={{ height: `${win.totalHeight}px` }}
      role="listbox"
      aria-label={sourceTitle(s)}
      data-testid="article-list"
      data-count={items.length}
    >
      <div class="list-window" style={{ transform: `translateY(${win.offset}px)` }}>
        {items.slice(win.start, win.end).map((a, i) => (
          <ArticleRow
            key={a.id}
            a={a}
            index={win.start + i}
            selected={a.id === s.selectedId}
            search={s.search}
            lang={s.lang}
            now={now}
            onMenu={onMenu}
          />
        ))}
      </div>
    </div>
  );
}

/**
 * The scrolling part of the list: its scroll position is its own state, so
 * a scroll renders this and the rows that came into view, not the header.
 */
function ListScroller({ s, rowHeight, onMenu }: { s: State; rowHeight: number; onMenu: (id: number, x: number, y: number) => void }) {
  const now = useNow();
  const items = s.list.items;
  const { scroller, onScroll, win } = useVirtualList({
    items,
    rowHeight,
    ready: s.list.status === "ready",
    generation: s.list.generation,
    selectedId: s.selectedId,
    next: s.list.next,
    loadMore: () => void actions.loadMore(),
  });
  return (
    <div class="list-scroll" ref={scroller} onScroll={onScroll}>
      <ListBody s={s} win={win} now={now} onMenu={onMenu} />
      {s.list.status === "ready" && items.length > 0 ? (
        <div class="list-foot" data-testid="list-foot">
          {s.list.loadingMore ? t("list.loadingMore") : s.list.next ? "" : t("list.end")}
        </div>
      ) : null}
    </div>
  );
}

/** The article list, rendered again only when what it shows changed
 * ({@link samePanes}: not for a sync's progress). */
export const ArticleList = memoWhen(function ArticleList({ s }: { s: State }) {
  const probe = useRef<HTMLDivElement>(null);
  const rowHeight = useRowHeight(probe, [
    s.lang,
    s.settings.reader_font,
    s.settings.reader_font_size,
    s.settings.theme,
    s.pane,
    s.search !== "",
  ]);
  const search = useRef<HTMLInputElement>(null);
  const [menuAt, setMenuAt] = useState<{ id: number; x: number; y: number } | null>(null);
  const items = s.list.items;

  useEffect(() => {
    if (s.list.status === "ready" || s.list.status === "error") reportFirstList();
  }, [s.list.status]);

  const searching = s.search.trim().length > 0;
  const menu = sourceMenu(s);
  const menuArticle = menuAt ? items.find((a) => a.id === menuAt.id) : undefined;
  const canMarkAll = !searching && s.view !== "saved" && items.some((a) => !a.read);

  return (
    <section
      class="pane list-pane"
      data-testid="list-pane"
      aria-label={sourceTitle(s)}
      data-row-height={rowHeight}
      style={{ "--row-h": `${rowHeight}px` }}
    >
      <RowProbe probe={probe} searching={s.search !== ""} />
      <header class="pane-header list-header">
        <button
          type="button"
          class="icon-btn narrow-only"
          data-testid="back-to-sources"
          aria-label={t("common.back")}
          onClick={() => actions.showPane("sources")}
        >
          <IconBack />
        </button>
        <button
          type="button"
          class="icon-btn medium-only"
          data-testid="open-sources-drawer"
          title={t("nav.sources")}
          aria-label={t("nav.sources")}
          aria-expanded={s.pane === "sources"}
          onClick={() => actions.showPane(s.pane === "sources" ? "list" : "sources")}
        >
          <IconSidebar />
        </button>
        <div class="list-title">
          <h1 data-testid="list-title">{sourceTitle(s)}</h1>
        </div>
        <div class="header-actions">
          {canMarkAll ? (
            <button
              type="button"
              class="icon-btn"
              data-testid="mark-all-read"
              title={t("list.markAllRead")}
              aria-label={t("list.markAllRead")}
              onClick={() => void actions.markAllRead()}
            >
              <IconCheckAll />
            </button>
          ) : null}
          {menu ? <Menu testid="source-menu" label={t("toolbar.more")} icon={<IconMore />} items={menu} /> : null}
        </div>
      </header>
      <div class="list-tools">
        <label class="search">
          <IconSearch size={16} />
          <input
            ref={search}
            id="search-input"
            type="search"
            data-testid="search-input"
            placeholder={t("toolbar.search")}
            aria-label={t("toolbar.search")}
            value={s.searchInput}
            autocomplete="off"
            spellcheck={false}
            onInput={(e) => actions.setSearchInput((e.target as HTMLInputElement).value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") actions.applySearch();
              if (e.key === "Escape") {
                e.stopPropagation();
                if (s.searchInput) actions.clearSearch();
                else (e.target as HTMLInputElement).blur();
              }
            }}
          />
          {s.searchInput ? (
            <button type="button" class="search-clear" data-testid="search-clear" aria-label={t("list.clearSearch")} onClick={() => actions.clearSearch()}>
              <IconX size={14} />
            </button>
          ) : (
            <kbd class="search-hint" aria-hidden="true">
              /
            </kbd>
          )}
        </label>
        <div class="segmented" role="tablist" aria-label={t("filter.label")}>
          {(["all", "unread", "saved"] as const).map((v) => (
            <button
              key={v}
              type="button"
              role="tab"
              aria-selected={s.view === v}
              class={s.view === v ? "is-current" : ""}
              data-testid={`filter-${v}`}
              onClick={() => actions.setView(v)}
            >
              {t(`filter.${v}`)}
            </button>
          ))}
        </div>
      </div>
      {searching && s.list.status === "ready" ? (
        <div class="search-banner" data-testid="search-banner">
          {t("list.searchResults", { query: s.search.trim() })}
        </div>
      ) : null}
      <ListScroller s={s} rowHeight={rowHeight} onMenu={(id, x, y) => setMenuAt({ id, x, y })} />
      {menuAt && menuArticle ? (
        <ContextMenu
          key={`${menuAt.id}:${menuAt.x}:${menuAt.y}`}
          x={menuAt.x}
          y={menuAt.y}
          items={rowMenu(s, menuArticle)}
          label={menuArticle.title}
          testid="row-menu"
          onClose={() => setMenuAt(null)}
        />
      ) : null}
    </section>
  );
}, (prev, next) => samePanes(prev.s, next.s));
