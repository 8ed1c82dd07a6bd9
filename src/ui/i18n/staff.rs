//! The staff views' own words: one catalogue per language (`staff_sv.rs`, `staff_en.rs`), apart
//! from the person's [`super::Catalogue`] so that the person's bundle does not carry them (a
//! static catalogue is kept whole once one of its words is used). Words both show (outcomes,
//! housing, needs, "Källa", the rules' dates) come from the person's catalogue.

#[path = "staff_en.rs"]
mod en;
#[path = "staff_sv.rs"]
mod sv;

/// The staff words of a language code, falling back to Swedish (as [`super::catalogue`]).
pub fn words(code: &str) -> &'static StaffWords {
    [&sv::SV, &en::EN].into_iter().find(|w| w.code == code).unwrap_or(&sv::SV)
}

/// Every string the staff views show that the person's catalogue does not have. `{x}` marks a
/// value filled in at run time.
pub struct StaffWords {
    /// The language code, as the person's catalogue's.
    pub code: &'static str,
    /// The staff views' heading ("Ansvarsfördelning för personal").
    pub heading: &'static str,
    /// The label of the views' navigation.
    pub nav: &'static str,
    /// The views' names, indexed like `View::ALL`.
    pub views: [&'static str; 3],
    /// The link back to the person's questions.
    pub to_questions: &'static str,
    /// The fields: kommun, its empty choice, date, its hint.
    pub kommun: &'static str,
    pub choose_kommun: &'static str,
    pub date: &'static str,
    pub date_hint: &'static str,
    /// The second kommun and date of a comparison, and their empty choices.
    pub kommun2: &'static str,
    pub same_kommun: &'static str,
    pub date2: &'static str,
    pub date2_hint: &'static str,
    /// "Visa": applies the fields.
    pub show: &'static str,
    /// Shown before a kommun is chosen.
    pub choose_first: &'static str,
    /// "Visar {kommun} den {date}." (announced when the view changes).
    pub showing: &'static str,
    /// The marks of the outcomes (kommun, region, not determined), a letter each.
    pub marks: [&'static str; 3],
    /// The confidence badge on paper, where a matrix must fit one A4 page ("delvis bekräftad"
    /// for "Delvis bekräftad uppgift"), indexed like `Confidence`.
    pub confidence_print: [&'static str; 3],
    /// What the marks and an unmarked cell mean.
    pub legend: &'static str,
    /// The word a verified cell carries for screen readers only (an unmarked cell is verified).
    pub verified: &'static str,
    /// "Förklaring", the link to a cell's full explanation.
    pub explain: &'static str,
    /// "Not {n}", the mark of a doubt, and the heading of the doubts' list.
    pub note: &'static str,
    pub notes: &'static str,
    /// "Utförs av {name}".
    pub performed_by: &'static str,
    /// The row of a kind of aid: "{need}: {aid}".
    pub need_aid: &'static str,
    /// The heading of the sources' list.
    pub sources: &'static str,
    /// Compare: the heading "{a} och {b}", the list's heading, a difference ("{where}: {before} → {after}"),
    /// no difference, no second side yet, and the words of a cell that differs.
    pub compare_title: &'static str,
    pub differences: &'static str,
    pub difference: &'static str,
    pub no_difference: &'static str,
    pub choose_second: &'static str,
    pub changed: &'static str,
    /// "{kommun} den {date}", one side of a comparison.
    pub side: &'static str,
    /// Timeline: the heading, the intro, the labels of a period's facts (region, the key answer,
    /// the rules in force), and the words of a period.
    pub timeline_title: &'static str,
    pub timeline_intro: &'static str,
    pub timeline_columns: [&'static str; 3],
    /// "{from} – {to}" / "{from} och framåt": a period's dates.
    pub until: &'static str,
    pub onwards: &'static str,
    /// The mark of the period of today.
    pub now: &'static str,
    /// Before the region's rules answer.
    pub not_covered: &'static str,
    /// "Ny": a rule that enters with the period; "Upphörde: {rules}": those that left.
    pub entered: &'static str,
    pub left: &'static str,
    /// The standings of rules (law, local, agreement, default), as a reader says them.
    pub standings: [&'static str; 4],
}
