// An IntersectionObserver and row boxes for tests (jsdom has neither a
// layout nor an observer), driven by the test.
import { act } from "preact/test-utils";

/** An IntersectionObserver the test drives: `report` tells every observer
 * watching `el` whether it intersects. */
export class FakeObserver {
  static all: FakeObserver[] = [];
  watched = new Set<Element>();
  disconnected = false;
  constructor(
    private callback: (entries: { target: Element; isIntersecting: boolean }[]) => void,
    public options: { root: Element; rootMargin: string },
  ) {
    FakeObserver.all.push(this);
  }
  observe(el: Element) {
    this.watched.add(el);
  }
  unobserve(el: Element) {
    this.watched.delete(el);
  }
  disconnect() {
    this.disconnected = true;
    this.watched.clear();
  }
  static report(el: Element, isIntersecting: boolean) {
    act(() => FakeObserver.all.filter((o) => o.watched.has(el)).forEach((o) => o.callback([{ target: el, isIntersecting }])));
  }
}


/** A row's box `top` pixels down, 32 tall and 200 wide, where jsdom lays
 * nothing out. */
export function rowBox(top: number): DOMRect {
  return { top, bottom: top + 32, left: 0, right: 200, width: 200, height: 32, x: 0, y: top, toJSON() {} };
}
