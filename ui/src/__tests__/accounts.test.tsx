import { fireEvent, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => import("../test/tauri-core"));

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
