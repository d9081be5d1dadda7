import * as actions from "../actions";
import { t } from "../i18n";
import type { State } from "../store";
import { ErrorDetails } from "./ErrorDetails";
import { IconX } from "./icons";

export function Toasts({ s }: { s: State }) {
  if (s.toasts.length === 0) return null;
  return (
    <div class="toasts" role="status" aria-live="polite" data-testid="toasts">
      {s.toasts.map((x) => (
        <div key={x.id} class={`toast ${x.kind}`} data-testid={x.kind === "error" ? "toast-error" : "toast"}>
          <div class="toast-body">
            <span>{x.text()}</span>
            <ErrorDetails detail={x.details} />
          </div>
          {x.action ? (
            <button
              type="button"
              class="btn btn-small toast-action"
              data-testid="toast-action"
              onClick={() => {
                x.action!.run();
                actions.dismissToast(x.id);
              }}
            >
              {x.action.label()}
            </button>
          ) : null}
          <button type="button" class="toast-close" aria-label={t("common.close")} onClick={() => actions.dismissToast(x.id)}>
            <IconX size={14} />
          </button>
        </div>
      ))}
    </div>
  );
}
