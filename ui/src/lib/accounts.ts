// The kinds of server account the settings offer. The list comes from the
// Rust enum through the generated bindings: the Record below must name
// every kind, so a new one fails to compile until it has its words.

import type { AccountKind } from "../api";
import type { Key } from "../i18n";

/** Each kind's label (in the menu), its protocol's name (in the list of
 * accounts), and the hint under the server address; in menu order. */
export const ACCOUNT_KIND_TEXT: Record<AccountKind, { label: Key; protocol: string; urlHint: Key; placeholder: string }> = {
  greader: {
    label: "accounts.kindGreader",
    protocol: "Google Reader API",
    urlHint: "accounts.urlHintGreader",
    placeholder: "https://rss.example.com/api/greader.php",
  },
  fever: {
    label: "accounts.kindFever",
    protocol: "Fever API",
    urlHint: "accounts.urlHintFever",
    placeholder: "https://rss.example.com/api/fever.php",
  },
  ttrss: {
    label: "accounts.kindTtrss",
    protocol: "Tiny Tiny RSS API",
    urlHint: "accounts.urlHintTtrss",
    placeholder: "https://rss.example.com/tt-rss/api/",
  },
};

/** Every kind, in menu order. */
export const ACCOUNT_KINDS = Object.keys(ACCOUNT_KIND_TEXT) as AccountKind[];

/** A `<select>` value as a kind (`null` for anything else). */
export function toAccountKind(value: string): AccountKind | null {
  return ACCOUNT_KINDS.find((k) => k === value) ?? null;
}
