// A feed's actions, shared by the list header's menu (for the current feed)
// and the sidebar's context menu / ⋯ button on each feed.

import * as actions from "../actions";
import type { Feed } from "../api";
import { t } from "../i18n";
import type { State } from "../store";
import { feedChanges, moveTargets } from "../lib/sources";
import type { MenuItem } from "./Menu";

/**
 * A feed's menu. A server account's feed (`account_id` set) is kept by the
 * server: it is fetched with the account (no refresh of its own), and it is
 * renamed, moved or unsubscribed on the server first, so each of those is
 * offered exactly when the account's server allows it; it moves only
 * between that account's folders. A local feed offers everything.
 */
export function feedMenuItems(feed: Feed, s: Pick<State, "folders" | "accounts">): MenuItem[] {
  const local = feed.account_id == null;
  const can = feedChanges(feed, s);
  const items: MenuItem[] = [
    {
      label: feed.important ? t("feed.unmarkImportant") : t("feed.markImportant"),
      testid: "feed-important-toggle",
      onSelect: () => void actions.setFeedImportant(feed.id, !feed.important),
    },
  ];
  if (local) {
    items.push({ label: t("feed.refresh"), testid: "feed-refresh", onSelect: () => void actions.retryFeed(feed.id) });
  }
  if (can.rename_feed) {
    items.push({ label: t("feed.edit"), testid: "feed-edit", onSelect: () => actions.editFeed(feed.id) });
  }
  if (feed.site_url) {
    items.push({ label: t("feed.openSite"), testid: "feed-open-site", onSelect: () => void actions.openOriginal(feed.site_url) });
  }
  if (can.move_feed) {
    const toTop = local && feed.folder_id != null;
    if (toTop) {
      items.push({ label: t("feed.moveToTop"), onSelect: () => void actions.moveFeedToFolder(feed.id, null), separatorBefore: true });
    }
    moveTargets(feed, s).forEach((folder, i) =>
      items.push({
        label: t("feed.moveTo", { folder: folder.name }),
        testid: "feed-move",
        onSelect: () => void actions.moveFeedToFolder(feed.id, folder.id),
        separatorBefore: i === 0 && !toTop,
      }),
    );
  }
  if (can.unsubscribe) {
    items.push({
      label: t("feed.unsubscribe"),
      testid: "feed-unsubscribe",
      danger: true,
      separatorBefore: true,
      onSelect: () => {
        if (confirm(t("feed.confirmUnsubscribe", { title: feed.title }))) void actions.removeFeed(feed.id);
      },
    });
  }
  return items;
}
