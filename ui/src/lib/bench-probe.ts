// The responsiveness probe of `bench/app/responsiveness.sh`. Off for users:
// the app says which probe to install only when it was started with
// `BYLINE_BENCH_PROBE` (`src-tauri/bench_probe.rs`); otherwise nothing is
// installed and nothing runs.

import { options } from "preact";
import { api } from "../api";
import { getState } from "../store";
import type { State } from "../store";

/** Frames longer than this missed a 60 Hz screen's refresh. */
export const FRAME_BUDGET_MS = 1000 / 60;
/** How far the scroll probe moves the list each frame, in CSS pixels. */
export const SCROLL_STEP_PX = 300;
/** The key that starts the scroll probe. */
export const SCROLL_KEY = "F9";
/** The scroll probe gives up after this long. */
const SCROLL_AT_MOST_MS = 300_000;

/** Figures of a series of durations (ms), as the probe reports them. */
export interface Stats {
  count: number;
  median: number;
  p95: number;
  worst: number;
  /** The share of durations over {@link FRAME_BUDGET_MS}, 0 to 1. */
  over: number;
  /** The share over one and a half budgets, 0 to 1: a refresh missed for
   * certain (WebKit's frame times are whole milliseconds, so a steady 60 Hz
   * reads 16 and 17 ms, a third of its frames "over" the budget). */
  dropped: number;
}

/** The `q` quantile (0 to 1) of sorted values, by the nearest rank. */
function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** The median, 95th percentile (nearest rank), worst and share over budget. */
export function stats(durations: number[]): Stats {
  const sorted = [...durations].sort((a, b) => a - b);
  const share = (test: (d: number) => boolean) => (sorted.length ? sorted.filter(test).length / sorted.length : 0);
  return {
    count: sorted.length,
    median: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    worst: sorted.length ? sorted[sorted.length - 1] : 0,
    over: share((d) => d > FRAME_BUDGET_MS),
    dropped: share(isDropped),
  };
}

/** Whether a frame time (ms) missed a refresh for certain: over one and a
 * half budgets (see {@link Stats.dropped}). */
export function isDropped(duration: number): boolean {
  return duration > 1.5 * FRAME_BUDGET_MS;
}

/** `stats` as one report line: `count=… median=… p95=… worst=… over=…% dropped=…%`. */
export function statsLine(s: Stats): string {
  const ms = (v: number) => v.toFixed(1);
  const pc = (v: number) => `${(v * 100).toFixed(1)}%`;
  return `count=${s.count} median=${ms(s.median)} p95=${ms(s.p95)} worst=${ms(s.worst)} over=${pc(s.over)} dropped=${pc(s.dropped)}`;
}

/**
 * An event's `timeStamp` on the `performance.now()` clock: WebKit gives a
 * high-resolution time since the page's origin; an engine that gives
 * milliseconds since the epoch is brought onto the same clock.
 */
export function eventTime(timeStamp: number, timeOrigin: number): number {
  return timeStamp > 1e12 ? timeStamp - timeOrigin : timeStamp;
}

/** Calls `done` once the next frame has been painted: a task queued from
 * the frame's `requestAnimationFrame` runs after its paint. */
function afterNextPaint(done: () => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done();
    channel.port2.postMessage(null);
  });
}

function report(line: string): void {
  api.benchProbeReport(line).catch(() => undefined);
}

/** Installs the probe the app asks for, if any (none for a user). */
export async function installBenchProbe(): Promise<void> {
  let probe: Awaited<ReturnType<typeof api.benchProbe>>;
  try {
    probe = await api.benchProbe();
  } catch {
    return;
  }
  if (probe === null) return;
  reportSyncs();
  if (probe === "input") {
    timeRenders();
    installInputProbe();
  }
  if (probe === "scroll") installScrollProbe();
}

/** Whether a sync is running, as its progress events say. */
let syncing = false;
/** When the last sync started (`performance.now()`), for the `at=` fields. */
let syncStart = 0;

/** Ms since the last sync started, as the reports' `at=` field. */
function sinceSync(now: number = performance.now()): string {
  return (now - syncStart).toFixed(0);
}

/** Reports each sync's start and end as they arrive. */
function reportSyncs(): void {
  void api.onSyncProgress((progress) => {
    if (progress.running !== syncing) {
      syncing = progress.running;
      if (syncing) {
        syncStart = performance.now();
        watchFrames();
      }
      report(syncing ? "sync started" : `sync stored new=${progress.new_articles} sources=${progress.total}`);
    }
  });
  void api.onArticlesChanged((change) => {
    report(`articles changed new=${change.new_articles} updated=${change.updated_articles} at=${sinceSync()}`);
  });
}

/** Renders longer than this are reported as `render` lines. */
const RENDER_REPORTED_MS = 8;

/**
 * Reports each batch of Preact renders (its diff and DOM changes, in the
 * task Preact queues for them) that took longer than
 * {@link RENDER_REPORTED_MS}, as `render ms=… at=…`: set beside the `gap`
 * lines, the rest of a long frame is WebKit's style, layout and paint.
 */
function timeRenders(): void {
  const queue = options.debounceRendering ?? ((cb: () => void) => void Promise.resolve().then(cb));
  options.debounceRendering = (cb) =>
    queue(() => {
      const start = performance.now();
      cb();
      const ms = performance.now() - start;
      if (ms > RENDER_REPORTED_MS) report(`render ms=${ms.toFixed(0)} at=${sinceSync()}`);
    });
}

/** Frames longer than this are reported as `gap` lines while a sync runs. */
const GAP_REPORTED_MS = 40;
/** How long after a sync's end the frames are still watched. */
const GAP_WATCH_AFTER_MS = 3000;

/** The parts of the state whose change a `gap` line names. */
const WATCHED_PARTS = ["feeds", "counts", "list", "article", "sync", "toasts", "selectedId"] as const;

/**
 * While a sync runs (and {@link GAP_WATCH_AFTER_MS} after it), reports each
 * frame longer than {@link GAP_REPORTED_MS} as `gap ms=… at=… changed=…`:
 * when it ended (ms since the sync's start) and which parts of the state
 * had changed since the frame before, to tell what kept the page busy.
 */
function watchFrames(): void {
  let last = -1;
  let endedAt: number | null = null;
  let seen = getState();
  const frame = (now: number) => {
    const s = getState();
    if (last >= 0 && now - last > GAP_REPORTED_MS) {
      const changed = WATCHED_PARTS.filter((part) => s[part] !== seen[part]).join(",") || "-";
      report(`gap ms=${(now - last).toFixed(0)} at=${sinceSync(now)} changed=${changed}`);
    }
    seen = s;
    last = now;
    if (!syncing) endedAt ??= now;
    if (endedAt != null && now - endedAt > GAP_WATCH_AFTER_MS) return;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/**
 * Reports each key press: from its `keydown` (the event's time stamp) to
 * the next frame painted after the app's handlers ran, and whether a sync
 * was running.
 */
function installInputProbe(): void {
  window.addEventListener(
    "keydown",
    (event) => {
      const start = eventTime(event.timeStamp, performance.timeOrigin);
      // How long the press waited before the page got to it.
      const queued = performance.now() - start;
      const during = syncing;
      afterNextPaint(() => {
        report(
          `input key=${event.key} ms=${(performance.now() - start).toFixed(1)} sync=${during ? 1 : 0} queued=${queued.toFixed(1)} at=${sinceSync(start)}`,
        );
        // The article the press selected, once the reader shows it.
        const selected = getState().selectedId;
        if (selected != null) whenArticleShown(selected, start, event.key, during);
      });
    },
    { capture: true },
  );
}

/** How long the probe waits at most for the reader to show an article. */
const ARTICLE_AT_MOST_MS = 5000;

/** Whether the reader shows the article `id`, loaded (not the one before
 * it, kept while it loads). */
export function readerShowsArticle(s: Pick<State, "article" | "articleStatus">, id: number): boolean {
  return s.articleStatus === "ready" && s.article?.id === id;
}

/**
 * Reports, as `article key=… ms=…`, the time from a press to the frame
 * painted after the reader shows the article it selected (a later press
 * that selects another one ends the wait silently).
 */
function whenArticleShown(id: number, start: number, key: string, during: boolean): void {
  const check = () => {
    const s = getState();
    if (s.selectedId !== id || performance.now() - start > ARTICLE_AT_MOST_MS) return;
    if (!readerShowsArticle(s, id)) {
      requestAnimationFrame(check);
      return;
    }
    afterNextPaint(() => {
      report(`article key=${key} ms=${(performance.now() - start).toFixed(1)} sync=${during ? 1 : 0}`);
    });
  };
  check();
}

/**
 * On {@link SCROLL_KEY}: scrolls the article list from where it is to its
 * end, {@link SCROLL_STEP_PX} a frame (the next pages load on the way, as
 * they do for a user), and reports the frame times once the last article
 * is in view.
 */
function installScrollProbe(): void {
  let running = false;
  window.addEventListener(
    "keydown",
    (event) => {
      if (event.key !== SCROLL_KEY || running) return;
      event.preventDefault();
      event.stopPropagation();
      const el = document.querySelector<HTMLElement>(".list-scroll");
      if (!el) {
        report("scroll error=no-list");
        return;
      }
      running = true;
      const frames: number[] = [];
      // Where each dropped frame fell: the rows loaded then, and its time.
      const drops: string[] = [];
      const started = performance.now();
      let last = -1;
      const frame = (now: number) => {
        const list = getState().list;
        if (last >= 0) {
          frames.push(now - last);
          if (isDropped(now - last)) drops.push(`${list.items.length}:${Math.round(now - last)}`);
        }
        last = now;
        const atEnd = el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
        if ((atEnd && list.next == null && !list.loadingMore) || now - started > SCROLL_AT_MOST_MS) {
          running = false;
          report(
            `scroll rows=${list.items.length} px=${Math.round(el.scrollTop)} ms=${Math.round(now - started)} ${statsLine(stats(frames))} drops=${drops.join(",") || "-"}`,
          );
          return;
        }
        el.scrollTop += SCROLL_STEP_PX;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    },
    { capture: true },
  );
}
