//! "Om uppgifterna": how much the rules know about each region — the same table as
//! `ansvarskollen coverage`, read from the `coverage.json` the build writes.

use super::{Config, fetch_text};
use crate::engine::coverage::RegionCoverage;
use crate::engine::Responsible;
use crate::ui::i18n::Catalogue;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AboutProps {
    pub cat: &'static Catalogue,
    pub config: Rc<Config>,
    pub heading: NodeRef,
}

#[function_component(About)]
pub fn about(p: &AboutProps) -> Html {
    let cat = p.cat;
    let rows = use_state(|| None::<Result<Vec<RegionCoverage>, String>>);
    {
        let rows = rows.clone();
        let config = p.config.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let result = fetch_text(&config, "rules/coverage.json")
                    .await
                    .and_then(|t| serde_json::from_str::<Vec<RegionCoverage>>(&t).map_err(|e| e.to_string()));
                rows.set(Some(result));
            });
        });
    }
    let table = match &*rows {
        None => html! { <p role="status">{ cat.loading }</p> },
        Some(Err(_)) => html! { <p>{ cat.load_failed }</p> },
        Some(Ok(list)) => html! {
            <div class="ak-table-wrap" role="region" aria-label={cat.about_title} tabindex="0">
                <table class="ak-table ak-coverage">
                    <thead>
                        <tr>
                            <th scope="col">{ cat.about_region }</th>
                            <th scope="col">{ cat.about_confidence }</th>
                            <th scope="col">{ cat.about_covered }</th>
                            <th scope="col">{ cat.about_hemsjukvard }</th>
                            <th scope="col">{ cat.about_today }</th>
                            <th scope="col">{ cat.about_rules }</th>
                            <th scope="col">{ cat.about_questions }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for list.iter().map(|r| html! {
                            <tr>
                                <th scope="row">{ r.region.clone() }</th>
                                <td>{ cat.confidence(r.confidence) }</td>
                                <td>{ format!("{} – {}", r.covered_from, r.covered_to) }</td>
                                <td>{ r.hemsjukvard_from.map_or("–".to_string(), |d| d.to_string()) }</td>
                                <td>{ match r.hemsjukvard_now.responsible() {
                                    Some(Responsible::Kommun) => cat.matrix_kommun,
                                    Some(Responsible::Region) => cat.matrix_region,
                                    None => cat.matrix_unknown,
                                } }</td>
                                <td>{ r.rules }</td>
                                <td>
                                    if r.open_questions.is_empty() { { cat.about_none } } else {
                                        <ul class="ak-questions">{ for r.open_questions.iter().map(|q| html! { <li>{ q.get(cat.rules_lang).to_string() }</li> }) }</ul>
                                    }
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        },
    };
    html! {
        <section class="ak-about">
            <h2 class="ak-heading" tabindex="-1" ref={p.heading.clone()}>{ cat.about_title }</h2>
            <p>{ cat.about_intro }</p>
            { table }
        </section>
    }
}
