import * as actions from "../actions";
import { t } from "../i18n";
import type { Article } from "../api";
import type { State } from "../store";
import { IconBack, IconEnvelopeOpen, IconExternal, IconStar, IconStarFilled } from "./icons";
import { ShareMenuButton } from "./Share";

/** The reader's toolbar: back to the list, and the open article's actions
 * (read, save, share, open the original). */
export function ReaderToolbar({
  article: a,
  sharePrefs,
  shareMenu,
}: {
  article: Article | null;
  sharePrefs: State["sharePrefs"];
  shareMenu: State["shareMenu"];
}) {
  return (
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
          <ShareMenuButton article={a} prefs={sharePrefs} open={shareMenu} />
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
}
