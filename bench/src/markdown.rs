//! Replacing one `## ` section of a Markdown file (BENCHMARKS.md), shared by
//! both benchmarks (`bench/extract` includes this file by path).

/// The line that opens notes written by hand inside a generated section
/// (the rest of the line says what they are), and the line that closes
/// them: [`replace_section`] keeps them when it writes the section again.
pub const KEPT_OPEN: &str = "<!-- kept";
/// See [`KEPT_OPEN`].
pub const KEPT_CLOSE: &str = "<!-- /kept -->";

/// `existing` with its `## {heading}` section (up to the next `## ` or `# `
/// heading outside a code fence) replaced by `section`, or with `section`
/// appended when there is none; other sections are kept. Notes written by
/// hand in the old section between [`KEPT_OPEN`] and [`KEPT_CLOSE`] lines
/// are kept too, after the new section's first code block (its command),
/// unless the new section has notes of its own.
pub fn replace_section(existing: &str, heading: &str, section: &str) -> String {
    let lines: Vec<&str> = existing.lines().collect();
    let target = format!("## {heading}");
    let mut out = String::new();
    match lines.iter().position(|l| l.trim_end() == target) {
        Some(start) => {
            let mut in_fence = false;
            let mut end = lines.len();
            for (i, l) in lines.iter().enumerate().skip(start + 1) {
                if l.trim_start().starts_with("```") {
                    in_fence = !in_fence;
                }
                if !in_fence && (l.starts_with("## ") || l.starts_with("# ")) {
                    end = i;
                    break;
                }
            }
            for l in &lines[..start] {
                out.push_str(l);
                out.push('\n');
            }
            let section = with_kept_notes(section, kept_notes(&lines[start..end]));
            out.push_str(section.trim_end());
            out.push('\n');
            if end < lines.len() {
                out.push('\n');
                for l in &lines[end..] {
                    out.push_str(l);
                    out.push('\n');
                }
            }
        }
        None => {
            out.push_str(existing.trim_end());
            out.push_str("\n\n");
            out.push_str(section.trim_end());
            out.push('\n');
        }
    }
    out
}

/// The lines of `section` from its first [`KEPT_OPEN`] line to the next
/// [`KEPT_CLOSE`] line, both included; empty when it has none.
fn kept_notes<'a, 'b>(section: &'b [&'a str]) -> &'b [&'a str] {
    let Some(open) = section.iter().position(|l| l.starts_with(KEPT_OPEN)) else { return &[] };
    match section[open..].iter().position(|l| l.trim_end() == KEPT_CLOSE) {
        Some(close) => &section[open..=open + close],
        None => &[],
    }
}

/// `section` with `notes` put after its first code block (or its heading
/// when it has none), unless it has notes of its own.
fn with_kept_notes(section: &str, notes: &[&str]) -> String {
    let lines: Vec<&str> = section.lines().collect();
    if notes.is_empty() || !kept_notes(&lines).is_empty() {
        return section.to_string();
    }
    let fences: Vec<usize> =
        lines.iter().enumerate().filter(|(_, l)| l.trim_start().starts_with("```")).map(|(i, _)| i).collect();
    let at = if fences.len() >= 2 { fences[1] + 1 } else { 1.min(lines.len()) };
    let mut out: Vec<&str> = lines[..at].to_vec();
    out.push("");
    out.extend_from_slice(notes);
    out.extend_from_slice(&lines[at..]);
    out.join("\n") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    const OLD: &str = "# B\n\n## Run\n\nBy:\n\n```sh\nrun.sh\n```\n\n<!-- kept: notes -->\n- Session 1: why.\n<!-- /kept -->\n\n- Date: old\n\n## Next\n\nkept\n";

    #[test]
    fn a_section_is_replaced_and_its_notes_written_by_hand_stay() {
        let new = replace_section(OLD, "Run", "## Run\n\nBy:\n\n```sh\nrun.sh\n```\n\n- Date: new\n");
        assert_eq!(
            new,
            "# B\n\n## Run\n\nBy:\n\n```sh\nrun.sh\n```\n\n<!-- kept: notes -->\n- Session 1: why.\n<!-- /kept -->\n\n- Date: new\n\n## Next\n\nkept\n"
        );
    }

    #[test]
    fn a_section_with_notes_of_its_own_or_none_before() {
        let own = "## Run\n\n<!-- kept -->\n- mine\n<!-- /kept -->\n";
        assert!(
            replace_section(OLD, "Run", own).contains("- mine")
                && !replace_section(OLD, "Run", own).contains("Session 1")
        );
        let plain = replace_section("# B\n\n## Run\n\nold\n", "Run", "## Run\n\nnew\n");
        assert_eq!(plain, "# B\n\n## Run\n\nnew\n");
        let appended = replace_section("# B\n", "Run", "## Run\n\nnew\n");
        assert_eq!(appended, "# B\n\n## Run\n\nnew\n");
    }
}
