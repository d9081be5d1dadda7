import { api } from "../api";

let reported = false;

/**
 * Called when the article list has something to show (its rows, its empty
 * state or its error): once the next frame is painted, marks the moment
 * (`performance.mark("byline:first-list")`) and tells the app, which prints
 * how long the start took (`bench/app/start.sh` reads it). Only the first
 * call counts.
 */
export function reportFirstList(): void {
  if (reported) return;
  reported = true;
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      performance.mark("byline:first-list");
      api.firstListPainted(performance.now()).catch(() => undefined);
    }),
  );
}
