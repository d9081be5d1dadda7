// The theme saved in Settings, remembered where public/theme-boot.js can
// read it before the app runs (it lives in the backend's database, which
// only answers once the app has started): without it, a dark-theme user on
// a light system would see a light page until the settings arrive.

/** The localStorage key public/theme-boot.js reads. */
export const THEME_KEY = "byline.theme";

/** Remembers the theme setting ("system", "light", "dark") for the next start. */
export function rememberTheme(theme: string): void {
  try {
    if (theme === "light" || theme === "dark") localStorage.setItem(THEME_KEY, theme);
    else localStorage.removeItem(THEME_KEY);
  } catch {
    /* no storage: the next start follows the system theme */
  }
}
