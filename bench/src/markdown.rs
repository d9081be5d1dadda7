//! Replacing one `## ` section of a Markdown file (BENCHMARKS.md), shared by
//! both benchmarks (`bench/extract` includes this file by path).

/// `existing` with its `## {heading}` section (up to the next `## ` or `# `
/// heading outside a code fence) replaced by `section`, or with `section`
/// appended when there is none; other sections are kept.
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
