// Byline placeholder shell. Plain ES module: no bundler, no globals from
// Tauri (`app.withGlobalTauri` is false), only the internal IPC bridge.

/** @typedef {{ name: string, version: string, data_dir: string }} AppInfo */
/** @typedef {{ kind: string, message: string }} CommandError */

const $ = (testid) => document.querySelector(`[data-testid="${testid}"]`);

/**
 * Returns Tauri's IPC `invoke`, or `null` when the page is opened in a plain
 * browser (e.g. while hacking on the static UI).
 * @returns {((cmd: string, args?: object) => Promise<unknown>) | null}
 */
function tauriInvoke() {
  const internals = window.__TAURI_INTERNALS__;
  return internals && typeof internals.invoke === "function"
    ? internals.invoke.bind(internals)
    : null;
}

/**
 * @param {string} text
 * @param {"ok" | "warn" | "error"} level
 */
function setStatus(text, level) {
  const el = $("runtime-status");
  el.textContent = text;
  el.dataset.level = level;
}

/** @param {unknown} err */
function describeError(err) {
  if (err && typeof err === "object" && "message" in err) {
    const { kind, message } = /** @type {CommandError} */ (err);
    return kind ? `${message} (${kind})` : String(message);
  }
  return String(err);
}

// Surface Content-Security-Policy violations during development instead of
// letting them fail silently. Tests can read `data-csp-violations`.
document.addEventListener("securitypolicyviolation", (event) => {
  const root = document.documentElement;
  root.dataset.cspViolations = String(Number(root.dataset.cspViolations ?? 0) + 1);
  console.warn(`CSP blocked ${event.blockedURI || "inline"} (${event.violatedDirective})`);
});

async function main() {
  const invoke = tauriInvoke();
  if (!invoke) {
    $("app-version").textContent = "dev";
    setStatus("Running outside Tauri", "warn");
    return;
  }
  try {
    const info = /** @type {AppInfo} */ (await invoke("app_info"));
    document.title = info.name;
    $("app-title").textContent = info.name;
    $("app-version").textContent = `v${info.version}`;
    $("data-dir").textContent = info.data_dir;
    $("data-dir").title = info.data_dir;
    setStatus("Ready", "ok");
  } catch (err) {
    setStatus(`Could not load app info: ${describeError(err)}`, "error");
  }
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", main, { once: true });
} else {
  main();
}
