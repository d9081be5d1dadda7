import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => import("../test/tauri-core"));

import { bodyHtml, defaultBody } from "../components/Reader";
import { article, defaultSettings, feed } from "../test/backend";
import type { Call, FakeData } from "../test/backend";
import { renderApp, resetAppBetweenTests } from "../test/app";
import { resetState } from "../store";

let calls: Call[];

const FEED_TEXT = "<p>One.</p><p>Two.</p><p>Three.</p><p>Four.</p>";
const PAGE_TEXT = "<p>Only one sentence from the page.</p>";

resetAppBetweenTests();

describe("which text the reader shows", () => {
  const f = feed(1, "Report.az");

  it("keeps the feed's text when the page reads worse, and the page when it reads better", () => {
    const kept = article(1, f, { content_html: FEED_TEXT, full_html: PAGE_TEXT, page: "feed_text_better" });
    expect(defaultBody(kept)).toBe("feed");
    expect(bodyHtml(kept, "feed")).toBe(FEED_TEXT);
    expect(bodyHtml(kept, "page")).toBe(PAGE_TEXT);
    const better = article(2, f, { content_html: "<p>Teaser</p>", full_html: FEED_TEXT, page: "shown" });
    expect(defaultBody(better)).toBe("page");
    const onlyPage = article(3, f, { content_html: null, summary_html: null, full_html: PAGE_TEXT, page: "shown" });
    expect(bodyHtml(onlyPage, "feed")).toBe(PAGE_TEXT);
  });

  it("lets the reader switch between the feed's text and the web page", async () => {
    ({ calls } = renderApp({
      feeds: [f],
      folders: [],
      articles: [article(1, f, { content_html: FEED_TEXT, full_html: PAGE_TEXT, page: "feed_text_better" })],
      settings: defaultSettings(),
    }));
    fireEvent.click(await screen.findByTestId("article-row"));
    const body = () => screen.getByTestId("reader-body").getAttribute("srcdoc") ?? "";
    await waitFor(() => expect(body()).toContain("Four."));
    const feedButton = screen.getByTestId("body-feed");
    expect(feedButton.getAttribute("aria-pressed")).toBe("true");
    fireEvent.click(screen.getByTestId("body-page"));
    await waitFor(() => expect(body()).toContain("Only one sentence"));
    expect(screen.getByTestId("body-page").getAttribute("aria-pressed")).toBe("true");
  });

  it("shows a quiet note while the full article is being fetched", async () => {
    ({ calls } = renderApp({
      feeds: [f],
      folders: [],
      articles: [article(1, f, { content_html: "<p>Teaser</p>", page: "pending" })],
      settings: defaultSettings(),
    }));
    fireEvent.click(await screen.findByTestId("article-row"));
    expect((await screen.findByTestId("page-pending")).textContent).toContain("Fetching the full article");
    expect(screen.queryByTestId("body-switch")).toBeNull();
  });

  it("credits the feed's author with one label, name and role apart, and no dangling dot", async () => {
    ({ calls } = renderApp({
      feeds: [f],
      folders: [],
      articles: [
        article(1, f, {
          author: "Jane Doe",
          bylines: [{ name: "Jane Doe", role: "Science Editor" }],
          published: null,
          url: null,
        }),
      ],
      settings: defaultSettings(),
    }));
    fireEvent.click(await screen.findByTestId("article-row"));
    const byline = await screen.findByTestId("reader-byline");
    expect(byline.textContent).toBe("By Jane Doe — Science Editor");
    expect(within(byline).queryByText("·")).toBeNull();
  });
});

describe("refreshing", () => {
  it("a manual refresh retries every source and the status line names the failures", async () => {
    const ok = feed(1, "Report.az");
    const bad = feed(2, "Meduza", { last_error: "Connection refused (os error 111)", error_count: 3 });
    ({ calls } = renderApp({ feeds: [ok, bad], folders: [], articles: [article(1, ok)], settings: defaultSettings() }));
    const status = await screen.findByTestId("sync-failed");
    expect(status.textContent).toBe("1 of 2 sources failed");
    fireEvent.click(status);
    const list = await screen.findByTestId("failed-sources");
    expect(list.textContent).toContain("Meduza");
    fireEvent.keyDown(document.body, { key: "r", code: "KeyR" });
    await waitFor(() => expect(calls).toContainEqual({ cmd: "sync_now", args: { feedId: null, force: true } }));
  });

  it("a manual refresh is one IPC call; the reloads come from the backend's events", async () => {
    const f = feed(1, "Report.az");
    ({ calls } = renderApp({ feeds: [f], folders: [], articles: [article(1, f)], settings: defaultSettings() }));
    await screen.findAllByTestId("article-row");
    await new Promise((r) => setTimeout(r, 100));
    const before = calls.length;
    fireEvent.click(screen.getByTestId("sync-button"));
    await waitFor(() => expect(screen.getByTestId("sync-button").hasAttribute("disabled")).toBe(false));
    await new Promise((r) => setTimeout(r, 150));
    expect(calls.slice(before).map((c) => c.cmd)).toEqual(["sync_now"]);
  });

  it("does not say 'Updated' when every source failed", async () => {
    const bad = feed(2, "Meduza", { last_error: "Connection refused (os error 111)", error_count: 3 });
    ({ calls } = renderApp({ feeds: [bad], folders: [], articles: [article(1, bad)], settings: defaultSettings() }));
    const status = await screen.findByTestId("sync-status");
    await waitFor(() => expect(status.textContent).toContain("No source could be updated"));
    expect(status.textContent).not.toContain("Updated");
  });
});

describe("counts and undo", () => {
  it("All shows the total, Saved its count, and mark all read can be undone", async () => {
    const f = feed(1, "Report.az");
    const data: FakeData = {
      feeds: [{ ...f, unread_count: 2 }],
      folders: [],
      articles: [article(1, f), article(2, f, { saved: true }), article(3, f, { read: true })],
      settings: defaultSettings(),
    };
    ({ calls } = renderApp(data));
    const count = (id: string) => within(screen.getByTestId(id)).queryByText(/\d/)?.textContent;
    await waitFor(() => expect(count("nav-all")).toBe("3"));
    expect(count("nav-saved")).toBe("1");
    fireEvent.click(await screen.findByTestId("mark-all-read"));
    const toast = await screen.findByTestId("toast");
    expect(toast.textContent).toContain("Marked 2 articles as read.");
    fireEvent.click(within(toast).getByTestId("toast-action"));
    await waitFor(() => expect(calls).toContainEqual({ cmd: "set_read_many", args: { ids: [1, 2], read: false } }));
    expect(data.articles.filter((a) => !a.read).map((a) => a.id)).toEqual([1, 2]);
  });
});

describe("keys wherever the focus is", () => {
  const f = feed(1, "Report.az");
  const data = (): FakeData => ({
    feeds: [f],
    folders: [],
    articles: [article(3, f), article(2, f, { read: true }), article(1, f)],
    settings: defaultSettings(),
  });
  const selectedTitle = () => screen.getByTestId("reader-title").textContent;

  it("arrow keys move in the list and Space at the end of an article opens the next unread", async () => {
    ({ calls } = renderApp(data()));
    fireEvent.click((await screen.findAllByTestId("article-row"))[0]);
    await waitFor(() => expect(selectedTitle()).toBe("Article 3"));
    fireEvent.keyDown(document.body, { key: "ArrowDown", code: "ArrowDown" });
    await waitFor(() => expect(selectedTitle()).toBe("Article 2"));
    fireEvent.keyDown(document.body, { key: "ArrowUp", code: "ArrowUp" });
    await waitFor(() => expect(selectedTitle()).toBe("Article 3"));
    // Space: the article is at its end (nothing to scroll here), so the next
    // unread one opens, skipping the read Article 2.
    fireEvent.keyDown(document.body, { key: " ", code: "Space" });
    await waitFor(() => expect(selectedTitle()).toBe("Article 1"));
  });

  it("after a click in the article the window takes the keyboard back, unless text is selected", async () => {
    ({ calls } = renderApp(data()));
    fireEvent.click((await screen.findAllByTestId("article-row"))[0]);
    await waitFor(() => expect(selectedTitle()).toBe("Article 3"));
    const frame = screen.getByTestId("reader-body") as HTMLIFrameElement;
    const inner = frame.contentDocument!;
    inner.body.innerHTML = "<p>Some article text to select.</p>";
    // Text selected in the article: the frame keeps the focus (Ctrl+C copies it).
    frame.focus();
    window.dispatchEvent(new Event("blur"));
    inner.getSelection()!.selectAllChildren(inner.body);
    await new Promise((r) => setTimeout(r, 400));
    expect(document.activeElement).toBe(frame);
    // Nothing selected: the window has the keyboard again, and j works.
    inner.getSelection()!.removeAllRanges();
    await waitFor(() => expect(document.activeElement).not.toBe(frame));
    fireEvent.keyDown(document.body, { key: "j", code: "KeyJ" });
    await waitFor(() => expect(selectedTitle()).toBe("Article 2"));
  });
});

describe("after a restart", () => {
  it("opens the last source, view and article again", async () => {
    const f1 = feed(1, "Report.az");
    const f2 = feed(2, "Meduza");
    const world = (): FakeData => ({
      feeds: [f1, f2],
      folders: [],
      articles: [article(3, f1), article(2, f2), article(1, f2)],
      settings: defaultSettings(),
    });
    ({ calls } = renderApp(world()));
    fireEvent.click((await screen.findAllByTestId("feed-row"))[0]); // Meduza, sorted by name
    await waitFor(() => expect(screen.getAllByTestId("article-row")).toHaveLength(2));
    fireEvent.click(screen.getAllByTestId("article-row")[1]);
    await waitFor(() => expect(screen.getByTestId("reader-title").textContent).toBe("Article 1"));
    cleanup();
    resetState();

    ({ calls } = renderApp(world()));
    await waitFor(() => expect(screen.getByTestId("reader-title").textContent).toBe("Article 1"));
    expect(screen.getAllByTestId("article-row")).toHaveLength(2);
  });

  it("Ctrl+Q quits", async () => {
    ({ calls } = renderApp({ feeds: [], folders: [], articles: [], settings: defaultSettings() }));
    await screen.findByTestId("empty-state");
    fireEvent.keyDown(document.body, { key: "q", code: "KeyQ", ctrlKey: true });
    await waitFor(() => expect(calls.map((c) => c.cmd)).toContain("quit_app"));
  });
});

describe("medium windows", () => {
  it("the sources open as a drawer from the list and close on the backdrop or Esc", async () => {
    const f = feed(1, "Report.az");
    ({ calls } = renderApp({ feeds: [f], folders: [], articles: [article(1, f)], settings: defaultSettings() }));
    const app = await screen.findByTestId("app");
    fireEvent.click(await screen.findByTestId("open-sources-drawer"));
    expect(app.getAttribute("data-pane")).toBe("sources");
    fireEvent.click(screen.getByTestId("drawer-backdrop"));
    expect(app.getAttribute("data-pane")).toBe("list");
    fireEvent.click(screen.getByTestId("open-sources-drawer"));
    fireEvent.keyDown(document.body, { key: "Escape", code: "Escape" });
    expect(app.getAttribute("data-pane")).toBe("list");
    expect(screen.queryByTestId("drawer-backdrop")).toBeNull();
  });
});

describe("search results", () => {
  it("show a snippet of the text around the match with the match marked", async () => {
    const f = feed(1, "Report.az");
    ({ calls } = renderApp({ feeds: [f], folders: [], articles: [article(1, f, { title: "Bakı xəbərləri" })], settings: defaultSettings() }));
    await screen.findAllByTestId("article-row");
    expect(screen.queryByTestId("search-snippet")).toBeNull();
    fireEvent.input(screen.getByTestId("search-input"), { target: { value: "Bakı" } });
    fireEvent.keyDown(screen.getByTestId("search-input"), { key: "Enter" });
    const snippet = await screen.findByTestId("search-snippet");
    expect(snippet.textContent).toBe("…text around Bakı the match…");
    expect(within(snippet).getByTestId("snippet-hit").textContent).toBe("Bakı");
  });
});
