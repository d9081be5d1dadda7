// The theme actually shown: "system" resolved to light or dark here, so the
// stylesheets keep one dark palette, under <html data-theme="dark">
// (public/theme-boot.js does the same before the app runs).

import { useEffect, useState } from "preact/hooks";

/** The query the system's dark mode answers. */
export const DARK_QUERY = "(prefers-color-scheme: dark)";

/** Whether the system is in dark mode now. */
export function systemIsDark(): boolean {
  return typeof matchMedia === "function" ? matchMedia(DARK_QUERY).matches : false;
}

/** The theme to show for a setting ("system", "light", "dark"). */
export function resolveTheme(theme: string, systemDark: boolean): "light" | "dark" {
  if (theme === "light" || theme === "dark") return theme;
  return systemDark ? "dark" : "light";
}

/** Puts the resolved theme on <html data-theme>. */
export function applyTheme(theme: string, systemDark: boolean = systemIsDark()): void {
  document.documentElement.dataset.theme = resolveTheme(theme, systemDark);
}

/** Whether the system is in dark mode, following changes. */
export function useSystemDark(): boolean {
  const query = typeof matchMedia === "function" ? matchMedia(DARK_QUERY) : null;
  const [dark, setDark] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const onChange = () => setDark(query.matches);
    query.addEventListener?.("change", onChange);
    return () => query.removeEventListener?.("change", onChange);
  }, []);
  return dark;
}
