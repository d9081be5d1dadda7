import { useEffect, useRef, useState } from "preact/hooks";
import * as actions from "../actions";
import type { Settings } from "../api";
import { formatUnit, t } from "../i18n";
import { POLICIES, POLICY_LABEL, toPolicy } from "../lib/extraction";
import { moveSharePref, toggleSharePref } from "../lib/share-prefs";
import type { ShareItem, SharePref } from "../lib/share-prefs";
import type { State } from "../store";
import { AccountsSection } from "./AccountsSection";
import { IconChevron } from "./icons";
import { Modal } from "./Modal";
import { ShareIcon, shareName } from "./Share";

const INTERVALS = [0, 15, 30, 60, 120, 360, 720, 1440];
const RETENTION = [7, 14, 30, 90, 180, 365, 0];

function intervalLabel(minutes: number): string {
  if (minutes === 0) return t("settings.syncOff");
  if (minutes < 60) return formatUnit(minutes, "minute");
  return formatUnit(minutes / 60, "hour");
}

function retentionLabel(days: number): string {
  return days === 0 ? t("settings.retentionForever") : formatUnit(days, "day");
}

function withCurrent(options: number[], current: number): number[] {
  return options.includes(current) ? options : [...options, current].sort((a, b) => (a === 0 ? 1 : b === 0 ? -1 : a - b));
}

/** Which share buttons show, and in what order: checkboxes and up/down buttons. */
function SharePrefsList({ prefs }: { prefs: SharePref[] }) {
  const list = useRef<HTMLOListElement>(null);
  // After a move, the focus follows the moved item's button (or the other one at an end).
  const [moved, setMoved] = useState<{ id: ShareItem; dir: "up" | "down" } | null>(null);
  useEffect(() => {
    if (!moved || !list.current) return;
    const other = moved.dir === "up" ? "down" : "up";
    const pick = (dir: string) => list.current!.querySelector<HTMLButtonElement>(`[data-testid="share-pref-${dir}-${moved.id}"]`);
    const button = pick(moved.dir);
    (button && !button.disabled ? button : pick(other))?.focus();
    setMoved(null);
  }, [moved]);

  const onlyOne = prefs.filter((p) => p.on).length <= 1;
  return (
    <ol class="share-prefs" ref={list} data-testid="share-prefs" aria-labelledby="set-share-label">
      {prefs.map((p, i) => (
        <li key={p.id} class={`share-pref${p.on ? "" : " is-off"}`} data-testid={`share-pref-${p.id}`}>
          <label class="share-pref-check">
            <input
              type="checkbox"
              data-testid={`share-pref-toggle-${p.id}`}
              checked={p.on}
              disabled={p.on && onlyOne}
              title={p.on && onlyOne ? t("settings.shareKeepOne") : undefined}
              onChange={(e) => actions.setSharePrefs(toggleSharePref(prefs, p.id, (e.target as HTMLInputElement).checked))}
            />
            <ShareIcon item={p.id} size={18} />
            <span>{shareName(p.id)}</span>
          </label>
          <span class="share-pref-move">
            <button
              type="button"
              class="icon-btn"
              data-testid={`share-pref-up-${p.id}`}
              aria-label={t("settings.shareUp", { name: shareName(p.id) })}
              title={t("settings.shareUp", { name: shareName(p.id) })}
              disabled={i === 0}
              onClick={() => {
                actions.setSharePrefs(moveSharePref(prefs, p.id, -1));
                setMoved({ id: p.id, dir: "up" });
              }}
            >
              <IconChevron size={15} class="rot-up" />
            </button>
            <button
              type="button"
              class="icon-btn"
              data-testid={`share-pref-down-${p.id}`}
              aria-label={t("settings.shareDown", { name: shareName(p.id) })}
              title={t("settings.shareDown", { name: shareName(p.id) })}
              disabled={i === prefs.length - 1}
              onClick={() => {
                actions.setSharePrefs(moveSharePref(prefs, p.id, 1));
                setMoved({ id: p.id, dir: "down" });
              }}
            >
              <IconChevron size={15} class="rot90" />
            </button>
          </span>
        </li>
      ))}
    </ol>
  );
}

/** Saves a change to the settings (and reports how it went). */
type Update = (patch: Partial<Settings>) => Promise<void>;

/** Theme, language and the reader's font. */
function AppearanceSection({ settings, update }: { settings: Settings; update: Update }) {
  const size = settings.reader_font_size;
  return (
    <section class="settings-section">
      <h3 class="section-title">{t("settings.appearance")}</h3>
      <div class="setting">
        <label for="set-theme">{t("settings.theme")}</label>
        <select
          id="set-theme"
          data-testid="settings-theme"
          value={settings.theme}
          onChange={(e) => void update({ theme: (e.target as HTMLSelectElement).value as Settings["theme"] })}
        >
          <option value="system">{t("settings.themeSystem")}</option>
          <option value="light">{t("settings.themeLight")}</option>
          <option value="dark">{t("settings.themeDark")}</option>
        </select>
      </div>
      <div class="setting">
        <label for="set-lang">{t("settings.language")}</label>
        <select
          id="set-lang"
          data-testid="settings-language"
          value={settings.ui_language}
          onChange={(e) => void update({ ui_language: (e.target as HTMLSelectElement).value })}
        >
          <option value="system">{t("settings.languageSystem")}</option>
          <option value="az">Azərbaycanca</option>
          <option value="ru">Русский</option>
          <option value="en">English</option>
        </select>
      </div>
      <div class="setting">
        <span id="set-font-label">{t("settings.readerFont")}</span>
        <div class="segmented" role="radiogroup" aria-labelledby="set-font-label" data-testid="settings-font">
          {(["serif", "sans"] as const).map((f) => (
            <button
              key={f}
              type="button"
              role="radio"
              aria-checked={settings.reader_font === f}
              class={`font-choice font-${f}${settings.reader_font === f ? " is-current" : ""}`}
              data-testid={`settings-font-${f}`}
              onClick={() => void update({ reader_font: f })}
            >
              {f === "serif" ? t("settings.fontSerif") : t("settings.fontSans")}
            </button>
          ))}
        </div>
      </div>
      <div class="setting">
        <span id="set-size-label">{t("settings.fontSize")}</span>
        <div class="stepper" role="group" aria-labelledby="set-size-label">
          <button
            type="button"
            class="btn btn-small"
            data-testid="settings-font-smaller"
            aria-label={t("settings.smaller")}
            disabled={size <= 12}
            onClick={() => void update({ reader_font_size: Math.max(12, size - 1) })}
          >
            A−
          </button>
          <output data-testid="settings-font-size">{size}px</output>
          <button
            type="button"
            class="btn btn-small"
            data-testid="settings-font-larger"
            aria-label={t("settings.larger")}
            disabled={size >= 32}
            onClick={() => void update({ reader_font_size: Math.min(32, size + 1) })}
          >
            A+
          </button>
        </div>
      </div>
    </section>
  );
}

/** Sync interval, retention, page extraction and notifications. */
function ReadingSection({ settings, update }: { settings: Settings; update: Update }) {
  return (
    <section class="settings-section">
      <h3 class="section-title">{t("settings.reading")}</h3>
      <div class="setting">
        <label for="set-interval">{t("settings.syncInterval")}</label>
        <select
          id="set-interval"
          data-testid="settings-sync-interval"
          value={String(settings.sync_interval_minutes)}
          onChange={(e) => void update({ sync_interval_minutes: Number((e.target as HTMLSelectElement).value) })}
        >
          {withCurrent(INTERVALS, settings.sync_interval_minutes).map((m) => (
            <option key={m} value={String(m)}>
              {intervalLabel(m)}
            </option>
          ))}
        </select>
      </div>
      <div class="setting">
        <label for="set-retention">{t("settings.retention")}</label>
        <select
          id="set-retention"
          data-testid="settings-retention"
          value={String(settings.retention_days)}
          onChange={(e) => void update({ retention_days: Number((e.target as HTMLSelectElement).value) })}
        >
          {withCurrent(RETENTION, settings.retention_days).map((d) => (
            <option key={d} value={String(d)}>
              {retentionLabel(d)}
            </option>
          ))}
        </select>
        <p class="setting-hint">{t("settings.retentionHint")}</p>
      </div>
      <div class="setting">
        <label for="set-extraction">{t("settings.extraction")}</label>
        <select
          id="set-extraction"
          data-testid="settings-extraction"
          value={settings.extraction_policy}
          onChange={(e) => {
            const policy = toPolicy((e.target as HTMLSelectElement).value);
            if (policy) void update({ extraction_policy: policy });
          }}
        >
          {POLICIES.map((p) => (
            <option key={p} value={p}>
              {t(POLICY_LABEL[p])}
            </option>
          ))}
        </select>
      </div>
      <div class="setting setting-check">
        <label class="check">
          <input
            type="checkbox"
            data-testid="settings-notifications"
            checked={settings.notifications}
            onChange={(e) => void update({ notifications: (e.target as HTMLInputElement).checked })}
          />
          <span>
            <span class="check-label">{t("settings.notifications")}</span>
            <span class="setting-hint">{t("settings.notificationsHint")}</span>
          </span>
        </label>
      </div>
    </section>
  );
}

/** Which share buttons show, and the Messenger app id. */
function SharingSection({ settings, sharePrefs, update }: { settings: Settings; sharePrefs: SharePref[]; update: Update }) {
  const [appId, setAppId] = useState(settings.messenger_app_id);
  const [appIdError, setAppIdError] = useState<string | null>(null);

  const saveAppId = async () => {
    const value = appId.trim();
    if (value === settings.messenger_app_id) return;
    if (!/^\d*$/.test(value)) {
      setAppIdError(t("settings.messengerInvalid"));
      return;
    }
    setAppIdError(null);
    await update({ messenger_app_id: value });
  };

  return (
    <section class="settings-section">
      <h3 class="section-title">{t("settings.sharing")}</h3>
      <div class="setting setting-top">
        <span id="set-share-label">{t("settings.shareTargets")}</span>
        <SharePrefsList prefs={sharePrefs} />
        <p class="setting-hint">{t("settings.shareTargetsHint")}</p>
      </div>
      <div class="setting">
        <label for="set-messenger">{t("settings.messenger")}</label>
        <input
          id="set-messenger"
          type="text"
          inputMode="numeric"
          data-testid="settings-messenger"
          class="setting-wide"
          placeholder={t("settings.messengerPlaceholder")}
          value={appId}
          aria-invalid={appIdError ? true : undefined}
          onInput={(e) => {
            setAppId((e.target as HTMLInputElement).value);
            setAppIdError(null);
          }}
          onBlur={() => void saveAppId()}
          onKeyDown={(e) => {
            if (e.key === "Enter") void saveAppId();
          }}
        />
        {appIdError ? (
          <p class="field-error" role="alert" data-testid="settings-messenger-error">
            {appIdError}
          </p>
        ) : (
          <p class="setting-hint">{t("settings.messengerHint")}</p>
        )}
      </div>
    </section>
  );
}

export function SettingsPanel({ s }: { s: State }) {
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const settings = s.settings;

  const update = async (patch: Partial<Settings>) => {
    setError(null);
    setSaved(false);
    try {
      await actions.saveSettings({ ...settings, ...patch });
      setSaved(true);
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <Modal title={t("settings.title")} testid="settings-panel" size="wide">
      <div class="settings">
        <AppearanceSection settings={settings} update={update} />

        <ReadingSection settings={settings} update={update} />

        <SharingSection settings={settings} sharePrefs={s.sharePrefs} update={update} />

        <AccountsSection s={s} />

        {s.appInfo ? (
          <p class="settings-about" data-testid="app-info">
            Byline {s.appInfo.version} · <span title={s.appInfo.data_dir}>{s.appInfo.data_dir}</span>
          </p>
        ) : null}
        <div class="settings-status" role="status" aria-live="polite">
          {error ? (
            <span class="field-error" data-testid="settings-error">
              {error}
            </span>
          ) : saved ? (
            <span class="saved-note" data-testid="settings-saved">
              {t("settings.saved")}
            </span>
          ) : null}
        </div>
      </div>
    </Modal>
  );
}
