// Runs before the app (a plain script in <head>, allowed by the CSP's
// script-src 'self'): puts the theme saved in Settings on <html> so the very
// first paint has the right background. src/lib/theme-boot.ts keeps the key
// up to date; "system" (or nothing saved) is resolved to light or dark from
// prefers-color-scheme, as src/lib/theme.ts does once the app runs, so the
// stylesheet needs only its [data-theme="dark"] palette.
(function () {
  var theme = null;
  try {
    theme = window.localStorage.getItem("byline.theme");
  } catch (e) {
    /* no storage: the system theme it is */
  }
  if (theme !== "light" && theme !== "dark") {
    var dark = typeof window.matchMedia === "function" && window.matchMedia("(prefers-color-scheme: dark)").matches;
    theme = dark ? "dark" : "light";
  }
  document.documentElement.setAttribute("data-theme", theme);
})();
