// Actions: toasts. (Part of ../actions.ts, which re-exports them all.)

import { ApiError, toApiError } from "../api";
import { t } from "../i18n";
import { setState } from "../store";

let toastId = 0;

/** Shows a toast. Its text (and its button's label) is a function, called
 * at each render, so that a toast on screen follows a change of the UI's
 * language. */
export function toast(
  text: () => string,
  kind: "info" | "error" = "info",
  details?: string,
  action?: { label: () => string; run: () => void },
): void {
  const id = ++toastId;
  setState((s) => ({ toasts: [...s.toasts, { id, text, kind, details, action }].slice(-3) }));
  setTimeout(() => dismissToast(id), kind === "error" ? (details ? 12000 : 7000) : action ? 8000 : 4000);
}

/** A failure as a sentence in the UI's language that says what to do, with
 * the backend's technical message behind "Details". */
export function toastError(err: unknown): void {
  const e = toApiError(err);
  toast(() => errorSentence(e), "error", e.message);
}

/** What an error means for the user, in the UI's language. */
export function errorSentence(err: ApiError): string {
  return t(`error.${err.kind}`);
}

export function dismissToast(id: number): void {
  setState((s) => ({ toasts: s.toasts.filter((x) => x.id !== id) }));
}
