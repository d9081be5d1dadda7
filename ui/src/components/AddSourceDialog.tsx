import { useState } from "preact/hooks";
import * as actions from "../actions";
import { toApiError } from "../api";
import type { ApiError } from "../api";
import { t } from "../i18n";
import { accountOf, subscribeTargets } from "../lib/sources";
import type { State } from "../store";
import { ErrorDetails } from "./ErrorDetails";
import { Modal } from "./Modal";
import { StarterList } from "./Welcome";

const NEW_FOLDER = "__new__";

export function AddSourceDialog({ s }: { s: State }) {
  const [url, setUrl] = useState("");
  const [folder, setFolder] = useState("");
  const [folderName, setFolderName] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    const value = url.trim();
    if (!value) {
      setError(toApiError({ kind: "invalid", message: t("add.required") }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      let folderId: number | null = null;
      if (folder === NEW_FOLDER && folderName.trim()) folderId = await actions.createFolder(folderName);
      else if (folder) folderId = Number(folder);
      const feed = await actions.addSource(/^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`, folderId);
      actions.closeOverlay();
      actions.toast(() => t("toast.added", { title: feed.title }));
      actions.selectSource({ kind: "feed", id: feed.id });
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t("add.title")} testid="add-source-dialog">
      <form class="form" onSubmit={submit} noValidate>
        <p class="dialog-lead">{t("add.text")}</p>
        <label class="field">
          <span class="field-label">{t("add.label")}</span>
          <input
            type="url"
            inputMode="url"
            autofocus
            data-testid="add-source-input"
            placeholder="https://example.com/feed.xml"
            value={url}
            disabled={busy}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "add-source-error" : undefined}
            onInput={(e) => {
              setUrl((e.target as HTMLInputElement).value);
              setError(null);
            }}
            spellcheck={false}
            autocomplete="off"
          />
        </label>
        {error ? (
          <p class="field-error" id="add-source-error" role="alert" data-testid="add-source-error">
            {actions.errorSentence(error)}
          </p>
        ) : null}
        {error ? <ErrorDetails detail={error.message} /> : null}
        <div class="field-row">
          <label class="field">
            <span class="field-label">{t("add.folder")}</span>
            <select data-testid="add-source-folder" value={folder} disabled={busy} onChange={(e) => setFolder((e.target as HTMLSelectElement).value)}>
              <option value="">{t("add.noFolder")}</option>
              {/* An account's folders subscribe on its server: only where it allows that. */}
              {subscribeTargets(s).map((f) => (
                <option key={f.id} value={String(f.id)}>
                  {f.parent_id != null && accountOf(f, s) ? `${accountOf(f, s)!.display_name} › ${f.name}` : f.name}
                </option>
              ))}
              <option value={NEW_FOLDER}>{t("add.newFolder")}</option>
            </select>
          </label>
          {folder === NEW_FOLDER ? (
            <label class="field">
              <span class="field-label">{t("add.folderName")}</span>
              <input
                type="text"
                data-testid="add-source-folder-name"
                value={folderName}
                disabled={busy}
                onInput={(e) => setFolderName((e.target as HTMLInputElement).value)}
              />
            </label>
          ) : null}
        </div>
        <div class="dialog-actions">
          <button type="button" class="btn" onClick={() => actions.closeOverlay()} disabled={busy}>
            {t("common.cancel")}
          </button>
          <button type="submit" class="btn btn-primary" data-testid="add-source-submit" disabled={busy}>
            {busy ? <span class="spinner" aria-hidden="true" /> : null}
            {busy ? t("add.adding") : t("add.submit")}
          </button>
        </div>
      </form>
      <div class="dialog-section">
        <h3 class="section-title">{t("welcome.starterTitle")}</h3>
        <StarterList s={s} compact />
      </div>
    </Modal>
  );
}
