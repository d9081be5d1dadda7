import { useEffect, useMemo, useState } from "preact/hooks";
import * as actions from "../actions";
import { t } from "../i18n";
import { fullDate } from "../lib/time";
import { buildSrcdoc, readerStylesheetUrl } from "../reader-frame";
import type { State } from "../store";
import { hostOf } from "../lib/url";
import { IconBack, IconEnvelopeOpen, IconExternal, IconGlobe, IconStar, IconStarFilled } from "./icons";
import { ShareBar, ShareMenuButton } from "./Share";
import { EmptyState, ErrorState } from "./States";

/** Whether the system is in dark mode, following changes. */
export function useSystemDark(): boolean {
  const query = typeof matchMedia === "function" ? matchMedia("(prefers-color-scheme: dark)") : null;
  const [dark, setDark] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const onChange = () => setDark(query.matches);
    query.addEventListener?.("change", onChange);
    return () => query.removeEventListener?.("change", onChange);
  }, []);
  return dark;
}

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

export function Reader({ s }: { s: State }) {
  const systemDark = useSystemDark();
  const a = s.articleStatus === "ready" ? s.article : null;
  const theme = s.settings.theme === "system" ? (systemDark ? "dark" : "light") : s.settings.theme;
  const html = a ? (a.full_html ?? a.content_html ?? a.summary_html ?? "").trim() : "";
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

  const toolbar = (
    <header class="pane-header reader-header">
      <button
        type="button"
        class="icon-btn narrow-only"
        data-testid="back-to-list"
        aria-label={t("common.back")}
        onClick={() => actions.closeReader()}
      >
        <IconBack />
      </button>
      <div class="spacer" />
      {a ? (
        <div class="header-actions">
          <button
            type="button"
            class="icon-btn"
            data-testid="read-toggle"
            aria-pressed={!a.read}
            title={`${a.read ? t("reader.markUnread") : t("reader.markRead")} (M)`}
            aria-label={a.read ? t("reader.markUnread") : t("reader.markRead")}
            onClick={() => void actions.setRead(a.id, !a.read)}
          >
            {a.read ? <IconEnvelopeOpen /> : <span class="unread-dot big" />}
          </button>
          <button
            type="button"
            class={`icon-btn${a.saved ? " is-on" : ""}`}
            data-testid="save-button"
            aria-pressed={a.saved}
            title={`${a.saved ? t("reader.unsave") : t("reader.save")} (S)`}
            aria-label={a.saved ? t("reader.unsave") : t("reader.save")}
            onClick={() => void actions.setSaved(a.id, !a.saved)}
          >
            {a.saved ? <IconStarFilled /> : <IconStar />}
          </button>
          <ShareMenuButton article={a} prefs={s.sharePrefs} open={s.shareMenu} />
          {a.url ? (
            <button
              type="button"
              class="btn btn-primary btn-small"
              data-testid="open-original"
              title={`${t("reader.openOriginal")} (O)`}
              onClick={() => void actions.openOriginal(a.url)}
            >
              <IconExternal size={15} />
              <span>{t("reader.openOriginal")}</span>
            </button>
          ) : null}
        </div>
      ) : null}
    </header>
  );

  let body;
  if (s.articleStatus === "loading") {
    body = <ReaderSkeleton />;
  } else if (s.articleStatus === "error") {
    body = (
      <ErrorState
        testid="reader-error"
        title={t("reader.error.title")}
        message={s.articleError?.message ?? ""}
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
            {a.bylines.length > 0 ? (
              <span class="byline-author">
                {a.bylines.map((person, i) => (
                  <span class="byline-person" data-testid="byline-person" key={i}>
                    {i > 0 ? ", " : null}
                    <span class="byline-name" data-testid="byline-name">{person.name}</span>
                    {person.role ? (
                      <span class="byline-role" data-testid="byline-role">
                        {" — "}
                        {person.role}
                      </span>
                    ) : null}
                  </span>
                ))}
              </span>
            ) : a.author ? (
              <span class="byline-author">{t("reader.by", { author: a.author })}</span>
            ) : null}
            {a.author && date ? <span class="byline-sep" aria-hidden="true">·</span> : null}
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
          <ShareBar article={a} prefs={s.sharePrefs} testid="share-bar-top" />
        </div>
        {srcdoc ? (
          <>
            <iframe
              key={a.id}
              class="reader-frame"
              data-testid="reader-body"
              title={t("reader.frameTitle")}
              sandbox="allow-popups allow-popups-to-escape-sandbox"
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
    <section class="pane reader-pane" data-testid="reader-pane" aria-label={t("reader.label")}>
      {toolbar}
      <div class="reader-body">{body}</div>
    </section>
  );
}
