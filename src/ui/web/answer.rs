//! The answer: who is responsible in large text (or what it depends on, branch by branch), who
//! performs the care, the stay, what to do next, how sure it is, "Varför?" with the reasons and
//! their sources, the date, the rules' review date and version, a summary of the answers with "Ändra", and the link to the
//! kommun's whole responsibility matrix for staff (a view of the staff bundle, `staff/`). Renders the engine's answer;
//! decides nothing. (Longer than most: the answer is one screen, and its parts — branches, contacts,
//! reasons, the summary — share one escaped-HTML writer and one click handler.)

use crate::engine::answer::{Answer, CitationOut, Reason, ReasonRole};
use crate::engine::contact::{Contact, Sourced, host, tel};
use crate::engine::{Confidence, Input, Need, Responsible, Vocab};
use crate::ui::flow::{Flow, Step};
use crate::html::escape_html;
use crate::ui::i18n::{Catalogue, fill};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct AnswerProps {
    pub answer: Rc<Answer>,
    pub flow: Rc<Flow>,
    pub cat: &'static Catalogue,
    pub heading: NodeRef,
    /// "Kopiera länk": `None` hides it; `Some(share)` copies the page's link, or the host's
    /// `share` link with the case (an iframe).
    pub copy: Option<Option<String>>,
    pub on_change: Callback<Step>,
    pub on_restart: Callback<()>,
    pub on_status: Callback<String>,
    /// The link to the kommun's whole matrix on the answer's date (the staff views).
    pub matrix_href: String,
    /// Whether that link opens in a new tab (an embedded widget).
    pub new_tab: bool,
}

/// Props are equal when they hold the same answer (the parent makes a new one for each new
/// screen): comparing answers field by field would cost the bundle a deep comparison of answers
/// and their branches, for nothing (the callbacks differ on every render anyway).
impl PartialEq for AnswerProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.answer, &other.answer) && Rc::ptr_eq(&self.flow, &other.flow) && self.copy == other.copy
    }
}

/// A small writer of escaped HTML: the answer's static text is built as a string (like the matrix):
/// `html!` would cost the bundle several times more for markup that never changes.
pub(super) struct Out(pub(super) String);

impl Out {
    /// `<tag class="…">`, escaped text, `</tag>`.
    #[inline(never)]
    pub(super) fn el(&mut self, tag: &str, class: &str, text: &str) {
        self.open(tag, class);
        self.text(text);
        self.close(tag);
    }
    #[inline(never)]
    pub(super) fn open(&mut self, tag: &str, class: &str) {
        self.0.push('<');
        self.0.push_str(tag);
        if !class.is_empty() {
            self.0.push_str(" class=\"");
            self.0.push_str(class);
            self.0.push('"');
        }
        self.0.push('>');
    }
    /// Like `open`, with one more attribute (its value escaped).
    #[inline(never)]
    pub(super) fn open_with(&mut self, tag: &str, class: &str, attr: &str, value: &str) {
        self.open(tag, class);
        self.0.pop();
        self.0.push(' ');
        self.0.push_str(attr);
        self.0.push_str("=\"");
        self.text(value);
        self.0.push_str("\">");
    }
    #[inline(never)]
    /// `</tag>` (of a tag written with attributes, as `th scope="col"`: its name only).
    pub(super) fn close(&mut self, tag: &str) {
        self.0.push_str("</");
        self.0.push_str(tag.split(' ').next().unwrap_or(tag));
        self.0.push('>');
    }
    #[inline(never)]
    pub(super) fn text(&mut self, t: &str) {
        self.0.push_str(&escape_html(t));
    }
}

pub(super) fn citation(out: &mut Out, c: &CitationOut) {
    let mut detail = String::new();
    let sfs = c.sfs.as_ref().map(|s| format!("SFS {s}"));
    let date = c.date.map(|d| d.to_string());
    for part in [&c.section, &sfs, &c.publisher, &date].into_iter().flatten() {
        detail.push_str(if detail.is_empty() { " — " } else { ", " });
        detail.push_str(part);
    }
    out.open("li", "ak-citation");
    match &c.url {
        Some(u) => {
            out.open_with("a", "ak-source-link", "href", u);
            out.0.pop();
            out.0.push_str(" rel=\"noopener noreferrer\" target=\"_blank\">");
            out.text(&c.title);
            out.close("a");
        }
        None => out.el("cite", "", &c.title),
    }
    if !detail.is_empty() {
        out.el("span", "ak-citation-detail", &detail);
    }
    if let Some(u) = &c.url {
        out.el("span", "ak-print-url", &format!(" ({u})"));
    }
    out.close("li");
}

fn reason(out: &mut Out, r: &Reason, cat: &Catalogue) {
    let overridden = r.role == ReasonRole::Overridden;
    out.open_with("li", if overridden { "ak-reason ak-reason--aside" } else { "ak-reason" }, "data-rule", &r.id);
    out.el("p", "ak-reason-text", &r.text);
    if overridden {
        out.el("p", "ak-reason-aside", cat.set_aside);
    }
    if !r.citations.is_empty() {
        out.open("div", "ak-sources");
        out.el("span", "ak-sources-label", &format!("{}:", cat.source));
        out.open("ul", "ak-citations");
        for c in &r.citations {
            citation(out, c);
        }
        out.close("ul");
        out.close("div");
    }
    out.close("li");
}

/// Everything in the answer below its heading that never changes: who performs the care, the
/// stay, the branches of an answer that depends, how sure it is, the doubt, the next step,
/// "Varför?" with the reasons, notes and sources, the date, the rules' review date and version,
/// the deciding rule, the guidance.
fn body(out: &mut Out, a: &Answer, cat: &Catalogue) {
    details(out, a, cat);
    // "Det går inte att säga säkert" already says how sure it is: no badge beside it.
    if a.responsible.is_some() || a.depends_on.is_some() {
        out.open("div", "ak-confidence-box");
        out.el("p", &format!("ak-confidence ak-confidence--{}", a.confidence.as_str()), cat.confidence(a.confidence));
        out.el("p", "ak-confidence-note", cat.confidence_note[a.confidence.index()]);
        out.close("div");
    }
    if let Some(d) = &a.doubt {
        out.open("div", "ak-doubt");
        out.el("h3", "ak-doubt-title", cat.doubt_title);
        out.el("p", "", d);
        out.close("div");
    }
    out.open("div", "ak-next");
    out.el("h3", "", cat.next_step);
    out.el("p", "", &a.next_step);
    // An answer that depends shows each party's links in its branch: here 1177 and 112 only.
    contact(out, &a.contact, cat, a.branches.is_empty() && (a.contact.first.is_none() || a.confidence != Confidence::Verified), false);
    out.close("div");
    out.open("div", "ak-why");
    out.el("h3", "", cat.why);
    out.open("ol", "ak-reasons");
    for r in &a.reasons {
        reason(out, r, cat);
    }
    out.close("ol");
    if !a.notes.is_empty() {
        out.el("h3", "", cat.good_to_know);
        out.open("ul", "ak-notes");
        for r in &a.notes {
            reason(out, r, cat);
        }
        out.close("ul");
    }
    out.close("div");
    out.el("p", "ak-date", &fill(cat.rules_date, &[("date", &a.case.date.to_string())]));
    out.open("p", "ak-reviewed");
    if let Some(d) = a.rules_reviewed {
        out.text(&fill(cat.rules_reviewed, &[("date", &d.to_string())]));
    }
    out.el("span", "ak-version", &fill(cat.rules_version, &[("version", &a.rules_version)]));
    out.close("p");
    if let Some(r) = &a.rule {
        let dates = [("from", r.valid_from.to_string()), ("to", r.valid_to.map(|d| d.to_string()).unwrap_or_default())];
        let t = match r.valid_to {
            None => cat.valid_since,
            Some(to) if to < super::today() => cat.valid_ended,
            Some(_) => cat.valid_until,
        };
        let valid = fill(t, &dates.iter().map(|(k, v)| (*k, v.as_str())).collect::<Vec<_>>());
        // The rule's id is for staff: in a disclosure on screen, printed in full.
        out.open("details", "ak-rule-details");
        out.el("summary", "", cat.rule_details);
        let line = format!("{}: {} ({valid})", cat.deciding_rule, r.id);
        out.el("p", "ak-rule", &line);
        out.close("details");
        out.el("p", "ak-rule ak-rule-print", &line);
    }
    out.el("p", "ak-guidance", cat.guidance);
}

/// A link that opens in a new tab (a page of the kommun or 1177.se).
fn link(out: &mut Out, class: &str, href: &str, text: &str) {
    out.open_with("a", class, "href", href);
    out.0.pop();
    out.0.push_str(" rel=\"noopener noreferrer\" target=\"_blank\">");
    out.text(text);
    out.close("a");
}

/// A `tel:` link: "Ring Västerås kommun" with the number as written ("021-39 00 00").
fn call(out: &mut Out, href: &str, text: &str, number: &str) {
    out.open("li", "");
    out.open_with("a", "ak-call", "href", &format!("tel:{href}"));
    out.text(text);
    if !number.is_empty() {
        out.el("span", "ak-call-number", number);
    }
    out.close("a");
    out.close("li");
}

/// Whom to call, as large links: the kommun's number and its page on care (when the kommun is
/// the one to contact, or `both`), the region's page on 1177.se (when the region is, or `both`),
/// then 1177 and 112 — unless `short` (a branch of an answer that depends) — and the pages the
/// numbers and links were read on. Only reviewed data: a kommun without any shows none.
fn contact(out: &mut Out, c: &Contact, cat: &Catalogue, both: bool, short: bool) {
    let mut sources: Vec<&Sourced> = Vec::new();
    out.open("ul", "ak-contact");
    let mut parties = [Responsible::Kommun, Responsible::Region];
    if c.first == Some(Responsible::Region) {
        parties.reverse();
    }
    for who in parties {
        if !both && c.first != Some(who) {
            continue;
        }
        if who == Responsible::Kommun {
            if let Some(p) = &c.phone {
                call(out, &tel(&p.value), &fill(cat.call_kommun, &[("name", &c.kommun)]), &p.value);
                sources.push(p);
            }
            if let Some((page, text)) = c.care_page.as_ref().map(|p| (p, cat.care_page_link)).or(c.website.as_ref().map(|p| (p, cat.website_link))) {
                out.open("li", "");
                link(out, "ak-contact-link", &page.value, text);
                out.close("li");
                sources.push(page);
            }
        } else if let Some(p) = &c.page_1177 {
            out.open("li", "");
            link(out, "ak-contact-link", &p.value, &fill(cat.page_1177_link, &[("region", &c.region)]));
            out.close("li");
            sources.push(p);
        } else if !short {
            out.open("li", "");
            link(out, "ak-contact-link", "https://www.1177.se/", cat.site_1177_link);
            out.close("li");
        }
    }
    if !short {
        call(out, "1177", cat.call_1177, "");
        call(out, "112", cat.call_112, "");
    }
    out.close("ul");
    if let (Some(date), false, false) = (c.reviewed, sources.is_empty(), short) {
        let mut hosts: Vec<&str> = Vec::new();
        for s in sources {
            let h = host(&s.source);
            if !hosts.contains(&h) {
                hosts.push(h);
            }
        }
        out.el("p", "ak-contact-source", &fill(cat.contact_source, &[("sources", &hosts.join(", ")), ("date", &date.to_string())]));
    }
}

/// The responsible organisation's name (one body in both roles: which role).
fn organisation(a: &Answer, cat: &Catalogue) -> Option<String> {
    a.organisation.as_ref().map(|o| {
        if o.one_body {
            let t = if o.role == Responsible::Kommun { cat.one_body_as_kommun } else { cat.one_body_as_region };
            fill(t, &[("organisation", &o.name)])
        } else {
            o.name.clone()
        }
    })
}

/// "Personal från Kinda kommun utför vården på regionens uppdrag."
fn performer(a: &Answer, cat: &Catalogue) -> Option<String> {
    a.performer.as_ref().map(|p| fill(if p.role == Responsible::Kommun { cat.performer_kommun } else { cat.performer_region }, &[("name", &p.name)]))
}

/// Who performs the care, the stay, and the branches of an answer that depends. A branch reads
/// "Arbetsterapi: kommunen (Örebro kommun)"; one that depends in turn has its own list.
fn details(out: &mut Out, a: &Answer, cat: &Catalogue) {
    if let Some(t) = performer(a, cat) {
        out.el("p", "ak-performer", &t);
    }
    if let Some(s) = &a.stay {
        out.el("p", "ak-stay", &fill(cat.stay_line, &[("kommun", &s.kommun.name), ("home", &s.home.name)]));
    }
    if a.branches.is_empty() {
        return;
    }
    out.open("ul", "ak-branches");
    let find_out = a.depends_on.map_or("", |on| cat.find_out(on));
    for b in &a.branches {
        let x = &b.answer;
        let who = match (x.depends_on, organisation(x, cat)) {
            (Some(on), _) => cat.depends_on(on).to_string(),
            (None, org) => {
                let word = cat.branch_outcomes[x.responsible.map_or(2, |r| r.index())];
                org.map_or(word.to_string(), |org| format!("{word} ({org})"))
            }
        };
        let state = x.responsible.map_or(if x.depends_on.is_some() { "depends" } else { "not_determined" }, |r| r.as_str());
        out.open_with("li", "ak-branch", "data-responsible", state);
        out.el("span", "ak-branch-text", &fill(cat.branch, &[("when", &cat.when(&b.when)), ("who", &who)]));
        if x.depends_on.is_none() && x.contact.first.is_some() {
            contact(out, &x.contact, cat, false, true);
        }
        details(out, x, cat);
        out.close("li");
    }
    out.close("ul");
    if !find_out.is_empty() {
        out.open("p", "ak-find-out");
        out.el("strong", "", cat.find_out_title);
        out.text(": ");
        out.text(find_out);
        out.close("p");
    }
}

#[function_component(AnswerView)]
pub fn answer_view(p: &AnswerProps) -> Html {
    let a = &p.answer;
    let cat = p.cat;
    let heading_text = match (a.depends_on, a.responsible) {
        (Some(on), _) => cat.depends_on(on),
        (None, Some(Responsible::Kommun)) => cat.kommun_responsible,
        (None, Some(Responsible::Region)) => cat.region_responsible,
        (None, None) => cat.not_determined,
    };
    let organisation = organisation(a, cat);
    let mut text = Out(String::new());
    body(&mut text, a, cat);
    let mut rows = Out(String::new());
    summary(&mut rows, &p.flow, a, cat);

    let responsible = match (a.depends_on, a.responsible) {
        (Some(_), _) => "depends",
        (None, r) => r.map_or("not_determined", |r| r.as_str()),
    };

    let on_print = Callback::from(|_| super::print());
    let on_copy = {
        let on_status = p.on_status.clone();
        let share = p.copy.clone().flatten();
        let params = p.flow.to_params();
        Callback::from(move |_| {
            let href = super::link_to_share(share.as_deref(), &params);
            // A phone's share sheet where there is one (issue 12); copying otherwise.
            if super::share_url(&href) {
                return;
            }
            let on_status = on_status.clone();
            // In an iframe the address bar shows the host's page, not this link: say it here.
            let failed = match share {
                Some(_) => fill(cat.link_copy_failed_here, &[("link", &href)]),
                None => cat.link_copy_failed.to_string(),
            };
            super::copy_text(href, Callback::from(move |ok: bool| on_status.emit(if ok { cat.link_copied.to_string() } else { failed.clone() })));
        })
    };
    let on_restart = {
        let cb = p.on_restart.clone();
        Callback::from(move |_| cb.emit(()))
    };
    let on_summary = {
        let cb = p.on_change.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(step) = change_of(&e) {
                cb.emit(step)
            }
        })
    };

    html! {
        <div class="ak-result">
            <section class="ak-answer" data-responsible={responsible} data-confidence={a.confidence.as_str()}
                data-rule={a.rule.as_ref().map(|r| r.id.clone())}>
                <h2 class="ak-answer-heading" tabindex="-1" ref={p.heading.clone()}>
                    <span class="ak-answer-who">{ heading_text }</span>
                    if let Some(org) = organisation {
                        { " " }<span class="ak-answer-org">{ org }</span>
                    }
                </h2>
                { Html::from_html_unchecked(AttrValue::from(text.0)) }
            </section>
            <section class="ak-summary" onclick={on_summary}>{ Html::from_html_unchecked(AttrValue::from(rows.0)) }</section>
            <div class="ak-actions">
                if p.copy.is_some() {
                    <button type="button" class="ak-button ak-button--secondary" onclick={on_copy}>{ if super::can_share() { cat.share_link } else { cat.copy_link } }</button>
                }
                <button type="button" class="ak-button ak-button--secondary" onclick={on_print}>{ cat.print }</button>
                <button type="button" class="ak-button ak-button--secondary" onclick={on_restart}>{ cat.restart }</button>
                if p.flow.case.staying_in.is_none() {
                    <button type="button" class="ak-link ak-stay-offer" onclick={
                        let cb = p.on_change.clone();
                        move |_| cb.emit(Step::Stay)
                    }>{ cat.stay_offer }</button>
                }
                <a class="ak-link ak-matrix-link" href={p.matrix_href.clone()} target={p.new_tab.then_some("_blank")}>{ cat.show_matrix }</a>
            </div>
        </div>
    }
}

/// "Dina svar": the answers given, each with "Ändra" (the GOV.UK check-answers pattern), as
/// escaped HTML; each button names its step in `data-change`, which one click handler on the
/// list reads ([`change_of`]).
fn summary(out: &mut Out, flow: &Flow, answer: &Answer, cat: &'static Catalogue) {
    let c = &flow.case;
    // A value, "Vet inte" for an input declared unknown, or "not needed".
    let value = |input: Input, known: Option<String>| {
        known.unwrap_or_else(|| if c.unknown.contains(input) { cat.dont_know } else { cat.not_asked }.to_string())
    };
    // On a stay, the answer's kommun is the stay's: the home kommun is the case's.
    let home = answer.stay.as_ref().map_or(&answer.kommun.name, |s| &s.home.name);
    let mut rows: Vec<(&str, String, &str)> = vec![(cat.summary_kommun, home.clone(), if flow.fixed_kommun { "" } else { "kommun" })];
    if let Some(s) = &answer.stay {
        rows.push((cat.summary_stay, s.kommun.name.clone(), "stay"));
    }
    rows.push((cat.summary_need, value(Input::Need, c.need.map(|n| cat.need(n).0.to_string())), "need"));
    if c.need == Some(Need::AssistiveDevices) {
        rows.push((cat.summary_aid, value(Input::Aid, c.aid.map(|a| cat.aid(a).0.to_string())), "aid"));
    }
    rows.push((cat.summary_housing, value(Input::Housing, c.housing.map(|h| cat.housing(h).0.to_string())), "housing"));
    rows.push((cat.summary_age, value(Input::Age, c.age.map(|a| fill(cat.age_value, &[("n", &a.to_string())]))), "age"));
    rows.push((
        cat.summary_visit,
        value(Input::CanVisitClinic, c.can_visit_clinic.map(|v| if v { cat.visit_yes.0 } else { cat.visit_no.0 }.to_string())),
        "can_visit_clinic",
    ));
    rows.push((cat.summary_duration, value(Input::Duration, c.duration.map(|d| cat.duration(d).0.to_string())), "duration"));
    rows.push((cat.summary_date, c.date.to_string(), "date"));
    out.el("h3", "", cat.summary_title);
    out.open("dl", "ak-summary-list");
    for (label, val, step) in rows {
        out.open("div", "ak-summary-row");
        out.el("dt", "", label);
        out.el("dd", "ak-summary-value", &val);
        out.open("dd", "ak-summary-action");
        if !step.is_empty() {
            out.0.push_str("<button type=\"button\" class=\"ak-link\" data-change=\"");
            out.0.push_str(step);
            out.0.push_str("\">");
            out.text(cat.change);
            out.el("span", "ak-visually-hidden", &format!(" {label}"));
            out.close("button");
        }
        out.close("dd");
        out.close("div");
    }
    out.close("dl");
}

/// The step an "Ändra" button of the summary names (its `data-change`), for a click inside it.
fn change_of(e: &MouseEvent) -> Option<Step> {
    use wasm_bindgen::JsCast;
    let el: web_sys::Element = e.target()?.dyn_into().ok()?;
    let word = el.closest("[data-change]").ok()??.get_attribute("data-change")?;
    match word.as_str() {
        "date" => Some(Step::Date),
        "stay" => Some(Step::Stay),
        w => Input::parse(w).ok().map(Step::Input),
    }
}
