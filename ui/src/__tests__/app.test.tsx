import { fireEvent, screen, waitFor, within } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => import("../test/tauri-core"));

import { refreshAfterChange } from "../actions";
import { FALLBACK_ROW_HEIGHT } from "../lib/row-height";
import { article, defaultSettings, feed } from "../test/backend";
import type { Call, FakeData } from "../test/backend";
import { renderApp, resetAppBetweenTests } from "../test/app";

let calls: Call[];

function world(): FakeData {
  const f1 = feed(1, "Report.az");
  const f2 = feed(2, "Meduza", { last_error: "HTTP 503 Service Unavailable", error_count: 2 });
  return {
    feeds: [f1, f2],
    folders: [],
    articles: [
      article(3, f1, { title: "Şəhər məktəbləri açılır", author: "Aysel Məmmədova", lead_image: "https://img.example/3.jpg" }),
      article(2, f2, { title: "Новости дня", author: "Иван Петров" }),
      article(1, f1, { title: "Third story", read: true }),
    ],
    settings: defaultSettings(),
  };
}

const rows = () => screen.getAllByTestId("article-row");

resetAppBetweenTests();

describe("the app", () => {
  it("shows the first-run empty state with no feeds", async () => {
    ({ calls } = renderApp({ feeds: [], folders: [], articles: [], settings: defaultSettings() }));
    const empty = await screen.findByTestId("empty-state");
    expect(within(empty).getByText("Welcome to Byline")).toBeTruthy();
    expect(within(empty).getByTestId("welcome-add")).toBeTruthy();
    expect(within(empty).getByTestId("welcome-import")).toBeTruthy();
    const starters = within(empty).getAllByTestId("starter-source");
    expect(starters.length).toBeGreaterThanOrEqual(8);
    expect(starters.length).toBeLessThanOrEqual(12);
  });

  it("keeps the reading panes when only saved articles are left", async () => {
    const gone = feed(9, "Unsubscribed");
    ({ calls } = renderApp({ feeds: [], folders: [], articles: [article(1, gone, { saved: true, title: "Kept for later" })], settings: defaultSettings() }));
    await waitFor(() => expect(screen.getByTestId("nav-saved-count").textContent).toBe("1"));
    expect(screen.queryByTestId("empty-state")).toBeNull();
    fireEvent.click(screen.getByTestId("nav-saved"));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0].textContent).toContain("Kept for later");
  });

  it("adds a starter source through addSource", async () => {
    ({ calls } = renderApp({ feeds: [], folders: [], articles: [], settings: defaultSettings() }));
    await screen.findByTestId("empty-state");
    fireEvent.click(screen.getAllByTestId("starter-follow")[0]);
    await waitFor(() => expect(calls.some((c) => c.cmd === "add_source")).toBe(true));
  });

  it("lists articles with feed, author, unread dot, thumbnail and counts", async () => {
    ({ calls } = renderApp(world()));
    await waitFor(() => expect(rows()).toHaveLength(3));
    const first = rows()[0];
    expect(first.textContent).toContain("Şəhər məktəbləri açılır");
    expect(first.textContent).toContain("Report.az");
    expect(first.textContent).toContain("Aysel Məmmədova");
    expect(within(first).getByTestId("unread-dot")).toBeTruthy();
    const img = first.querySelector("img")!;
    expect(img.getAttribute("loading")).toBe("lazy");
    expect(img.getAttribute("src")).toBe("thumb://localhost/3"); // a small thumbnail made in Rust, never the full image
    expect(within(rows()[2]).queryByTestId("unread-dot")).toBeNull();
    expect(screen.getByTestId("nav-unread-count").textContent).toBe("2");
    expect(screen.getAllByTestId("feed-title").map((r) => r.textContent)).toEqual(["Meduza", "Report.az"]);
    expect(screen.getAllByTestId("feed-unread-count").map((r) => r.textContent)).toEqual(["1", "1"]);
    expect(screen.getAllByTestId("feed-error-badge")).toHaveLength(1);
  });

  it("opens the reader with title, byline and a sandboxed body, and marks read", async () => {
    ({ calls } = renderApp(world()));
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(rows()[0]);
    const title = await screen.findByTestId("reader-title");
    expect(title.textContent).toBe("Şəhər məktəbləri açılır");
    expect(screen.getByTestId("reader-byline").textContent).toContain("By Aysel Məmmədova");
    const frame = screen.getByTestId("reader-body") as HTMLIFrameElement;
    expect(frame.getAttribute("sandbox")).toBe("allow-same-origin allow-popups allow-popups-to-escape-sandbox");
    expect(frame.getAttribute("sandbox")).not.toContain("allow-scripts");
    expect(frame.getAttribute("srcdoc")).toContain("Body of article 3");
    expect(frame.getAttribute("srcdoc")).toContain("reader.css");
    expect(frame.getAttribute("srcdoc")).not.toMatch(/<script/i);
    await waitFor(() => expect(calls).toContainEqual({ cmd: "set_read", args: { id: 3, read: true } }));
    await waitFor(() => expect(within(rows()[0]).queryByTestId("unread-dot")).toBeNull());
    expect(screen.getByTestId("nav-unread-count").textContent).toBe("1");
  });

  it("shows the extracted full article with each byline's name and role", async () => {
    const data = world();
    const target = data.articles.find((a) => a.id === 3)!;
    target.full_html = "<p>Full page text</p>";
    target.bylines = [{ name: "Gülağa İsgəndərov", role: "Zərdab Rayon Təhsil Sektorunun müdiri" }];
    ({ calls } = renderApp(data));
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(rows()[0]);
    await screen.findByTestId("reader-title");
    expect(screen.getByTestId("byline-name").textContent).toBe("Gülağa İsgəndərov");
    expect(screen.getByTestId("byline-role").textContent).toContain("Zərdab Rayon Təhsil Sektorunun müdiri");
    const frame = screen.getByTestId("reader-body") as HTMLIFrameElement;
    expect(frame.getAttribute("srcdoc")).toContain("Full page text");
    expect(frame.getAttribute("srcdoc")).not.toContain("Body of article 3");
  });

  it("prints a role that people in a row share once, after the last of them", async () => {
    const data = world();
    const target = data.articles.find((a) => a.id === 3)!;
    target.bylines = [
      { name: "Jane Doe", role: "Staff Writers" },
      { name: "John Smith", role: "Staff Writers" },
      { name: "Anna Lee", role: "photographer" },
    ];
    ({ calls } = renderApp(data));
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(rows()[0]);
    await screen.findByTestId("reader-title");
    expect(screen.getAllByTestId("byline-name").map((n) => n.textContent)).toEqual(["Jane Doe", "John Smith", "Anna Lee"]);
    expect(screen.getAllByTestId("byline-role").map((r) => r.textContent)).toEqual([" — Staff Writers", " — photographer"]);
    expect(screen.getByTestId("reader-byline").textContent).toContain("Jane Doe, John Smith — Staff Writers, Anna Lee — photographer");
  });

  it("credits the news agency apart from the people", async () => {
    const data = world();
    const target = data.articles.find((a) => a.id === 3)!;
    target.bylines = [{ name: "Aysel Məmmədova", role: "müxbir" }];
    target.agency = "APA";
    ({ calls } = renderApp(data));
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(rows()[0]);
    await screen.findByTestId("reader-title");
    expect(screen.getByTestId("byline-agency").textContent).toBe("Source: APA");
    expect(screen.getByTestId("reader-byline").textContent).toMatch(/^By Aysel Məmmədova — müxbir·Source: APA·/);
  });

  it("credits a wire story to its agency alone", async () => {
    const data = world();
    const target = data.articles.find((a) => a.id === 3)!;
    target.author = null;
    target.agency = "APA";
    ({ calls } = renderApp(data));
    await waitFor(() => expect(rows()).toHaveLength(3));
    // The list's row credits the agency where it would credit a person.
    expect(rows()[0].querySelector(".row-author")?.textContent).toBe("APA");
    fireEvent.click(rows()[0]);
    await screen.findByTestId("reader-title");
    expect(screen.queryByTestId("byline-name")).toBeNull();
    expect(screen.getByTestId("reader-byline").textContent).toMatch(/^Source: APA·/);
  });

  it("picks up the full article when it is extracted after the sync", async () => {
    const data = world();
    data.articles.find((a) => a.id === 3)!.page = "pending";
    ({ calls } = renderApp(data));
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(rows()[0]);
    await screen.findByTestId("reader-title");
    const frame = () => screen.getByTestId("reader-body") as HTMLIFrameElement;
    await waitFor(() => expect(frame().getAttribute("srcdoc")).toContain("Body of article 3"));
    expect(screen.getByTestId("page-pending")).toBeTruthy();
    Object.assign(data.articles.find((a) => a.id === 3)!, { full_html: "<p>Extracted after the sync</p>", page: "shown" });
    await refreshAfterChange();
    await waitFor(() => expect(frame().getAttribute("srcdoc")).toContain("Extracted after the sync"));
    expect(screen.queryByTestId("page-pending")).toBeNull();
  });

  it("toggles saved from the reader and shows the star in the list", async () => {
    ({ calls } = renderApp(world()));
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(rows()[1]);
    const save = await screen.findByTestId("save-button");
    expect(save.getAttribute("aria-pressed")).toBe("false");
    fireEvent.click(save);
    await waitFor(() => expect(calls).toContainEqual({ cmd: "set_saved", args: { id: 2, saved: true } }));
    expect(screen.getByTestId("save-button").getAttribute("aria-pressed")).toBe("true");
    expect(within(rows()[1]).getByTestId("saved-star")).toBeTruthy();
    fireEvent.click(screen.getByTestId("save-button"));
    await waitFor(() => expect(calls).toContainEqual({ cmd: "set_saved", args: { id: 2, saved: false } }));
    expect(within(rows()[1]).queryByTestId("saved-star")).toBeNull();
  });

  it("marks read and unread with the toggle", async () => {
    ({ calls } = renderApp(world()));
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(rows()[0]);
    await waitFor(() => expect(calls).toContainEqual({ cmd: "set_read", args: { id: 3, read: true } }));
    fireEvent.click(await screen.findByTestId("read-toggle"));
    await waitFor(() => expect(calls).toContainEqual({ cmd: "set_read", args: { id: 3, read: false } }));
    expect(within(rows()[0]).getByTestId("unread-dot")).toBeTruthy();
  });

  it("shares an article through the backend's share command", async () => {
    ({ calls } = renderApp(world()));
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(rows()[0]);
    fireEvent.click(await screen.findByTestId("share-button"));
    fireEvent.click(screen.getByTestId("share-menu-messenger"));
    await waitFor(() => expect(calls).toContainEqual({ cmd: "share_article", args: { id: 3, target: "messenger" } }));
    expect((await screen.findByTestId("toast")).textContent).toContain("paste it into Messenger");
  });

  it("moves through articles with j and k", async () => {
    ({ calls } = renderApp(world()));
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.keyDown(document.body, { key: "j" });
    await waitFor(() => expect(screen.getByTestId("reader-title").textContent).toBe("Şəhər məktəbləri açılır"));
    fireEvent.keyDown(document.body, { key: "j" });
    await waitFor(() => expect(screen.getByTestId("reader-title").textContent).toBe("Новости дня"));
    expect(rows()[1].getAttribute("aria-selected")).toBe("true");
    fireEvent.keyDown(document.body, { key: "k" });
    await waitFor(() => expect(screen.getByTestId("reader-title").textContent).toBe("Şəhər məktəbləri açılır"));
  });

  it("keeps the shortcuts on a Russian keyboard layout", async () => {
    ({ calls } = renderApp(world()));
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.keyDown(document.body, { key: "о", code: "KeyJ" });
    await waitFor(() => expect(screen.getByTestId("reader-title").textContent).toBe("Şəhər məktəbləri açılır"));
    fireEvent.keyDown(document.body, { key: "о", code: "KeyJ" });
    await waitFor(() => expect(screen.getByTestId("reader-title").textContent).toBe("Новости дня"));
    fireEvent.keyDown(document.body, { key: "л", code: "KeyK" });
    await waitFor(() => expect(screen.getByTestId("reader-title").textContent).toBe("Şəhər məktəbləri açılır"));
  });

  it("saves with s and opens the help overlay with ?, closed by Esc", async () => {
    ({ calls } = renderApp(world()));
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.keyDown(document.body, { key: "j" });
    await screen.findByTestId("reader-title");
    fireEvent.keyDown(document.body, { key: "s" });
    await waitFor(() => expect(calls).toContainEqual({ cmd: "set_saved", args: { id: 3, saved: true } }));
    fireEvent.keyDown(document.body, { key: "?" });
    expect(await screen.findByTestId("help-overlay")).toBeTruthy();
    fireEvent.keyDown(document.body, { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId("help-overlay")).toBeNull());
  });

  it("searches and highlights folded matches in titles", async () => {
    ({ calls } = renderApp(world()));
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.input(screen.getByTestId("search-input"), { target: { value: "seher" } });
    fireEvent.keyDown(screen.getByTestId("search-input"), { key: "Enter" });
    // The fake backend matches literally, so ask for the folded title directly.
    await waitFor(() => expect(calls.some((c) => c.cmd === "list_articles" && (c.args!.query as { search: string }).search === "seher")).toBe(true));
    fireEvent.input(screen.getByTestId("search-input"), { target: { value: "Şəhər" } });
    fireEvent.keyDown(screen.getByTestId("search-input"), { key: "Enter" });
    await waitFor(() => expect(rows()).toHaveLength(1));
    const hits = screen.getAllByTestId("search-hit");
    expect(hits.map((h) => h.textContent)).toEqual(["Şəhər"]);
  });

  it("shows add-source errors inline with the backend's message", async () => {
    ({ calls } = renderApp(world()));
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(screen.getByTestId("add-source-button"));
    const input = await screen.findByTestId("add-source-input");
    fireEvent.input(input, { target: { value: "https://nofeed.example" } });
    fireEvent.click(screen.getByTestId("add-source-submit"));
    const error = await screen.findByTestId("add-source-error");
    expect(error.textContent).toBe("No news feed was found there. Try the site’s main page or its RSS link.");
    expect(screen.getByTestId("error-details").textContent).toContain("no feed found at https://nofeed.example");
  });

  it("says what a failing source's problem is in the UI's language, the raw error behind Details", async () => {
    const data = world();
    data.feeds[1] = { ...data.feeds[1], last_error: "Connection refused (os error 111)", last_error_kind: "unreachable" };
    data.settings = { ...data.settings, ui_language: "az" };
    ({ calls } = renderApp(data));
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(screen.getAllByTestId("feed-row")[0]);
    const box = await screen.findByTestId("feed-error");
    expect(box.querySelector("p")!.textContent).toContain("Sayta qoşulmaq mümkün olmadı");
    expect(box.querySelector("p")!.textContent).not.toContain("os error");
    expect(within(box).getByTestId("error-details").textContent).toContain("Connection refused (os error 111)");
  });

  it("retries a failing feed with a forced sync of that feed", async () => {
    ({ calls } = renderApp(world()));
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(screen.getAllByTestId("feed-row")[0]);
    fireEvent.click(await screen.findByTestId("feed-retry"));
    await waitFor(() => expect(calls).toContainEqual({ cmd: "sync_now", args: { feedId: 2, force: true } }));
    expect(screen.getByTestId("feed-error").textContent).toContain("HTTP 503");
  });

  it("shows a list error with the message and retries", async () => {
    const data = world();
    let fail = true;
    ({ calls } = renderApp(data, (fake) => ({
      listArticles: (query) => {
        if (fail && query.view === "all") throw { kind: "database", message: "database is locked" };
        return fake.listArticles!(query);
      },
    })));
    const err = await screen.findByTestId("list-error");
    expect(err.textContent).toContain("database is locked");
    fail = false;
    fireEvent.click(screen.getByTestId("list-error-retry"));
    await waitFor(() => expect(rows()).toHaveLength(3));
  });

  it("switches the UI language from settings", async () => {
    ({ calls } = renderApp(world()));
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(screen.getByTestId("settings-button"));
    const select = (await screen.findByTestId("settings-language")) as HTMLSelectElement;
    fireEvent.change(select, { target: { value: "az" } });
    await waitFor(() => expect(screen.getByTestId("nav-all").textContent).toContain("Bütün məqalələr"));
    expect(calls.some((c) => c.cmd === "set_settings" && (c.args!.settings as { ui_language: string }).ui_language === "az")).toBe(true);
    fireEvent.change(screen.getByTestId("settings-theme"), { target: { value: "dark" } });
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe("dark"));
  });
});

describe("the virtual list", () => {
  it("keeps only visible rows in the DOM and pages with the cursor", async () => {
    const f1 = feed(1, "Big Feed");
    const articles = Array.from({ length: 1000 }, (_, i) => article(1000 - i, f1, { title: `Story ${1000 - i}` }));
    ({ calls } = renderApp({ feeds: [f1], folders: [], articles, settings: defaultSettings() }));
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    const list = screen.getByTestId("article-list");
    expect(list.getAttribute("data-count")).toBe("100");
    expect(rows().length).toBeLessThan(40);
    const scroller = document.querySelector(".list-scroll") as HTMLDivElement;
    scroller.scrollTop = FALLBACK_ROW_HEIGHT * 80;
    fireEvent.scroll(scroller);
    await waitFor(() => expect(screen.getByTestId("article-list").getAttribute("data-count")).toBe("200"));
    const pages = calls.filter((c) => c.cmd === "list_articles" && (c.args!.query as { view: string }).view === "all");
    expect((pages[pages.length - 1].args!.query as { after: unknown }).after).toEqual({ sort_key: 901, id: 901 });
    expect(rows().length).toBeLessThan(40);
    expect(rows()[0].getAttribute("data-index")).toBe(String(80 - 6));
  });
});
