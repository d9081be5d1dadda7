// Actions: settings and rules. (Part of ../actions.ts, which re-exports them all.)

import { api, toApiError } from "../api";
import type { NewRule, Settings } from "../api";
import { getState, setState } from "../store";
import { applySettings } from "./startup";
import { toastError } from "./toasts";

/** Saves settings; on failure puts the old ones back and rethrows. */
export async function saveSettings(next: Settings): Promise<void> {
  const before = getState().settings;
  applySettings(next);
  try {
    await api.setSettings(next);
  } catch (err) {
    applySettings(before);
    throw toApiError(err);
  }
}

export async function loadRules(): Promise<void> {
  setState({ rulesStatus: "loading", rulesError: null });
  try {
    setState({ rules: await api.listRules(), rulesStatus: "ready" });
  } catch (err) {
    setState({ rulesStatus: "error", rulesError: toApiError(err) });
  }
}

export async function addRule(rule: NewRule): Promise<void> {
  const added = await api.addRule(rule);
  setState((s) => ({ rules: [...s.rules, added] }));
}

export async function removeRule(id: number): Promise<void> {
  try {
    await api.removeRule(id);
    setState((s) => ({ rules: s.rules.filter((r) => r.id !== id) }));
  } catch (err) {
    toastError(err);
  }
}
