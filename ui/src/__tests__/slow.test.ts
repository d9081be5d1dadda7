import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { settledOrAfter } from "../lib/slow";

describe("settledOrAfter", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** Whether `p` has resolved, once pending callbacks have run. */
  async function isDone(p: Promise<void>): Promise<boolean> {
    let done = false;
    void p.then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    return done;
  }

  it("resolves as soon as the promise is fulfilled, before the time is up", async () => {
    let answer!: () => void;
    const waited = settledOrAfter(new Promise<void>((r) => (answer = r)), 150);
    expect(await isDone(waited)).toBe(false);
    answer();
    expect(await isDone(waited)).toBe(true);
    expect(vi.getTimerCount()).toBe(0); // its timer is cleared
  });

  it("resolves, never rejects, when the promise is rejected", async () => {
    const waited = settledOrAfter(Promise.reject(new Error("backend down")), 150);
    expect(await isDone(waited)).toBe(true);
  });

  it("resolves once the time is up when the promise never settles", async () => {
    const waited = settledOrAfter(new Promise<void>(() => {}), 150);
    await vi.advanceTimersByTimeAsync(149);
    expect(await isDone(waited)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await isDone(waited)).toBe(true);
  });
});
