import { t } from "../i18n";
import type { Key } from "../i18n";
import { Modal } from "./Modal";

const SHORTCUTS: [string[], Key][] = [
  [["J"], "help.next"],
  [["K"], "help.prev"],
  [["N"], "help.nextFeed"],
  [["P"], "help.prevFeed"],
  [["S"], "help.save"],
  [["Shift", "S"], "help.share"],
  [["M"], "help.read"],
  [["O"], "help.open"],
  [["/"], "help.search"],
  [["R"], "help.refresh"],
  [["?"], "help.help"],
  [["Esc"], "help.close"],
];

export function HelpOverlay() {
  return (
    <Modal title={t("help.title")} testid="help-overlay" size="small">
      <dl class="shortcuts">
        {SHORTCUTS.map(([keys, label]) => (
          <div class="shortcut" key={label}>
            <dt>
              {keys.map((k) => (
                <kbd key={k}>{k}</kbd>
              ))}
            </dt>
            <dd>{t(label)}</dd>
          </div>
        ))}
      </dl>
    </Modal>
  );
}
