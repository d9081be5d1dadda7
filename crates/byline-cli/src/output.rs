//! Rendering: JSON for scripts, aligned text for people. Commands render into
//! a `String`; `main` writes it to stdout in one go.

use std::fmt::Write as _;

use chrono::{DateTime, Local, Utc};

/// How wide a line of a table may get ("terminal-ish").
pub const LINE_WIDTH: usize = 100;

/// Pretty JSON followed by a newline.
pub fn json(value: &serde_json::Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_else(|_| "null".into());
    text.push('\n');
    text
}

/// Column alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// Display width of `text`, counted in characters (good enough for Latin,
/// Cyrillic and Azerbaijani; wide CJK characters count as one).
pub fn width(text: &str) -> usize {
    text.chars().count()
}

/// `text` cut to at most `max` characters, with `…` when cut; line breaks
/// and tabs become spaces so a row stays one line.
pub fn truncate(text: &str, max: usize) -> String {
    let one_line: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    if width(&one_line) <= max {
        return one_line;
    }
    if max == 0 {
        return String::new();
    }
    let mut cut: String = one_line.chars().take(max - 1).collect();
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}

/// Rows with every column but the last padded to the widest cell; the last
/// column is cut so the line fits in [`LINE_WIDTH`] (but is never given
/// fewer than 20 characters).
pub fn table(rows: &[Vec<String>], align: &[Align]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0; columns];
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            widths[i] = widths[i].max(width(cell));
        }
    }
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            if i + 1 == row.len() {
                let room = LINE_WIDTH.saturating_sub(width(&line)).max(20);
                line.push_str(&truncate(cell, room));
            } else {
                let pad = widths[i] - width(cell);
                match align.get(i).copied().unwrap_or(Align::Left) {
                    Align::Left => {
                        line.push_str(cell);
                        line.extend(std::iter::repeat_n(' ', pad));
                    }
                    Align::Right => {
                        line.extend(std::iter::repeat_n(' ', pad));
                        line.push_str(cell);
                    }
                }
            }
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    out
}

/// A date for people: local time, to the minute.
pub fn date(when: Option<DateTime<Utc>>) -> String {
    when.map_or_else(|| "-".into(), |d| d.with_timezone(&Local).format("%Y-%m-%d %H:%M").to_string())
}

/// "1 article", "2 articles".
pub fn plural(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_counts_characters_not_bytes() {
        assert_eq!(truncate("Şəhərdə yeni məktəb", 7), "Şəhərd…");
        assert_eq!(truncate("kısa", 10), "kısa");
        assert_eq!(truncate("a\nb", 10), "a b");
    }

    #[test]
    fn tables_align_and_cut_the_last_column() {
        let rows =
            vec![vec!["7".into(), "Ə".into(), "x".repeat(200)], vec!["123".into(), "long feed".into(), "short".into()]];
        let text = table(&rows, &[Align::Right, Align::Left]);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with("  7  Ə          x"));
        assert_eq!(width(lines[0]), LINE_WIDTH);
        assert_eq!(lines[1], "123  long feed  short");
    }
}
