/**
 * Moves focus in a vertical menu for ArrowDown/ArrowUp/Home/End, wrapping
 * around. Returns whether `key` was one of them (the caller then prevents the
 * default). Shared by the context menu and the share menu.
 */
export function moveMenuFocus(key: string, items: HTMLElement[]): boolean {
  const at = items.indexOf(document.activeElement as HTMLElement);
  const focusAt = (i: number) => items[(i + items.length) % items.length]?.focus();
  switch (key) {
    case "ArrowDown":
      focusAt(at + 1);
      return true;
    case "ArrowUp":
      focusAt(at < 0 ? -1 : at - 1);
      return true;
    case "Home":
      focusAt(0);
      return true;
    case "End":
      focusAt(-1);
      return true;
    default:
      return false;
  }
}
