import { render } from "preact";
import { start, toast } from "./actions";
import { App } from "./App";
import { t } from "./i18n";
import { installBenchProbe } from "./lib/bench-probe";
import { settledOrAfter } from "./lib/slow";
import "./styles/app.css";

// Report CSP violations instead of failing silently (tests can read the count).
document.addEventListener("securitypolicyviolation", (event) => {
  const root = document.documentElement;
  root.dataset.cspViolations = String(Number(root.dataset.cspViolations ?? 0) + 1);
  console.warn(`CSP blocked ${event.blockedURI || "inline"} (${event.violatedDirective})`);
});

// Anything that escapes a handler is shown, not lost.
window.addEventListener("error", (event) => {
  const message = event.message;
  toast(() => `${t("error.internal")} ${message}`, "error");
});
window.addEventListener("unhandledrejection", (event) => {
  const reason = event.reason as { message?: unknown } | undefined;
  const message = String(reason?.message ?? reason);
  toast(() => `${t("error.internal")} ${message}`, "error");
});

// The backend is asked for the settings, the sources and the first page
// before the first render, which waits for the answers (they come within
// ~20 ms of the script) for up to FIRST_RENDER_WAIT_MS, then renders the
// loading skeletons instead: the page is laid out once, with the data,
// where skeletons first were laid out, then laid out again with the data
// (BENCHMARKS.md, "App start").
const FIRST_RENDER_WAIT_MS = 150;
performance.mark("byline:script");
const started = start();
void settledOrAfter(started, FIRST_RENDER_WAIT_MS).then(() =>
  render(<App started={started} />, document.getElementById("root")!),
);
// Only a benchmark's run installs a probe (`bench/app/responsiveness.sh`).
void installBenchProbe();
