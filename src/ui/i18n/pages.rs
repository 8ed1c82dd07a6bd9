//! The words of the command line's staff and maintainers' output: the `matrix` table's marks,
//! `diff`, `explain`, and the static pages `site` writes (one per kommun and an index, for
//! readers without JavaScript). Only with the `cli` feature: the widget's bundle does not carry
//! them. Labels the widget shows too (needs, housing, outcomes, confidence, "Källa", "Bra att
//! veta") come from the [`Catalogue`](super::Catalogue); `{x}` marks a value filled in.

use crate::engine::{Lang, Standing, Vocab};

/// The words of one language.
pub struct PageWords {
    /// Under the `matrix` tables: what the marks mean.
    pub marks: &'static str,
    /// "Osäkert:", before the numbered doubts of `matrix`.
    pub doubts: &'static str,
    /// "Svar som ändras från {from} till {to} ({scope})"
    pub diff_title: &'static str,
    /// The scope "every kommun".
    pub scope_all: &'static str,
    /// "län {lan}"
    pub scope_lan: &'static str,
    /// "Inga svar ändras."
    pub diff_none: &'static str,
    /// "Ansvaret ändras ({n}):"
    pub diff_party: &'static str,
    /// "Bara den avgörande regeln ändras ({n}):"
    pub diff_rule: &'static str,
    /// The columns of `diff`'s tables.
    pub diff_columns: [&'static str; 4],
    /// "{list} och {n} till": a long list of kommuner, shortened.
    pub kommuner_more: &'static str,
    /// "alla {n} kommuner i {region}"
    pub kommuner_all: &'static str,
    /// The standings, indexed like `Standing::ALL`.
    pub standing: [&'static str; 4],
    /// "Gäller", before a rule's scope and dates.
    pub applies: &'static str,
    /// "hela landet": a national rule's scope.
    pub national: &'static str,
    /// "Villkor", before a rule's conditions.
    pub conditions: &'static str,
    /// "Avgör:", before where a rule decides.
    pub decides: &'static str,
    /// "Avgör inget fall." (a dead rule; the check reports it).
    pub decides_none: &'static str,
    /// "Sätter åt sidan:", before the weaker rules it overrides.
    pub sets_aside: &'static str,
    /// "Sätts åt sidan av:", before the rules that decide where it applies too.
    pub set_aside_by: &'static str,
    /// "Källor:"
    pub sources: &'static str,
    /// The skip link.
    pub skip: &'static str,
    /// The index page's title.
    pub index_title: &'static str,
    /// The index page's first paragraph.
    pub index_intro: &'static str,
    /// "Alla kommuner", the link back to the index.
    pub all_kommuner: &'static str,
    /// "Ansvarsfördelningen i {kommun}", a kommun page's title.
    pub page_title: &'static str,
    /// "{organisation}, {region}. Uppgifterna gäller den {date}."
    pub page_where: &'static str,
    /// The link to the interactive view.
    pub interactive: &'static str,
    /// After it: it needs JavaScript.
    pub interactive_hint: &'static str,
    /// What the marks and notes in the tables mean.
    pub legend: &'static str,
    /// The visual marks of kommun, region and not determined (the party is always written out too).
    pub party_marks: [&'static str; 3],
    /// "Osäkert, se {n}": the link to a doubt below the tables.
    pub doubt_ref: &'static str,
    /// "Om reglerna", the heading of the receipt at the end.
    pub about_rules: &'static str,
    /// "Uppgifterna gäller den {date}." on the index.
    pub index_date: &'static str,
    /// The link to the same page in the other language, in that language ("In English").
    pub other_lang: &'static str,
    /// "{region} (län {lan})", a heading of the index.
    pub index_region: &'static str,
    /// The label of the index's list of regions.
    pub index_nav: &'static str,
}

/// Swedish.
pub const SV: PageWords = PageWords {
    marks: "Tecken: ~ delvis bekräftad uppgift, ? inte bekräftad uppgift (utan tecken: bekräftad); [n] osäkert, se nedan.",
    doubts: "Osäkert:",
    diff_title: "Svar som ändras från {from} till {to} ({scope})",
    scope_all: "alla kommuner",
    scope_lan: "län {lan}",
    diff_none: "Inga svar ändras.",
    diff_party: "Ansvaret ändras ({n}):",
    diff_rule: "Bara den avgörande regeln ändras ({n}):",
    diff_columns: ["Kommuner", "Före", "Efter", "Fall"],
    kommuner_more: "{list} och {n} till",
    kommuner_all: "alla {n} kommuner i {region}",
    standing: ["lag", "lokalt undantag", "avtal", "grundregel"],
    applies: "Gäller",
    national: "hela landet",
    conditions: "Villkor",
    decides: "Avgör:",
    decides_none: "Avgör inget fall.",
    sets_aside: "Sätter åt sidan:",
    set_aside_by: "Sätts åt sidan av:",
    sources: "Källor:",
    skip: "Hoppa till innehållet",
    index_title: "Ansvarsfördelningen kommun för kommun",
    index_intro: "Här ser du för varje kommun vem som ansvarar för olika slags vård: kommunen eller regionen. Sidorna fungerar utan JavaScript och går att skriva ut.",
    all_kommuner: "Alla kommuner",
    page_title: "Ansvarsfördelningen i {kommun}",
    page_where: "{organisation}, {region}. Uppgifterna gäller den {date}.",
    interactive: "Öppna ansvarsfördelningen i Ansvarskollen",
    interactive_hint: "(behöver JavaScript)",
    legend: "I varje ruta står vem som ansvarar: K för kommunen, R för regionen och ? där reglerna inte avgör det. Där ingenting annat står är uppgiften bekräftad. Osäkerheter finns under tabellerna.",
    party_marks: ["K", "R", "?"],
    doubt_ref: "Osäkert, se {n}",
    about_rules: "Om reglerna",
    index_date: "Uppgifterna gäller den {date}.",
    other_lang: "In English",
    index_region: "{region} (län {lan})",
    index_nav: "Län",
};

/// English.
pub const EN: PageWords = PageWords {
    marks: "Marks: ~ partly verified, ? not verified (no mark: verified); [n] a doubt, see below.",
    doubts: "Doubts:",
    diff_title: "Answers that change from {from} to {to} ({scope})",
    scope_all: "every kommun",
    scope_lan: "län {lan}",
    diff_none: "No answer changes.",
    diff_party: "Who is responsible changes ({n}):",
    diff_rule: "Only the deciding rule changes ({n}):",
    diff_columns: ["Kommuner", "Before", "After", "Cases"],
    kommuner_more: "{list} and {n} more",
    kommuner_all: "all {n} kommuner of {region}",
    standing: ["law", "local exception", "agreement", "default"],
    applies: "Applies",
    national: "the whole country",
    conditions: "Conditions",
    decides: "Decides:",
    decides_none: "Decides no case.",
    sets_aside: "Sets aside:",
    set_aside_by: "Set aside by:",
    sources: "Sources:",
    skip: "Skip to the content",
    index_title: "Who is responsible, kommun by kommun",
    index_intro: "For each kommun, who is responsible for different kinds of care: the kommun or the region. These pages work without JavaScript and can be printed.",
    all_kommuner: "All kommuner",
    page_title: "Who is responsible in {kommun}",
    page_where: "{organisation}, {region}. The information applies on {date}.",
    interactive: "Open the responsibility matrix in Ansvarskollen",
    interactive_hint: "(needs JavaScript)",
    legend: "Each cell says who is responsible: K for the kommun, R for the region and ? where the rules do not decide it. Where nothing else is said, the information is verified. Doubts are listed below the tables.",
    party_marks: ["K", "R", "?"],
    doubt_ref: "Doubt, see {n}",
    about_rules: "About the rules",
    index_date: "The information applies on {date}.",
    other_lang: "På svenska",
    index_region: "{region} (län {lan})",
    index_nav: "Län",
};

/// The words of a language.
pub fn words(lang: Lang) -> &'static PageWords {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

impl PageWords {
    /// A standing's word.
    pub fn standing(&self, s: Standing) -> &'static str {
        self.standing[s.index()]
    }
}
