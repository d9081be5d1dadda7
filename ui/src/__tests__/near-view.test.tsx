import { render } from "preact";
import { useRef } from "preact/hooks";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NEAR_MARGIN, ROOTS_ATTR, useNearView } from "../lib/near-view";
import { FakeObserver, rowBox } from "../test/intersection";

/** Puts `el`'s box `top` pixels down, 32 tall (jsdom lays nothing out). */
function placeAt(el: Element, top: number) {
  const box = rowBox(top);
  el.getBoundingClientRect = () => box;
  el.getClientRects = () => Object.assign([box], { item: () => box }) as unknown as DOMRectList;
}

/** Whether the root is laid out (a narrow window hides the source list). */
let rootShown = true;

let rowTop = 0;
/** What each render of the row showed, whole or not, in order. */
let renders: boolean[] = [];
function Row({ keep = false, startNear = false }: { keep?: boolean; startNear?: boolean }) {
  const row = useRef<HTMLLIElement>(null);
  // Placed before the hook's first check, as the layout would have it.
  const place = (el: HTMLLIElement | null) => {
    row.current = el;
    if (el) placeAt(el, rowTop);
  };
  const near = useNearView(row, keep, startNear);
  renders.push(near);
  return near ? (
    <li ref={place} data-testid="row">
      <button type="button">whole</button>
    </li>
  ) : (
    <li ref={place} data-testid="row" class="is-far" />
  );
}

function List({ keep, startNear }: { keep?: boolean; startNear?: boolean }) {
  const root = (el: HTMLDivElement | null) => {
    if (!el) return;
    placeAt(el, 0);
    el.getClientRects = () => (rootShown ? [el.getBoundingClientRect()] : []) as unknown as DOMRectList;
  };
  return (
    <div ref={root} {...{ [ROOTS_ATTR]: "" }}>
      <ul>
        <Row keep={keep} startNear={startNear} />
      </ul>
    </div>
  );
}

describe("rows far from view", () => {
  let host: HTMLDivElement;
  const row = () => host.querySelector('[data-testid="row"]')!;
  const original = (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver;

  beforeEach(() => {
    rootShown = true;
    renders = [];
    FakeObserver.all = [];
    (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = FakeObserver;
    host = document.createElement("div");
    document.body.appendChild(host);
  });
  afterEach(() => {
    act(() => render(null, host));
    host.remove();
    (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = original;
  });

  it("render empty until they come near, and empty again when they go", () => {
    rowTop = 32 + NEAR_MARGIN + 100; // below the root's 32 px and the margin
    act(() => render(<List />, host));
    expect(row().classList.contains("is-far")).toBe(true);
    expect(FakeObserver.all[0].options.rootMargin).toBe(`${NEAR_MARGIN}px 0px`);
    FakeObserver.report(row(), true);
    expect(row().textContent).toBe("whole");
    FakeObserver.report(row(), false);
    expect(row().classList.contains("is-far")).toBe(true);
  });

  it("render whole at once when they are in view as they mount", () => {
    rowTop = 0;
    act(() => render(<List />, host));
    expect(row().textContent).toBe("whole");
  });

  it("asked to start whole, render whole once when in view, and empty once checked when far", () => {
    rowTop = 0;
    act(() => render(<List startNear />, host));
    expect(row().textContent).toBe("whole");
    expect(renders).toEqual([true]); // no placeholder first, no second render

    act(() => render(null, host));
    renders = [];
    rowTop = 32 + NEAR_MARGIN + 100;
    act(() => render(<List startNear />, host));
    expect(renders[0]).toBe(true);
    expect(row().classList.contains("is-far")).toBe(true);
  });

  it("asked to start whole in a hidden list, are empty once checked", () => {
    rowTop = 0;
    rootShown = false;
    act(() => render(<List startNear />, host));
    expect(row().classList.contains("is-far")).toBe(true);
  });

  it("stay whole while kept (the current row, an open menu) or focused", () => {
    rowTop = 5000;
    act(() => render(<List keep />, host));
    expect(row().textContent).toBe("whole");

    act(() => render(null, host));
    rowTop = 0;
    act(() => render(<List />, host));
    (row().querySelector("button") as HTMLButtonElement).focus();
    FakeObserver.report(row(), false);
    expect(row().textContent).toBe("whole");
  });

  it("keep their state while their list is hidden, and start empty in a hidden list", () => {
    rowTop = 0;
    rootShown = false; // a narrow window shows another pane
    act(() => render(<List />, host));
    expect(row().classList.contains("is-far")).toBe(true);
    rootShown = true; // the source list is opened
    FakeObserver.report(row(), true);
    expect(row().textContent).toBe("whole");
    rootShown = false; // and closed: the observer says the row left
    FakeObserver.report(row(), false);
    expect(row().textContent).toBe("whole");
  });

  it("all render whole without IntersectionObserver", () => {
    (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = undefined;
    rowTop = 5000;
    act(() => render(<List />, host));
    expect(row().textContent).toBe("whole");
  });

  it("stop being watched when they unmount", () => {
    rowTop = 5000;
    act(() => render(<List />, host));
    const observer = FakeObserver.all[0];
    expect(observer.watched.size).toBe(1);
    act(() => render(null, host));
    expect(observer.disconnected).toBe(true);
  });
});
