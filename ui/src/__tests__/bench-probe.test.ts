import { describe, expect, it } from "vitest";
import { eventTime, FRAME_BUDGET_MS, readerShowsArticle, stats, statsLine } from "../lib/bench-probe";
import type { Article } from "../api";

describe("the bench probe's figures", () => {
  it("gives the median, the 95th percentile by nearest rank, the worst and the share over a frame", () => {
    const durations = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100 ms
    const s = stats(durations);
    expect(s).toEqual({ count: 100, median: 50, p95: 95, worst: 100, over: 84 / 100, dropped: 75 / 100 });
    expect(statsLine(s)).toBe("count=100 median=50.0 p95=95.0 worst=100.0 over=84.0% dropped=75.0%");
  });

  it("does not reorder what it is given and copes with nothing", () => {
    const durations = [30, 10, 20];
    expect(stats(durations).median).toBe(20);
    expect(durations).toEqual([30, 10, 20]);
    expect(stats([])).toEqual({ count: 0, median: 0, p95: 0, worst: 0, over: 0, dropped: 0 });
  });

  it("counts a frame over budget only when it is longer than 1/60 s, dropped past one and a half", () => {
    expect(stats([FRAME_BUDGET_MS, FRAME_BUDGET_MS + 0.1]).over).toBe(0.5);
    expect(stats([17, 25, 26]).dropped).toBeCloseTo(1 / 3);
  });

  it("puts an event's time stamp on the performance clock", () => {
    expect(eventTime(1234.5, 1.7e12)).toBe(1234.5);
    expect(eventTime(1.7e12 + 500, 1.7e12)).toBe(500);
  });

  it("takes an article as shown only once the reader has it loaded", () => {
    const a = { id: 2 } as Article;
    expect(readerShowsArticle({ article: a, articleStatus: "ready" }, 2)).toBe(true);
    // The article before it, kept while the next one loads.
    expect(readerShowsArticle({ article: a, articleStatus: "loading" }, 2)).toBe(false);
    expect(readerShowsArticle({ article: a, articleStatus: "ready" }, 3)).toBe(false);
    expect(readerShowsArticle({ article: null, articleStatus: "idle" }, 2)).toBe(false);
  });
});
