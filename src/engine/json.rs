//! A minimal JSON writer: the answer's JSON is written by hand so the browser bundle carries no
//! JSON serialiser (serde_json would add about 0.9 KB brotli), and the CLI and the browser produce
//! the very same bytes. Writes only; the engine never reads JSON.

/// Builds a JSON text; compact, or indented by two spaces.
pub struct Json {
    out: String,
    pretty: bool,
    /// For each open object or array: whether it has no member yet.
    first: Vec<bool>,
}

impl Json {
    /// An empty writer.
    pub fn new(pretty: bool) -> Json {
        Json { out: String::new(), pretty, first: Vec::new() }
    }

    /// The JSON text.
    pub fn finish(self) -> String {
        self.out
    }

    fn newline(&mut self) {
        if self.pretty {
            self.out.push('\n');
            for _ in 0..self.first.len() {
                self.out.push_str("  ");
            }
        }
    }

    /// Before a value inside an array, or a key inside an object: the comma and the line break.
    fn item(&mut self) {
        if let Some(first) = self.first.last_mut() {
            if !*first {
                self.out.push(',');
            }
            *first = false;
            self.newline();
        }
    }

    fn open(&mut self, c: char) {
        self.out.push(c);
        self.first.push(true);
    }

    fn close(&mut self, c: char) {
        let empty = self.first.pop().unwrap_or(true);
        if !empty {
            self.newline();
        }
        self.out.push(c);
    }

    /// `{`: at the top, as an array element, or after [`Json::key`].
    pub fn begin_object(&mut self) {
        self.open('{');
    }
    /// `}`.
    pub fn end_object(&mut self) {
        self.close('}');
    }
    /// `[`: at the top, as an array element, or after [`Json::key`].
    pub fn begin_array(&mut self) {
        self.open('[');
    }
    /// `]`.
    pub fn end_array(&mut self) {
        self.close(']');
    }

    /// A member's key; the value follows.
    pub fn key(&mut self, k: &str) {
        self.item();
        self.string(k);
        self.out.push(':');
        if self.pretty {
            self.out.push(' ');
        }
    }

    /// Starts an array element (call before an element's `begin_object`, `str`, …).
    pub fn element(&mut self) {
        self.item();
    }

    fn string(&mut self, s: &str) {
        self.out.push('"');
        for c in s.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                // The short forms serde_json writes too (tests/json_reference.rs compares byte for byte).
                '\u{8}' => self.out.push_str("\\b"),
                '\u{c}' => self.out.push_str("\\f"),
                c if (c as u32) < 0x20 => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    self.out.push_str("\\u00");
                    self.out.push(HEX[(c as usize) >> 4] as char);
                    self.out.push(HEX[(c as usize) & 15] as char);
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    /// A string value, escaped.
    pub fn str(&mut self, s: &str) {
        self.string(s)
    }
    /// A number.
    pub fn uint(&mut self, n: u64) {
        self.out.push_str(&n.to_string())
    }
    /// `true` or `false`.
    pub fn bool(&mut self, b: bool) {
        self.out.push_str(if b { "true" } else { "false" })
    }
    /// `null`.
    pub fn null(&mut self) {
        self.out.push_str("null")
    }

    /// `"k": "v"`, or `"k": null`.
    pub fn field_str(&mut self, k: &str, v: Option<&str>) {
        self.key(k);
        match v {
            Some(v) => self.str(v),
            None => self.null(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_compact_and_pretty() {
        for pretty in [false, true] {
            let mut j = Json::new(pretty);
            j.begin_object();
            j.field_str("a", Some("x\"y\\z\n\u{1}å"));
            j.key("b");
            j.begin_array();
            j.element();
            j.uint(1);
            j.element();
            j.bool(false);
            j.end_array();
            j.key("c");
            j.begin_array();
            j.end_array();
            j.field_str("d", None);
            j.end_object();
            let text = j.finish();
            let compact: String = if pretty { text.split('\n').map(str::trim_start).collect::<Vec<_>>().join("").replace(": ", ":") } else { text.clone() };
            assert_eq!(compact, r#"{"a":"x\"y\\z\n\u0001å","b":[1,false],"c":[],"d":null}"#, "{text}");
        }
    }
}
