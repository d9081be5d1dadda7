import { useState } from "preact/hooks";
import * as actions from "../actions";
import { toApiError } from "../api";
import type { Rule, RuleAction, RuleField } from "../api";
import { t } from "../i18n";
import type { State } from "../store";
import { IconTrash } from "./icons";
import { Modal } from "./Modal";

const FIELDS: RuleField[] = ["any", "title", "author", "text"];
const ACTIONS: RuleAction[] = ["mute", "mark_read"];

function RuleRow({ rule, s }: { rule: Rule; s: State }) {
  const feed = rule.feed_id != null ? s.feeds.find((f) => f.id === rule.feed_id) : null;
  return (
    <li class="rule" data-testid="rule-row">
      <span class={`rule-action action-${rule.action}`}>{t(`rules.action.${rule.action}`)}</span>
      <span class="rule-text">
        <span class="rule-desc">
          {t(`rules.field.${rule.field}`)} {rule.is_regex ? t("rules.matches") : t("rules.contains")}{" "}
          <code class="rule-pattern">{rule.pattern}</code>
        </span>
        <span class="rule-scope">{feed ? feed.title : t("rules.allFeeds")}</span>
      </span>
      <button
        type="button"
        class="icon-btn danger"
        data-testid="rule-remove"
        title={t("rules.remove")}
        aria-label={t("rules.remove")}
        onClick={() => void actions.removeRule(rule.id)}
      >
        <IconTrash size={16} />
      </button>
    </li>
  );
}

export function RulesManager({ s }: { s: State }) {
  const [pattern, setPattern] = useState("");
  const [field, setField] = useState<RuleField>("any");
  const [action, setAction] = useState<RuleAction>("mute");
  const [feed, setFeed] = useState("");
  const [regex, setRegex] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!pattern.trim()) {
      setError(t("rules.required"));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await actions.addRule({ pattern: pattern.trim(), field, action, is_regex: regex, feed_id: feed ? Number(feed) : null });
      setPattern("");
    } catch (err) {
      setError(actions.errorSentence(toApiError(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t("rules.title")} testid="rules-manager" size="wide">
      <p class="dialog-lead">{t("rules.text")}</p>
      {s.rulesStatus === "loading" && s.rules.length === 0 ? (
        <p class="muted">{t("common.loading")}</p>
      ) : s.rulesStatus === "error" ? (
        <div class="inline-error" role="alert" data-testid="rules-error">
          <p>{s.rulesError?.message}</p>
          <button type="button" class="btn btn-small" onClick={() => void actions.loadRules()}>
            {t("common.retry")}
          </button>
        </div>
      ) : s.rules.length === 0 ? (
        <p class="rules-empty" data-testid="rules-empty">
          {t("rules.empty")}
        </p>
      ) : (
        <ul class="rules" data-testid="rules-list">
          {s.rules.map((r) => (
            <RuleRow key={r.id} rule={r} s={s} />
          ))}
        </ul>
      )}
      <form class="form rule-form" onSubmit={submit} noValidate>
        <h3 class="section-title">{t("rules.new")}</h3>
        <div class="rule-grid">
          <label class="field">
            <span class="field-label">{t("rules.action")}</span>
            <select data-testid="rule-action" value={action} onChange={(e) => setAction((e.target as HTMLSelectElement).value as RuleAction)}>
              {ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {t(`rules.action.${a}`)}
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            <span class="field-label">{t("rules.field")}</span>
            <select data-testid="rule-field" value={field} onChange={(e) => setField((e.target as HTMLSelectElement).value as RuleField)}>
              {FIELDS.map((f) => (
                <option key={f} value={f}>
                  {t(`rules.field.${f}`)}
                </option>
              ))}
            </select>
          </label>
          <label class="field grow">
            <span class="field-label">{regex ? t("rules.regexPattern") : t("rules.pattern")}</span>
            <input
              type="text"
              data-testid="rule-pattern"
              value={pattern}
              spellcheck={false}
              onInput={(e) => {
                setPattern((e.target as HTMLInputElement).value);
                setError(null);
              }}
            />
          </label>
          <label class="field">
            <span class="field-label">{t("rules.scope")}</span>
            <select data-testid="rule-feed" value={feed} onChange={(e) => setFeed((e.target as HTMLSelectElement).value)}>
              <option value="">{t("rules.allFeeds")}</option>
              {s.feeds.map((f) => (
                <option key={f.id} value={String(f.id)}>
                  {f.title}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div class="dialog-actions spread">
          <label class="check">
            <input type="checkbox" data-testid="rule-regex" checked={regex} onChange={(e) => setRegex((e.target as HTMLInputElement).checked)} />
            <span class="check-label">{t("rules.regex")}</span>
          </label>
          <button type="submit" class="btn btn-primary" data-testid="rule-add" disabled={busy}>
            {t("rules.add")}
          </button>
        </div>
        {error ? (
          <p class="field-error" role="alert" data-testid="rule-error">
            {error}
          </p>
        ) : null}
      </form>
    </Modal>
  );
}
