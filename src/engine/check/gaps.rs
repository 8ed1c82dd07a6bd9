//! Gaps: cases no rule answers, per kommun group and run of date segments, merged across the
//! groups of a region that share them. Only counts what the check's walk shows it; it does not
//! walk, and it does not judge conflicts or dead rules.

use super::{Cube, Example};
use crate::engine::case::Facts;
use crate::engine::date::Date;
use crate::engine::domain::Space;
use crate::engine::eval::Context;
use crate::engine::segments::Segment;
use crate::engine::vocab::Stay;

/// Cases no rule answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gap {
    /// Länskod of the region the kommuner belonged to.
    pub region: String,
    /// Codes of the kommuner where it occurs.
    pub kommuner: Vec<String>,
    /// First day of the gap.
    pub from: Date,
    /// Last day of the gap (inclusive).
    pub to: Date,
    /// Which cases, described compactly.
    pub cases: Cube,
    /// One of the cases.
    pub example: Example,
}

/// The gaps found so far; consecutive segments of one group with the same gap make one gap.
#[derive(Default)]
pub(super) struct Gaps {
    /// The gap of the group's previous segment, still open to be extended: (group, gap).
    open: Option<(usize, Gap)>,
    found: Vec<Gap>,
}

impl Gaps {
    /// Ends the open gap, if any.
    pub(super) fn close(&mut self) {
        if let Some((_, g)) = self.open.take() {
            self.found.push(g);
        }
    }

    /// A segment whose cases `unanswered` no rule answers (possibly none).
    pub(super) fn segment(&mut self, seg: &Segment<'_, '_>, ctx: &Context<'_>, space: &Space, unanswered: &[Facts]) {
        if self.open.as_ref().is_some_and(|(group, _)| *group != seg.group) {
            self.close();
        }
        // An example at home where there is one: a visit needs a home kommun to reproduce it.
        let Some(first) = unanswered.iter().find(|f| f.stay == Stay::Home).or(unanswered.first()) else {
            self.close();
            return;
        };
        let cube = Cube::describe(unanswered, space, &ctx.age_breaks());
        match &mut self.open {
            Some((_, g)) if g.cases == cube => g.to = seg.end,
            _ => {
                self.close();
                let gap = Gap {
                    region: ctx.region.lan.clone(),
                    kommuner: seg.kommuner.iter().map(|&i| ctx.rules.kommuner[i].code.clone()).collect(),
                    from: seg.start,
                    to: seg.end,
                    cases: cube,
                    example: Example::at(ctx, *first),
                };
                self.open = Some((seg.group, gap));
            }
        }
    }

    /// Every gap. Kommun groups of one region often share a gap: it is reported once, naming all
    /// their kommuner.
    pub(super) fn finish(mut self) -> Vec<Gap> {
        self.close();
        let mut merged: Vec<Gap> = Vec::new();
        for g in self.found {
            match merged
                .iter_mut()
                .find(|m| m.region == g.region && m.from == g.from && m.to == g.to && m.cases == g.cases)
            {
                Some(m) => m.kommuner.extend(g.kommuner),
                None => merged.push(g),
            }
        }
        merged
    }
}
