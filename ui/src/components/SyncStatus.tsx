import { formatCount, t } from "../i18n";
import { relativeTime } from "../lib/time";
import type { State } from "../store";

/** The footer line: a progress bar while syncing, else when it last synced. */
export function SyncStatus({ s }: { s: State }) {
  const p = s.sync;
  if (p && (p.running || p.total > 0)) {
    const total = Math.max(p.total, 1);
    return (
      <div class="sync-status" data-testid="sync-status" role="status" aria-live="polite">
        <div class="sync-line">
          <span>{p.running ? t("sync.progress", { done: p.done, total: p.total }) : t("sync.done")}</span>
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
  const last = s.feeds.reduce<string | null>(
    (acc, f) => (f.last_success_at && (!acc || f.last_success_at > acc) ? f.last_success_at : acc),
    null,
  );
  return (
    <div class="sync-status idle" data-testid="sync-status">
      {last ? t("sync.updated", { time: relativeTime(last, s.lang) }) : ""}
    </div>
  );
}
