import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import * as actions from "../actions";
import { t } from "../i18n";
import { fullDate } from "../lib/time";
import { buildSrcdoc, readerStylesheetUrl } from "../reader-frame";
import type { Article, Author } from "../api";
import type { State } from "../store";
import { memoWhen, samePanes } from "../lib/memo";
import { hostOf } from "../lib/url";
import { useLastsLonger } from "../lib/slow";
import { resolveTheme, useSystemDark } from "../lib/theme";
import { IconExternal, IconGlobe } from "./icons";
import { ReaderToolbar } from "./ReaderToolbar";
import { ShareBar } from "./Share";
import { EmptyState, ErrorState } from "./States";

function ReaderSkeleton() {
  return (
    <div class="reader-column reader-skeleton" data-testid="reader-loading" aria-busy="true">
      <span class="skeleton skeleton-line w-30" />
      <span class="skeleton skeleton-title w-90" />
      <span class="skeleton skeleton-title w-60" />
      <span class="skeleton skeleton-line w-40" />
      <span class="skeleton skeleton-block" />
      {[96, 92, 98, 85, 94, 70].map((w, i) => (
        <span key={i} class={`skeleton skeleton-line w-${w}`} />
      ))}
    </div>
  );
}

/** How often (ms) the window looks whether the article's frame holds the
 * keyboard focus for nothing. */
const FOCUS_CHECK_MS = 150;

/**
 * Gives the keyboard back to the window after a click in the article.
 * The article's frame runs no script, so key presses made in it reach no
 * listener (not even the window's: WebKit runs no event listener in a
 * document that may not run scripts), and the shortcuts would stop. So
 * when the frame takes the focus, the window takes it back as soon as no
 * text is selected in it; while text is selected, the frame keeps it, so
 * Ctrl+C copies the selection as usual.
 */
export function useKeyboardStaysWithWindow(frame: { current: HTMLIFrameElement | null }): void {
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const stop = () => {
      clearInterval(timer);
      timer = undefined;
    };
    const check = () => {
      const f = frame.current;
      if (!f || document.activeElement !== f) return stop();
      const selection = f.contentWindow?.getSelection();
      if (selection && !selection.isCollapsed && selection.toString().trim() !== "") return;
      stop();
      f.blur();
      window.focus();
    };
    const onBlur = () => {
      if (!frame.current || document.activeElement !== frame.current || timer) return;
      timer = setInterval(check, FOCUS_CHECK_MS);
    };
    window.addEventListener("blur", onBlur);
    return () => {
      window.removeEventListener("blur", onBlur);
      stop();
    };
  }, []);
}

/**
 * How long (ms) the reader keeps the article it shows while the next one
 * loads, before it shows the skeleton. The next one is usually in within a
 * few tens of milliseconds: a skeleton for that long only flashes, and it
 * made each `j` repaint the whole reader twice (skeleton, then article),
 * the first time in the very frame that answers the key press.
 */
export const READER_SKELETON_DELAY_MS = 250;

/** What the reader shows: the article (the one asked for, or the one
 * before it while the next loads for a moment), the skeleton, an error, or
 * nothing. */
export function readerShows(
  status: State["articleStatus"],
  article: Article | null,
  slow: boolean,
): "article" | "skeleton" | "error" | "empty" {
  if (status === "loading") return article && !slow ? "article" : "skeleton";
  if (status === "error") return "error";
  return status === "ready" && article ? "article" : "empty";
}

/** Which text an article shows: the feed's own or its web page's. */
export type BodySource = "feed" | "page";

/** The text shown by default: the page when it was extracted and reads
 * better than the feed's, else the feed's (or whichever exists). */
export function defaultBody(a: Article): BodySource {
  const feed = (a.content_html ?? a.summary_html ?? "").trim();
  const page = (a.full_html ?? "").trim();
  if (!page) return "feed";
  if (!feed) return "page";
  return a.page === "feed_text_better" ? "feed" : "page";
}

/** The HTML for `source`, falling back to the other when it is empty. */
export function bodyHtml(a: Article, source: BodySource): string {
  const feed = (a.content_html ?? a.summary_html ?? "").trim();
  const page = (a.full_html ?? "").trim();
  return source === "page" ? page || feed : feed || page;
}

/** The people to credit: the bylines, else the author line split up. */
function credits(a: Article): Author[] {
  if (a.bylines.length > 0) return a.bylines;
  return (a.author ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean)
    .map((name) => ({ name, role: null }));
}

/** Whether `people[i]`'s role is printed after them: a role several people
 * in a row share ("Jane Doe, John Smith — Staff Writers") is printed once,
 * after the last of them. */
export function showsRole(people: Author[], i: number): boolean {
  const role = people[i]?.role;
  return !!role && people[i + 1]?.role !== role;
}

function Byline({ people }: { people: Author[] }) {
  return (
    <span class="byline-author">
      <span class="byline-label">{people.length > 1 ? t("reader.byMany") : t("reader.byOne")} </span>
      {people.map((person, i) => (
        <span class="byline-person" data-testid="byline-person" key={i}>
          {i > 0 ? ", " : null}
          <span class="byline-name" data-testid="byline-name">{person.name}</span>
          {showsRole(people, i) ? (
            <span class="byline-role" data-testid="byline-role">
              {" — "}
              {person.role}
            </span>
          ) : null}
        </span>
      ))}
    </span>
  );
}

/** The reader, rendered again only when what it shows changed
 * ({@link samePanes}: not for a sync's progress). */
export const Reader = memoWhen(function Reader({ s }: { s: State }) {
  const systemDark = useSystemDark();
  const slow = useLastsLonger(s.articleStatus === "loading" ? s.selectedId : null, READER_SKELETON_DELAY_MS);
  const shows = readerShows(s.articleStatus, s.article, slow);
  // While the next article loads for a moment, the one before it stays.
  const a = shows === "article" ? s.article : null;
  const theme = resolveTheme(s.settings.theme, systemDark);
  const [chosen, setChosen] = useState<{ id: number; source: BodySource } | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  useKeyboardStaysWithWindow(frame);
  const source: BodySource | null = a ? (chosen?.id === a.id ? chosen.source : defaultBody(a)) : null;
  const html = a && source ? bodyHtml(a, source) : "";
  const canSwitch = !!a && !!(a.full_html ?? "").trim() && !!(a.content_html ?? a.summary_html ?? "").trim();
  const srcdoc = useMemo(
    () =>
      a && html
        ? buildSrcdoc(html, {
            theme,
            font: s.settings.reader_font,
            size: s.settings.reader_font_size,
            lang: a.language,
            leadImage: a.lead_image,
            stylesheet: readerStylesheetUrl(),
          })
        : "",
    [a?.id, html, theme, s.settings.reader_font, s.settings.reader_font_size],
  );

  let body;
  if (shows === "skeleton") {
    body = <ReaderSkeleton />;
  } else if (shows === "error") {
    body = (
      <ErrorState
        testid="reader-error"
        title={t("reader.error.title")}
        message={s.articleError ? actions.errorSentence(s.articleError) : ""}
        details={s.articleError?.message}
        onRetry={() => s.selectedId != null && void actions.openArticle(s.selectedId)}
      />
    );
  } else if (!a) {
    body = (
      <EmptyState
        testid="reader-empty"
        title={t("reader.empty.title")}
        text={t("reader.empty.text")}
        art={
          <svg class="state-art" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
            <path d="M10 14c7-3 15-3 22 2v36c-7-5-15-5-22-2z" />
            <path d="M54 14c-7-3-15-3-22 2v36c7-5 15-5 22-2z" />
          </svg>
        }
      />
    );
  } else {
    const site = hostOf(a.url) || hostOf(s.feeds.find((f) => f.id === a.feed_id)?.site_url);
    const date = fullDate(a.published, s.lang);
    const people = credits(a);
    body = (
      <article class={`reader-article font-${s.settings.reader_font === "sans" ? "sans" : "serif"}`} data-testid="reader" lang={a.language ?? undefined}>
        <div class="reader-column reader-head" style={{ fontSize: `${s.settings.reader_font_size}px` }}>
          <p class="reader-kicker">
            <button
              type="button"
              class="link-btn"
              onClick={() => actions.selectSource({ kind: "feed", id: a.feed_id })}
              data-testid="reader-feed"
            >
              {a.feed_title}
            </button>
          </p>
          <h1 class="reader-title" data-testid="reader-title" dir="auto">
            {a.title.trim() || t("article.untitled")}
          </h1>
          <p class="reader-byline" data-testid="reader-byline">
            {people.length > 0 ? <Byline people={people} /> : null}
            {people.length > 0 && (a.agency || date) ? <span class="byline-sep" aria-hidden="true">·</span> : null}
            {a.agency ? (
              <span class="byline-agency" data-testid="byline-agency">
                <span class="byline-label">{t("reader.agency")} </span>
                {a.agency}
              </span>
            ) : null}
            {a.agency && date ? <span class="byline-sep" aria-hidden="true">·</span> : null}
            {date ? (
              <time dateTime={a.published ?? undefined} class="byline-date">
                {date}
              </time>
            ) : null}
            {site && a.url ? (
              <button
                type="button"
                class="source-link"
                data-testid="source-link"
                title={a.url}
                onClick={() => void actions.openOriginal(a.url)}
              >
                <IconGlobe size={13} />
                {site}
              </button>
            ) : null}
          </p>
          {canSwitch || a.page === "pending" ? (
            <div class="reader-body-tools">
              {canSwitch ? (
                <div class="segmented" role="group" aria-label={t("reader.bodySwitch")} data-testid="body-switch">
                  {(["feed", "page"] as const).map((option) => (
                    <button
                      key={option}
                      type="button"
                      class={source === option ? "is-current" : undefined}
                      aria-pressed={source === option}
                      data-testid={`body-${option}`}
                      onClick={() => setChosen({ id: a.id, source: option })}
                    >
                      {option === "feed" ? t("reader.bodyFeed") : t("reader.bodyPage")}
                    </button>
                  ))}
                </div>
              ) : null}
              {a.page === "pending" && a.url ? (
                <span class="reader-fetching" data-testid="page-pending" role="status">
                  <span class="spinner-dot" aria-hidden="true" />
                  {t("reader.fetchingPage")}
                </span>
              ) : null}
            </div>
          ) : null}
          <ShareBar article={a} prefs={s.sharePrefs} testid="share-bar-top" />
        </div>
        {srcdoc ? (
          <>
            <iframe
              key={a.id}
              class="reader-frame"
              data-testid="reader-body"
              title={t("reader.frameTitle")}
              // No allow-scripts: nothing in the article ever runs. Same origin
              // only so the window can see its text selection and scroll it
              // (Space), for the shortcuts.
              ref={frame}
              sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
              referrerpolicy="no-referrer"
              srcdoc={srcdoc}
            />
            <footer class="reader-column reader-foot" data-testid="reader-footer">
              <ShareBar article={a} prefs={s.sharePrefs} testid="share-bar-bottom" caption={t("share.caption")} />
            </footer>
          </>
        ) : (
          <div class="reader-column reader-nocontent" data-testid="reader-no-content">
            <p>{t("reader.noContent")}</p>
            {a.url ? (
              <button type="button" class="btn btn-primary" onClick={() => void actions.openOriginal(a.url)}>
                <IconExternal size={15} />
                {t("reader.openOriginal")}
              </button>
            ) : null}
          </div>
        )}
      </article>
    );
  }

  return (
    <section
      class="pane reader-pane"
      data-testid="reader-pane"
      aria-label={t("reader.label")}
      aria-busy={s.articleStatus === "loading"}
    >
      <ReaderToolbar article={a} sharePrefs={s.sharePrefs} shareMenu={s.shareMenu} />
      <div class="reader-body">{body}</div>
    </section>
  );
}, (prev, next) => samePanes(prev.s, next.s));
