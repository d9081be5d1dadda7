import { useEffect } from "preact/hooks";
import * as actions from "./actions";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { AddSourceDialog } from "./components/AddSourceDialog";
import { ArticleList } from "./components/ArticleList";
import { EditFeedDialog, EditFolderDialog } from "./components/EditDialogs";
import { HelpOverlay } from "./components/HelpOverlay";
import { Reader } from "./components/Reader";
import { ReaderRehearsal } from "./components/ReaderRehearsal";
import { RulesManager } from "./components/RulesManager";
import { SettingsPanel } from "./components/SettingsPanel";
import { Sidebar } from "./components/Sidebar";
import { Toasts } from "./components/Toasts";
import { Welcome } from "./components/Welcome";
import { handleKey } from "./keyboard";
import { rememberTheme } from "./lib/theme-boot";
import { applyTheme, useSystemDark } from "./lib/theme";
import { setState, useAppState } from "./store";

/**
 * The whole app. `started` is a start already under way (`main.tsx` begins
 * it before the first render); without it, the app starts when mounted.
 */
export function App({ started }: { started?: Promise<() => void> }) {
  const s = useAppState();

  useEffect(() => {
    let stop: (() => void) | undefined;
    let gone = false;
    // Answers that came in before this subscribed to the store show now.
    if (started) setState({});
    void (started ?? actions.start()).then((unlisten) => {
      if (gone) unlisten();
      else stop = unlisten;
    });
    document.addEventListener("keydown", handleKey);
    return () => {
      gone = true;
      stop?.();
      document.removeEventListener("keydown", handleKey);
    };
  }, []);

  // The next start paints its first frame in this theme (public/theme-boot.js).
  useEffect(() => rememberTheme(s.settings.theme), [s.settings.theme]);
  // "System" follows the system's light or dark as it changes.
  const systemDark = useSystemDark();
  useEffect(() => applyTheme(s.settings.theme, systemDark), [s.settings.theme, systemDark]);

  // Saved articles outlive their source: with some left, the reading panes stay.
  const firstRun =
    s.feedsStatus === "ready" && s.feeds.length === 0 && s.folders.length === 0 && !(s.counts && s.counts.saved > 0);

  return (
    <div class={`app${firstRun ? " first-run" : ""}`} data-pane={s.pane} data-testid="app" lang={s.lang}>
      <ErrorBoundary name="sidebar">
        <Sidebar s={s} />
      </ErrorBoundary>
      {firstRun ? (
        <ErrorBoundary name="welcome">
          <Welcome s={s} />
        </ErrorBoundary>
      ) : (
        <>
          <ErrorBoundary name="list">
            <ArticleList s={s} />
          </ErrorBoundary>
          <ErrorBoundary name="reader">
            <Reader s={s} />
            <ReaderRehearsal s={s} />
          </ErrorBoundary>
        </>
      )}
      {s.pane === "sources" && !firstRun ? (
        <div class="drawer-backdrop" data-testid="drawer-backdrop" aria-hidden="true" onClick={() => actions.showPane("list")} />
      ) : null}
      {s.overlay ? (
        <ErrorBoundary name="overlay" key={s.overlay}>
          {s.overlay === "add" ? <AddSourceDialog s={s} /> : null}
          {s.overlay === "settings" ? <SettingsPanel s={s} /> : null}
          {s.overlay === "rules" ? <RulesManager s={s} /> : null}
          {s.overlay === "help" ? <HelpOverlay /> : null}
          {s.overlay === "edit-feed" ? <EditFeedDialog s={s} /> : null}
          {s.overlay === "edit-folder" ? <EditFolderDialog s={s} /> : null}
        </ErrorBoundary>
      ) : null}
      <Toasts s={s} />
    </div>
  );
}
