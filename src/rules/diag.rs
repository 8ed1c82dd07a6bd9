//! Diagnostics for rule maintainers, rendered like a compiler's: `file:line:col`, the offending
//! text underlined, what is wrong and what to do. Collects all problems; never stops at the first.

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use std::ops::Range;

/// The text of every file the diagnostics point into; a [`Loc`] names a file by its index here.
#[derive(Clone, Debug, Default)]
pub struct Sources {
    /// The files, in the order they were added.
    pub files: Vec<SourceFile>,
}

/// One file's path and text.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Path as shown to the user.
    pub path: String,
    /// The whole text, as read.
    pub text: String,
    /// Byte offset of the start of each line, made on first use: a position is then a binary
    /// search, not a count of every newline before it.
    lines: std::sync::OnceLock<Vec<usize>>,
}

impl Sources {
    /// Adds a file and returns its index (the `file` of a [`Loc`] pointing into it).
    pub fn add(&mut self, path: String, text: String) -> usize {
        self.files.push(SourceFile { path, text, lines: std::sync::OnceLock::new() });
        self.files.len() - 1
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, file: usize, offset: usize) -> (usize, usize) {
        let f = &self.files[file];
        let text = &f.text;
        let offset = offset.min(text.len());
        let starts = f.lines.get_or_init(|| std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect());
        let line = starts.partition_point(|&s| s <= offset);
        let col = text[starts[line - 1]..offset].chars().count() + 1;
        (line, col)
    }

    /// `path:line:col` of a position.
    pub fn position(&self, loc: &Loc) -> String {
        let (l, c) = self.line_col(loc.file, loc.span.start);
        format!("{}:{l}:{c}", self.files[loc.file].path)
    }
}

/// A place in a source file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loc {
    /// Index of the file in [`Sources::files`].
    pub file: usize,
    /// Byte range of the text in the file.
    pub span: Range<usize>,
}

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The rules cannot be used: `check` fails (exit 1) and nothing is compiled or answered.
    Error,
    /// Probably a mistake (an unused document, a badly named file); the rules can be used.
    Warning,
}

/// One problem, with where it is and what to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable short name of the kind of problem (`unknown-field`, `gap`, …), for tests and docs.
    pub code: &'static str,
    /// What is wrong, in one line.
    pub message: String,
    /// The offending text and a short label under it.
    pub primary: Option<(Loc, String)>,
    /// Other places that explain it.
    pub secondary: Vec<(Loc, String)>,
    /// What to do.
    pub help: Vec<String>,
    /// Further facts (counter-examples, valid choices).
    pub notes: Vec<String>,
}

impl Diagnostic {
    /// An error of kind `code` (see [`Diagnostic::code`]); add places and help with the builders.
    pub fn error(code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            primary: None,
            secondary: Vec::new(),
            help: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// A warning of kind `code`.
    pub fn warning(code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(code, message) }
    }

    /// Points at the offending text, with a short label under it.
    pub fn at(mut self, loc: Loc, label: impl Into<String>) -> Self {
        self.primary = Some((loc, label.into()));
        self
    }

    /// Points at another place that explains the problem (e.g. the first of two duplicates).
    pub fn also(mut self, loc: Loc, label: impl Into<String>) -> Self {
        self.secondary.push((loc, label.into()));
        self
    }

    /// Says what to do.
    pub fn help(mut self, text: impl Into<String>) -> Self {
        self.help.push(text.into());
        self
    }

    /// Adds a further fact (a counter-example, the valid choices).
    pub fn note(mut self, text: impl Into<String>) -> Self {
        self.notes.push(text.into());
        self
    }

    /// Whether this is an error (not a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Renders diagnostics like rustc does; `color` for a terminal.
pub fn render(diags: &[Diagnostic], sources: &Sources, color: bool) -> String {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() }.decor_style(DecorStyle::Ascii);
    let mut out = String::new();
    for d in diags {
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let title = level.primary_title(d.message.as_str()).id(d.code);
        // Group annotations by file: one snippet per file, primary first.
        let labels: Vec<(&Loc, &str, AnnotationKind)> = d
            .primary
            .iter()
            .map(|(l, s)| (l, s.as_str(), AnnotationKind::Primary))
            .chain(d.secondary.iter().map(|(l, s)| (l, s.as_str(), AnnotationKind::Context)))
            .collect();
        let mut by_file: Vec<(usize, Vec<Annotated<'_>>)> = Vec::new();
        for (loc, label, kind) in labels {
            let span = clamp(loc, sources);
            match by_file.iter_mut().find(|(f, _)| *f == loc.file) {
                Some((_, v)) => v.push((kind, span, label)),
                None => by_file.push((loc.file, vec![(kind, span, label)])),
            }
        }
        let mut group = Group::with_title(title);
        for (file, anns) in &by_file {
            let f = &sources.files[*file];
            // Only the lines the labels are on: the renderer reads the whole source it is given,
            // and a diagnostic about line 3 of a 10 MB file must not cost reading 10 MB.
            let (start, end) = anns.iter().fold((usize::MAX, 0), |(s, e), (_, span, _)| (s.min(span.start), e.max(span.end)));
            let text = f.text.as_str();
            let first = text[..start].rfind('\n').map_or(0, |i| i + 1);
            let last = text[end..].find('\n').map_or(text.len(), |i| end + i);
            let line = sources.line_col(*file, first).0;
            let mut snippet = Snippet::source(&text[first..last]).path(f.path.as_str()).line_start(line).fold(true);
            for (kind, span, label) in anns {
                let a = (*kind).span(span.start - first..span.end - first);
                snippet = snippet.annotation(if label.is_empty() { a } else { a.label(*label) });
            }
            group = group.element(snippet);
        }
        for n in &d.notes {
            group = group.element(Level::NOTE.message(n.as_str()));
        }
        for h in &d.help {
            group = group.element(Level::HELP.message(h.as_str()));
        }
        out.push_str(&renderer.render(&[group]));
        out.push_str("\n\n");
    }
    out
}

/// One label of a snippet: its kind, where, and the text under it.
type Annotated<'a> = (AnnotationKind, Range<usize>, &'a str);

fn clamp(loc: &Loc, sources: &Sources) -> Range<usize> {
    let len = sources.files[loc.file].text.len();
    let start = loc.span.start.min(len);
    let end = loc.span.end.clamp(start, len);
    start..end
}
