import starters from "../data/starter-sources.json";
import * as actions from "../actions";
import { t } from "../i18n";
import type { Lang } from "../i18n";
import type { State } from "../store";
import { hostOf } from "../lib/url";
import { BrandMark, IconCheck, IconPlus, IconUpload } from "./icons";

export interface Starter {
  name: string;
  url: string;
  language: Lang;
  topic: string;
}

const STARTERS = starters as Starter[];

/** A starter's host, without `www.` or `feeds.`. */
function starterHost(url: string): string {
  return hostOf(url, /^(www|feeds)\./) || url;
}

/** Popular sources, the UI language's first, each with a Follow button. */
export function StarterList({ s, compact }: { s: State; compact?: boolean }) {
  const order: Lang[] = [s.lang, ...(["az", "ru", "en"] as Lang[]).filter((l) => l !== s.lang)];
  const followed = new Set(s.feeds.map((f) => f.url));
  const sorted = [...STARTERS].sort((a, b) => order.indexOf(a.language) - order.indexOf(b.language));
  return (
    <ul class={`starter-grid${compact ? " compact" : ""}`} data-testid="starter-list">
      {sorted.map((src) => {
        const busy = s.starterBusy.includes(src.url);
        const done = s.starterDone.includes(src.url) || followed.has(src.url);
        return (
          <li class="starter-card" key={src.url} data-testid="starter-source">
            <span class={`lang-badge lang-${src.language}`} title={t(`lang.${src.language}`)}>
              {src.language.toUpperCase()}
            </span>
            <span class="starter-text">
              <span class="starter-name">{src.name}</span>
              <span class="starter-host">{starterHost(src.url)}</span>
            </span>
            <button
              type="button"
              class={`btn btn-small${done ? " is-done" : ""}`}
              data-testid="starter-follow"
              disabled={busy || done}
              onClick={() => void actions.addStarter(src.url)}
            >
              {done ? <IconCheck size={14} /> : null}
              {done ? t("welcome.following") : busy ? t("welcome.adding") : t("welcome.follow")}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** The first-run screen: what Byline is and three ways to begin. */
export function Welcome({ s }: { s: State }) {
  return (
    <section class="welcome" data-testid="empty-state">
      <div class="welcome-inner">
        <div class="welcome-hero">
          <BrandMark size={48} />
          <h1 class="welcome-title">{t("welcome.title")}</h1>
          <p class="welcome-text">{t("welcome.text")}</p>
          <div class="welcome-actions">
            <button type="button" class="btn btn-primary btn-large" data-testid="welcome-add" onClick={() => actions.openOverlay("add")}>
              <IconPlus size={17} />
              {t("welcome.add")}
            </button>
            <button type="button" class="btn btn-large" data-testid="welcome-import" onClick={() => void actions.importOpml()}>
              <IconUpload size={17} />
              {t("welcome.import")}
            </button>
          </div>
        </div>
        <div class="starter">
          <h2 class="starter-heading">{t("welcome.starterTitle")}</h2>
          <p class="starter-hint">{t("welcome.starterText")}</p>
          <StarterList s={s} />
        </div>
      </div>
    </section>
  );
}
