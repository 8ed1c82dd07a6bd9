//! Walking place and time: every kommun group, every date segment, with the rules in force there.
//!
//! The exhaustive check and the coverage report both evaluate "every kommun on every date". The
//! finite input space (`domain.rs`) makes that a short walk: kommuner that every rule treats alike
//! form a group, and dates between two rule dates form a segment in which nothing changes. This
//! module only walks; what is counted on the way belongs to its callers.
//!
//! The walk is a sweep: for each group it keeps the rules and notes in force as the dates advance
//! (each rule enters and leaves once), instead of filtering every rule again for every segment,
//! and it says when a segment's rules are exactly the previous segment's
//! ([`Segment::same_as_previous`]) so that callers can reuse what they found there. With many
//! thousand rules that is the difference between seconds and minutes (docs/performance.md).

use super::date::Date;
use super::domain::date_breaks;
use super::eval::Context;
use super::ruleset::{Applies, RuleSet};
use super::vocab::Vocab;
use std::collections::BTreeSet;

/// One date segment of one kommun group, with the rules in force.
pub struct Segment<'r, 'g> {
    /// Position of the group in the list walked.
    pub group: usize,
    /// The group's kommuner (indices into [`RuleSet::kommuner`]); the first stands for them all.
    pub kommuner: &'g [usize],
    /// First day of the segment.
    pub start: Date,
    /// Last day of the segment (inclusive).
    pub end: Date,
    /// The rules in force for the group's first kommun on `start`; `None` where the rules hold no
    /// region for it on that date, or that region's rules are not loaded.
    pub ctx: Option<Context<'r>>,
    /// The previous segment is of the same group and has the same context (region, coverage,
    /// rules and notes in force): every case is decided as there.
    pub same_as_previous: bool,
}

impl Segment<'_, '_> {
    /// The number of days in the segment.
    pub fn days(&self) -> u64 {
        (self.end.to_days() - self.start.to_days() + 1) as u64
    }
}

/// Every date segment of `[from, to]` for each group of kommuner in turn (lists of indices into
/// [`RuleSet::kommuner`], as `domain::kommun_groups` makes them; a single kommun is a group of
/// one). Segments of one group come in date order; each starts where something can change for
/// that group (see `domain::date_breaks`). Each segment's context is the one
/// [`Context::for_kommun`] gives for its first day.
pub fn segments<'r, 'g>(
    rules: &'r RuleSet,
    groups: &'g [Vec<usize>],
    from: Date,
    to: Date,
) -> impl Iterator<Item = Segment<'r, 'g>> {
    groups.iter().enumerate().flat_map(move |(group, kommuner)| {
        let breaks = date_breaks(rules, kommuner[0], from, to);
        let mut sweep = Sweep::new(rules, kommuner[0]);
        let mut previous: Option<ContextKey> = None;
        (0..breaks.len()).map(move |si| {
            let start = breaks[si];
            let end = breaks.get(si + 1).map_or(to, |d| d.pred());
            let ctx = sweep.context_on(start);
            let key = ctx.as_ref().map(|c| (Some(c.region.lan.clone()), c.covered, c.in_window, c.active.clone(), c.notes.clone()));
            let key = key.unwrap_or((None, false, false, Vec::new(), Vec::new()));
            let same_as_previous = previous.as_ref() == Some(&key);
            previous = Some(key);
            Segment { group, kommuner, start, end, ctx, same_as_previous }
        })
    })
}

/// What makes two segments' contexts the same: region, coverage, window, rules and notes in force.
type ContextKey = (Option<String>, bool, bool, Vec<usize>, Vec<usize>);

/// The rules and notes in force for one kommun as the date advances: each enters on its
/// `valid_from` and leaves the day after its `valid_to`.
struct Sweep<'r> {
    rules: &'r RuleSet,
    kommun: usize,
    /// (day, enters, rule or note, index), sorted by day; `next` is the first not yet applied.
    events: Vec<(Date, bool, Item, usize)>,
    next: usize,
    /// Rules in force, by (position of the standing in `Standing::ALL`, index): the context's order.
    rules_on: BTreeSet<(usize, usize)>,
    notes_on: BTreeSet<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Item {
    Rule,
    Note,
}

impl<'r> Sweep<'r> {
    /// The rules and notes that can ever be in scope for the kommun: national ones, and those of
    /// a region it belongs or belonged to, limited to no kommun or to it.
    fn new(rules: &'r RuleSet, kommun: usize) -> Sweep<'r> {
        let k = &rules.kommuner[kommun];
        let regions: Vec<&str> = rules
            .regions
            .iter()
            .filter(|r| r.lan == k.lan || r.former_members.iter().any(|m| m.kommun == k.code))
            .map(|r| r.lan.as_str())
            .collect();
        let maybe = |a: &Applies| {
            a.region.as_deref().is_none_or(|r| regions.contains(&r)) && (a.kommuner.is_empty() || a.kommuner.contains(&k.code))
        };
        let mut events = Vec::new();
        let mut add = |item: Item, i: usize, a: &Applies| {
            if maybe(a) {
                events.push((a.valid_from, true, item, i));
                if let Some(t) = a.valid_to.filter(|t| *t < Date::MAX) {
                    events.push((t.succ(), false, item, i));
                }
            }
        };
        for (i, r) in rules.rules.iter().enumerate() {
            add(Item::Rule, i, &r.applies);
        }
        for (i, n) in rules.notes.iter().enumerate() {
            add(Item::Note, i, &n.applies);
        }
        events.sort();
        Sweep { rules, kommun, events, next: 0, rules_on: BTreeSet::new(), notes_on: BTreeSet::new() }
    }

    /// The context on `date`; dates must come in ascending order.
    fn context_on(&mut self, date: Date) -> Option<Context<'r>> {
        while let Some(&(_, enters, item, i)) = self.events.get(self.next).filter(|e| e.0 <= date) {
            match (item, enters) {
                (Item::Rule, true) => self.rules_on.insert((self.rules.rules[i].standing.index(), i)),
                (Item::Rule, false) => self.rules_on.remove(&(self.rules.rules[i].standing.index(), i)),
                (Item::Note, true) => self.notes_on.insert(i),
                (Item::Note, false) => self.notes_on.remove(&i),
            };
            self.next += 1;
        }
        let rules = self.rules;
        let k = &rules.kommuner[self.kommun];
        let region = rules.region_of(k, date)?;
        if !rules.has_region(&region.lan) {
            return None;
        }
        let in_window = rules.window.from <= date && date <= rules.window.to;
        let here = |a: &Applies| in_window && a.region.as_ref().is_none_or(|r| *r == region.lan);
        let active = self.rules_on.iter().map(|&(_, i)| i).filter(|&i| here(&rules.rules[i].applies)).collect();
        let notes = self.notes_on.iter().copied().filter(|&i| here(&rules.notes[i].applies)).collect();
        let covered = region.covered_from.is_none_or(|f| f <= date);
        Some(Context { rules, kommun: k, region, date, covered, in_window, active, notes })
    }
}
