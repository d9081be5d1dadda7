import { api } from "../api";

let reported = false;
/** Whether the first list has been painted (and told to the app). */
let painted = false;
/** What waits for the first list to be painted ({@link afterFirstList}). */
const waiting = new Set<() => void>();

/**
 * Called when the article list has something to show (its rows, its empty
 * state or its error): once the next frame is painted, marks the moment
 * (`performance.mark("byline:first-list")`) and tells the app, which prints
 * how long the start took (`bench/app/start.sh` reads it), then runs what
 * waits for it ({@link afterFirstList}). Only the first call counts.
 */
export function reportFirstList(): void {
  if (reported) return;
  reported = true;
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      performance.mark("byline:first-list");
      api.firstListPainted(performance.now()).catch(() => undefined);
      painted = true;
      for (const run of [...waiting]) run();
      waiting.clear();
    }),
  );
}

/** Whether the first article list has been painted ({@link reportFirstList}). */
export function firstListPainted(): boolean {
  return painted;
}

/**
 * Runs `run` once the first article list is painted (see
 * {@link reportFirstList}; at once when it already is), or after `atMostMs`
 * if it never is (a list that never loads must not hold back what waits on
 * it). Returns a function that cancels it.
 */
export function afterFirstList(run: () => void, atMostMs: number): () => void {
  if (painted) {
    run();
    return () => {};
  }
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    waiting.delete(once);
    run();
  };
  const timer = setTimeout(once, atMostMs);
  waiting.add(once);
  return () => {
    done = true;
    clearTimeout(timer);
    waiting.delete(once);
  };
}
