import { act, fireEvent, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => import("../test/tauri-core"));

import { onSyncProgress } from "../actions/sync";
import { setLang, t } from "../i18n";
import { account, argsOf, defaultSettings, FAKE_ACCOUNT_PASSWORD, feed } from "../test/backend";
import type { FakeData } from "../test/backend";
import { renderApp, resetAppBetweenTests } from "../test/app";

resetAppBetweenTests();
afterEach(() => {
  vi.restoreAllMocks();
  setLang("en");
});

function world(extra: Partial<FakeData> = {}): FakeData {
  return { feeds: [feed(1, "Report.az")], folders: [], articles: [], settings: defaultSettings(), ...extra };
}

/** Opens Settings and returns its Accounts section. */
async function openAccounts() {
  fireEvent.click(await screen.findByTestId("settings-button"));
  return screen.findByTestId("settings-accounts");
}

function fill(section: HTMLElement, values: { kind?: string; url: string; username: string; password: string }) {
  if (values.kind) fireEvent.change(within(section).getByTestId("account-kind"), { target: { value: values.kind } });
  fireEvent.input(within(section).getByTestId("account-url"), { target: { value: values.url } });
  fireEvent.input(within(section).getByTestId("account-username"), { target: { value: values.username } });
  fireEvent.input(within(section).getByTestId("account-password"), { target: { value: values.password } });
}

describe("the accounts in settings", () => {
  it("adds an account: the kinds come from Rust, the password field hides what is typed, the button is busy", async () => {
    let release: () => void = () => {};
    const { calls, data } = renderApp(world(), (fake) => ({
      addAccount: async (...args) => {
        await new Promise<void>((done) => (release = done));
        return fake.addAccount!(...args);
      },
    }));
    const section = await openAccounts();
    expect(within(section).getByTestId("accounts-empty")).toBeTruthy();
    const kinds = [...(within(section).getByTestId("account-kind") as HTMLSelectElement).options].map((o) => o.value);
    expect(kinds).toEqual(["greader", "fever", "ttrss"]);
    expect((within(section).getByTestId("account-password") as HTMLInputElement).type).toBe("password");

    fill(section, { kind: "fever", url: "https://rss.example.com/api/fever.php", username: "alice", password: FAKE_ACCOUNT_PASSWORD });
    fireEvent.click(within(section).getByTestId("account-add"));
    const button = within(section).getByTestId("account-add") as HTMLButtonElement;
    await waitFor(() => expect(button.disabled).toBe(true));
    expect(button.textContent).toBe(t("accounts.adding"));
    release();

    const row = await within(section).findByTestId("account-row");
    expect(row.textContent).toContain("alice @ rss.example.com");
    expect(row.textContent).toContain("https://rss.example.com/api/fever.php");
    expect(row.textContent).toContain(t("accounts.neverSynced"));
    expect(argsOf(calls, "add_account")).toEqual([
      { kind: "fever", url: "https://rss.example.com/api/fever.php", username: "alice", password: FAKE_ACCOUNT_PASSWORD },
    ]);
    expect(data.accounts).toHaveLength(1);
    // The form is empty again, the password gone from it.
    expect((within(section).getByTestId("account-password") as HTMLInputElement).value).toBe("");
    expect(button.disabled).toBe(false);
    expect(screen.getByTestId("toasts").textContent).toContain(t("accounts.added", { name: "alice @ rss.example.com" }));
  });

  it("offers Tiny Tiny RSS with its own address hint, in every language, and sends its kind", async () => {
    const { calls } = renderApp(world({ settings: { ...defaultSettings(), ui_language: "az" } }));
    const section = await openAccounts();
    const select = within(section).getByTestId("account-kind") as HTMLSelectElement;
    const option = [...select.options].find((o) => o.value === "ttrss")!;
    expect(option.textContent).toBe("Tiny Tiny RSS");
    fill(section, { kind: "ttrss", url: "https://rss.example.com/tt-rss/api/", username: "alice", password: FAKE_ACCOUNT_PASSWORD });
    expect(section.textContent).toContain("https://serveriniz/tt-rss/api/");
    expect((within(section).getByTestId("account-url") as HTMLInputElement).placeholder).toBe("https://rss.example.com/tt-rss/api/");
    fireEvent.click(within(section).getByTestId("account-add"));
    const row = await within(section).findByTestId("account-row");
    expect(row.textContent).toContain("Tiny Tiny RSS API · https://rss.example.com/tt-rss/api/");
    expect(argsOf(calls, "add_account")).toEqual([
      { kind: "ttrss", url: "https://rss.example.com/tt-rss/api/", username: "alice", password: FAKE_ACCOUNT_PASSWORD },
    ]);
    for (const lang of ["en", "az", "ru"] as const) {
      setLang(lang);
      expect(t("accounts.urlHintTtrss")).toContain("/tt-rss/api/");
    }
  });

  it("says which password each kind of server wants, in every language", async () => {
    renderApp(world());
    const section = await openAccounts();
    const hint = () => within(section).getByTestId("account-password-hint").textContent;
    const shown: Record<string, string | null> = {};
    for (const kind of ["greader", "fever", "ttrss"]) {
      fireEvent.change(within(section).getByTestId("account-kind"), { target: { value: kind } });
      await waitFor(() => expect(hint()).toContain(t("accounts.passwordKept")));
      shown[kind] = hint();
    }
    expect(shown.greader).toContain("FreshRSS");
    expect(shown.greader).toContain("Miniflux");
    expect(shown.greader).toContain("Inoreader");
    expect(shown.fever).toContain("Fever");
    expect(shown.ttrss).toContain("Tiny Tiny RSS");
    expect(shown.ttrss).not.toContain("FreshRSS");
    expect(new Set(Object.values(shown)).size).toBe(3);
    for (const lang of ["en", "az", "ru"] as const) {
      setLang(lang);
      expect(t("accounts.passwordHintGreader")).toMatch(/FreshRSS.*Miniflux.*Inoreader/);
      expect(t("accounts.passwordHintFever")).toMatch(/FreshRSS.*Miniflux/);
      expect(t("accounts.passwordHintTtrss")).toContain("Enable API");
      expect(t("accounts.passwordHintTtrss")).not.toContain("FreshRSS");
    }
  });

  it("says in words that the server refused the user name or password, with the detail behind Details", async () => {
    const { data } = renderApp(world());
    const section = await openAccounts();
    fill(section, { url: "https://rss.example.com/api/greader.php", username: "alice", password: "wrong" });
    fireEvent.click(within(section).getByTestId("account-add"));
    const error = await within(section).findByTestId("account-add-error");
    expect(error.textContent).toBe(t("error.unauthorized"));
    expect(error.textContent).toContain("The server refused the user name or password");
    expect(within(section).getByTestId("error-details").textContent).toContain("the server refused the user name or password");
    expect(data.accounts).toEqual([]);
    expect(within(section).queryByTestId("account-row")).toBeNull();
    // Typing again clears the error.
    fireEvent.input(within(section).getByTestId("account-password"), { target: { value: FAKE_ACCOUNT_PASSWORD } });
    expect(within(section).queryByTestId("account-add-error")).toBeNull();
  });

  it("asks for every field before calling the backend, and says so in the UI's language", async () => {
    const { calls } = renderApp(world({ settings: { ...defaultSettings(), ui_language: "ru" } }));
    const section = await openAccounts();
    fill(section, { url: "https://rss.example.com", username: "", password: "x" });
    fireEvent.click(within(section).getByTestId("account-add"));
    const error = await within(section).findByTestId("account-add-error");
    expect(error.textContent).toBe("Укажите адрес сервера, имя пользователя и пароль.");
    expect(argsOf(calls, "add_account")).toEqual([]);
    fill(section, { url: "https://unreachable.example.com", username: "a", password: FAKE_ACCOUNT_PASSWORD });
    fireEvent.click(within(section).getByTestId("account-add"));
    await waitFor(() => expect(within(section).getByTestId("account-add-error").textContent).toContain("Не удалось связаться"));
  });

  it("tests an account without syncing it: says that it works, or why not in the UI's language", async () => {
    let refuse = false;
    const { calls } = renderApp(world({ accounts: [account(1)], settings: { ...defaultSettings(), ui_language: "az" } }), (fake) => ({
      testAccount: async (id) => {
        if (refuse) throw { kind: "unauthorized", message: "the server refused the user name or password" };
        return fake.testAccount!(id);
      },
    }));
    const section = await openAccounts();
    const row = await within(section).findByTestId("account-row");
    const button = within(row).getByTestId("account-test") as HTMLButtonElement;
    expect(button.textContent).toBe("Yoxla");
    const syncs = argsOf(calls, "sync_now").length;
    fireEvent.click(button);
    expect((await within(row).findByTestId("account-test-ok")).textContent).toBe(t("accounts.testOk"));
    expect(argsOf(calls, "test_account")).toEqual([{ id: 1 }]);
    expect(argsOf(calls, "sync_now").length).toBe(syncs);

    refuse = true;
    fireEvent.click(button);
    const error = await within(row).findByTestId("account-test-error");
    expect(error.textContent).toContain(t("error.unauthorized"));
    expect(within(row).getByTestId("error-details").textContent).toContain("the server refused the user name or password");
    expect(within(row).queryByTestId("account-test-ok")).toBeNull();
  });

  it("removes an account after asking, and reloads the sources", async () => {
    const failing = account(2, { display_name: "bob @ news.example.org", last_error: "could not reach the server: timed out" });
    const { calls, data } = renderApp(world({ accounts: [account(1), failing] }));
    const section = await openAccounts();
    const rows = await within(section).findAllByTestId("account-row");
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByTestId("account-synced").textContent).toContain("Synced");
    expect(within(rows[1]).getByTestId("account-error").textContent).toContain(t("accounts.syncFailed"));
    expect(within(rows[1]).getByTestId("error-details").textContent).toContain("timed out");

    const confirm = vi.spyOn(window, "confirm").mockReturnValueOnce(false);
    fireEvent.click(within(rows[0]).getByTestId("account-remove"));
    expect(confirm).toHaveBeenCalledWith(t("accounts.confirmRemove", { name: "alice @ rss.example.com" }));
    expect(argsOf(calls, "remove_account")).toEqual([]);

    confirm.mockReturnValueOnce(true);
    const feedLoads = argsOf(calls, "list_feeds").length;
    fireEvent.click(within(rows[0]).getByTestId("account-remove"));
    await waitFor(() => expect(within(section).getAllByTestId("account-row")).toHaveLength(1));
    expect(argsOf(calls, "remove_account")).toEqual([{ id: 1 }]);
    expect(data.accounts!.map((a) => a.id)).toEqual([2]);
    await waitFor(() => expect(argsOf(calls, "list_feeds").length).toBeGreaterThan(feedLoads));
  });

  it("counts a failing account among the failed sources in the status line", async () => {
    renderApp(world({ accounts: [account(1, { last_error: "the server refused the user name or password" })] }));
    const failed = await screen.findByTestId("sync-failed");
    expect(failed.textContent).toBe(t("sync.failed", { count: "1", total: "2" }));
    fireEvent.click(failed);
    fireEvent.click(await screen.findByTestId("failed-account"));
    expect(await screen.findByTestId("settings-accounts")).toBeTruthy();
  });
});

/** Three accounts (a Google Reader one that may change everything, a Fever
 * one that may change nothing, a Tiny Tiny RSS one that may subscribe and
 * unsubscribe), each a top folder with one folder and one feed, and a local
 * folder and feed. */
function accountsWorld(): FakeData {
  const none = { subscribe: false, unsubscribe: false, rename_feed: false, move_feed: false };
  const folder = (id: number, name: string, parent_id: number | null, account_id: number | null) => ({ id, name, parent_id, account_id });
  return world({
    feeds: [
      feed(1, "Local feed"),
      feed(2, "GReader feed", { account_id: 1, folder_id: 11 }),
      feed(3, "Fever feed", { account_id: 2, folder_id: 21 }),
      feed(4, "TT feed", { account_id: 3, folder_id: 31 }),
    ],
    folders: [
      folder(10, "alice @ rss.example.com", null, 1),
      folder(11, "News", 10, 1),
      folder(12, "Tech", 10, 1),
      folder(20, "bob @ fever.example.com", null, 2),
      folder(21, "Fever news", 20, 2),
      folder(30, "carol @ tt.example.com", null, 3),
      folder(31, "TT news", 30, 3),
      folder(40, "Local", null, null),
    ],
    accounts: [
      account(1),
      account(2, {
        kind: "fever",
        display_name: "bob @ fever.example.com",
        capabilities: none,
        last_error: "could not reach the server: connection refused",
      }),
      account(3, {
        kind: "ttrss",
        display_name: "carol @ tt.example.com",
        capabilities: { ...none, subscribe: true, unsubscribe: true },
        last_sync_at: null,
      }),
    ],
  });
}

/** The test ids (or labels) of a feed's menu items; closes the menu. */
async function menuOf(id: number): Promise<string[]> {
  fireEvent.click(within(await screen.findByTestId(`feed-${id}`)).getByTestId("feed-menu-button"));
  const menu = await screen.findByTestId("feed-menu");
  const items = within(menu)
    .getAllByRole("menuitem")
    .map((item) => (item.getAttribute("data-testid") === "feed-move" ? item.textContent! : (item.getAttribute("data-testid") ?? item.textContent!)));
  fireEvent.keyDown(menu, { key: "Escape" });
  await waitFor(() => expect(screen.queryByTestId("feed-menu")).toBeNull());
  return items;
}

describe("an account's feeds in the source list", () => {
  it("offers rename, move and unsubscribe exactly when the server allows them, and moves only within the account", async () => {
    const { calls, data } = renderApp(accountsWorld());
    const moveTo = (folder: string) => t("feed.moveTo", { folder });
    expect(await menuOf(2)).toEqual(["feed-important-toggle", "feed-edit", "feed-open-site", moveTo("Tech"), "feed-unsubscribe"]);
    expect(await menuOf(3)).toEqual(["feed-important-toggle", "feed-open-site"]);
    expect(await menuOf(4)).toEqual(["feed-important-toggle", "feed-open-site", "feed-unsubscribe"]);
    // A local feed moves among the local folders only, as it always could.
    expect(await menuOf(1)).toEqual(["feed-important-toggle", "feed-refresh", "feed-edit", "feed-open-site", moveTo("Local"), "feed-unsubscribe"]);

    fireEvent.click(within(await screen.findByTestId("feed-2")).getByTestId("feed-menu-button"));
    fireEvent.click(within(await screen.findByTestId("feed-menu")).getByText(moveTo("Tech")));
    await waitFor(() => expect(argsOf(calls, "move_feed")).toEqual([{ id: 2, folderId: 12 }]));
    await waitFor(() => expect(within(screen.getByTestId("folder-12")).queryByTestId("feed-2")).toBeTruthy());
    expect(data.feeds.find((f) => f.id === 2)!.folder_id).toBe(12);
  });

  it("says in the user's language that nothing changed when the server did not take the change", async () => {
    const world = accountsWorld();
    world.settings = { ...defaultSettings(), ui_language: "az" };
    renderApp(world, {
      removeFeed: () => {
        throw { kind: "not_changed", message: "could not reach the server: connection refused (nothing was changed)" };
      },
    });
    const confirm = vi.spyOn(window, "confirm").mockReturnValue(true);
    fireEvent.click(within(await screen.findByTestId("feed-2")).getByTestId("feed-menu-button"));
    fireEvent.click(within(await screen.findByTestId("feed-menu")).getByTestId("feed-unsubscribe"));
    expect(confirm).toHaveBeenCalled();
    await waitFor(() => expect(screen.getByTestId("toasts").textContent).toContain(t("error.not_changed")));
    expect(t("error.not_changed")).toContain("heç nə dəyişmədi");
    expect(screen.getByTestId("feed-2")).toBeTruthy();
    for (const lang of ["en", "az", "ru"] as const) {
      setLang(lang);
      expect(t("error.unsupported")).not.toBe("error.unsupported");
      expect(t("error.not_changed")).not.toBe("error.not_changed");
    }
  });

  it("adds a source only into folders whose server lets Byline subscribe", async () => {
    renderApp(accountsWorld());
    await screen.findAllByTestId("account-sync-state"); // the accounts are in
    fireEvent.click(await screen.findByTestId("add-source-button"));
    const select = (await screen.findByTestId("add-source-folder")) as HTMLSelectElement;
    const labels = [...select.options].map((o) => o.textContent);
    expect(labels).toContain("alice @ rss.example.com › News");
    expect(labels).toContain("carol @ tt.example.com › TT news");
    expect(labels).toContain("Local");
    expect(labels.some((l) => l?.includes("Fever news") || l?.includes("bob @"))).toBe(false);
  });

  it("shows each account as a group with its own sync state; local folders stay as they were", async () => {
    renderApp(accountsWorld());
    const stateOf = async (folder: number) => (await within(await screen.findByTestId(`folder-${folder}`)).findAllByTestId("account-sync-state"))[0];
    const synced = await stateOf(10);
    expect(synced.dataset.state).toBe("synced");
    expect(synced.textContent).toMatch(/^Synced /);
    const failed = await stateOf(20);
    expect(failed.dataset.state).toBe("failed");
    expect(failed.textContent).toContain(t("accounts.groupFailed"));
    expect(failed.title).toContain("could not reach the server: connection refused");
    expect((await stateOf(30)).dataset.state).toBe("never");
    expect(within(screen.getByTestId("folder-40")).queryByTestId("account-sync-state")).toBeNull();
    expect(within(screen.getByTestId("folder-11")).queryAllByTestId("account-sync-state")).toEqual([]);

    // A sync runs: the accounts not done yet say so, each on its own.
    act(() => onSyncProgress({ running: true, done: 1, total: 4, new_articles: 0, failed: 0, accounts_syncing: [2, 3] }));
    expect((await stateOf(10)).dataset.state).toBe("synced");
    expect((await stateOf(20)).dataset.state).toBe("syncing");
    expect((await stateOf(30)).textContent).toBe(t("accounts.syncing"));
    // Nothing spins while it runs (an endless animation repaints every frame
    // and delays the keys pressed meanwhile): the words say it.
    expect(document.querySelectorAll(".spin, .spinner, .spinner-dot")).toHaveLength(0);
    act(() => onSyncProgress({ running: false, done: 4, total: 4, new_articles: 0, failed: 0, accounts_syncing: [] }));
    expect((await stateOf(20)).dataset.state).toBe("failed");
  });
});
