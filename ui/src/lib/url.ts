// Showing where a URL points.

/**
 * The host of `url` without a leading `www.` (or what `prefix` matches), for
 * display; "" for no URL or one that does not parse.
 */
export function hostOf(url: string | null | undefined, prefix: RegExp = /^www\./): string {
  if (!url) return "";
  try {
    return new URL(url).hostname.replace(prefix, "");
  } catch {
    return "";
  }
}
