//! XML text for the feeds the test kit serves: escaping and CDATA, written
//! once for the generated feeds and the hostile ones.

/// Whether XML 1.0 can carry `c` (most C0 controls it cannot).
fn is_xml_char(c: char) -> bool {
    !c.is_control() || matches!(c, '\t' | '\n' | '\r') || (c as u32) >= 0x7f
}

/// Text or attribute content, escaped, without what XML cannot carry.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars().filter(|c| is_xml_char(*c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Text as a CDATA section (split where it holds `]]>`), without what XML
/// cannot carry.
pub(crate) fn cdata(s: &str) -> String {
    let text: String = s.chars().filter(|c| is_xml_char(*c)).collect();
    format!("<![CDATA[{}]]>", text.replace("]]>", "]]]]><![CDATA[>"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_controls_dropped() {
        assert_eq!(esc("a<b>&\"c'\u{1}\td"), "a&lt;b&gt;&amp;&quot;c&apos;\td");
        assert_eq!(cdata("x]]>y\u{2}"), "<![CDATA[x]]]]><![CDATA[>y]]>");
    }
}
