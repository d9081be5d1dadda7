import { ErrorDetails } from "./ErrorDetails";
import type { ComponentChildren } from "preact";
import { t } from "../i18n";
import { IconAlert } from "./icons";

export function EmptyState(props: { title: string; text: string; testid: string; children?: ComponentChildren; art?: ComponentChildren }) {
  return (
    <div class="state empty" data-testid={props.testid}>
      {props.art ?? (
        <svg class="state-art" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
          <rect x="8" y="10" width="48" height="44" rx="6" />
          <path d="M16 22h32M16 30h20M16 37h20M16 44h14" />
          <rect class="state-art-accent" x="40" y="30" width="8" height="14" rx="1.5" />
        </svg>
      )}
      <h2 class="state-title">{props.title}</h2>
      <p class="state-text">{props.text}</p>
      {props.children ? <div class="state-actions">{props.children}</div> : null}
    </div>
  );
}

export function ErrorState(props: {
  title: string;
  message: string;
  details?: string;
  onRetry: () => void;
  testid: string;
}) {
  return (
    <div class="state error" role="alert" data-testid={props.testid}>
      <span class="state-error-icon">
        <IconAlert size={28} />
      </span>
      <h2 class="state-title">{props.title}</h2>
      <p class="state-text" data-testid={`${props.testid}-message`}>
        {props.message}
      </p>
      <ErrorDetails detail={props.details} />
      <div class="state-actions">
        <button type="button" class="btn" data-testid={`${props.testid}-retry`} onClick={props.onRetry}>
          {t("common.retry")}
        </button>
      </div>
    </div>
  );
}
