import { t } from "../i18n";

/** The technical detail of an error, folded away behind "Details". */
export function ErrorDetails({ detail }: { detail?: string | null }) {
  if (!detail) return null;
  return (
    <details class="error-details" data-testid="error-details">
      <summary>{t("error.details")}</summary>
      <code>{detail}</code>
    </details>
  );
}
