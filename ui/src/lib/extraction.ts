// The extraction policies the menus offer. The list comes from the Rust enum
// through the generated bindings: the Record below must name every policy,
// so a new one fails to compile until it has a label.

import type { ExtractionPolicy } from "../api";
import type { Key } from "../i18n";

/** Each policy's label, in the order the menus list them. */
export const POLICY_LABEL: Record<ExtractionPolicy, Key> = {
  when_no_content: "settings.extractionWhenNoContent",
  always: "settings.extractionAlways",
  never: "settings.extractionNever",
};

/** Every policy, in menu order. */
export const POLICIES = Object.keys(POLICY_LABEL) as ExtractionPolicy[];

/** A `<select>` value as a policy; anything else (the "default" option's `""`) is `null`. */
export function toPolicy(value: string): ExtractionPolicy | null {
  return POLICIES.find((p) => p === value) ?? null;
}
