// One set-up for the UI tests that render the whole app over the fake
// backend (./backend.ts). Each such file mocks the IPC module in one line
// (vi.mock is hoisted per file):
//   vi.mock("@tauri-apps/api/core", () => import("../test/tauri-core"));
// then calls `resetAppBetweenTests()` once and `renderApp(data)` per test.

import { cleanup, render } from "@testing-library/preact";
import { invoke } from "@tauri-apps/api/core";
import { afterAll, afterEach, beforeEach, vi } from "vitest";
import { App } from "../App";
import { setReaderRehearsal } from "../components/ReaderRehearsal";
import { resetInput } from "../lib/input-quiet";
import { resetState } from "../store";
import { fakeInvoke } from "./backend";
import type { Call, FakeData, Overrides } from "./backend";

/** The mocked `invoke`, for a test that answers a command itself. */
export const mockInvoke = vi.mocked(invoke);

/** A fresh store and storage before each test; nothing rendered or mocked after. */
export function resetAppBetweenTests(): void {
  beforeEach(() => {
    resetState();
    resetInput();
    localStorage.clear();
    // Its copy of the reader would come and go under other tests' feet;
    // reader-rehearsal.test.tsx turns it on.
    setReaderRehearsal(false);
  });
  afterEach(() => {
    cleanup();
    mockInvoke.mockReset();
  });
  // Preact runs effect clean-ups it deferred (requestAnimationFrame, or a
  // 100 ms timer where there is none) after the last test: let them run
  // while the page still exists, not after the file's environment is gone.
  afterAll(() => new Promise<void>((done) => setTimeout(done, EFFECTS_SETTLE_MS)));
}

/** Longer than Preact's fallback for requestAnimationFrame (100 ms). */
const EFFECTS_SETTLE_MS = 150;

/**
 * Renders the app over a fake backend holding `data` (changed as the app
 * calls it); `overrides` replace some commands for this test. Every call is
 * recorded in `calls`.
 */
export function renderApp(data: FakeData, overrides: Overrides = {}) {
  const calls: Call[] = [];
  mockInvoke.mockImplementation(fakeInvoke(data, calls, overrides) as typeof invoke);
  return { ...render(<App />), calls, data };
}
