import { useEffect, useState } from "preact/hooks";
import * as actions from "../actions";
import { toApiError } from "../api";
import type { Account, AccountKind } from "../api";
import { t } from "../i18n";
import { ACCOUNT_KIND_TEXT, ACCOUNT_KINDS, toAccountKind } from "../lib/accounts";
import { relativeTime } from "../lib/time";
import type { State } from "../store";
import { ErrorDetails } from "./ErrorDetails";
import { IconTrash } from "./icons";

/** One account: its name, server, last sync or last error, and Remove. */
function AccountRow({ account, s }: { account: Account; s: State }) {
  const [busy, setBusy] = useState(false);
  // The last check's outcome: working, or a sentence and the backend's words.
  const [check, setCheck] = useState<"checking" | "ok" | { sentence: string; detail: string } | null>(null);
  const test = async () => {
    setCheck("checking");
    try {
      await actions.testAccount(account.id);
      setCheck("ok");
    } catch (err) {
      const e = toApiError(err);
      setCheck({ sentence: actions.errorSentence(e), detail: e.message });
    }
  };
  const remove = async () => {
    if (!confirm(t("accounts.confirmRemove", { name: account.display_name }))) return;
    setBusy(true);
    try {
      await actions.removeAccount(account.id);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li class="account" data-testid="account-row">
      <div class="account-text">
        <span class="account-name">{account.display_name}</span>
        <span class="account-server">
          {ACCOUNT_KIND_TEXT[account.kind].protocol} · {account.url}
        </span>
        {account.last_error ? (
          <div class="account-state" data-testid="account-error">
            <span class="field-error">{t("accounts.syncFailed")}</span>
            <ErrorDetails detail={account.last_error} />
          </div>
        ) : (
          <span class="account-state" data-testid="account-synced">
            {account.last_sync_at
              ? t("accounts.lastSync", { time: relativeTime(account.last_sync_at, s.lang) })
              : t("accounts.neverSynced")}
          </span>
        )}
        {check === "ok" && (
          <span class="account-state" data-testid="account-test-ok" role="status">
            {t("accounts.testOk")}
          </span>
        )}
        {check !== null && typeof check === "object" && (
          <div class="account-state" data-testid="account-test-error" role="alert">
            <span class="field-error">{check.sentence}</span>
            <ErrorDetails detail={check.detail} />
          </div>
        )}
      </div>
      <button
        type="button"
        class="btn"
        data-testid="account-test"
        title={t("accounts.testTitle", { name: account.display_name })}
        disabled={busy || check === "checking"}
        onClick={() => void test()}
      >
        {check === "checking" ? t("accounts.testing") : t("accounts.test")}
      </button>
      <button
        type="button"
        class="icon-btn danger"
        data-testid="account-remove"
        title={t("accounts.remove", { name: account.display_name })}
        aria-label={t("accounts.remove", { name: account.display_name })}
        disabled={busy}
        onClick={() => void remove()}
      >
        <IconTrash size={16} />
      </button>
    </li>
  );
}

/** The form that adds an account: kind, server address, user name, password. */
function AddAccountForm() {
  const [kind, setKind] = useState<AccountKind>(ACCOUNT_KINDS[0]);
  const [url, setUrl] = useState("");
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  // A sentence in the UI's language, and the backend's words behind "Details".
  const [error, setError] = useState<{ sentence: string; detail?: string } | null>(null);
  const text = ACCOUNT_KIND_TEXT[kind];

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!url.trim() || !username.trim() || !password) {
      setError({ sentence: t("accounts.required") });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await actions.addAccount(kind, url, username, password);
      setUrl("");
      setUsername("");
      setPassword("");
    } catch (err) {
      const e = toApiError(err);
      setError({ sentence: actions.errorSentence(e), detail: e.message });
    } finally {
      setBusy(false);
    }
  };
  const edit = (set: (value: string) => void) => (e: Event) => {
    set((e.target as HTMLInputElement).value);
    setError(null);
  };

  return (
    <form class="form account-form" onSubmit={submit} noValidate data-testid="account-form">
      <h4 class="account-form-title">{t("accounts.add")}</h4>
      <label class="field">
        <span class="field-label">{t("accounts.kind")}</span>
        <select
          data-testid="account-kind"
          value={kind}
          disabled={busy}
          onChange={(e) => {
            const next = toAccountKind((e.target as HTMLSelectElement).value);
            if (next) setKind(next);
          }}
        >
          {ACCOUNT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(ACCOUNT_KIND_TEXT[k].label)}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span class="field-label">{t("accounts.url")}</span>
        <input
          type="url"
          inputMode="url"
          data-testid="account-url"
          placeholder={text.placeholder}
          value={url}
          disabled={busy}
          spellcheck={false}
          autocomplete="off"
          onInput={edit(setUrl)}
        />
        <span class="setting-hint">{t(text.urlHint)}</span>
      </label>
      <div class="field-row">
        <label class="field">
          <span class="field-label">{t("accounts.username")}</span>
          <input
            type="text"
            data-testid="account-username"
            value={username}
            disabled={busy}
            spellcheck={false}
            autocomplete="username"
            onInput={edit(setUsername)}
          />
        </label>
        <label class="field">
          <span class="field-label">{t("accounts.password")}</span>
          <input
            type="password"
            data-testid="account-password"
            value={password}
            disabled={busy}
            autocomplete="current-password"
            onInput={edit(setPassword)}
          />
        </label>
      </div>
      <p class="setting-hint" data-testid="account-password-hint">
        {t(text.passwordHint)} {t("accounts.passwordKept")}
      </p>
      {error ? (
        <p class="field-error" role="alert" data-testid="account-add-error">
          {error.sentence}
        </p>
      ) : null}
      {error ? <ErrorDetails detail={error.detail} /> : null}
      <div class="dialog-actions">
        <button type="submit" class="btn btn-primary" data-testid="account-add" disabled={busy}>
          {busy ? <span class="spinner" aria-hidden="true" /> : null}
          {busy ? t("accounts.adding") : t("accounts.addButton")}
        </button>
      </div>
    </form>
  );
}

/** Server accounts (FreshRSS, Miniflux, Inoreader… over the Google Reader
 * API; the Fever API): the list, and the form that adds one. */
export function AccountsSection({ s }: { s: State }) {
  useEffect(() => {
    void actions.loadAccounts();
  }, []);
  return (
    <section class="settings-section" data-testid="settings-accounts">
      <h3 class="section-title">{t("accounts.title")}</h3>
      <p class="setting-hint">{t("accounts.text")}</p>
      {s.accounts.length === 0 ? (
        <p class="rules-empty" data-testid="accounts-empty">
          {t("accounts.empty")}
        </p>
      ) : (
        <ul class="rules accounts" data-testid="accounts-list">
          {s.accounts.map((a) => (
            <AccountRow key={a.id} account={a} s={s} />
          ))}
        </ul>
      )}
      <AddAccountForm />
    </section>
  );
}
