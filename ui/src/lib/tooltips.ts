// Tooltips step aside while a menu or a dialog is open.
//
// Byline's tooltips are native `title` attributes, which WebKitGTK hands to
// GTK: a tooltip window drawn above the page, over any menu or dialog, that
// no CSS can hide. So while a menu or a dialog is open, every `title`
// outside it is put aside (moved to `data-suspended-title`) and comes back
// when the last one closes; a title the app sets meanwhile is put aside
// too. Titles inside the open menu or dialog
// (why an entry is disabled, say) stay. The root element carries the class
// `has-popup` meanwhile.

import { useLayoutEffect } from "preact/hooks";

const ATTR = "data-suspended-title";
export const POPUP_CLASS = "has-popup";

let holds = 0;
const kept = new Set<Element>();
let observer: MutationObserver | null = null;

const isKept = (el: Element) => [...kept].some((k) => k.contains(el));

function putAside(el: Element): void {
  const title = el.getAttribute("title");
  if (title == null || isKept(el)) return;
  el.setAttribute(ATTR, title);
  el.removeAttribute("title");
}

function putAsideAll(root: ParentNode): void {
  if (root instanceof Element && root.hasAttribute("title")) putAside(root);
  root.querySelectorAll("[title]").forEach(putAside);
}

/** What the app did to titles while they were put aside. */
function onMutations(records: MutationRecord[]): void {
  for (const r of records) {
    if (r.type === "attributes") {
      putAside(r.target as Element); // set anew: aside with it
    } else {
      r.addedNodes.forEach((n) => {
        if (n instanceof Element) putAsideAll(n);
      });
    }
  }
  observer?.takeRecords(); // our own moves
}

function restoreAll(): void {
  document.querySelectorAll(`[${ATTR}]`).forEach((el) => {
    const title = el.getAttribute(ATTR);
    el.removeAttribute(ATTR);
    if (title != null && !el.hasAttribute("title")) el.setAttribute("title", title);
  });
}

/**
 * Puts aside every tooltip outside `keep` until the returned function is
 * called. Holds nest: tooltips come back when the last one is released.
 */
export function suspendTooltips(keep?: Element | null): () => void {
  if (typeof document === "undefined") return () => {};
  holds++;
  if (keep) kept.add(keep);
  document.documentElement.classList.add(POPUP_CLASS);
  putAsideAll(document);
  if (!observer && typeof MutationObserver !== "undefined") {
    observer = new MutationObserver(onMutations);
    observer.observe(document.documentElement, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["title"],
    });
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (keep) kept.delete(keep);
    holds--;
    if (holds > 0) return;
    if (observer) {
      onMutations(observer.takeRecords());
      observer.disconnect();
      observer = null;
    }
    restoreAll();
    document.documentElement.classList.remove(POPUP_CLASS);
  };
}

/** Puts tooltips outside `keep` aside while `active` (an open menu or dialog). */
export function useSuspendTooltips(active: boolean, keep: { current: Element | null }): void {
  // A layout effect: registered before the observer hears of the new menu.
  useLayoutEffect(() => {
    if (!active) return;
    return suspendTooltips(keep.current);
  }, [active]);
}
