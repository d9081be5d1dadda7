import { fireEvent, screen, waitFor } from "@testing-library/preact";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => import("../test/tauri-core"));

import { ShareIcon } from "../components/Share";
import { SHARE_ITEMS } from "../lib/share-prefs";
import { article, defaultSettings, feed } from "../test/backend";
import { renderApp, resetAppBetweenTests } from "../test/app";

// Node's collector, asked for from inside the test (no command-line flag).
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;

/** The JavaScript heap in use after two full collections, in bytes. */
function heapInUse(): number {
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe("reading", () => {
  resetAppBetweenTests();

  // The reader keeps its article's subtree while the next article loads and
  // renders it again for the next one. A vnode made once and shared by every
  // render (the share buttons' glyphs were) then kept every past render of
  // the reader alive: ~350 KB an article here, 12 MB of the web view's heap
  // over 50 articles (BENCHMARKS.md, "App memory").
  it("keeps no past article alive: 50 articles read one after another leave the heap as it was", async () => {
    const feeds = Array.from({ length: 200 }, (_, i) => feed(i + 1, `Feed ${i + 1}`));
    const articles = Array.from({ length: 300 }, (_, i) =>
      article(i + 1, feeds[i % 200], {
        title: `Article ${i + 1}`,
        // No body: jsdom keeps each frame's window for a while (~1 MB), which the web view does not.
        content_html: null,
        summary_html: null,
      }),
    );
    renderApp({ feeds, folders: [], articles, settings: defaultSettings() });
    await waitFor(() => expect(screen.getAllByTestId("article-row").length).toBeGreaterThan(10));
    await pause(300);
    const idle = heapInUse();
    for (let i = 0; i < 50; i++) {
      fireEvent.keyDown(document.body, { key: "j" });
      await pause(40);
    }
    await waitFor(() => expect(screen.getByTestId("reader-title").textContent).toBe("Article 251"));
    await pause(300);
    const grown = heapInUse() - idle;
    // 1.9–2.1 MB with the fix (the read marks, the counts and the list's
    // rows changed), 17.7 MB with the shared glyphs.
    expect(grown / 1e6).toBeLessThan(6);
  }, 60_000);

  it("draws the share glyphs anew at every render, never one vnode shared between renders", () => {
    for (const item of SHARE_ITEMS) {
      const first = ShareIcon({ item }).props.children;
      const second = ShareIcon({ item }).props.children;
      expect(first, item).toBeTruthy();
      expect(second, item).not.toBe(first);
    }
  });
});
