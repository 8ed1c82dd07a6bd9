//! Escaping text for HTML. Shared by the two faces that write static HTML as text: the widget's
//! responsibility matrix and the CLI's "Om uppgifterna" page. Not a template engine; no DOM.

/// Escapes text for HTML content and for attribute values written in double quotes: `&`, `<`, `>`
/// and `"` become character references. (Single quotes are left alone: no attribute is written in
/// single quotes.)
pub fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::escape_html;

    #[test]
    fn markup_and_quotes_are_escaped_once() {
        assert_eq!(escape_html(r#"<a href="x">Tom & Jerry</a>"#), "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&lt;/a&gt;");
        // `&` first, so an escaped text escapes again rather than being taken as markup.
        assert_eq!(escape_html("&lt;"), "&amp;lt;");
        assert_eq!(escape_html("Västerås – 1 § 'x'"), "Västerås – 1 § 'x'");
        assert_eq!(escape_html(""), "");
    }
}
