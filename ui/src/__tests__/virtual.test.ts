import { describe, expect, it } from "vitest";
import { computeWindow, needsMore, scrollToRow } from "../lib/virtual";

describe("virtual list window", () => {
  it("renders only the visible rows plus overscan", () => {
    const w = computeWindow({ scrollTop: 0, viewportHeight: 500, rowHeight: 100, count: 100_000, overscan: 3 });
    expect(w).toEqual({ start: 0, end: 8, offset: 0, totalHeight: 10_000_000 });
  });

  it("follows the scroll position", () => {
    const w = computeWindow({ scrollTop: 1_234_550, viewportHeight: 500, rowHeight: 100, count: 100_000, overscan: 3 });
    // Rows 12345..12350 are visible.
    expect(w.start).toBe(12342);
    expect(w.end).toBe(12354);
    expect(w.offset).toBe(12342 * 100);
    expect(w.end - w.start).toBeLessThan(20);
  });

  it("clamps at the end and past it", () => {
    const w = computeWindow({ scrollTop: 99_999_999, viewportHeight: 400, rowHeight: 100, count: 50, overscan: 2 });
    expect(w.end).toBe(50);
    expect(w.start).toBe(44);
  });

  it("handles empty lists and negative scroll", () => {
    expect(computeWindow({ scrollTop: 0, viewportHeight: 400, rowHeight: 96, count: 0 })).toEqual({
      start: 0,
      end: 0,
      offset: 0,
      totalHeight: 0,
    });
    expect(computeWindow({ scrollTop: -50, viewportHeight: 200, rowHeight: 100, count: 10, overscan: 0 }).start).toBe(0);
  });

  it("asks for the next page near the end only when there is one", () => {
    expect(needsMore(90, 100, true)).toBe(true);
    expect(needsMore(10, 100, true)).toBe(false);
    expect(needsMore(100, 100, false)).toBe(false);
  });

  it("scrolls a row into view", () => {
    expect(scrollToRow(0, 500, 400, 100)).toBe(0);
    expect(scrollToRow(10, 0, 400, 100)).toBe(700);
    expect(scrollToRow(6, 500, 400, 100)).toBe(500);
  });
});
