//! The widget face: a Yew app asking only the questions the engine still needs and rendering its
//! explained answer. `flow` and `i18n` are plain Rust (tested natively); everything that touches the
//! DOM is behind the `ui` feature and built for `wasm32-unknown-unknown`.

pub mod flow;

/// Escapes text for HTML content and attribute values. Shared by the widget's matrix and the
/// CLI's "Om uppgifterna" page, which both write static HTML as text.
pub fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
pub mod i18n;

#[cfg(feature = "ui")]
mod web;
