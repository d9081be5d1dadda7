// Actions: settings and rules. (Part of ../actions.ts, which re-exports them all.)

import { api, toApiError } from "../api";
import type { NewRule, Settings } from "../api";
import { resolveLang, setLang } from "../i18n";
import { normalizeSharePrefs } from "../lib/share-prefs";
import { applyTheme } from "../lib/theme";
import { getState, setState } from "../store";
import { toastError } from "./toasts";

/** Loads the settings and puts them into effect (the defaults when the backend has none to give). */
export async function loadSettings(): Promise<void> {
  try {
    const settings = await api.getSettings();
    applySettings(settings);
  } catch {
    applySettings(getState().settings);
  }
}

/** Puts settings into effect: language, theme attribute. */
export function applySettings(settings: Settings): void {
  const lang = resolveLang(settings.ui_language);
  setLang(lang);
  applyTheme(settings.theme);
  setState({ settings, lang, sharePrefs: normalizeSharePrefs(settings.share_bar) });
}

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
