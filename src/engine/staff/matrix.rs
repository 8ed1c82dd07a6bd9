//! The staff matrix: a kommun's whole responsibility matrix on one date, as a view. Every need ×
//! housing × "can / cannot reach the vårdcentral", split where the rules of that kommun on that
//! date split it — the umbrella need into arbetsterapi and fysioterapi, assistive devices into
//! kinds of aid, a cell into age bands and durations — found by resolving each cell, never
//! hard-coded. Each part of a cell carries what a person's answer would show (party,
//! organisation, confidence, doubt, deciding rules, performer) and the case that reproduces it.
//! It evaluates through `partial` (the same machinery as an answer that depends); it writes no
//! words of its own and knows nothing of tables or the DOM.

use crate::engine::answer::{Answer, CitationOut, KommunRef, Performer, Reason, ReasonRole, RegionRef};
use crate::engine::case::{Case, CaseError};
use crate::engine::date::Date;
use crate::engine::depends::When;
use crate::engine::eval::{Context, Situation};
use crate::engine::partial::answer_in;
use crate::engine::ruleset::{AGE_MAX, RuleSet};
use crate::engine::vocab::{Aid, Confidence, Duration, Housing, Input, Lang, Need, Outcome, Responsible, Set, Vocab};

/// A kommun's responsibility matrix on a date, for people at home.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatrixView {
    /// The kommun (its organisation as named on the date).
    pub kommun: KommunRef,
    /// The region the kommun belonged to on the date, named as on the date.
    pub region: RegionRef,
    /// The date.
    pub date: Date,
    /// The language of the rules' texts (doubts, notes).
    pub lang: Lang,
    /// The rows in display order: one per need; `rehabilitation` where arbetsterapi and
    /// fysioterapi agree in every cell, else the two; `assistive_devices` one row per kind of aid
    /// where some cell depends on the kind.
    pub rows: Vec<ViewRow>,
    /// The inputs that split some row or cell here, in asking order: `need` (the umbrella split),
    /// `aid`, `age`, `can_visit_clinic` (some housing's two columns differ), `duration`.
    pub splits: Vec<Input>,
    /// The notes ("Bra att veta") of every cell, once each, in order of first appearance.
    pub notes: Vec<Reason>,
    /// The sources of every cell's deciding rules, notes and coverage limits, once each.
    pub sources: Vec<CitationOut>,
    /// The version (hash) of the compiled rules.
    pub rules_version: String,
    /// The last day the region's rules were reviewed against their sources.
    pub rules_reviewed: Option<Date>,
}

/// One row: a need (the umbrella `rehabilitation` where its two needs agree), and for
/// `assistive_devices` split by kind, one kind of aid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ViewRow {
    /// The need.
    pub need: Need,
    /// The kind of aid, where the row is one kind of `assistive_devices`.
    pub aid: Option<Aid>,
    /// Two cells per housing, in `Housing::ALL` order: can reach the vårdcentral, then cannot.
    pub cells: Vec<Cell>,
}

/// One cell: a need, a housing and an answer to the vårdcentral question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// The housing.
    pub housing: Housing,
    /// Whether the person can reach the vårdcentral.
    pub can_visit_clinic: bool,
    /// One part, or one per age band and duration where the answer depends on them.
    pub parts: Vec<CellPart>,
}

/// One part of a cell: under these limits, this answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellPart {
    /// Inclusive age range, where the cell is split by age.
    pub age: Option<(u8, u8)>,
    /// The duration, where the cell is split by it.
    pub duration: Option<Duration>,
    /// Who is responsible.
    pub outcome: Outcome,
    /// The responsible organisation as named on the date, when determined.
    pub organisation: Option<String>,
    /// Who performs the care for the responsible party, where another party does.
    pub performer: Option<Performer>,
    /// The weakest confidence of its deciding rules.
    pub confidence: Confidence,
    /// What is not known, in the view's language; `None` when nothing is in doubt.
    pub doubt: Option<String>,
    /// The ids of the deciding rules (several where different rules decide the part alike; none
    /// where nothing decides: before the region's rules begin, outside the window, a gap).
    pub rules: Vec<String>,
    /// A case whose answer is this part: the row's need and aid, the cell's housing and
    /// vårdcentral answer, and — where the part is limited — an age in its band (the band's
    /// first year; for a band that starts at 0 its last, a child rather than a newborn) and its
    /// duration. [`super::params`] writes it as the widget's deep link.
    pub case: Case,
}

impl MatrixView {
    /// The row that holds a need and kind of aid: a concrete need is found in its umbrella's
    /// merged row, any kind of aid in an `assistive_devices` row that is not split by kind.
    /// `aid` must be given where the rows are split by kind.
    pub fn row(&self, need: Need, aid: Option<Aid>) -> Option<&ViewRow> {
        self.rows.iter().find(|r| r.need.concrete().contains(&need) && (r.aid.is_none() || r.aid == aid))
            .or_else(|| self.rows.iter().find(|r| r.need == need && (r.aid.is_none() || r.aid == aid)))
    }

    /// The cell of a need and kind of aid (see [`MatrixView::row`]), housing and vårdcentral answer.
    pub fn cell(&self, need: Need, aid: Option<Aid>, housing: Housing, can_visit_clinic: bool) -> Option<&Cell> {
        self.row(need, aid).map(|r| r.cell(housing, can_visit_clinic))
    }

    /// Whether some row is split by kind of aid.
    pub fn split_by_aid(&self) -> bool {
        self.rows.iter().any(|r| r.aid.is_some())
    }
}

impl ViewRow {
    /// The cell of a housing and vårdcentral answer.
    pub fn cell(&self, housing: Housing, can_visit_clinic: bool) -> &Cell {
        &self.cells[housing.index() * 2 + usize::from(!can_visit_clinic)]
    }
}

impl Cell {
    /// The part that holds a person of this age with a need of this duration.
    pub fn part_at(&self, age: u8, duration: Duration) -> Option<&CellPart> {
        self.parts.iter().find(|p| p.age.is_none_or(|(a, b)| a <= age && age <= b) && p.duration.is_none_or(|d| d == duration))
    }
}

/// The outcome an answer names (`None`: not determined).
fn outcome_of(r: Option<Responsible>) -> Outcome {
    match r {
        Some(Responsible::Kommun) => Outcome::Kommun,
        Some(Responsible::Region) => Outcome::Region,
        None => Outcome::NotDetermined,
    }
}

/// The age a link gives for a part limited to the band `(a, b)`.
fn age_in_band((a, b): (u8, u8)) -> u8 {
    if a == 0 { b.min(AGE_MAX) } else { a }
}

/// Computes the matrix view of a kommun (by code) on a date; texts in `lang`.
pub fn matrix_view(rules: &RuleSet, kommun: &str, date: Date, lang: Lang) -> Result<MatrixView, CaseError> {
    let ctx = Context::new(rules, kommun, date)?;
    let sit = Situation { at: ctx, home: None };
    let mut b = Builder { sit: &sit, lang, seen: Set::empty(), notes: Vec::new(), sources: Vec::new(), first: None };
    let mut rows = Vec::new();
    for &need in Need::ALL {
        match need {
            // The umbrella's own row stands for them, or is split into them.
            Need::OccupationalTherapy | Need::Physiotherapy => {}
            Need::Rehabilitation => {
                let (row, seen) = b.row(need, None);
                if seen.contains(Input::Need) {
                    rows.extend(need.concrete().iter().map(|&n| b.row(n, None).0));
                } else {
                    rows.push(row);
                }
            }
            Need::AssistiveDevices => {
                let (row, seen) = b.row(need, None);
                if seen.contains(Input::Aid) {
                    rows.extend(Aid::ALL.iter().map(|&a| b.row(need, Some(a)).0));
                } else {
                    rows.push(row);
                }
            }
            _ => rows.push(b.row(need, None).0),
        }
    }
    let mut seen = b.seen;
    let differs = |r: &ViewRow, h: Housing| {
        let outcomes = |v| r.cell(h, v).parts.iter().map(|p| (p.age, p.duration, p.outcome)).collect::<Vec<_>>();
        outcomes(true) != outcomes(false)
    };
    if rows.iter().any(|r| Housing::ALL.iter().any(|&h| differs(r, h))) {
        seen = seen.with(Input::CanVisitClinic);
    }
    let first = b.first.take();
    let (kommun, region, rules_version, rules_reviewed) = match first {
        Some(a) => (a.kommun, a.region, a.rules_version, a.rules_reviewed),
        None => header(&sit),
    };
    Ok(MatrixView {
        kommun,
        region,
        date,
        lang,
        rows,
        splits: seen.iter().collect(),
        notes: b.notes,
        sources: b.sources,
        rules_version,
        rules_reviewed,
    })
}

/// The header of a view without any answer (there is always one: every need has a row); so
/// that nothing can make this panic.
fn header(sit: &Situation<'_>) -> (KommunRef, RegionRef, String, Option<Date>) {
    let ctx = &sit.at;
    (
        KommunRef { code: ctx.kommun.code.clone(), name: ctx.kommun.name.clone(), organisation: ctx.kommun.organisation_name() },
        RegionRef { lan: ctx.region.lan.clone(), name: ctx.region.name_on(ctx.date).to_string(), confidence: ctx.region.confidence },
        ctx.rules.version.clone(),
        ctx.region.reviewed,
    )
}

/// What building the rows collects on the way.
struct Builder<'a, 'r> {
    sit: &'a Situation<'r>,
    lang: Lang,
    /// The inputs some cell was split by.
    seen: Set<Input>,
    notes: Vec<Reason>,
    sources: Vec<CitationOut>,
    /// The first answer (for the kommun's and region's names, the receipt).
    first: Option<Answer>,
}

impl Builder<'_, '_> {
    /// One row, and the inputs its cells were split by.
    fn row(&mut self, need: Need, aid: Option<Aid>) -> (ViewRow, Set<Input>) {
        let mut seen = Set::empty();
        let mut cells = Vec::new();
        for &housing in Housing::ALL {
            for can in [true, false] {
                let mut case = Case::on(self.sit.at.date);
                case.kommun = Some(self.sit.at.kommun.code.clone());
                case.need = Some(need);
                case.aid = aid;
                case.housing = Some(housing);
                case.can_visit_clinic = Some(can);
                let link = case.clone();
                // Left open on purpose, never asked: the cell shows where they matter.
                case.unknown = Set::of(&[Input::Aid, Input::Age, Input::Duration]);
                let answer = answer_in(self.sit, &case, self.lang);
                let mut parts = Vec::new();
                self.leaves(&answer, link, None, None, &mut parts, &mut seen);
                if self.first.is_none() {
                    self.first = Some(answer);
                }
                cells.push(Cell { housing, can_visit_clinic: can, parts });
            }
        }
        for i in seen.iter() {
            self.seen = self.seen.with(i);
        }
        (ViewRow { need, aid, cells }, seen)
    }

    /// The parts of an answer: one per leaf of its branches, with the limits on the way there.
    fn leaves(&mut self, a: &Answer, case: Case, age: Option<(u8, u8)>, duration: Option<Duration>, out: &mut Vec<CellPart>, seen: &mut Set<Input>) {
        if a.depends_on.is_none() {
            self.collect(a);
            out.push(CellPart {
                age,
                duration,
                outcome: outcome_of(a.responsible),
                organisation: a.organisation.as_ref().map(|o| o.name.clone()),
                performer: a.performer.clone(),
                confidence: a.confidence,
                doubt: a.doubt.clone(),
                rules: a.reasons.iter().filter(|r| r.role == ReasonRole::Decides).map(|r| r.id.clone()).collect(),
                case,
            });
            return;
        }
        for b in &a.branches {
            *seen = seen.with(b.when.input());
            let mut c = case.clone();
            let (mut age, mut duration) = (age, duration);
            match &b.when {
                When::Age(x, y) => {
                    age = Some((*x, *y));
                    c.age = Some(age_in_band((*x, *y)));
                }
                When::Words(input, words) => {
                    if let [word] = words[..] {
                        // A word of the branch is a word of the vocabulary: setting it cannot fail.
                        let _ = c.set_word(*input, word);
                        if *input == Input::Duration {
                            duration = c.duration;
                        }
                    }
                }
                When::CanVisitClinic(v) => c.can_visit_clinic = Some(*v),
            }
            self.leaves(&b.answer, c, age, duration, out, seen);
        }
    }

    /// The notes and sources of a leaf answer, once each.
    fn collect(&mut self, a: &Answer) {
        for n in &a.notes {
            if !self.notes.iter().any(|m| m.id == n.id) {
                self.notes.push(n.clone());
            }
        }
        let cited = a.reasons.iter().filter(|r| matches!(r.role, ReasonRole::Decides | ReasonRole::NotCovered)).chain(&a.notes);
        for c in cited.flat_map(|r| &r.citations) {
            if !self.sources.contains(c) {
                self.sources.push(c.clone());
            }
        }
    }
}
