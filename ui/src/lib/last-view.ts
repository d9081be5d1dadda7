// What the reader was looking at (source, view, article), kept across
// restarts so the app opens where it was left.

import type { Source } from "../store";

const KEY = "byline.lastView";
const VIEWS = ["all", "unread", "saved"] as const;

export interface LastView {
  source: Source;
  view: (typeof VIEWS)[number];
  articleId: number | null;
}

/** Remembers what is shown now. */
export function saveLastView(last: LastView): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(last));
  } catch {
    /* storage full or off: the app starts at All next time */
  }
}

/** What was shown when the app last ran, or null (nothing kept, or something unreadable). */
export function loadLastView(): LastView | null {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? "null") as Partial<LastView> | null;
    if (!raw || typeof raw !== "object") return null;
    const view = VIEWS.find((v) => v === raw.view);
    const s = raw.source as Partial<{ kind: string; id: number }> | undefined;
    let source: Source | null = null;
    if (s?.kind === "all") source = { kind: "all" };
    else if ((s?.kind === "feed" || s?.kind === "folder") && Number.isInteger(s.id)) source = { kind: s.kind, id: s.id! };
    if (!view || !source) return null;
    const articleId = Number.isInteger(raw.articleId) ? (raw.articleId as number) : null;
    return { source, view, articleId };
  } catch {
    return null;
  }
}
