import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { useSuspendTooltips } from "../lib/tooltips";

export interface MenuItem {
  label: string;
  testid?: string;
  onSelect: () => void;
  danger?: boolean;
  disabled?: boolean;
  separatorBefore?: boolean;
}

/** A button that opens a small list of actions. */
export function Menu(props: {
  label: string;
  icon: ComponentChildren;
  items: MenuItem[];
  testid: string;
  placement?: "down" | "up";
  align?: "start" | "end";
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  useSuspendTooltips(open, popover);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        e.stopPropagation();
        setOpen(false);
      }
    };
    document.addEventListener("mousedown", onDown);
    document.addEventListener("keydown", onKey, true);
    root.current?.querySelector<HTMLButtonElement>(".menu-item:not([disabled])")?.focus();
    return () => {
      document.removeEventListener("mousedown", onDown);
      document.removeEventListener("keydown", onKey, true);
    };
  }, [open]);

  return (
    <div class="menu" ref={root}>
      <button
        type="button"
        class="icon-btn"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={props.label}
        title={props.label}
        data-testid={props.testid}
        onClick={() => setOpen(!open)}
      >
        {props.icon}
      </button>
      {open ? (
        <div
          ref={popover}
          class={`menu-popover ${props.placement === "up" ? "up" : "down"} ${props.align === "start" ? "start" : "end"}`}
          role="menu"
        >
          {props.items.map((item, i) => (
            <>
              {item.separatorBefore && i > 0 ? <div class="menu-separator" role="separator" /> : null}
              <button
                key={i}
                type="button"
                role="menuitem"
                class={`menu-item${item.danger ? " danger" : ""}`}
                data-testid={item.testid}
                disabled={item.disabled}
                onClick={() => {
                  setOpen(false);
                  item.onSelect();
                }}
              >
                {item.label}
              </button>
            </>
          ))}
        </div>
      ) : null}
    </div>
  );
}
