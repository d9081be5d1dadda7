// The first article a session opens, rehearsed out of sight while the
// window is idle, so the key press that really opens one is as quick as
// every later one.

import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { Article, ArticleSummary } from "../api";
import { msUntilQuiet } from "../lib/input-quiet";
import { afterFirstList } from "../lib/startup-mark";
import type { State } from "../store";
import { ArticleRow } from "./ArticleList";
import { Reader } from "./Reader";

/** The rehearsal waits for the first list at most this long (ms). */
const REHEARSAL_LIST_WAIT_MS = 5000;

let enabled = true;

/** Turns the rehearsal on or off (the UI tests turn it off, but for its own). */
export function setReaderRehearsal(on: boolean): void {
  enabled = on;
}

/** A list row as the reader shows it before its text has come: the header alone. */
function headerOnly(summary: ArticleSummary): Article {
  return {
    ...summary,
    updated: null,
    summary_html: null,
    content_html: null,
    full_html: null,
    lead_image: null,
    thumbnail: undefined,
    page: "feed_text_better",
    bylines: [],
    reading_minutes: null,
    language: null,
    enclosures: [],
    fetched_at: summary.published ?? "",
  } as Article;
}

/**
 * The first list row, as the reader's header and as a read, selected row,
 * rendered for two frames at next to no opacity where the reader is, then
 * gone. The first article a session opened used to take 80-90 ms from the
 * key press to the frame that answers it, against 25-35 for every later
 * one: the reader's fonts at their sizes and weights (the headline, the
 * kicker, the byline, a read row's title) looked up, loaded and drawn for
 * the first time, and the reader's code run for the first time. Rehearsed
 * as soon as the first list is painted (that moment is measured before it,
 * and a person has not pressed a key yet), when the keyboard is quiet, and
 * only when no article is open (one opened at start has paid for it
 * already); a list with no article yet (a new user's) has it when its first
 * article comes. It makes no call to the app and its copy of the reader
 * carries no test ids.
 */
export function ReaderRehearsal({ s }: { s: State }) {
  const [stage, setStage] = useState<"waiting" | "on" | "done">("waiting");
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const waitQuiet = (ms: number) => {
      timer = setTimeout(() => {
        const quiet = msUntilQuiet();
        if (quiet > 0) waitQuiet(quiet);
        else setStage("on");
      }, ms);
    };
    const cancel = afterFirstList(() => waitQuiet(0), REHEARSAL_LIST_WAIT_MS);
    return () => {
      cancel();
      clearTimeout(timer);
    };
  }, []);
  const row = s.list.items[0];
  const open = s.selectedId != null || s.article != null;
  useEffect(() => {
    if (stage !== "on") return;
    // An article opened first has paid for it; a list with no article yet
    // (a new user's) waits for its first one.
    if (open) return setStage("done");
    if (!row) return;
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => setStage("done"));
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, [stage, open, !row]);
  // Nothing that looks for the real reader or the real list finds this copy.
  useLayoutEffect(() => {
    root.current?.querySelectorAll("[data-testid]").forEach((el) => el.removeAttribute("data-testid"));
  });
  if (stage !== "on" || !row || open) return null;
  return (
    <div class="reader-rehearsal" ref={root} aria-hidden="true" inert>
      <ArticleRow a={{ ...row, read: true }} selected={true} search="" lang={s.lang} now={Date.now()} index={0} onMenu={() => {}} />
      <Reader s={{ ...s, selectedId: row.id, article: headerOnly(row), articleStatus: "ready" }} />
    </div>
  );
}
