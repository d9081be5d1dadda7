// Runs before the app (a plain script in <head>, allowed by the CSP's
// script-src 'self'): puts the theme saved in Settings on <html> so the very
// first paint has the right background. src/lib/theme-boot.ts keeps the key
// up to date; "system" (or nothing saved) leaves it to prefers-color-scheme.
(function () {
  try {
    var theme = window.localStorage.getItem("byline.theme");
    if (theme === "light" || theme === "dark") document.documentElement.setAttribute("data-theme", theme);
  } catch (e) {
    /* no storage: the system theme it is */
  }
})();
