// The one share component: brand glyphs, the bar of share buttons (under
// the byline and at the end of the article), the share menu (Shift+S or the
// reader's Share button) and the entries of the list's context menu. Every
// target goes to the backend (`shareArticle` / `copyArticleLink`), which
// builds and opens the link; nothing here builds a share URL.

import type { JSX } from "preact";
import { useEffect, useRef } from "preact/hooks";
import type { ArticleSummary } from "../api";
import * as actions from "../actions";
import { t } from "../i18n";
import { visibleShareItems } from "../lib/share-prefs";
import type { ShareItem, SharePref } from "../lib/share-prefs";
import type { ContextItem } from "./ContextMenu";
import { IconShare } from "./icons";
import { moveMenuFocus } from "../lib/menu-focus";
import { useSuspendTooltips } from "../lib/tooltips";

// Simple marks, drawn for Byline in each service's colour with a white
// glyph (legible on light and dark); copy and email follow the text colour.
// Each is a function that draws its paths anew at every render, as the
// icons do (icons.tsx): Preact writes its bookkeeping into a vnode it
// renders, so one vnode shared by every render would keep the first
// render's tree, and through it every later one, alive.
const GLYPHS: Record<ShareItem, () => JSX.Element> = {
  whatsapp: () => (
    <>
      <path class="share-mark" d="M12 2.5a9.5 9.5 0 0 0-8.1 14.4L2.6 21.4l4.7-1.2A9.5 9.5 0 1 0 12 2.5z" />
      <path
        class="share-glyph"
        transform="translate(2.2 2.1) scale(.82)"
        d="M9.2 7.1c-.2-.5-.5-.5-.7-.5h-.6c-.2 0-.6.1-.9.4-.3.3-1.2 1.1-1.2 2.8s1.2 3.2 1.4 3.5c.2.2 2.3 3.7 5.7 5 2.8 1.1 3.4.9 4 .8.6-.1 2-.8 2.2-1.6.3-.8.3-1.5.2-1.6l-.6-.4-2.1-1c-.3-.1-.5-.2-.7.2l-1 1.2c-.2.2-.4.3-.7.1-.3-.2-1.3-.5-2.5-1.6-1-.8-1.6-1.9-1.8-2.2-.2-.3 0-.5.1-.7l.5-.6.3-.5c.1-.2.1-.4 0-.6z"
      />
    </>
  ),
  messenger: () => (
    <>
      <path
        class="share-mark"
        d="M12 2.5c-5.3 0-9.5 3.9-9.5 9 0 2.7 1.2 5 3.1 6.6v3.4l3.1-1.7c1 .3 2.1.4 3.3.4 5.3 0 9.5-3.9 9.5-9S17.3 2.5 12 2.5z"
      />
      <path class="share-glyph" d="M6.6 14.2l3.1-4.9 2.9 2.2 3-2.2-3.1 4.9-2.9-2.2z" />
    </>
  ),
  telegram: () => (
    <>
      <circle class="share-mark" cx="12" cy="12" r="9.5" />
      <path
        class="share-glyph"
        d="M6 11.7l10.4-4c.5-.2.9.1.8.8l-1.8 8.3c-.1.6-.5.7-1 .4l-2.7-2-1.3 1.3c-.1.1-.3.3-.6.3l.2-2.8 5-4.6c.2-.2 0-.3-.3-.1l-6.2 3.9-2.6-.8c-.6-.2-.6-.6 0-.8z"
      />
    </>
  ),
  vk: () => (
    <>
      <rect class="share-mark" x="2.5" y="2.5" width="19" height="19" rx="5" />
      <path class="share-line" d="M5.6 8.8l2.5 6.4 2.5-6.4M13.3 8.8v6.4M18.4 8.8l-4.2 3.2 4.2 3.2" />
    </>
  ),
  ok: () => (
    <>
      <rect class="share-mark" x="2.5" y="2.5" width="19" height="19" rx="5" />
      <circle class="share-line" cx="12" cy="8.3" r="2.4" />
      <path class="share-line" d="M8.8 12.6c2 1.2 4.4 1.2 6.4 0M12 14l-2.9 3.3M12 14l2.9 3.3" />
    </>
  ),
  copy: () => (
    <>
      <path class="share-stroke" d="M10 13.5a4 4 0 0 0 5.7.4l3-3a4 4 0 0 0-5.7-5.7l-1.5 1.5" />
      <path class="share-stroke" d="M14 10.5a4 4 0 0 0-5.7-.4l-3 3a4 4 0 0 0 5.7 5.7l1.5-1.5" />
    </>
  ),
  email: () => (
    <>
      <rect class="share-stroke" x="3" y="5.5" width="18" height="13" rx="2" />
      <path class="share-stroke" d="M3.8 7l8.2 6 8.2-6" />
    </>
  ),
};

export function ShareIcon({ item, size = 20 }: { item: ShareItem; size?: number }) {
  return (
    <svg class={`share-icon share-icon-${item}`} width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {GLYPHS[item]()}
    </svg>
  );
}

/** The service's name ("WhatsApp", "Copy link"). */
export const shareName = (item: ShareItem) => t(`share.${item}`);
/** What the button does ("Share on WhatsApp"), for its label and tooltip. */
export const shareAction = (item: ShareItem) => t(`share.to.${item}`);

/** A row of share buttons, in the order and selection of the preferences. */
export function ShareBar(props: { article: ArticleSummary; prefs: SharePref[]; testid: string; caption?: string }) {
  const { article } = props;
  const enabled = actions.canShare(article);
  const items = visibleShareItems(props.prefs);
  return (
    <div
      class={`share-bar${enabled ? "" : " is-disabled"}`}
      role="group"
      aria-label={t("share.label")}
      title={enabled ? undefined : t("share.noLink")}
      data-testid={props.testid}
    >
      {props.caption ? <span class="share-caption">{props.caption}</span> : null}
      {items.map((item) => (
        <button
          key={item}
          type="button"
          class={`share-btn share-btn-${item}`}
          data-testid={`share-${item}`}
          aria-label={shareAction(item)}
          title={enabled ? shareAction(item) : t("share.noLink")}
          disabled={!enabled}
          onClick={() => void actions.shareTo(article.id, item)}
        >
          <ShareIcon item={item} />
        </button>
      ))}
    </div>
  );
}

/** The share entries of a context menu (`<prefix>-<target>` test ids). */
export function shareMenuItems(articleId: number, prefs: SharePref[], prefix: string): ContextItem[] {
  return visibleShareItems(prefs).map((item) => ({
    label: shareName(item),
    testid: `${prefix}-${item}`,
    icon: <ShareIcon item={item} size={16} />,
    separatorBefore: item === "copy",
    onSelect: () => void actions.shareTo(articleId, item),
  }));
}

/**
 * The reader's Share button and its menu, also opened by Shift+S: ↑/↓,
 * Home/End move, Enter shares, Esc or a click elsewhere closes.
 */
export function ShareMenuButton(props: { article: ArticleSummary; prefs: SharePref[]; open: boolean }) {
  const { article } = props;
  const enabled = actions.canShare(article);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  const items = visibleShareItems(props.prefs);
  const open = props.open && enabled;
  useSuspendTooltips(open, popover);

  const entries = () => [...(root.current?.querySelectorAll<HTMLButtonElement>(".share-menu-item") ?? [])];
  const close = (refocus: boolean) => {
    actions.closeShareMenu();
    if (refocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    entries()[0]?.focus();
    const onDown = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) actions.closeShareMenu();
    };
    // A click into the article's iframe reaches no listener here, but blurs the window.
    const onBlur = () => actions.closeShareMenu();
    document.addEventListener("mousedown", onDown, true);
    window.addEventListener("blur", onBlur);
    return () => {
      document.removeEventListener("mousedown", onDown, true);
      window.removeEventListener("blur", onBlur);
    };
  }, [open]);

  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation();
    if (moveMenuFocus(e.key, entries())) {
      e.preventDefault();
      return;
    }
    switch (e.key) {
      case "Escape":
        close(true);
        break;
      case "Tab":
        close(false);
        return;
      default:
        return;
    }
    e.preventDefault();
  };

  return (
    <div class="menu share-menu-root" ref={root}>
      <button
        ref={button}
        type="button"
        class="icon-btn"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t("reader.share")}
        title={enabled ? `${t("reader.share")} (Shift+S)` : t("share.noLink")}
        disabled={!enabled}
        data-testid="share-button"
        onClick={() => (open ? close(false) : actions.openShareMenu())}
      >
        <IconShare />
      </button>
      {open ? (
        <div ref={popover} class="menu-popover down end share-menu" role="menu" aria-label={t("share.label")} data-testid="share-menu" onKeyDown={onKeyDown}>
          {items.map((item) => (
            <button
              key={item}
              type="button"
              role="menuitem"
              class="menu-item share-menu-item"
              data-testid={`share-menu-${item}`}
              onClick={() => {
                close(true);
                void actions.shareTo(article.id, item);
              }}
            >
              <ShareIcon item={item} size={16} />
              <span>{shareName(item)}</span>
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
