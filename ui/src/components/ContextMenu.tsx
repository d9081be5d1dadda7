import { Fragment } from "preact";
import type { ComponentChildren } from "preact";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { IconChevron } from "./icons";
import { moveMenuFocus } from "../lib/menu-focus";
import { useSuspendTooltips } from "../lib/tooltips";

export interface ContextItem {
  label: string;
  testid?: string;
  /** A tooltip (why an entry is disabled, say). */
  title?: string;
  icon?: ComponentChildren;
  onSelect?: () => void;
  /** Opens a nested menu (hover, click, → or Enter). */
  submenu?: ContextItem[];
  danger?: boolean;
  disabled?: boolean;
  separatorBefore?: boolean;
}

/** The menu buttons of one level (not those of nested levels). */
function levelButtons(level: HTMLElement | null): HTMLButtonElement[] {
  if (!level) return [];
  const out: HTMLButtonElement[] = [];
  for (const entry of Array.from(level.children)) {
    const button = entry.firstElementChild;
    if (button instanceof HTMLButtonElement && !button.disabled) out.push(button);
  }
  return out;
}

function Level(props: {
  items: ContextItem[];
  close: () => void;
  /** In a nested menu: back to the parent item. */
  back?: () => void;
  focusFirst: boolean;
  sub?: boolean;
  testid?: string;
  label?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState<{ index: number; focus: boolean } | null>(null);

  useEffect(() => {
    if (props.focusFirst) levelButtons(ref.current)[0]?.focus();
  }, []);

  // A nested menu that would leave the window opens on the other side.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!props.sub || !el || typeof window === "undefined") return;
    const r = el.getBoundingClientRect();
    if (r.right > window.innerWidth - 4) el.classList.add("flip");
    if (r.bottom > window.innerHeight - 4) el.classList.add("lift");
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation();
    const buttons = levelButtons(ref.current);
    if (moveMenuFocus(e.key, buttons)) {
      e.preventDefault();
      return;
    }
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const rtl = ref.current ? getComputedStyle(ref.current).direction === "rtl" : false;
    const forward = rtl ? "ArrowLeft" : "ArrowRight";
    const backward = rtl ? "ArrowRight" : "ArrowLeft";
    const item = at >= 0 ? props.items.filter((x) => !x.disabled)[at] : undefined;
    switch (e.key) {
      case forward:
      case "Enter":
      case " ":
        if (!item?.submenu) {
          if (e.key === forward) break;
          return; // the button's own click
        }
        setOpen({ index: props.items.indexOf(item), focus: true });
        break;
      case backward:
        if (props.back) props.back();
        break;
      case "Escape":
        if (props.back) props.back();
        else props.close();
        break;
      case "Tab":
        props.close();
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  return (
    <div
      ref={ref}
      class={`menu-popover ctx-level${props.sub ? " ctx-sub" : ""}`}
      role="menu"
      aria-label={props.label}
      data-testid={props.testid}
      onKeyDown={onKeyDown}
    >
      {props.items.map((item, i) => (
        <Fragment key={i}>
          {item.separatorBefore && i > 0 ? <div class="menu-separator" role="separator" /> : null}
          <div class="ctx-entry" role="none">
            <button
              type="button"
              role="menuitem"
              class={`menu-item ctx-item${item.danger ? " danger" : ""}${open?.index === i ? " is-open" : ""}`}
              data-testid={item.testid}
              title={item.title}
              disabled={item.disabled}
              aria-haspopup={item.submenu ? "menu" : undefined}
              aria-expanded={item.submenu ? open?.index === i : undefined}
              onMouseEnter={() => {
                if (item.submenu) setOpen({ index: i, focus: false });
                else if (open) setOpen(null);
              }}
              onClick={() => {
                if (item.submenu) {
                  setOpen(open?.index === i ? null : { index: i, focus: true });
                  return;
                }
                props.close();
                item.onSelect?.();
              }}
            >
              {item.icon ? <span class="ctx-icon">{item.icon}</span> : null}
              <span class="ctx-label">{item.label}</span>
              {item.submenu ? <IconChevron size={14} class="ctx-chevron" /> : null}
            </button>
            {item.submenu && open?.index === i ? (
              <Level
                items={item.submenu}
                close={props.close}
                focusFirst={open.focus}
                sub
                label={item.label}
                back={() => {
                  setOpen(null);
                  levelButtons(ref.current)[props.items.filter((x) => !x.disabled).indexOf(item)]?.focus();
                }}
              />
            ) : null}
          </div>
        </Fragment>
      ))}
    </div>
  );
}

/**
 * A menu at a point (a right-click) or under a button: arrow keys move,
 * → opens a nested menu and ← leaves it, Esc closes, as does a click
 * elsewhere, Tab, scrolling or the window losing focus.
 */
export function ContextMenu(props: {
  x: number;
  y: number;
  items: ContextItem[];
  onClose: () => void;
  testid: string;
  label?: string;
  /** The button that opened it: clicks on it are its own (it toggles). */
  anchor?: { current: Element | null };
}) {
  const root = useRef<HTMLDivElement>(null);
  const closeRef = useRef(props.onClose);
  closeRef.current = props.onClose;
  useSuspendTooltips(true, root);

  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    const w = el.offsetWidth;
    const h = el.offsetHeight;
    const vw = window.innerWidth || 1024;
    const vh = window.innerHeight || 768;
    el.style.left = `${Math.max(4, Math.min(props.x, vw - w - 4))}px`;
    el.style.top = `${Math.max(4, Math.min(props.y, vh - h - 4))}px`;
  }, [props.x, props.y]);

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const close = () => closeRef.current();
    const onDown = (e: MouseEvent) => {
      const target = e.target as Node;
      if (props.anchor?.current?.contains(target)) return;
      if (root.current && !root.current.contains(target)) close();
    };
    const onKey = (e: KeyboardEvent) => {
      // Esc with the focus outside the menu (it was clicked away from).
      if (e.key === "Escape" && root.current && !root.current.contains(e.target as Node)) {
        e.stopPropagation();
        e.preventDefault();
        close();
      }
    };
    document.addEventListener("mousedown", onDown, true);
    document.addEventListener("wheel", onDown, true);
    document.addEventListener("keydown", onKey, true);
    window.addEventListener("blur", close);
    window.addEventListener("resize", close);
    return () => {
      document.removeEventListener("mousedown", onDown, true);
      document.removeEventListener("wheel", onDown, true);
      document.removeEventListener("keydown", onKey, true);
      window.removeEventListener("blur", close);
      window.removeEventListener("resize", close);
      if (before && document.contains(before)) before.focus?.();
    };
  }, []);

  return (
    <div ref={root} class="ctx-menu" onContextMenu={(e) => e.preventDefault()}>
      <Level items={props.items} close={props.onClose} focusFirst testid={props.testid} label={props.label} />
    </div>
  );
}
