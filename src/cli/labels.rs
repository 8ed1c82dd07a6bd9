//! How the command line shows the catalogues' words (`ui::i18n`, shared with the widget): the
//! catalogue of a `--lang`, outcomes in lower case inside lines and tables, reason tags. The words
//! themselves live in the catalogues; this file only formats them.

use ansvarskollen::engine::{Lang, Outcome, Vocab};
use ansvarskollen::ui::i18n::{self, Catalogue};

/// The catalogue of a language.
pub fn catalogue(lang: Lang) -> &'static Catalogue {
    i18n::catalogue(lang.as_str())
}

/// An outcome inside a line or a table cell: "kommunen", "region", "inte fastställt". (At the start
/// of a line the catalogue's own capitalised word is used.)
pub fn outcome(cat: &Catalogue, o: Outcome) -> String {
    i18n::lower_first(cat.outcome(o))
}

/// The tag of a reason a stronger rule set aside: the widget's sentence, as `[…]`.
pub fn set_aside(cat: &Catalogue) -> String {
    format!("[{}]", i18n::lower_first(cat.set_aside.trim_end_matches('.')))
}

