// The kinds of server account the settings offer. The list comes from the
// Rust enum through the generated bindings: the Record below must name
// every kind, so a new one fails to compile until it has its words.

import type { Account, AccountKind, SyncProgress } from "../api";
import type { Key } from "../i18n";

/** Each kind's label (in the menu), its protocol's name (in the list of
 * accounts), the hints under the server address and under the password
 * (which password that kind of server wants); in menu order. */
export const ACCOUNT_KIND_TEXT: Record<
  AccountKind,
  { label: Key; protocol: string; urlHint: Key; passwordHint: Key; placeholder: string }
> = {
  greader: {
    label: "accounts.kindGreader",
    protocol: "Google Reader API",
    urlHint: "accounts.urlHintGreader",
    passwordHint: "accounts.passwordHintGreader",
    placeholder: "https://rss.example.com/api/greader.php",
  },
  fever: {
    label: "accounts.kindFever",
    protocol: "Fever API",
    urlHint: "accounts.urlHintFever",
    passwordHint: "accounts.passwordHintFever",
    placeholder: "https://rss.example.com/api/fever.php",
  },
  ttrss: {
    label: "accounts.kindTtrss",
    protocol: "Tiny Tiny RSS API",
    urlHint: "accounts.urlHintTtrss",
    passwordHint: "accounts.passwordHintTtrss",
    placeholder: "https://rss.example.com/tt-rss/api/",
  },
};

/** Every kind, in menu order. */
export const ACCOUNT_KINDS = Object.keys(ACCOUNT_KIND_TEXT) as AccountKind[];

/** A `<select>` value as a kind (`null` for anything else). */
export function toAccountKind(value: string): AccountKind | null {
  return ACCOUNT_KINDS.find((k) => k === value) ?? null;
}

/** Where an account's sync stands, for its group in the source list. */
export type AccountSyncState =
  | { kind: "syncing" }
  | { kind: "failed"; error: string }
  | { kind: "synced"; at: string }
  | { kind: "never" };

/** Syncing now (the running sync's progress still names it), else its last
 * sync's error, else when it last synced. */
export function accountSyncState(
  account: Pick<Account, "id" | "last_error" | "last_sync_at">,
  sync: Pick<SyncProgress, "running" | "accounts_syncing"> | null,
): AccountSyncState {
  if (sync?.running && sync.accounts_syncing.includes(account.id)) return { kind: "syncing" };
  if (account.last_error) return { kind: "failed", error: account.last_error };
  if (account.last_sync_at) return { kind: "synced", at: account.last_sync_at };
  return { kind: "never" };
}
