// Line icons (24px grid, currentColor), drawn inline so they inherit colour.

import type { JSX } from "preact";

type Props = { size?: number; class?: string };

/**
 * An icon component drawing `paths`. They are made anew at each render:
 * Preact writes its bookkeeping (the parent, the DOM node) into the first
 * vnode it renders, so one vnode shared by every render kept that first
 * render's whole tree alive, and through it every later one (~200 KB of
 * JavaScript heap per article read; BENCHMARKS.md, "App memory").
 */
function icon(paths: () => JSX.Element, fill = false) {
  return ({ size = 18, class: cls }: Props) => (
    <svg
      class={`icon${cls ? ` ${cls}` : ""}`}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill={fill ? "currentColor" : "none"}
      stroke={fill ? "none" : "currentColor"}
      stroke-width="1.8"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {paths()}
    </svg>
  );
}

export const IconInbox = icon(() => (
  <>
    <path d="M3 13h5l1.5 3h5L16 13h5" />
    <path d="M5.5 5h13L21 13v5a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-5z" />
  </>
));
export const IconCircle = icon(() => <circle cx="12" cy="12" r="7.5" />);
export const IconDot = icon(() => <circle cx="12" cy="12" r="5" />, true);
export const IconStar = icon(() => <path d="M12 3.8l2.5 5.1 5.6.8-4 3.9.9 5.6-5-2.6-5 2.6.9-5.6-4-3.9 5.6-.8z" />);
export const IconStarFilled = icon(() => <path d="M12 3.8l2.5 5.1 5.6.8-4 3.9.9 5.6-5-2.6-5 2.6.9-5.6-4-3.9 5.6-.8z" />, true);
export const IconRefresh = icon(() => (
  <>
    <path d="M20 11a8 8 0 0 0-14.3-4.7L4 8" />
    <path d="M4 4v4h4" />
    <path d="M4 13a8 8 0 0 0 14.3 4.7L20 16" />
    <path d="M20 20v-4h-4" />
  </>
));
export const IconPlus = icon(() => <path d="M12 5v14M5 12h14" />);
export const IconSearch = icon(() => (
  <>
    <circle cx="11" cy="11" r="6.5" />
    <path d="M16 16l4.5 4.5" />
  </>
));
export const IconX = icon(() => <path d="M6 6l12 12M18 6L6 18" />);
export const IconBack = icon(() => <path d="M15 5l-7 7 7 7" />);
export const IconSidebar = icon(() => (
  <>
    <rect x="3.5" y="4.5" width="17" height="15" rx="2" />
    <path d="M9.5 4.5v15" />
  </>
));
export const IconChevron = icon(() => <path d="M9 6l6 6-6 6" />);
/** A server account (its group in the source list). */
export const IconCloud = icon(() => <path d="M7 18.5h10.5a4 4 0 0 0 .7-7.94A6 6 0 0 0 6.6 9.7 4.4 4.4 0 0 0 7 18.5z" />);
export const IconFolder = icon(() => <path d="M3.5 7a2 2 0 0 1 2-2h4l2 2.5h7a2 2 0 0 1 2 2V17a2 2 0 0 1-2 2h-13a2 2 0 0 1-2-2z" />);
export const IconRss = icon(() => (
  <>
    <path d="M5 11a8 8 0 0 1 8 8" />
    <path d="M5 5a14 14 0 0 1 14 14" />
    <circle cx="6" cy="18" r="1.3" fill="currentColor" />
  </>
));
export const IconSettings = icon(() => (
  <>
    <circle cx="12" cy="12" r="3" />
    <path d="M19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z" />
  </>
));
export const IconFilter = icon(() => <path d="M4 5h16l-6.2 7.4V19l-3.6-1.8v-4.8z" />);
export const IconExternal = icon(() => (
  <>
    <path d="M14 4h6v6" />
    <path d="M20 4l-9 9" />
    <path d="M18 14v4a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h4" />
  </>
));
export const IconCheckAll = icon(() => (
  <>
    <path d="M2.5 12.5l4 4L14 9" />
    <path d="M11 15.5l1 1L21.5 7" />
  </>
));
export const IconCheck = icon(() => <path d="M5 12.5l4.5 4.5L19 7.5" />);
export const IconMore = icon(() => (
  <>
    <circle cx="5.5" cy="12" r="1.2" fill="currentColor" />
    <circle cx="12" cy="12" r="1.2" fill="currentColor" />
    <circle cx="18.5" cy="12" r="1.2" fill="currentColor" />
  </>
));
export const IconKeyboard = icon(() => (
  <>
    <rect x="2.5" y="6" width="19" height="12" rx="2" />
    <path d="M6 10h.01M9 10h.01M12 10h.01M15 10h.01M18 10h.01M7 14h10" />
  </>
));
export const IconAlert = icon(() => (
  <>
    <path d="M12 3.5L2.5 20h19z" />
    <path d="M12 10v4.5M12 17.2v.1" />
  </>
));
export const IconUpload = icon(() => (
  <>
    <path d="M12 15V4M7.5 8.5L12 4l4.5 4.5" />
    <path d="M4 15v3a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-3" />
  </>
));
export const IconDownload = icon(() => (
  <>
    <path d="M12 4v11M7.5 10.5L12 15l4.5-4.5" />
    <path d="M4 15v3a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-3" />
  </>
));
export const IconEnvelopeOpen = icon(() => (
  <>
    <path d="M3.5 10l8.5-6 8.5 6v8.5a1.5 1.5 0 0 1-1.5 1.5H5a1.5 1.5 0 0 1-1.5-1.5z" />
    <path d="M3.5 10l8.5 5.5 8.5-5.5" />
  </>
));
export const IconTrash = icon(() => (
  <>
    <path d="M4 7h16M9.5 7V4.5h5V7M6.5 7l1 12.5h9l1-12.5" />
  </>
));
export const IconShare = icon(() => (
  <>
    <path d="M12 15V3.5M7.5 8L12 3.5 16.5 8" />
    <path d="M8 11H6a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-6a2 2 0 0 0-2-2h-2" />
  </>
));
export const IconBell = icon(() => (
  <>
    <path d="M6 16.5V11a6 6 0 0 1 12 0v5.5l1.5 2h-15z" />
    <path d="M10 20.5a2.1 2.1 0 0 0 4 0" />
  </>
));
export const IconGlobe = icon(() => (
  <>
    <circle cx="12" cy="12" r="8.5" />
    <path d="M3.5 12h17M12 3.5c2.5 2.6 3.5 5.4 3.5 8.5s-1 5.9-3.5 8.5c-2.5-2.6-3.5-5.4-3.5-8.5s1-5.9 3.5-8.5z" />
  </>
));

export function BrandMark({ size = 26 }: { size?: number }) {
  return (
    <svg class="brand-mark" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect class="brand-mark-bg" x="1" y="1" width="30" height="30" rx="7" />
      <path
        class="brand-mark-fg"
        d="M10 7.5h7.2c3.4 0 5.3 1.6 5.3 4.1 0 1.8-1.1 3-2.7 3.5 2.1.4 3.4 1.8 3.4 3.9 0 2.9-2.2 4.5-5.8 4.5H10v-1.2l1.6-.5V9.2L10 8.7z M14.6 9.3v5.1h2c1.9 0 2.8-.9 2.8-2.6s-.9-2.5-2.8-2.5z M14.6 16v5.7h2.3c2 0 3-.9 3-2.9 0-1.9-1.1-2.8-3.2-2.8z"
      />
    </svg>
  );
}
