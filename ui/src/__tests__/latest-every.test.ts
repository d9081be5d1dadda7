import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { latestEvery } from "../lib/latest-every";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("latestEvery", () => {
  it("shows the first of a burst at once and then only the latest, once", async () => {
    const shown: number[] = [];
    const feed = latestEvery((n: number) => shown.push(n), 100, () => false);
    for (let n = 1; n <= 200; n++) feed(n);
    expect(shown).toEqual([1]);
    await vi.advanceTimersByTimeAsync(100);
    expect(shown).toEqual([1, 200]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(shown).toEqual([1, 200]);
  });

  it("shows at most one value every interval while values keep coming", async () => {
    const shown: number[] = [];
    const feed = latestEvery((n: number) => shown.push(n), 100, () => false);
    for (let n = 1; n <= 100; n++) {
      feed(n);
      await vi.advanceTimersByTimeAsync(10);
    }
    await vi.advanceTimersByTimeAsync(100);
    expect(shown.length).toBeLessThanOrEqual(12);
    expect(shown.at(-1)).toBe(100);
  });

  it("shows an urgent value at once and drops the one waiting", async () => {
    const shown: string[] = [];
    const feed = latestEvery((v: string) => shown.push(v), 100, (v) => v === "end");
    feed("a");
    feed("b");
    feed("end");
    expect(shown).toEqual(["a", "end"]);
    await vi.advanceTimersByTimeAsync(200);
    expect(shown).toEqual(["a", "end"]);
  });
});
