// A feed's actions, shared by the list header's menu (for the current feed)
// and the sidebar's context menu / ⋯ button on each feed.

import * as actions from "../actions";
import type { Feed } from "../api";
import { t } from "../i18n";
import type { State } from "../store";
import type { MenuItem } from "./Menu";

/**
 * A feed's menu. A server account's feed (`account_id` set) is kept by the
 * server: each sync brings its name, folder and subscription back, and it is
 * fetched with the account, so it offers only what stays here (notifications,
 * its site), not refresh, edit, move or unsubscribe.
 */
export function feedMenuItems(feed: Feed, s: Pick<State, "folders">): MenuItem[] {
  const local = feed.account_id == null;
  const items: MenuItem[] = [
    {
      label: feed.important ? t("feed.unmarkImportant") : t("feed.markImportant"),
      testid: "feed-important-toggle",
      onSelect: () => void actions.setFeedImportant(feed.id, !feed.important),
    },
  ];
  if (local) {
    items.push(
      { label: t("feed.refresh"), testid: "feed-refresh", onSelect: () => void actions.retryFeed(feed.id) },
      { label: t("feed.edit"), testid: "feed-edit", onSelect: () => actions.editFeed(feed.id) },
    );
  }
  if (feed.site_url) {
    items.push({ label: t("feed.openSite"), testid: "feed-open-site", onSelect: () => void actions.openOriginal(feed.site_url) });
  }
  if (!local) return items;
  if (feed.folder_id != null) {
    items.push({ label: t("feed.moveToTop"), onSelect: () => void actions.moveFeedToFolder(feed.id, null), separatorBefore: true });
  }
  s.folders
    .filter((f) => f.id !== feed.folder_id)
    .forEach((folder, i) =>
      items.push({
        label: t("feed.moveTo", { folder: folder.name }),
        onSelect: () => void actions.moveFeedToFolder(feed.id, folder.id),
        separatorBefore: i === 0 && feed.folder_id == null,
      }),
    );
  items.push({
    label: t("feed.unsubscribe"),
    testid: "feed-unsubscribe",
    danger: true,
    separatorBefore: true,
    onSelect: () => {
      if (confirm(t("feed.confirmUnsubscribe", { title: feed.title }))) void actions.removeFeed(feed.id);
    },
  });
  return items;
}
