//! The CLI's own words in Swedish and English (rule texts come from the rules themselves).

use ansvarskollen::engine::{Confidence, Input, Lang, Outcome};

pub fn outcome(o: Outcome, lang: Lang) -> &'static str {
    match (o, lang) {
        (Outcome::Kommun, Lang::Sv) => "kommunen",
        (Outcome::Region, Lang::Sv) => "regionen",
        (Outcome::NotDetermined, Lang::Sv) => "ej fastställt",
        (Outcome::Kommun, Lang::En) => "kommun",
        (Outcome::Region, Lang::En) => "region",
        (Outcome::NotDetermined, Lang::En) => "not determined",
    }
}

pub fn confidence(c: Confidence, lang: Lang) -> &'static str {
    match (c, lang) {
        (Confidence::Verified, Lang::Sv) => "bekräftad",
        (Confidence::Partly, Lang::Sv) => "delvis bekräftad",
        (Confidence::Unverified, Lang::Sv) => "inte bekräftad",
        (Confidence::Verified, Lang::En) => "verified",
        (Confidence::Partly, Lang::En) => "partly verified",
        (Confidence::Unverified, Lang::En) => "not verified",
    }
}

pub fn input(i: Input, lang: Lang) -> &'static str {
    match (i, lang) {
        (Input::Kommun, Lang::Sv) => "kommun",
        (Input::Need, Lang::Sv) => "vilken vård som behövs",
        (Input::Housing, Lang::Sv) => "boende",
        (Input::Age, Lang::Sv) => "ålder",
        (Input::CanVisitClinic, Lang::Sv) => "om personen kan ta sig till vårdcentralen",
        (Input::Duration, Lang::Sv) => "hur länge behovet varar",
        (Input::Kommun, Lang::En) => "kommun",
        (Input::Need, Lang::En) => "what care is needed",
        (Input::Housing, Lang::En) => "housing",
        (Input::Age, Lang::En) => "age",
        (Input::CanVisitClinic, Lang::En) => "whether the person can get to the vårdcentral",
        (Input::Duration, Lang::En) => "how long the need lasts",
    }
}

pub struct Words {
    pub responsible: &'static str,
    pub next: &'static str,
    pub why: &'static str,
    pub source: &'static str,
    pub rule: &'static str,
    pub valid: &'static str,
    pub confidence: &'static str,
    pub needed: &'static str,
    pub not_yet: &'static str,
    pub notes: &'static str,
    pub guidance: &'static str,
    pub can: &'static str,
    pub cannot: &'static str,
    pub need: &'static str,
}

pub fn words(lang: Lang) -> Words {
    match lang {
        Lang::Sv => Words {
            responsible: "Ansvarig",
            next: "Gör så här",
            why: "Varför?",
            source: "Källa",
            rule: "Avgörande regel",
            valid: "gäller",
            confidence: "Säkerhet",
            needed: "Det behövs fler uppgifter. Fråga i den här ordningen",
            not_yet: "Inte avgjort ännu",
            notes: "Bra att veta",
            guidance: "Vägledning, inte ett beslut om dig.",
            can: "Kan ta sig till vårdcentralen",
            cannot: "Kan inte ta sig till vårdcentralen",
            need: "Behov",
        },
        Lang::En => Words {
            responsible: "Responsible",
            next: "What to do",
            why: "Why?",
            source: "Source",
            rule: "Deciding rule",
            valid: "valid",
            confidence: "Confidence",
            needed: "More information is needed. Ask, in this order",
            not_yet: "Not decided yet",
            notes: "Good to know",
            guidance: "Guidance, not a decision about you.",
            can: "Can get to the vårdcentral",
            cannot: "Cannot get to the vårdcentral",
            need: "Need",
        },
    }
}
