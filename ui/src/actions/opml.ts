// Actions: OPML. (Part of ../actions.ts, which re-exports them all.)

import { api } from "../api";
import { t } from "../i18n";
import { loadFeeds } from "./feeds";
import { toast, toastError } from "./toasts";

export async function importOpml(): Promise<void> {
  try {
    const path = await api.pickOpenPath(t("opml.importTitle"));
    if (!path) return;
    const report = await api.importOpml(path);
    toast(() => t("toast.imported", { added: report.feeds_added, total: report.feeds_in_file }));
    if (report.rejected.length > 0) toast(() => t("toast.importRejected", { count: report.rejected.length }), "error");
    await loadFeeds();
  } catch (err) {
    toastError(err);
  }
}

export async function exportOpml(): Promise<void> {
  try {
    const path = await api.pickSavePath(t("opml.exportTitle"), "byline-subscriptions.opml");
    if (!path) return;
    await api.exportOpml(path);
    toast(() => t("toast.exported"));
  } catch (err) {
    toastError(err);
  }
}
