// Small dialogs that edit what the sidebar lists: a source's name and when
// its full articles are downloaded, and a folder's name.

import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import * as actions from "../actions";
import { toApiError } from "../api";
import type { ApiError, ExtractionPolicy } from "../api";
import { t } from "../i18n";
import { POLICIES, POLICY_LABEL, toPolicy } from "../lib/extraction";
import type { State } from "../store";
import { Modal } from "./Modal";

/** The name field, the error line and Save/Cancel shared by both dialogs. */
function EditForm(props: {
  label: string;
  name: string;
  setName: (name: string) => void;
  testid: string;
  save: () => Promise<void>;
  children?: ComponentChildren;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!props.name.trim()) {
      setError(toApiError({ kind: "invalid", message: t("edit.nameRequired") }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await props.save();
      actions.closeOverlay();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="form" onSubmit={submit} noValidate>
      <label class="field">
        <span class="field-label">{props.label}</span>
        <input
          type="text"
          autofocus
          data-testid={`${props.testid}-name`}
          value={props.name}
          disabled={busy}
          aria-invalid={error ? true : undefined}
          onInput={(e) => {
            props.setName((e.target as HTMLInputElement).value);
            setError(null);
          }}
          autocomplete="off"
        />
      </label>
      {props.children}
      {error ? (
        <p class="field-error" role="alert" data-testid={`${props.testid}-error`}>
          <strong>{t(`error.${error.kind}`)}</strong> {error.message}
        </p>
      ) : null}
      <div class="dialog-actions">
        <button type="button" class="btn" onClick={() => actions.closeOverlay()} disabled={busy}>
          {t("common.cancel")}
        </button>
        <button type="submit" class="btn btn-primary" data-testid={`${props.testid}-save`} disabled={busy}>
          {busy ? <span class="spinner" aria-hidden="true" /> : null}
          {busy ? t("common.saving") : t("common.save")}
        </button>
      </div>
    </form>
  );
}

/** Renames a source and sets when its full articles are downloaded. */
export function EditFeedDialog({ s }: { s: State }) {
  const feed = s.feeds.find((f) => f.id === s.editing);
  const [name, setName] = useState(feed?.title ?? "");
  const [policy, setPolicy] = useState<ExtractionPolicy | null>(feed?.extraction ?? null);
  if (!feed) return null;
  const fallback = t(POLICY_LABEL[s.settings.extraction_policy]);
  return (
    <Modal title={t("feed.editTitle")} testid="edit-feed-dialog" size="small">
      <EditForm
        label={t("feed.name")}
        name={name}
        setName={setName}
        testid="edit-feed"
        save={() => actions.saveFeed(feed.id, name, policy)}
      >
        <p class="dialog-lead edit-url" data-testid="edit-feed-url">
          {feed.url}
        </p>
        <label class="field">
          <span class="field-label">{t("feed.extraction")}</span>
          <select data-testid="edit-feed-extraction" value={policy ?? ""} onChange={(e) => setPolicy(toPolicy((e.target as HTMLSelectElement).value))}>
            <option value="">{t("feed.extractionDefault", { policy: fallback.toLowerCase() })}</option>
            {POLICIES.map((p) => (
              <option key={p} value={p}>
                {t(POLICY_LABEL[p])}
              </option>
            ))}
          </select>
        </label>
      </EditForm>
    </Modal>
  );
}

/** Renames a folder. */
export function EditFolderDialog({ s }: { s: State }) {
  const folder = s.folders.find((f) => f.id === s.editing);
  const [name, setName] = useState(folder?.name ?? "");
  if (!folder) return null;
  return (
    <Modal title={t("folder.renameTitle")} testid="edit-folder-dialog" size="small">
      <EditForm
        label={t("folder.name")}
        name={name}
        setName={setName}
        testid="edit-folder"
        save={() => actions.renameFolder(folder.id, name)}
      />
    </Modal>
  );
}
