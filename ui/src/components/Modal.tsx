import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import * as actions from "../actions";
import { t } from "../i18n";
import { useSuspendTooltips } from "../lib/tooltips";
import { IconX } from "./icons";

let nextId = 0;

/** A centred dialog over a dimmed app. Esc (handled by App) and the backdrop close it. */
export function Modal(props: { title: string; testid: string; children: ComponentChildren; size?: "small" | "wide" }) {
  const dialog = useRef<HTMLDivElement>(null);
  const id = useRef(`dialog-${++nextId}`);
  useSuspendTooltips(true, dialog);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const el = dialog.current;
    const first =
      el?.querySelector<HTMLElement>("[autofocus]") ??
      el?.querySelector<HTMLElement>("input, select, textarea, button:not(.dialog-close)");
    first?.focus();
    return () => before?.focus?.();
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== "Tab" || !dialog.current) return;
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>("button, input, select, textarea, [tabindex]")].filter(
      (x) => !x.hasAttribute("disabled"),
    );
    if (focusable.length === 0) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div
      class="overlay"
      data-testid="overlay"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) actions.closeOverlay();
      }}
    >
      <div
        ref={dialog}
        class={`dialog${props.size ? ` dialog-${props.size}` : ""}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={id.current}
        data-testid={props.testid}
        onKeyDown={onKeyDown}
      >
        <header class="dialog-header">
          <h2 id={id.current}>{props.title}</h2>
          <button
            type="button"
            class="icon-btn dialog-close"
            data-testid="dialog-close"
            aria-label={t("common.close")}
            onClick={() => actions.closeOverlay()}
          >
            <IconX />
          </button>
        </header>
        <div class="dialog-body">{props.children}</div>
      </div>
    </div>
  );
}
