import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { INPUT_QUIET_MS, msUntilQuiet, noteInput, resetInput } from "../lib/input-quiet";
import { REFRESH_HOLD_AT_MOST_MS, refreshScheduler } from "../lib/refresh";

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  resetInput();
});

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

describe("a reload while the user presses keys", () => {
  it("waits until the keyboard is quiet", async () => {
    const runs: unknown[] = [];
    const schedule = refreshScheduler(async (parts) => void runs.push(parts), 50, () => msUntilQuiet());
    noteInput();
    schedule({ feeds: true, list: true }); // a sync ended while j is pressed every 200 ms
    await vi.advanceTimersByTimeAsync(200);
    noteInput();
    await vi.advanceTimersByTimeAsync(200);
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(INPUT_QUIET_MS);
    expect(runs).toEqual([{ feeds: true, list: true, article: false }]);
  });

  it("waits no longer than its limit, and a change meanwhile does not start the wait again", async () => {
    const runs: unknown[] = [];
    const schedule = refreshScheduler(async (parts) => void runs.push(parts), 50, () => msUntilQuiet());
    schedule({ feeds: true });
    for (let t = 0; t < REFRESH_HOLD_AT_MOST_MS; t += 100) {
      noteInput();
      if (t === 500) schedule({ list: true });
      await vi.advanceTimersByTimeAsync(100);
    }
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toEqual([{ feeds: true, list: true, article: false }]);
  });

  it("runs after the gathering pause alone when no key was pressed", async () => {
    const runs: unknown[] = [];
    const schedule = refreshScheduler(async (parts) => void runs.push(parts), 50, () => msUntilQuiet());
    schedule({ feeds: true });
    await vi.advanceTimersByTimeAsync(60);
    expect(runs).toHaveLength(1);
  });
});

describe("msUntilQuiet", () => {
  it("counts from the last key press", () => {
    expect(msUntilQuiet(1000)).toBe(0);
    noteInput(1000);
    expect(msUntilQuiet(1000)).toBe(INPUT_QUIET_MS);
    expect(msUntilQuiet(1000 + INPUT_QUIET_MS - 10)).toBe(10);
    expect(msUntilQuiet(1000 + INPUT_QUIET_MS)).toBe(0);
  });
});
