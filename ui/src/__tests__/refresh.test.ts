import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { refreshScheduler } from "../lib/refresh";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("refreshScheduler", () => {
  it("turns a burst of changes into one reload of every part asked for", async () => {
    const runs: unknown[] = [];
    const schedule = refreshScheduler(async (parts) => void runs.push(parts), 50);
    schedule({ feeds: true }); // the sync ended
    schedule({ feeds: true, list: true, article: true }); // its new articles
    await vi.advanceTimersByTimeAsync(20);
    schedule({ list: true }); // full pages arrived
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toEqual([{ feeds: true, list: true, article: true }]);
  });

  it("queues one more reload for a change that comes while one runs", async () => {
    const runs: unknown[] = [];
    let release = () => {};
    const schedule = refreshScheduler(
      (parts) =>
        new Promise<void>((resolve) => {
          runs.push(parts);
          release = resolve;
        }),
      10,
    );
    schedule({ feeds: true });
    await vi.advanceTimersByTimeAsync(20);
    schedule({ list: true });
    schedule({ list: true });
    await vi.advanceTimersByTimeAsync(20);
    expect(runs).toHaveLength(1);
    release();
    await vi.advanceTimersByTimeAsync(50);
    expect(runs).toEqual([
      { feeds: true, list: false, article: false },
      { feeds: false, list: true, article: false },
    ]);
  });
});
