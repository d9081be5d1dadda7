import { fireEvent, screen, waitFor } from "@testing-library/preact";
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => import("../test/tauri-core"));

import { refreshAfterChange } from "../actions";
import { setReaderRehearsal } from "../components/ReaderRehearsal";
import { article, defaultSettings, feed } from "../test/backend";
import type { FakeData } from "../test/backend";
import { renderApp, resetAppBetweenTests } from "../test/app";

function world(): FakeData {
  const f1 = feed(1, "Report.az");
  return {
    feeds: [f1],
    folders: [],
    articles: [article(2, f1, { title: "Şəhər məktəbləri açılır", author: "Aysel Məmmədova" }), article(1, f1, { title: "Second" })],
    settings: defaultSettings(),
  };
}

/** What each rehearsal looked like when it came (a mutation observer's
 * record: it lives two frames, too short for polling). */
interface Seen {
  headline: string | null;
  rowRead: boolean;
  testIds: number;
  hidden: string | null;
  inert: boolean;
}

function watchRehearsals(): Seen[] {
  const seen: Seen[] = [];
  new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes) {
        if (!(node instanceof HTMLElement) || !node.classList.contains("reader-rehearsal")) continue;
        seen.push({
          headline: node.querySelector(".reader-title")?.textContent ?? null,
          rowRead: node.querySelector(".article-row")?.classList.contains("is-read") ?? false,
          testIds: node.querySelectorAll("[data-testid]").length,
          hidden: node.getAttribute("aria-hidden"),
          inert: node.hasAttribute("inert"),
        });
      }
  }).observe(document.body, { childList: true, subtree: true });
  return seen;
}

const present = () => document.querySelector(".reader-rehearsal");

describe("the reader rehearsed before the first article opens", () => {
  resetAppBetweenTests();
  beforeEach(() => setReaderRehearsal(true));

  it("renders the first row's header and a read row out of sight once, then nothing, with no call to the app", async () => {
    const seen = watchRehearsals();
    const { calls } = renderApp(world());
    await waitFor(() => expect(calls.some((c) => c.cmd === "first_list_painted")).toBe(true));
    const before = calls.length;
    await waitFor(() => expect(seen).toHaveLength(1), { timeout: 3000 });
    expect(seen[0]).toEqual({ headline: "Şəhər məktəbləri açılır", rowRead: true, testIds: 0, hidden: "true", inert: true });
    await waitFor(() => expect(present()).toBeNull());
    // Still once, later.
    await new Promise((done) => setTimeout(done, 300));
    expect(seen).toHaveLength(1);
    expect(calls.slice(before).map((c) => c.cmd)).toEqual([]);
    // The real reader and the real list are untouched.
    expect(screen.queryByTestId("reader-title")).toBeNull();
    expect(screen.getAllByTestId("unread-dot")).toHaveLength(2);
  });

  it("waits for the first article of a list that has none yet (a new user's)", async () => {
    const seen = watchRehearsals();
    const data = world();
    const later = data.articles;
    data.articles = [];
    renderApp(data);
    await screen.findByTestId("list-empty");
    await new Promise((done) => setTimeout(done, 300));
    expect(seen).toHaveLength(0);
    data.articles = later;
    await refreshAfterChange();
    await waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0].headline).toBe("Şəhər məktəbləri açılır");
  });

  it("does not come once an article is open", async () => {
    const seen = watchRehearsals();
    renderApp(world());
    await waitFor(() => expect(screen.getAllByTestId("article-row")).toHaveLength(2));
    fireEvent.keyDown(document.body, { key: "j" });
    // (On a slow machine one may have come before the press.)
    const before = seen.length;
    await waitFor(() => expect(screen.getByTestId("reader-title").textContent).toBe("Şəhər məktəbləri açılır"));
    await new Promise((done) => setTimeout(done, 500));
    expect(seen).toHaveLength(before);
    expect(screen.getAllByTestId("reader-title")).toHaveLength(1);
  });
});
