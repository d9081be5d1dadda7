// Single-key shortcuts (j/k, n/p, s, Shift+S, m, o, /, r, ?, Esc), ignored while
// typing in a field or with a modifier held.

import * as actions from "./actions";
import { getState, setState } from "./store";

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT" || target.isContentEditable) return true;
  if (tag === "INPUT") {
    const type = (target as HTMLInputElement).type;
    return !["checkbox", "radio", "button", "submit", "range"].includes(type);
  }
  return false;
}

export function handleKey(e: KeyboardEvent): void {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
  const s = getState();

  if (e.key === "Escape") {
    if (actions.closeShareMenu() || actions.closeOverlay()) {
      e.preventDefault();
      return;
    }
    if (isTyping(e.target)) {
      (e.target as HTMLElement).blur();
      return;
    }
    if (s.pane === "reader") actions.showPane("list");
    return;
  }
  if (isTyping(e.target)) return;

  if (e.key === "?") {
    e.preventDefault();
    if (s.overlay === "help") actions.closeOverlay();
    else actions.openOverlay("help");
    return;
  }
  if (s.overlay !== null) return;

  switch (e.key) {
    case "j":
    case "J":
      actions.moveArticle(1);
      break;
    case "k":
    case "K":
      actions.moveArticle(-1);
      break;
    case "n":
    case "N":
      actions.moveFeed(1);
      break;
    case "p":
    case "P":
      actions.moveFeed(-1);
      break;
    case "s":
    case "S":
      if (e.shiftKey) {
        if (!actions.openShareMenu()) return;
      } else actions.toggleSavedCurrent();
      break;
    case "m":
    case "M":
      actions.toggleReadCurrent();
      break;
    case "o":
    case "O":
      void actions.openOriginal();
      break;
    case "r":
    case "R":
      void actions.syncAll();
      break;
    case "/": {
      const box = document.querySelector<HTMLInputElement>('[data-testid="search-input"]');
      if (box) {
        if (s.pane === "sources" || s.pane === "reader") setState({ pane: "list" });
        box.focus();
        box.select();
      }
      break;
    }
    default:
      return;
  }
  e.preventDefault();
}
