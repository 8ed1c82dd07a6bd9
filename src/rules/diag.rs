//! Diagnostics for rule maintainers, rendered like a compiler's: `file:line:col`, the offending
//! text underlined, what is wrong and what to do. Collects all problems; never stops at the first.

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use std::ops::Range;

/// The text of every file the diagnostics point into.
#[derive(Clone, Debug, Default)]
pub struct Sources {
    pub files: Vec<SourceFile>,
}

#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Path as shown to the user.
    pub path: String,
    pub text: String,
}

impl Sources {
    pub fn add(&mut self, path: String, text: String) -> usize {
        self.files.push(SourceFile { path, text });
        self.files.len() - 1
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, file: usize, offset: usize) -> (usize, usize) {
        let text = &self.files[file].text;
        let offset = offset.min(text.len());
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
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
    pub file: usize,
    pub span: Range<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem, with where it is and what to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable short name of the kind of problem (`unknown-field`, `gap`, …), for tests and docs.
    pub code: &'static str,
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

    pub fn warning(code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(code, message) }
    }

    pub fn at(mut self, loc: Loc, label: impl Into<String>) -> Self {
        self.primary = Some((loc, label.into()));
        self
    }

    pub fn also(mut self, loc: Loc, label: impl Into<String>) -> Self {
        self.secondary.push((loc, label.into()));
        self
    }

    pub fn help(mut self, text: impl Into<String>) -> Self {
        self.help.push(text.into());
        self
    }

    pub fn note(mut self, text: impl Into<String>) -> Self {
        self.notes.push(text.into());
        self
    }

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
            let mut snippet = Snippet::source(f.text.as_str()).path(f.path.as_str()).fold(true);
            for (kind, span, label) in anns {
                let a = (*kind).span(span.clone());
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
