// Actions: server accounts. (Part of ../actions.ts, which re-exports them all.)

import { api, toApiError } from "../api";
import type { Account, AccountId, AccountKind } from "../api";
import { t } from "../i18n";
import { getState, setState } from "../store";
import { loadAccounts, loadFeeds } from "./feeds";
import { loadList } from "./list";
import { toast, toastError } from "./toasts";

/**
 * Adds a server account. The backend logs in first (a refused password or
 * an unreachable server throws, and nothing is stored), then syncs it in
 * the background: its folders and feeds reach the sidebar through the
 * usual events. Throws an `ApiError` for the form to show.
 */
export async function addAccount(kind: AccountKind, url: string, username: string, password: string): Promise<Account> {
  let account: Account;
  try {
    account = await api.addAccount(kind, url.trim(), username.trim(), password);
  } catch (err) {
    throw toApiError(err);
  }
  setState((s) => ({ accounts: [...s.accounts.filter((a) => a.id !== account.id), account] }));
  toast(() => t("accounts.added", { name: account.display_name }));
  return account;
}

/**
 * Checks an account now without syncing it: its server answers and takes
 * its password. Throws an `ApiError` (`unauthorized`, `unreachable`…) for
 * the row to show.
 */
export async function testAccount(id: AccountId): Promise<void> {
  try {
    await api.testAccount(id);
  } catch (err) {
    throw toApiError(err);
  }
}

/** Removes an account (its feeds and unsaved articles go), after the caller asked. */
export async function removeAccount(id: AccountId): Promise<void> {
  try {
    await api.removeAccount(id);
    setState((s) => ({ accounts: s.accounts.filter((a) => a.id !== id) }));
    await loadFeeds();
    const s = getState();
    const source = s.source;
    const gone =
      (source.kind === "feed" && !s.feeds.some((f) => f.id === source.id)) ||
      (source.kind === "folder" && !s.folders.some((f) => f.id === source.id));
    if (gone) setState({ source: { kind: "all" } });
    await loadList();
  } catch (err) {
    toastError(err);
    void loadAccounts();
  }
}
