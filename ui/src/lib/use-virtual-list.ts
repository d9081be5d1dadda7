import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { computeWindow, needsMore, scrollToRow } from "./virtual";
import type { ListWindow } from "./virtual";

export interface VirtualListOptions {
  /** The rows, in order (only their ids are read). */
  items: { id: number }[];
  /** The height of every row. */
  rowHeight: number;
  /** Whether the list is loaded (its scroller is in the DOM). */
  ready: boolean;
  /** Scrolls back to the top whenever this changes (a new list). */
  generation: number;
  /** The row kept in view (j / k), if any. */
  selectedId: number | null;
  /** The next page's cursor; null when there is no more. */
  next: unknown;
  /** Fetches the next page, when the window comes near the end. */
  loadMore: () => void;
}

export interface VirtualList {
  /** The scrolling element, to attach with `ref`. */
  scroller: { current: HTMLDivElement | null };
  /** Its scroll handler. */
  onScroll: (e: Event) => void;
  /** Which rows to render, and where. */
  win: ListWindow;
}

/**
 * The state of a virtualized list with fixed-height rows: the scroll
 * position and the viewport's height, the window of rows to render, the
 * selected row kept in view, and the next page fetched near the end.
 */
export function useVirtualList({ items, rowHeight, ready, generation, selectedId, next, loadMore }: VirtualListOptions): VirtualList {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(0);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setViewport(el.clientHeight || window.innerHeight || 800);
    measure();
    if (typeof ResizeObserver === "undefined") {
      window.addEventListener("resize", measure);
      return () => window.removeEventListener("resize", measure);
    }
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ready]);

  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
  }, [generation]);

  // Keep the selected article in view (j / k).
  useEffect(() => {
    const el = scroller.current;
    if (!el || selectedId == null) return;
    const index = items.findIndex((a) => a.id === selectedId);
    if (index < 0) return;
    const top = scrollToRow(index, el.scrollTop, el.clientHeight || viewport, rowHeight);
    if (top !== el.scrollTop) {
      el.scrollTop = top;
      setScrollTop(top);
    }
  }, [selectedId, rowHeight]);

  const win = computeWindow({ scrollTop, viewportHeight: viewport, rowHeight, count: items.length });

  useEffect(() => {
    if (ready && needsMore(win.end, items.length, next != null)) loadMore();
  }, [win.end, items.length, next, ready]);

  const onScroll = (e: Event) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop);

  return { scroller, onScroll, win };
}
