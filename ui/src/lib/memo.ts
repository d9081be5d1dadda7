// Skipping a component's render when what it shows has not changed.

import { Component, h } from "preact";
import type { ComponentType, FunctionComponent } from "preact";
import type { State } from "../store";

/**
 * `render`, rendered again only when `same(previous props, next props)` is
 * false. Preact's own `memo` lives in `preact/compat`, whose import would
 * turn every `onChange` of the app into React's meaning; this is the same
 * thing with `shouldComponentUpdate`, and nothing else.
 */
export function memoWhen<P extends object>(
  render: FunctionComponent<P>,
  same: (previous: P, next: P) => boolean,
): ComponentType<P> {
  class Memo extends Component<P> {
    shouldComponentUpdate(next: P): boolean {
      return !same(this.props as P, next);
    }
    render() {
      return h(render, this.props as P);
    }
  }
  return Memo;
}

/**
 * Whether two states are the same for a part of the window that never
 * reads the keys in `ignored`: every other key holds the same value (by
 * identity; the store replaces what changes).
 */
export function sameBut<T extends object>(a: T, b: T, ignored: ReadonlySet<keyof T>): boolean {
  if (a === b) return true;
  for (const key of Object.keys(b) as (keyof T)[]) {
    if (!ignored.has(key) && a[key] !== b[key]) return false;
  }
  return Object.keys(a).length === Object.keys(b).length;
}

/**
 * What neither the article list nor the reader shows: a sync's progress
 * (up to ten a second while it runs), toasts, the dialogs and their data,
 * the counts of the sidebar. A change of these alone leaves both as they
 * are ({@link samePanes}).
 */
export const NOT_IN_PANES: ReadonlySet<keyof State> = new Set<keyof State>([
  "sync",
  "syncing",
  "retrying",
  "toasts",
  "counts",
  "collapsed",
  "overlay",
  "editing",
  "rules",
  "rulesStatus",
  "rulesError",
  "appInfo",
  "starterBusy",
  "starterDone",
]);

/** Whether the article list and the reader would render `a` and `b` alike. */
export function samePanes(a: State, b: State): boolean {
  return sameBut(a, b, NOT_IN_PANES);
}
