// Single-key shortcuts (j/k, n/p, s, Shift+S, m, o, /, r, ?, Esc, Space, the
// arrows), ignored while typing in a field or with a modifier held. They
// follow the key's place on the keyboard when the layout types something
// else there, so they work the same on Russian (and other non-Latin)
// layouts. After a click in the article, the window takes the keyboard
// back from the article's frame (see `useKeyboardStaysWithWindow`).

import * as actions from "./actions";
import { noteInput } from "./lib/input-quiet";
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

/** Whether the key belongs to a control that uses it (a menu, a dialog, a button for Space). */
function isOwnedByControl(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('[role="menu"], [role="dialog"], [role="listbox"], .menu-popover, dialog')) return true;
  return key === " " && (target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement);
}

/**
 * The shortcut a key press means: the typed character when it is a Latin
 * letter, `/` or `?`; otherwise the character a US keyboard has at that
 * place (`о` on the Russian layout is the `j` key). Letters come lower case;
 * Shift is read from the event.
 */
export function shortcutKey(e: Pick<KeyboardEvent, "key" | "code" | "shiftKey">): string {
  if (/^[a-z]$/i.test(e.key)) return e.key.toLowerCase();
  if (e.key === "/" || e.key === "?") return e.key;
  const letter = /^Key([A-Z])$/.exec(e.code ?? "");
  if (letter) return letter[1].toLowerCase();
  if (e.code === "Slash") return e.shiftKey ? "?" : "/";
  return e.key;
}

export function handleKey(e: KeyboardEvent): void {
  noteInput();
  if (e.defaultPrevented || e.isComposing) return;
  if ((e.ctrlKey || e.metaKey) && !e.altKey && shortcutKey(e) === "q") {
    e.preventDefault();
    void actions.quit();
    return;
  }
  if (e.ctrlKey || e.metaKey || e.altKey) return;
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
    if (s.pane === "reader" || s.pane === "sources") actions.showPane("list");
    return;
  }
  if (isTyping(e.target)) return;

  const key = shortcutKey(e);
  if ((key === " " || key === "ArrowDown" || key === "ArrowUp") && isOwnedByControl(e.target, key)) return;
  if (key === "?") {
    e.preventDefault();
    if (s.overlay === "help") actions.closeOverlay();
    else actions.openOverlay("help");
    return;
  }
  if (s.overlay !== null) return;

  switch (key) {
    case "j":
      actions.moveArticle(1);
      break;
    case "k":
      actions.moveArticle(-1);
      break;
    case "n":
      actions.moveFeed(1);
      break;
    case "p":
      actions.moveFeed(-1);
      break;
    case "s":
      if (e.shiftKey) {
        if (!actions.openShareMenu()) return;
      } else actions.toggleSavedCurrent();
      break;
    case "m":
      actions.toggleReadCurrent();
      break;
    case "o":
      void actions.openOriginal();
      break;
    case "r":
      void actions.syncAll();
      break;
    case "ArrowDown":
      actions.moveArticle(1);
      break;
    case "ArrowUp":
      actions.moveArticle(-1);
      break;
    case " ":
      if (e.shiftKey) {
        if (!pageArticle(-1)) return;
      } else if (!pageArticle(1)) {
        actions.moveToNextUnread();
      }
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

/** The reader's frame, when an article is open. */
function readerFrame(): HTMLIFrameElement | null {
  return document.querySelector<HTMLIFrameElement>('[data-testid="reader-body"]');
}

/**
 * Scrolls the open article by most of a screen (`direction` 1 down, -1 up);
 * false when there is no article or it is already at that end.
 */
export function pageArticle(direction: 1 | -1): boolean {
  const view = readerFrame()?.contentWindow;
  const doc = view?.document.scrollingElement;
  if (!view || !doc) return false;
  const atEnd =
    direction > 0 ? doc.scrollTop + view.innerHeight >= doc.scrollHeight - 2 : doc.scrollTop <= 0;
  if (atEnd) return false;
  view.scrollBy({ top: direction * Math.max(40, view.innerHeight * 0.85), behavior: "smooth" });
  return true;
}
