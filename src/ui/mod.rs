//! The widget face: a Yew app asking only the questions the engine still needs and rendering its
//! explained answer; and, built a second time with the `staff` feature, the staff views (a kommun's
//! whole matrix, comparisons, timelines). `flow`, `state`, `staff` and `i18n` are plain Rust (tested
//! natively); everything that touches the DOM is behind the `ui` feature and built for
//! `wasm32-unknown-unknown`.

pub mod flow;
pub mod i18n;
pub mod staff;
pub mod state;

#[cfg(feature = "ui")]
mod web;
