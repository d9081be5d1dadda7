// The document shown inside the reader's sandboxed iframe. The article
// HTML was sanitized by the backend (ammonia); the iframe adds a second
// wall: `sandbox` without allow-scripts / allow-same-origin (no script, an
// opaque origin), and the app's own CSP, which a srcdoc document inherits
// (script-src 'self', style-src 'self' — no inline styles —, img-src
// https: data:, frame-src 'none', object-src 'none', form-action 'none').
//
// It deliberately carries no <meta http-equiv="Content-Security-Policy">:
// on WebKit (WebKitGTK, Safari) any CSP meta inside the sandboxed srcdoc
// re-binds 'self' to the document's opaque origin, after which the
// inherited `style-src 'self'` no longer admits reader.css from the app's
// origin and the article renders unstyled (checked in the real app: even a
// meta with only `img-src` does it; `style-src tauri://localhost`,
// `tauri:` or `*` do not match either).

export interface FrameOptions {
  theme: "light" | "dark";
  font: string;
  size: number;
  lang?: string | null;
  leadImage?: string | null;
  /** Absolute URL of reader.css (served by the app itself). */
  stylesheet: string;
}

export function escapeAttr(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** An image URL the reader may show: Byline's image cache, or the web. */
function isWebUrl(url: string): boolean {
  return /^(https?:\/\/|media:\/\/localhost\/)/i.test(url);
}

/** Where reader.css is, as an absolute URL the iframe can load. */
export function readerStylesheetUrl(base: string = document.baseURI): string {
  return new URL("reader.css", base).href;
}

export function buildSrcdoc(html: string, opts: FrameOptions): string {
  const size = Math.min(32, Math.max(12, Math.round(opts.size)));
  const font = opts.font === "sans" ? "sans" : "serif";
  const lang = opts.lang && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(opts.lang) ? ` lang="${opts.lang}"` : "";
  const lead =
    opts.leadImage && isWebUrl(opts.leadImage) && !html.includes(opts.leadImage)
      ? `<figure class="byline-lead"><img src="${escapeAttr(opts.leadImage)}" alt=""></figure>`
      : "";
  return (
    `<!doctype html><html${lang} data-theme="${opts.theme}" data-font="${font}" data-size="${size}">` +
    `<head><meta charset="utf-8">` +
    `<meta name="referrer" content="no-referrer">` +
    `<base target="_blank">` +
    `<link rel="stylesheet" href="${escapeAttr(opts.stylesheet)}">` +
    `</head><body><article dir="auto">${lead}${html}</article></body></html>`
  );
}
