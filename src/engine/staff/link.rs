//! A case as the widget's link parameters: `kommun=1980&need=nursing&housing=ordinary&…&date=…`,
//! the same words and order as the widget writes into its URL hash (`ui::flow::Flow::to_params`),
//! so that a staff view or a static page can link to one cell's full explanation. Writes only;
//! reading links is the widget's.

use crate::engine::case::{Case, UNKNOWN};
use crate::engine::vocab::{Input, Vocab};

/// The case as link parameters (without the leading `#`): its known inputs in asking order, an
/// input declared unknown as `=unknown`, a stay as `staying_in=`, the date last. Every value is
/// a word of the case vocabulary, a number or a date: nothing needs percent-encoding.
pub fn params(c: &Case) -> String {
    let mut out = Vec::new();
    if let Some(k) = &c.kommun {
        out.push(format!("kommun={k}"));
    }
    for input in &Input::ALL[1..] {
        let value = match input {
            Input::Need => c.need.map(|v| v.as_str().to_string()),
            Input::Aid => c.aid.map(|v| v.as_str().to_string()),
            Input::Housing => c.housing.map(|v| v.as_str().to_string()),
            Input::Age => c.age.map(|v| v.to_string()),
            Input::CanVisitClinic => c.can_visit_clinic.map(|v| v.to_string()),
            Input::Duration => c.duration.map(|v| v.as_str().to_string()),
            Input::Kommun => None,
        };
        match value {
            Some(v) => out.push(format!("{}={v}", input.as_str())),
            None if c.unknown.contains(*input) => out.push(format!("{}={UNKNOWN}", input.as_str())),
            None => {}
        }
    }
    if let Some(s) = &c.staying_in {
        out.push(format!("staying_in={s}"));
    }
    out.push(format!("date={}", c.date));
    out.join("&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Date, Housing, Need};

    #[test]
    fn a_case_as_the_widgets_link() {
        let mut c = Case::on(Date::parse("2024-05-02").unwrap());
        c.kommun = Some("1980".into());
        c.need = Some(Need::Nursing);
        c.housing = Some(Housing::Ordinary);
        c.age = Some(18);
        c.can_visit_clinic = Some(false);
        assert_eq!(params(&c), "kommun=1980&need=nursing&housing=ordinary&age=18&can_visit_clinic=false&date=2024-05-02");
        c.set_word(Input::Duration, "unknown").unwrap();
        assert!(params(&c).ends_with("&can_visit_clinic=false&duration=unknown&date=2024-05-02"));
    }
}
