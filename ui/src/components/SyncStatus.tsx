import { useState } from "preact/hooks";
import * as actions from "../actions";
import { formatCount, t } from "../i18n";
import { relativeTime } from "../lib/time";
import type { State } from "../store";

/** Sources whose last fetch failed, in sidebar order. */
export function failingFeeds(s: Pick<State, "feeds">) {
  return s.feeds.filter((f) => f.last_error != null);
}

/** Server accounts whose last sync failed. */
export function failingAccounts(s: Pick<State, "accounts">) {
  return s.accounts.filter((a) => a.last_error != null);
}

/** The sources that failed, each with what went wrong; a click opens it (an
 * account opens the settings, where its error is). Each account counts as
 * one source, as in a sync's progress. */
function FailedSources({ s }: { s: State }) {
  const [open, setOpen] = useState(false);
  const failing = failingFeeds(s);
  const accounts = failingAccounts(s);
  const count = failing.length + accounts.length;
  if (count === 0) return null;
  return (
    <div class="sync-failures">
      <button
        type="button"
        class="link-btn sync-failed-toggle"
        data-testid="sync-failed"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {t("sync.failed", { count: formatCount(count), total: formatCount(s.feeds.length + s.accounts.length) })}
      </button>
      {open ? (
        <ul class="sync-failed-list" data-testid="failed-sources">
          {accounts.map((a) => (
            <li key={`account-${a.id}`}>
              <button
                type="button"
                class="link-btn"
                data-testid="failed-account"
                onClick={() => actions.openOverlay("settings")}
                title={a.last_error ?? undefined}
              >
                {a.display_name}
              </button>
            </li>
          ))}
          {failing.map((f) => (
            <li key={f.id}>
              <button
                type="button"
                class="link-btn"
                onClick={() => actions.selectSource({ kind: "feed", id: f.id })}
                title={f.last_error ?? undefined}
              >
                {f.title || f.url}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The footer line: a progress bar while syncing, else when it last synced
 * and how many sources failed. */
export function SyncStatus({ s }: { s: State }) {
  const p = s.sync;
  if (p && (p.running || p.total > 0)) {
    const total = Math.max(p.total, 1);
    const finished = p.failed > 0 ? t("sync.failed", { count: formatCount(p.failed), total: formatCount(p.total) }) : t("sync.done");
    return (
      <div class="sync-status" data-testid="sync-status" role="status" aria-live="polite">
        <div class="sync-line">
          <span>{p.running ? t("sync.progress", { done: p.done, total: p.total }) : finished}</span>
          {p.new_articles > 0 ? <span class="sync-new">{t("sync.newArticles", { count: formatCount(p.new_articles) })}</span> : null}
        </div>
        <progress
          class="sync-progress"
          data-testid="sync-progress"
          max={total}
          value={Math.min(p.done, total)}
          aria-label={t("sync.label")}
        />
      </div>
    );
  }
  if (s.syncing) {
    return (
      <div class="sync-status" data-testid="sync-status" role="status">
        <div class="sync-line">{t("sync.starting")}</div>
        <progress class="sync-progress" data-testid="sync-progress" aria-label={t("sync.label")} />
      </div>
    );
  }
  const last = [...s.feeds.map((f) => f.last_success_at), ...s.accounts.map((a) => a.last_sync_at)].reduce<string | null>(
    (acc, at) => (at && (!acc || at > acc) ? at : acc),
    null,
  );
  const failing = failingFeeds(s).length;
  const allFailed = s.feeds.length > 0 && failing === s.feeds.length;
  return (
    <div class="sync-status idle" data-testid="sync-status">
      <div class="sync-line">
        {allFailed ? t("sync.allFailed") : last ? t("sync.updated", { time: relativeTime(last, s.lang) }) : ""}
      </div>
      <FailedSources s={s} />
    </div>
  );
}
