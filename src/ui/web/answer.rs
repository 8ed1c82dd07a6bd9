//! The answer: who is responsible in large text, what to do next, how sure it is, "Varför?" with
//! the reasons and their sources, the date, a summary of the answers with "Ändra", and — for staff
//! — the kommun's whole responsibility matrix. Renders the engine's answer; decides nothing.

use super::with_rules;
use crate::engine::answer::{Answer, CitationOut, Reason, ReasonRole};
use crate::engine::partial::{Part, matrix};
use crate::engine::ruleset::AGE_MAX;
use crate::engine::{Housing, Input, Need, Responsible, Vocab};
use crate::ui::flow::{Flow, Step};
use crate::ui::escape_html;
use crate::ui::i18n::{Catalogue, fill};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AnswerProps {
    pub answer: Rc<Answer>,
    pub flow: Rc<Flow>,
    pub cat: &'static Catalogue,
    pub heading: NodeRef,
    pub standalone: bool,
    pub on_change: Callback<Step>,
    pub on_restart: Callback<()>,
    pub on_status: Callback<String>,
}

fn citation(c: &CitationOut) -> Html {
    let mut detail = Vec::new();
    if let Some(s) = &c.section {
        detail.push(s.clone());
    }
    if let Some(sfs) = &c.sfs {
        detail.push(format!("SFS {sfs}"));
    }
    if let Some(p) = &c.publisher {
        detail.push(p.clone());
    }
    if let Some(d) = &c.date {
        detail.push(d.to_string());
    }
    let title = match &c.url {
        Some(u) => html! { <a class="ak-source-link" href={u.clone()} rel="noopener noreferrer" target="_blank">{ c.title.clone() }</a> },
        None => html! { <cite>{ c.title.clone() }</cite> },
    };
    html! {
        <li class="ak-citation">
            { title }
            if !detail.is_empty() { <span class="ak-citation-detail">{ format!(" — {}", detail.join(", ")) }</span> }
            if let Some(u) = &c.url { <span class="ak-print-url">{ format!(" ({u})") }</span> }
        </li>
    }
}

fn reason(r: &Reason, cat: &Catalogue) -> Html {
    let overridden = r.role == ReasonRole::Overridden;
    html! {
        <li class={classes!("ak-reason", overridden.then_some("ak-reason--aside"))} data-rule={r.id.clone()}>
            <p class="ak-reason-text">{ r.text.clone() }</p>
            if overridden { <p class="ak-reason-aside">{ cat.set_aside }</p> }
            if !r.citations.is_empty() {
                <div class="ak-sources">
                    <span class="ak-sources-label">{ cat.source }{ ":" }</span>
                    <ul class="ak-citations">{ for r.citations.iter().map(citation) }</ul>
                </div>
            }
        </li>
    }
}

#[function_component(AnswerView)]
pub fn answer_view(p: &AnswerProps) -> Html {
    let a = &p.answer;
    let cat = p.cat;
    let show_matrix = use_state(|| false);
    let heading_text = match a.responsible {
        Some(Responsible::Kommun) => cat.kommun_responsible,
        Some(Responsible::Region) => cat.region_responsible,
        None => cat.not_determined,
    };
    let organisation = a.organisation.as_ref().map(|o| {
        if o.one_body {
            let t = if o.role == Responsible::Kommun { cat.one_body_as_kommun } else { cat.one_body_as_region };
            fill(t, &[("organisation", &o.name)])
        } else {
            o.name.clone()
        }
    });
    let responsible = a.responsible.map_or("not_determined", |r| r.as_str());
    let rule_line = a.rule.as_ref().map(|r| {
        let valid = match r.valid_to {
            Some(to) => fill(cat.valid_between, &[("from", &r.valid_from.to_string()), ("to", &to.to_string())]),
            None => fill(cat.valid_from, &[("from", &r.valid_from.to_string())]),
        };
        format!("{}: {} ({valid})", cat.deciding_rule, r.id)
    });

    let on_print = Callback::from(|_| super::print());
    let on_copy = {
        let on_status = p.on_status.clone();
        Callback::from(move |_| {
            let href = super::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
            let on_status = on_status.clone();
            super::copy_text(href, Callback::from(move |ok: bool| on_status.emit(if ok { cat.link_copied } else { cat.link_copy_failed }.to_string())));
        })
    };
    let on_restart = {
        let cb = p.on_restart.clone();
        Callback::from(move |_| cb.emit(()))
    };
    let on_matrix = {
        let show = show_matrix.clone();
        Callback::from(move |_| show.set(!*show))
    };

    html! {
        <div class="ak-result">
            <section class="ak-answer" data-responsible={responsible} data-confidence={a.confidence.as_str()}
                data-rule={a.rule.as_ref().map(|r| r.id.clone())}>
                <h2 class="ak-answer-heading" tabindex="-1" ref={p.heading.clone()}>
                    <span class="ak-answer-who">{ heading_text }</span>
                    if let Some(org) = organisation {
                        <span class="ak-answer-org">{ org }</span>
                    }
                </h2>
                <p class={classes!("ak-confidence", format!("ak-confidence--{}", a.confidence.as_str()))}>{ cat.confidence(a.confidence) }</p>
                if let Some(d) = &a.doubt {
                    <div class="ak-doubt">
                        <h3 class="ak-doubt-title">{ cat.doubt_title }</h3>
                        <p>{ d.clone() }</p>
                    </div>
                }
                <div class="ak-next">
                    <h3>{ cat.next_step }</h3>
                    <p>{ a.next_step.clone() }</p>
                </div>
                <div class="ak-why">
                    <h3>{ cat.why }</h3>
                    <ol class="ak-reasons">{ for a.reasons.iter().map(|r| reason(r, cat)) }</ol>
                    if !a.notes.is_empty() {
                        <h3>{ cat.good_to_know }</h3>
                        <ul class="ak-notes">{ for a.notes.iter().map(|r| reason(r, cat)) }</ul>
                    }
                </div>
                <p class="ak-date">{ fill(cat.rules_date, &[("date", &a.case.date.to_string())]) }</p>
                if let Some(line) = rule_line { <p class="ak-rule">{ line }</p> }
                <p class="ak-guidance">{ cat.guidance }</p>
            </section>
            { summary(&p.flow, &p.answer, cat, &p.on_change) }
            <div class="ak-actions">
                if p.standalone {
                    <button type="button" class="ak-button ak-button--secondary" onclick={on_copy}>{ cat.copy_link }</button>
                }
                <button type="button" class="ak-button ak-button--secondary" onclick={on_print}>{ cat.print }</button>
                <button type="button" class="ak-button ak-button--secondary" onclick={on_restart}>{ cat.restart }</button>
                <button type="button" class="ak-link" aria-expanded={show_matrix.to_string()} onclick={on_matrix}>
                    { if *show_matrix { cat.hide_matrix } else { cat.show_matrix } }
                </button>
            </div>
            if *show_matrix {
                { matrix_view(&a.kommun.code, &a.kommun.name, a.case.date, cat) }
            }
        </div>
    }
}

/// "Dina svar": the answers given, each with "Ändra" (the GOV.UK check-answers pattern).
fn summary(flow: &Flow, answer: &Answer, cat: &'static Catalogue, on_change: &Callback<Step>) -> Html {
    let c = &flow.case;
    let mut rows: Vec<(&str, String, Option<Step>)> = Vec::new();
    let kommun_change = (!flow.fixed_kommun).then_some(Step::Input(Input::Kommun));
    rows.push((cat.summary_kommun, answer.kommun.name.clone(), kommun_change));
    let value = |known: Option<String>| known.unwrap_or_else(|| cat.not_asked.to_string());
    rows.push((cat.summary_need, value(c.need.map(|n| cat.need(n).0.to_string())), Some(Step::Input(Input::Need))));
    rows.push((cat.summary_housing, value(c.housing.map(|h| cat.housing(h).0.to_string())), Some(Step::Input(Input::Housing))));
    rows.push((cat.summary_age, value(c.age.map(|a| fill(cat.age_value, &[("n", &a.to_string())]))), Some(Step::Input(Input::Age))));
    rows.push((
        cat.summary_visit,
        value(c.can_visit_clinic.map(|v| if v { cat.visit_yes.0 } else { cat.visit_no.0 }.to_string())),
        Some(Step::Input(Input::CanVisitClinic)),
    ));
    rows.push((cat.summary_duration, value(c.duration.map(|d| cat.duration(d).0.to_string())), Some(Step::Input(Input::Duration))));
    rows.push((cat.summary_date, c.date.to_string(), Some(Step::Date)));
    html! {
        <section class="ak-summary">
            <h3>{ cat.summary_title }</h3>
            <dl class="ak-summary-list">
                { for rows.into_iter().map(|(label, val, step)| html! {
                    <div class="ak-summary-row">
                        <dt>{ label }</dt>
                        <dd class="ak-summary-value">{ val }</dd>
                        <dd class="ak-summary-action">
                            if let Some(step) = step {
                                <button type="button" class="ak-link" onclick={
                                    let cb = on_change.clone();
                                    move |_| cb.emit(step)
                                }>
                                    { cat.change }<span class="ak-visually-hidden">{ format!(" {}", label) }</span>
                                </button>
                            }
                        </dd>
                    </div>
                }) }
            </dl>
        </section>
    }
}

/// One cell of the matrix as HTML: who, and under which limits.
fn cell(out: &mut String, parts: &[Part], cat: &Catalogue) {
    out.push_str("<ul class=\"ak-cell\">");
    for part in parts {
        let word = match part.outcome.responsible() {
            Some(Responsible::Kommun) => cat.matrix_kommun,
            Some(Responsible::Region) => cat.matrix_region,
            None => cat.matrix_unknown,
        };
        let mut limits = Vec::new();
        if let Some((a, b)) = part.age {
            limits.push(if b >= AGE_MAX {
                fill(cat.matrix_age_from, &[("n", &a.to_string())])
            } else {
                fill(cat.matrix_age_range, &[("a", &a.to_string()), ("b", &b.to_string())])
            });
        }
        if let Some(d) = part.duration {
            limits.push(cat.duration(d).0.to_string());
        }
        out.push_str("<li class=\"ak-cell--");
        out.push_str(part.outcome.as_str());
        out.push_str("\">");
        out.push_str(&escape_html(word));
        if !limits.is_empty() {
            out.push_str("<span class=\"ak-cell-limit\"> (");
            out.push_str(&escape_html(&limits.join(", ")));
            out.push_str(")</span>");
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>");
}

/// The kommun's whole responsibility matrix, for staff.
fn matrix_view(kommun: &str, kommun_name: &str, date: crate::engine::Date, cat: &'static Catalogue) -> Html {
    let Some(Ok(m)) = with_rules(|r| matrix(r, kommun, date)) else {
        return html! {};
    };
    let title = fill(cat.matrix_title, &[("kommun", kommun_name), ("date", &date.to_string())]);
    // A static table: written as escaped HTML, it costs the bundle far less than html! would.
    let mut t = String::new();
    for (visit, caption) in [(0usize, cat.matrix_can), (1, cat.matrix_cannot)] {
        let caption = escape_html(caption);
        t.push_str(&format!("<div class=\"ak-table-wrap\" role=\"region\" aria-label=\"{caption}\" tabindex=\"0\"><table class=\"ak-table\"><caption>{caption}</caption><thead><tr><th scope=\"col\">{}</th>", escape_html(cat.matrix_need)));
        for h in Housing::ALL {
            t.push_str(&format!("<th scope=\"col\">{}</th>", escape_html(cat.housing(*h).0)));
        }
        t.push_str("</tr></thead><tbody>");
        for (ni, n) in Need::ALL.iter().enumerate() {
            t.push_str(&format!("<tr><th scope=\"row\">{}</th>", escape_html(cat.need(*n).0)));
            for hi in 0..Housing::ALL.len() {
                t.push_str("<td>");
                cell(&mut t, &m.cells[ni][hi][visit], cat);
                t.push_str("</td>");
            }
            t.push_str("</tr>");
        }
        t.push_str("</tbody></table></div>");
    }
    html! {
        <section class="ak-matrix">
            <h3>{ title }</h3>
            <p class="ak-hint">{ cat.matrix_intro }</p>
            { Html::from_html_unchecked(AttrValue::from(t)) }
        </section>
    }
}

