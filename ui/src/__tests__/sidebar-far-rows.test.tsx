import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Sidebar } from "../components/Sidebar";
import { initialState } from "../store";
import type { State } from "../store";
import { FakeObserver, rowBox } from "../test/intersection";
import { feed } from "../test/backend";

/** Feed rows from this id on lie far below the source list's visible part. */
const FIRST_FAR = 4;

/** jsdom lays nothing out: feed rows `FIRST_FAR` and after are placed 5,000 px down, the rest at the top. */
function layOut() {
  vi.spyOn(Element.prototype, "getBoundingClientRect").mockImplementation(function (this: Element) {
    const id = Number((this as HTMLElement).dataset?.testid?.replace(/^feed-/, ""));
    return rowBox(Number.isInteger(id) && id >= FIRST_FAR ? 5000 : 0);
  });
  vi.spyOn(Element.prototype, "getClientRects").mockImplementation(function (this: Element) {
    return [this.getBoundingClientRect()] as unknown as DOMRectList;
  });
}

describe("the source list's feed rows far from view", () => {
  let host: HTMLDivElement;
  const original = (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver;
  const feeds = Array.from({ length: 8 }, (_, i) => feed(i + 1, `Feed ${i + 1}`));
  const base: State = { ...initialState(), feeds, feedsStatus: "ready" };
  const row = (id: number) => host.querySelector(`[data-testid="feed-${id}"]`)!;

  beforeEach(() => {
    FakeObserver.all = [];
    (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = FakeObserver;
    layOut();
    host = document.createElement("div");
    document.body.appendChild(host);
  });
  afterEach(() => {
    act(() => render(null, host));
    host.remove();
    vi.restoreAllMocks();
    (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = original;
  });

  it("are empty rows named for screen readers; those in view and the current one are whole", () => {
    act(() => render(<Sidebar s={{ ...base, source: { kind: "feed", id: 7 } }} />, host));
    for (const id of [1, 2, 3, 7]) {
      expect(row(id).querySelector('[data-testid="feed-row"]'), `feed ${id}`).not.toBeNull();
      expect(row(id).classList.contains("is-far")).toBe(false);
    }
    for (const id of [4, 5, 6, 8]) {
      expect(row(id).classList.contains("is-far"), `feed ${id}`).toBe(true);
      expect(row(id).getAttribute("aria-label")).toBe(`Feed ${id}`);
      expect(row(id).querySelector("button")).toBeNull();
    }
  });

  it("render whole when they come near", () => {
    act(() => render(<Sidebar s={base} />, host));
    FakeObserver.report(row(5), true);
    expect(row(5).querySelector('[data-testid="feed-title"]')?.textContent).toBe("Feed 5");
    expect(row(5).classList.contains("is-far")).toBe(false);
  });
});
