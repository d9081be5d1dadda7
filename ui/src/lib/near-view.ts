// Rows of a long scrolling list that are far from view render as empty
// placeholders, so the page holds the DOM of a window's worth of rows, not
// of every row: in the source list, 200 feed rows (each two buttons, an
// initial, a title, a count and a menu icon) held about 14 MB of the web
// process's memory; rendering only those near view took its private memory
// from 25 to 16 MiB (BENCHMARKS.md, "App memory").
//
// A row is near when it is within NEAR_MARGIN of its scrolling root's
// visible part (the closest `[data-rows-root]` ancestor), checked once as it
// mounts, before the first paint, and then by an IntersectionObserver per
// root; a row keeps its state while the list is hidden (`display: none`).
// Without IntersectionObserver (jsdom), or outside such a root, every row
// stays rendered.
//
// A row rendered before anything is laid out (the first rows at start) can
// start whole: they are the ones in view, and rendered whole in the first
// pass they are laid out once, where 40 placeholders each turned whole by
// its check cost the start a second layout and 40 renders of their own
// (BENCHMARKS.md, "App start"). The check then empties those that are far.

import { useLayoutEffect, useState } from "preact/hooks";

/** How far beyond the visible part of the root a row still renders, in
 * pixels: a screenful or two of a fast scroll. */
export const NEAR_MARGIN = 600;

/** The attribute that marks a list's scrolling element as the root. */
export const ROOTS_ATTR = "data-rows-root";

type Listener = (near: boolean) => void;

interface RootWatch {
  observer: IntersectionObserver;
  listeners: Map<Element, Listener>;
}

const watches = new Map<Element, RootWatch>();

function watchOf(root: Element): RootWatch {
  let watch = watches.get(root);
  if (!watch) {
    const listeners = new Map<Element, Listener>();
    const observer = new IntersectionObserver(
      (entries) => entries.forEach((e) => listeners.get(e.target)?.(e.isIntersecting)),
      { root, rootMargin: `${NEAR_MARGIN}px 0px` },
    );
    watch = { observer, listeners };
    watches.set(root, watch);
  }
  return watch;
}

function watch(root: Element, el: Element, listener: Listener): () => void {
  const w = watchOf(root);
  w.listeners.set(el, listener);
  w.observer.observe(el);
  return () => {
    w.observer.unobserve(el);
    w.listeners.delete(el);
    if (w.listeners.size === 0) {
      w.observer.disconnect();
      watches.delete(root);
    }
  };
}

/** Whether `root` is laid out: the source list of a narrow window is
 * `display: none` while another pane shows. */
function laidOut(root: Element): boolean {
  return root.getClientRects().length > 0;
}

/** Whether `el`'s box is within {@link NEAR_MARGIN} of `root`'s visible
 * part (never while `root` is not laid out: no row is in view then). */
export function isNear(el: Element, root: Element): boolean {
  if (!laidOut(root)) return false;
  const r = el.getBoundingClientRect();
  const view = root.getBoundingClientRect();
  return r.bottom >= view.top - NEAR_MARGIN && r.top <= view.bottom + NEAR_MARGIN;
}

/**
 * Whether the row `row` (its element, which stays the same whether it
 * renders whole or as a placeholder) should render whole: near its root's
 * visible part, or `keep` (the current row, one with focus or an open menu).
 * `startNear` renders it whole until its first check, as a row that is
 * likely in view.
 */
export function useNearView(row: { current: Element | null }, keep: boolean, startNear = false): boolean {
  const [near, setNear] = useState(() => startNear || typeof IntersectionObserver === "undefined");
  useLayoutEffect(() => {
    const el = row.current;
    const root = el?.closest(`[${ROOTS_ATTR}]`);
    if (!el || !root || typeof IntersectionObserver === "undefined") {
      setNear(true);
      return;
    }
    // Before the first paint: the rows in view show at once, the others empty.
    setNear(isNear(el, root));
    return watch(root, el, (now) => {
      // Hidden with its list (a narrow window's other pane), a row stays as
      // it was, so the list shows again as it was left, at once.
      if (!now && !laidOut(root)) return;
      setNear(now || el.contains(document.activeElement));
    });
  }, []);
  return near || keep;
}
