// Actions: overlays and panes. (Part of ../actions.ts, which re-exports them all.)

import { getState, setState } from "../store";
import type { Overlay, Pane } from "../store";
import { loadRules } from "./settings";

export function openOverlay(overlay: Overlay): void {
  setState({ overlay });
  if (overlay === "rules") void loadRules();
}

export function closeOverlay(): boolean {
  if (getState().overlay === null) return false;
  setState({ overlay: null });
  return true;
}

export function showPane(pane: Pane): void {
  setState({ pane });
}
