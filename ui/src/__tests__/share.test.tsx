import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => import("../test/tauri-core"));

import { SHARE_BAR_ITEMS } from "../api";
import { SHARE_PREFS_KEY } from "../lib/share-prefs";
import { argsOf, article, defaultSettings, feed } from "../test/backend";
import type { Call, FakeData } from "../test/backend";
import { renderApp, resetAppBetweenTests } from "../test/app";
import { getState, resetState } from "../store";
import { saveSettings } from "../actions";

let calls: Call[];

// The backend's list (generated from Rust): every share target and "copy".
const ALL = SHARE_BAR_ITEMS;
const TARGETS = SHARE_BAR_ITEMS.filter((x) => x !== "copy");

function world(): FakeData {
  const f1 = feed(1, "Report.az");
  const f2 = feed(2, "Meduza");
  return {
    feeds: [f1, f2],
    folders: [],
    articles: [
      article(3, f1, { title: "Şəhər məktəbləri açılır", author: "Aysel Məmmədova" }),
      article(2, f2, { title: "Новости дня", url: null }),
      article(1, f1, { title: "Third story" }),
    ],
    settings: defaultSettings(),
  };
}


const rows = () => screen.getAllByTestId("article-row");
const rowOf = (id: number) => rows().find((r) => r.dataset.articleId === String(id))!;
const barIds = (bar: HTMLElement) => [...bar.querySelectorAll("button")].map((b) => b.dataset.testid);

async function openArticle(id: number) {
  await waitFor(() => expect(rows()).toHaveLength(3));
  fireEvent.click(rowOf(id));
  await screen.findByTestId("reader-title");
  await waitFor(() => expect(screen.getByTestId("reader-title").textContent).not.toBe(""));
}

resetAppBetweenTests();

describe("the share bars", () => {
  it("sit under the byline and right after the article body, labelled in the UI language", async () => {
    ({ calls } = renderApp(world()));
    await openArticle(3);
    const top = screen.getByTestId("share-bar-top");
    const bottom = screen.getByTestId("share-bar-bottom");
    const byline = screen.getByTestId("reader-byline");
    const frame = screen.getByTestId("reader-body");
    expect(byline.compareDocumentPosition(top) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(frame.nextElementSibling?.contains(bottom)).toBe(true);
    expect(frame.nextElementSibling?.tagName).toBe("FOOTER");
    for (const bar of [top, bottom]) {
      expect(barIds(bar)).toEqual(ALL.map((x) => `share-${x}`));
      for (const b of bar.querySelectorAll("button")) {
        expect(b.getAttribute("aria-label")).toBeTruthy();
        expect(b.getAttribute("title")).toBe(b.getAttribute("aria-label"));
        expect(b.querySelector("svg")).toBeTruthy();
        expect((b as HTMLButtonElement).disabled).toBe(false);
      }
    }
    expect(within(top).getByTestId("share-whatsapp").getAttribute("aria-label")).toBe("Share on WhatsApp");
    expect(within(top).getByTestId("share-vk").getAttribute("title")).toBe("Share on VKontakte");
    expect(within(top).getByTestId("share-copy").getAttribute("aria-label")).toBe("Copy link");
  });

  it("calls share_article with each target and the article's id", async () => {
    ({ calls } = renderApp(world()));
    await openArticle(3);
    const top = screen.getByTestId("share-bar-top");
    for (const target of TARGETS) fireEvent.click(within(top).getByTestId(`share-${target}`));
    await waitFor(() => expect(argsOf(calls, "share_article")).toHaveLength(TARGETS.length));
    expect(argsOf(calls, "share_article")).toEqual(TARGETS.map((target) => ({ id: 3, target })));
    fireEvent.click(within(screen.getByTestId("share-bar-bottom")).getByTestId("share-telegram"));
    await waitFor(() => expect(argsOf(calls, "share_article").at(-1)).toEqual({ id: 3, target: "telegram" }));
    // The UI never opens a link itself.
    expect(argsOf(calls, "open_external")).toEqual([]);
  });

  it("copies the link through the backend and says so", async () => {
    ({ calls } = renderApp(world()));
    await openArticle(1);
    fireEvent.click(within(screen.getByTestId("share-bar-bottom")).getByTestId("share-copy"));
    await waitFor(() => expect(argsOf(calls, "copy_article_link")).toEqual([{ id: 1 }]));
    expect((await screen.findByTestId("toast")).textContent).toContain("Link copied.");
    expect(argsOf(calls, "share_article")).toEqual([]);
  });

  it("says it again in the new language when the UI language changes while the toast is shown", async () => {
    ({ calls } = renderApp(world()));
    await openArticle(1);
    fireEvent.click(within(screen.getByTestId("share-bar-bottom")).getByTestId("share-copy"));
    expect((await screen.findByTestId("toast")).textContent).toContain("Link copied.");
    await act(() => saveSettings({ ...getState().settings, ui_language: "ru" }));
    expect(screen.getByTestId("toast").textContent).toContain("Ссылка скопирована.");
    await act(() => saveSettings({ ...getState().settings, ui_language: "az" }));
    expect(screen.getByTestId("toast").textContent).toContain("Link kopyalandı.");
  });

  it("tells the user to paste into Messenger only when the backend copied the link", async () => {
    const data = world();
    ({ calls } = renderApp(data));
    await openArticle(3);
    fireEvent.click(within(screen.getByTestId("share-bar-top")).getByTestId("share-messenger"));
    expect((await screen.findByTestId("toast")).textContent).toContain("Link copied — paste it into Messenger");

    cleanup();
    resetState();
    data.settings.messenger_app_id = "1234567890";
    ({ calls } = renderApp(data));
    await openArticle(3);
    fireEvent.click(within(screen.getByTestId("share-bar-top")).getByTestId("share-messenger"));
    await waitFor(() => expect(argsOf(calls, "share_article")).toEqual([{ id: 3, target: "messenger" }]));
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByTestId("toast")).toBeNull();
  });

  it("shows a backend failure as an error toast", async () => {
    const data = world();
    ({ calls } = renderApp(data, {
      shareArticle: () => {
        throw { kind: "invalid", message: "host not allowed" };
      },
    }));
    await openArticle(3);
    fireEvent.click(within(screen.getByTestId("share-bar-top")).getByTestId("share-vk"));
    const toast = await screen.findByTestId("toast-error");
    expect(toast.textContent).toContain("That can’t be done as given.");
    expect(within(toast).getByTestId("error-details").textContent).toContain("host not allowed");
  });

  it("says in the UI's language that the link was copied when no browser could open it", async () => {
    const data = world();
    data.settings = { ...data.settings, ui_language: "ru" };
    const raw = 'Launcher "xdg-open" "https://wa.me/?text=x" failed with ExitStatus(unix_wait_status(768))';
    ({ calls } = renderApp(data, {
      shareArticle: () => {
        throw { kind: "no_browser", message: raw };
      },
    }));
    await openArticle(3);
    fireEvent.click(within(screen.getByTestId("share-bar-top")).getByTestId("share-whatsapp"));
    const toast = await screen.findByTestId("toast-error");
    const sentence = toast.querySelector("span")!.textContent!;
    expect(sentence).toContain("поэтому она скопирована");
    expect(sentence).not.toContain("xdg-open");
    expect(within(toast).getByTestId("error-details").textContent).toContain("xdg-open");
  });

  it("are disabled, with a reason, for an article without a web link", async () => {
    ({ calls } = renderApp(world()));
    await openArticle(2);
    for (const id of ["share-bar-top", "share-bar-bottom"]) {
      const bar = screen.getByTestId(id);
      expect(bar.getAttribute("title")).toBe("This article has no web link to share.");
      for (const b of bar.querySelectorAll("button")) {
        expect((b as HTMLButtonElement).disabled).toBe(true);
        expect(b.getAttribute("title")).toBe("This article has no web link to share.");
      }
    }
    expect((screen.getByTestId("share-button") as HTMLButtonElement).disabled).toBe(true);
    fireEvent.keyDown(document.body, { key: "S", shiftKey: true });
    expect((await screen.findByTestId("toast")).textContent).toContain("no web link");
    expect(screen.queryByTestId("share-menu")).toBeNull();
    expect(argsOf(calls, "share_article")).toEqual([]);
  });

  it("follow the language", async () => {
    const data = world();
    data.settings.ui_language = "ru";
    ({ calls } = renderApp(data));
    await openArticle(3);
    const top = screen.getByTestId("share-bar-top");
    expect(within(top).getByTestId("share-vk").getAttribute("aria-label")).toBe("Поделиться ВКонтакте");
    expect(within(top).getByTestId("share-email").getAttribute("title")).toBe("Отправить по почте");
  });
});

describe("the share menu (Shift+S)", () => {
  it("opens for the current article, moves with the arrows, shares with Enter's click and closes with Esc", async () => {
    ({ calls } = renderApp(world()));
    await openArticle(3);
    fireEvent.keyDown(document.body, { key: "S", shiftKey: true });
    const menu = await screen.findByTestId("share-menu");
    expect(menu.getAttribute("role")).toBe("menu");
    const items = within(menu).getAllByRole("menuitem");
    expect(items.map((b) => b.dataset.testid)).toEqual(ALL.map((x) => `share-menu-${x}`));
    expect(screen.getByTestId("share-button").getAttribute("aria-expanded")).toBe("true");
    await waitFor(() => expect(document.activeElement).toBe(items[0]));
    fireEvent.keyDown(document.activeElement!, { key: "ArrowDown" });
    expect(document.activeElement).toBe(items[1]);
    fireEvent.keyDown(document.activeElement!, { key: "ArrowUp" });
    fireEvent.keyDown(document.activeElement!, { key: "ArrowUp" });
    expect(document.activeElement).toBe(items[items.length - 1]);
    fireEvent.keyDown(document.activeElement!, { key: "Home" });
    expect(document.activeElement).toBe(items[0]);
    // Keys inside the menu don't reach the app's shortcuts.
    fireEvent.keyDown(document.activeElement!, { key: "j" });
    expect(screen.getByTestId("reader-title").textContent).toBe("Şəhər məktəbləri açılır");
    fireEvent.keyDown(document.activeElement!, { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId("share-menu")).toBeNull());
    expect(document.activeElement).toBe(screen.getByTestId("share-button"));

    fireEvent.keyDown(document.body, { key: "S", shiftKey: true });
    fireEvent.click(within(await screen.findByTestId("share-menu")).getByTestId("share-menu-telegram"));
    await waitFor(() => expect(argsOf(calls, "share_article")).toEqual([{ id: 3, target: "telegram" }]));
    expect(screen.queryByTestId("share-menu")).toBeNull();
  });

  it("leaves plain s to saving", async () => {
    ({ calls } = renderApp(world()));
    await openArticle(3);
    fireEvent.keyDown(document.body, { key: "s" });
    await waitFor(() => expect(argsOf(calls, "set_saved")).toEqual([{ id: 3, saved: true }]));
    expect(screen.queryByTestId("share-menu")).toBeNull();
    fireEvent.keyDown(document.body, { key: "S", shiftKey: true });
    expect(await screen.findByTestId("share-menu")).toBeTruthy();
    expect(argsOf(calls, "set_saved")).toHaveLength(1);
  });

  it("does nothing without an article, and closes with a click elsewhere", async () => {
    ({ calls } = renderApp(world()));
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.keyDown(document.body, { key: "S", shiftKey: true });
    expect(screen.queryByTestId("share-menu")).toBeNull();
    fireEvent.click(rowOf(3));
    await screen.findByTestId("reader-title");
    fireEvent.click(await screen.findByTestId("share-button"));
    expect(await screen.findByTestId("share-menu")).toBeTruthy();
    fireEvent.mouseDown(screen.getByTestId("reader-title"));
    await waitFor(() => expect(screen.queryByTestId("share-menu")).toBeNull());
  });

  it("is listed in the shortcuts overlay", async () => {
    ({ calls } = renderApp(world()));
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.keyDown(document.body, { key: "?" });
    const help = await screen.findByTestId("help-overlay");
    const row = within(help).getByText("Share the article").closest(".shortcut")!;
    expect([...row.querySelectorAll("kbd")].map((k) => k.textContent)).toEqual(["Shift", "S"]);
  });
});

describe("share preferences", () => {
  it("order and hide the targets everywhere, moved from an earlier version's localStorage into settings", async () => {
    localStorage.setItem(
      SHARE_PREFS_KEY,
      JSON.stringify([
        { id: "telegram", on: true },
        { id: "email", on: true },
        { id: "whatsapp", on: false },
        { id: "vk", on: true },
      ]),
    );
    ({ calls } = renderApp(world()));
    await openArticle(3);
    const expected = ["telegram", "email", "vk", "messenger", "ok", "copy"];
    const saved = argsOf(calls, "set_settings").at(-1)!.settings as { share_bar: { id: string; on: boolean }[] };
    expect(saved.share_bar.map((p) => p.id)).toEqual(["telegram", "email", "whatsapp", "vk", "messenger", "ok", "copy"]);
    expect(saved.share_bar.find((p) => p.id === "whatsapp")!.on).toBe(false);
    expect(localStorage.getItem(SHARE_PREFS_KEY)).toBeNull();
    expect(barIds(screen.getByTestId("share-bar-top"))).toEqual(expected.map((x) => `share-${x}`));
    expect(barIds(screen.getByTestId("share-bar-bottom"))).toEqual(expected.map((x) => `share-${x}`));
    fireEvent.keyDown(document.body, { key: "S", shiftKey: true });
    const menu = await screen.findByTestId("share-menu");
    expect(within(menu).getAllByRole("menuitem").map((b) => b.dataset.testid)).toEqual(expected.map((x) => `share-menu-${x}`));
  });

  it("are edited in Settings with checkboxes and up/down buttons, and persisted", async () => {
    ({ calls } = renderApp(world()));
    await openArticle(3);
    fireEvent.click(screen.getByTestId("settings-button"));
    const list = await screen.findByTestId("share-prefs");
    const order = () => [...list.querySelectorAll("li")].map((li) => li.dataset.testid!.replace("share-pref-", ""));
    expect(order()).toEqual(ALL);
    expect((within(list).getByTestId("share-pref-up-whatsapp") as HTMLButtonElement).disabled).toBe(true);
    expect((within(list).getByTestId("share-pref-down-email") as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(within(list).getByTestId("share-pref-up-telegram"));
    fireEvent.click(within(list).getByTestId("share-pref-up-telegram"));
    expect(order()).toEqual(["telegram", "whatsapp", "messenger", "vk", "ok", "copy", "email"]);
    await waitFor(() => expect(document.activeElement).toBe(within(list).getByTestId("share-pref-down-telegram")));
    fireEvent.click(within(list).getByTestId("share-pref-down-copy"));
    fireEvent.click(within(list).getByTestId("share-pref-toggle-ok"));
    fireEvent.click(within(list).getByTestId("share-pref-toggle-messenger"));

    // Kept with the other settings (tauri-plugin-store), not in the webview's storage.
    await waitFor(() => expect(argsOf(calls, "set_settings")).toHaveLength(5));
    const stored = (argsOf(calls, "set_settings").at(-1)!.settings as { share_bar: { id: string; on: boolean }[] }).share_bar;
    expect(stored.map((p) => p.id)).toEqual(["telegram", "whatsapp", "messenger", "vk", "ok", "email", "copy"]);
    expect(stored.filter((p) => !p.on).map((p) => p.id)).toEqual(["messenger", "ok"]);
    expect(localStorage.getItem(SHARE_PREFS_KEY)).toBeNull();

    fireEvent.keyDown(document.body, { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId("settings-panel")).toBeNull());
    expect(barIds(screen.getByTestId("share-bar-top"))).toEqual(["telegram", "whatsapp", "vk", "email", "copy"].map((x) => `share-${x}`));
  });

  it("keep at least one target", async () => {
    localStorage.setItem(SHARE_PREFS_KEY, JSON.stringify(ALL.map((id) => ({ id, on: id === "copy" }))));
    ({ calls } = renderApp(world()));
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(screen.getByTestId("settings-button"));
    const toggle = (await screen.findByTestId("share-pref-toggle-copy")) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    expect(toggle.disabled).toBe(true);
    expect((screen.getByTestId("share-pref-toggle-vk") as HTMLInputElement).checked).toBe(false);
  });

  it("sit next to the explained Messenger app id and the notifications note", async () => {
    ({ calls } = renderApp(world()));
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(screen.getByTestId("settings-button"));
    const panel = await screen.findByTestId("settings-panel");
    const appId = within(panel).getByTestId("settings-messenger") as HTMLInputElement;
    // A placeholder that reads as an example, not as an id someone set.
    expect(appId.placeholder).toBe("e.g. your Facebook app ID");
    expect(appId.placeholder).not.toMatch(/\d/);
    expect(panel.textContent).toContain("Facebook app ID for Messenger’s send dialog; without it, Byline copies the link and opens messenger.com.");
    expect(within(panel).getByTestId("settings-notifications").closest("label")!.textContent).toContain("sources marked important");
  });
});

describe("the article list's context menu", () => {
  it("shares a row's article from Share ▸", async () => {
    ({ calls } = renderApp(world()));
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.contextMenu(rowOf(1), { clientX: 40, clientY: 60 });
    const menu = await screen.findByTestId("row-menu");
    expect(within(menu).getByTestId("row-menu-read")).toBeTruthy();
    expect(within(menu).getByTestId("row-menu-save")).toBeTruthy();
    const share = within(menu).getByTestId("row-menu-share");
    expect(share.getAttribute("aria-haspopup")).toBe("menu");
    fireEvent.click(share);
    for (const x of ALL) expect(screen.getByTestId(`row-menu-share-${x}`)).toBeTruthy();
    fireEvent.click(screen.getByTestId("row-menu-share-whatsapp"));
    await waitFor(() => expect(argsOf(calls, "share_article")).toEqual([{ id: 1, target: "whatsapp" }]));
    expect(screen.queryByTestId("row-menu")).toBeNull();
    // It did not open the article.
    expect(argsOf(calls, "get_article")).toEqual([]);

    fireEvent.contextMenu(rowOf(3), { clientX: 40, clientY: 60 });
    fireEvent.click(within(await screen.findByTestId("row-menu")).getByTestId("row-menu-share"));
    fireEvent.click(screen.getByTestId("row-menu-share-copy"));
    await waitFor(() => expect(argsOf(calls, "copy_article_link")).toEqual([{ id: 3 }]));
    expect((await screen.findByTestId("toast")).textContent).toContain("Link copied.");
  });

  it("works from the keyboard and closes with Esc", async () => {
    ({ calls } = renderApp(world()));
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.contextMenu(rowOf(3), { clientX: 10, clientY: 10 });
    const menu = await screen.findByTestId("row-menu");
    await waitFor(() => expect(document.activeElement).toBe(within(menu).getByTestId("row-menu-open")));
    fireEvent.keyDown(document.activeElement!, { key: "End" });
    expect(document.activeElement).toBe(within(menu).getByTestId("row-menu-share"));
    fireEvent.keyDown(document.activeElement!, { key: "ArrowRight" });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("row-menu-share-whatsapp")));
    fireEvent.keyDown(document.activeElement!, { key: "ArrowDown" });
    expect(document.activeElement).toBe(screen.getByTestId("row-menu-share-messenger"));
    fireEvent.keyDown(document.activeElement!, { key: "ArrowLeft" });
    expect(screen.queryByTestId("row-menu-share-messenger")).toBeNull();
    expect(document.activeElement).toBe(within(menu).getByTestId("row-menu-share"));
    fireEvent.keyDown(document.activeElement!, { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId("row-menu")).toBeNull());
    expect(argsOf(calls, "share_article")).toEqual([]);
  });

  it("follows the share preferences and can't share a link-less article", async () => {
    localStorage.setItem(SHARE_PREFS_KEY, JSON.stringify([{ id: "ok", on: true }, { id: "whatsapp", on: false }]));
    ({ calls } = renderApp(world()));
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.contextMenu(rowOf(3), { clientX: 10, clientY: 10 });
    fireEvent.click(within(await screen.findByTestId("row-menu")).getByTestId("row-menu-share"));
    const sub = screen.getByTestId("row-menu-share-ok").closest("[role=menu]")!;
    expect([...sub.querySelectorAll("[role=menuitem]")].map((b) => (b as HTMLElement).dataset.testid)).toEqual(
      ["ok", "messenger", "telegram", "vk", "copy", "email"].map((x) => `row-menu-share-${x}`),
    );
    fireEvent.keyDown(document.activeElement!, { key: "Escape" });
    fireEvent.keyDown(document.activeElement!, { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId("row-menu")).toBeNull());

    fireEvent.contextMenu(rowOf(2), { clientX: 10, clientY: 10 });
    const share = within(await screen.findByTestId("row-menu")).getByTestId("row-menu-share") as HTMLButtonElement;
    expect(share.disabled).toBe(true);
  });
});

describe("important feeds", () => {
  it("are marked from a source's ⋯ menu, with a bell, and unmarked from its context menu", async () => {
    ({ calls } = renderApp(world()));
    await waitFor(() => expect(rows()).toHaveLength(3));
    const row = () => screen.getByTestId("feed-1");
    expect(within(row()).queryByTestId("feed-important-icon")).toBeNull();
    fireEvent.click(within(row()).getByTestId("feed-menu-button"));
    const toggle = within(await screen.findByTestId("feed-menu")).getByTestId("feed-important-toggle");
    expect(toggle.textContent).toBe("Mark as important");
    fireEvent.click(toggle);
    await waitFor(() => expect(argsOf(calls, "set_feed_important")).toEqual([{ id: 1, important: true }]));
    expect(within(row()).getByTestId("feed-important-icon")).toBeTruthy();
    expect(within(screen.getByTestId("feed-2")).queryByTestId("feed-important-icon")).toBeNull();
    // Notifications are off: the toast says where to turn them on.
    expect((await screen.findByTestId("toast")).textContent).toContain("Turn on notifications in Settings");

    fireEvent.contextMenu(within(row()).getByTestId("feed-row"), { clientX: 20, clientY: 20 });
    const again = within(await screen.findByTestId("feed-menu")).getByTestId("feed-important-toggle");
    expect(again.textContent).toBe("Unmark important");
    fireEvent.click(again);
    await waitFor(() => expect(argsOf(calls, "set_feed_important").at(-1)).toEqual({ id: 1, important: false }));
    await waitFor(() => expect(within(row()).queryByTestId("feed-important-icon")).toBeNull());
  });

  it("keep the bell after a reload of the feeds, and roll back on failure", async () => {
    const data = world();
    data.feeds[1].important = true;
    ({ calls } = renderApp(data, {
      setFeedImportant: () => {
        throw { kind: "database", message: "database is locked" };
      },
    }));
    await waitFor(() => expect(rows()).toHaveLength(3));
    const row = screen.getByTestId("feed-2");
    expect(within(row).getByTestId("feed-important-icon")).toBeTruthy();
    fireEvent.click(within(row).getByTestId("feed-menu-button"));
    fireEvent.click(within(await screen.findByTestId("feed-menu")).getByTestId("feed-important-toggle"));
    expect((await screen.findByTestId("toast-error")).textContent).toContain("database is locked");
    expect(within(screen.getByTestId("feed-2")).getByTestId("feed-important-icon")).toBeTruthy();
  });

  it("can be marked from the list header's menu of the current source", async () => {
    const data = world();
    data.settings.notifications = true;
    ({ calls } = renderApp(data));
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(within(screen.getByTestId("feed-1")).getByTestId("feed-row"));
    fireEvent.click(await screen.findByTestId("source-menu"));
    fireEvent.click(screen.getByTestId("feed-important-toggle"));
    await waitFor(() => expect(argsOf(calls, "set_feed_important")).toEqual([{ id: 1, important: true }]));
    expect((await screen.findByTestId("toast")).textContent).toContain("will raise a notification");
    expect(within(screen.getByTestId("feed-1")).getByTestId("feed-important-icon")).toBeTruthy();
  });
});
