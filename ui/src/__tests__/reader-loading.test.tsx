import { fireEvent, screen, waitFor } from "@testing-library/preact";
import { describe, expect, it } from "vitest";
import { vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => import("../test/tauri-core"));

import { READER_SKELETON_DELAY_MS, readerShows } from "../components/Reader";
import type { Article } from "../api";
import { article, defaultSettings, feed } from "../test/backend";
import { renderApp, resetAppBetweenTests } from "../test/app";

describe("readerShows", () => {
  const a = { id: 1 } as Article;

  it("keeps the article shown while the next one loads, until the wait lasts", () => {
    expect(readerShows("loading", a, false)).toBe("article");
    expect(readerShows("loading", a, true)).toBe("skeleton");
    expect(readerShows("loading", null, false)).toBe("skeleton");
  });

  it("shows the article when ready, the error, or nothing", () => {
    expect(readerShows("ready", a, false)).toBe("article");
    expect(readerShows("error", a, false)).toBe("error");
    expect(readerShows("idle", null, false)).toBe("empty");
    expect(readerShows("ready", null, false)).toBe("empty");
  });
});

describe("the reader while the next article loads", () => {
  resetAppBetweenTests();
  const f1 = feed(1, "Report.az");
  const world = () => ({
    feeds: [f1],
    folders: [],
    articles: [article(2, f1, { title: "Second" }), article(1, f1, { title: "First" })],
    settings: defaultSettings(),
  });
  const title = () => screen.getByTestId("reader-title").textContent;

  it("keeps the article before it, then shows the skeleton if it takes long, then the next one", async () => {
    let answer: (() => void) | null = null;
    let slow = false;
    renderApp(world(), (fake) => ({
      getArticle: (id) =>
        slow ? new Promise((done) => (answer = () => done(fake.getArticle!(id) as never))) : fake.getArticle!(id),
    }));
    await waitFor(() => expect(screen.getAllByTestId("article-row")).toHaveLength(2));
    fireEvent.keyDown(document.body, { key: "j" });
    await waitFor(() => expect(title()).toBe("Second"));

    slow = true;
    fireEvent.keyDown(document.body, { key: "j" });
    // The key press moves the selection at once; the reader keeps what it showed.
    await waitFor(() => expect(screen.getAllByTestId("article-row")[1].getAttribute("aria-selected")).toBe("true"));
    expect(title()).toBe("Second");
    expect(screen.queryByTestId("reader-loading")).toBeNull();
    expect(screen.getByTestId("reader-pane").getAttribute("aria-busy")).toBe("true");

    // A wait that lasts shows the skeleton.
    await waitFor(() => expect(screen.getByTestId("reader-loading")).toBeTruthy(), { timeout: READER_SKELETON_DELAY_MS * 4 });
    expect(screen.queryByTestId("reader-title")).toBeNull();

    answer!();
    await waitFor(() => expect(title()).toBe("First"));
    expect(screen.queryByTestId("reader-loading")).toBeNull();
    expect(screen.getByTestId("reader-pane").getAttribute("aria-busy")).toBe("false");
  });

  it("shows the skeleton at once when no article was shown", async () => {
    renderApp(world(), { getArticle: () => new Promise(() => {}) });
    await waitFor(() => expect(screen.getAllByTestId("article-row")).toHaveLength(2));
    fireEvent.keyDown(document.body, { key: "j" });
    await waitFor(() => expect(screen.getByTestId("reader-loading")).toBeTruthy());
  });
});
