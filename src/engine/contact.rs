//! Whom to call: the contact data of kommuner and regions (`rules/contacts/NN-name.toml`, reviewed
//! like rules, shipped in each region's compiled part, never in the core) and the answer's
//! [`Contact`]: for the party to contact first, its switchboard number, website and page on
//! hälso- och sjukvård, and the region's page on 1177.se — each with the page it was read on.
//!
//! Never a guess: a kommun without verified data has no entry, and the answer then carries names
//! only (the widget shows the general next step). It looks data up and ranks sources; it decides
//! nothing about who is responsible.

use super::answer::CitationOut;
use super::date::Date;
use super::json::Json;
use super::ruleset::RuleSet;
use super::vocab::{Responsible, Vocab};
use serde::{Deserialize, Serialize};

/// A value read on a public page: a link, or a phone number as the widget shows it
/// ("021-39 00 00"; the loader checks and formats it), with the page it was read on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sourced {
    /// The link (`https://…`) or the phone number.
    pub value: String,
    /// The page the value was read on (`https://…`).
    pub source: String,
    /// The date that page shows, if it shows one.
    pub date: Option<Date>,
}

/// What is known about reaching one kommun.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KommunContact {
    /// SCB kommunkod.
    pub code: String,
    /// The kommun's official website.
    pub website: Option<Sourced>,
    /// Its page on kommunal hälso- och sjukvård / hemsjukvård.
    pub care_page: Option<Sourced>,
    /// Its switchboard (växel, kontaktcenter), formatted for display.
    pub phone: Option<Sourced>,
}

/// One region's contact data and its kommuner's (`rules/contacts/NN-name.toml`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionContacts {
    /// Länskod.
    pub lan: String,
    /// The day the pages were read.
    pub reviewed: Date,
    /// The region's start page on 1177.se.
    pub page_1177: Option<Sourced>,
    /// 1177's "hitta vård" for the region.
    pub find_care: Option<Sourced>,
    /// The kommuner with verified data, by code.
    pub kommuner: Vec<KommunContact>,
}

/// The answer's contact: whom to contact first, and what is known about reaching the kommun and
/// the region (documented in `answer.rs`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Contact {
    /// Whom to contact first: the responsible party; `None` when the answer names none (not
    /// determined, or it depends): then both.
    pub first: Option<Responsible>,
    /// The kommun as an organisation ("Västerås kommun").
    pub kommun: String,
    /// The kommun's switchboard.
    pub phone: Option<Sourced>,
    /// The kommun's website.
    pub website: Option<Sourced>,
    /// The kommun's page on hälso- och sjukvård.
    pub care_page: Option<Sourced>,
    /// The region's name on the date.
    pub region: String,
    /// The region's page on 1177.se.
    pub page_1177: Option<Sourced>,
    /// 1177's "hitta vård" for the region.
    pub find_care: Option<Sourced>,
    /// The day the contact data were read, if there are any.
    pub reviewed: Option<Date>,
}

impl RuleSet {
    /// The contact data of a region, if its part (or the whole rule set) is loaded and it has any.
    pub fn region_contacts(&self, lan: &str) -> Option<&RegionContacts> {
        self.directory.iter().find(|d| d.lan == lan)
    }

    /// The contact data of a kommun, if any.
    pub fn kommun_contact(&self, lan: &str, code: &str) -> Option<&KommunContact> {
        self.region_contacts(lan)?.kommuner.iter().find(|k| k.code == code)
    }
}

impl Contact {
    /// The contact for a kommun (`code`, named `kommun`) of the region `lan` (named `region`).
    pub fn of(rules: &RuleSet, lan: &str, code: &str, kommun: String, region: String, first: Option<Responsible>) -> Contact {
        let r = rules.region_contacts(lan);
        let k = r.and_then(|r| r.kommuner.iter().find(|k| k.code == code));
        Contact {
            first,
            kommun,
            phone: k.and_then(|k| k.phone.clone()),
            website: k.and_then(|k| k.website.clone()),
            care_page: k.and_then(|k| k.care_page.clone()),
            region,
            page_1177: r.and_then(|r| r.page_1177.clone()),
            find_care: r.and_then(|r| r.find_care.clone()),
            reviewed: r.map(|r| r.reviewed),
        }
    }

    pub(crate) fn write_json(&self, j: &mut Json) {
        j.begin_object();
        j.field_str("first", self.first.map(|r| r.as_str()));
        j.key("kommun");
        j.begin_object();
        j.field_str("name", Some(&self.kommun));
        j.key("phone");
        match &self.phone {
            None => j.null(),
            Some(p) => {
                j.begin_object();
                j.field_str("number", Some(&p.value));
                j.field_str("tel", Some(&tel(&p.value)));
                write_source(j, p);
                j.end_object();
            }
        }
        link(j, "website", &self.website);
        link(j, "care_page", &self.care_page);
        j.end_object();
        j.key("region");
        j.begin_object();
        j.field_str("name", Some(&self.region));
        link(j, "page_1177", &self.page_1177);
        link(j, "find_care", &self.find_care);
        j.end_object();
        j.field_str("reviewed", self.reviewed.map(|d| d.to_string()).as_deref());
        j.end_object();
    }
}

fn write_source(j: &mut Json, s: &Sourced) {
    j.field_str("source", Some(&s.source));
    j.field_str("date", s.date.map(|d| d.to_string()).as_deref());
}

fn link(j: &mut Json, key: &str, s: &Option<Sourced>) {
    j.key(key);
    match s {
        None => j.null(),
        Some(s) => {
            j.begin_object();
            j.field_str("url", Some(&s.value));
            write_source(j, s);
            j.end_object();
        }
    }
}

/// A Swedish phone number as written for display ("021-39 00 00") in the international form a
/// `tel:` link takes ("+4621390000"): its digits, the leading 0 replaced by +46.
pub fn tel(display: &str) -> String {
    let digits: String = display.chars().filter(char::is_ascii_digit).collect();
    format!("+46{}", digits.strip_prefix('0').unwrap_or(&digits))
}

/// The host of a link, without `www.` ("https://www.sala.se/info" → "sala.se").
/// (Byte scans, not `split_once("://")`: this runs for every cited source of every answer, and a
/// substring search sets up a searcher each time.)
pub fn host(url: &str) -> &str {
    let rest = match url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")) {
        Some(rest) => rest,
        None => url.as_bytes().windows(3).position(|w| w == b"://").map_or(url, |i| &url[i + 3..]),
    };
    let end = rest.bytes().position(|c| matches!(c, b'/' | b'?' | b'#')).unwrap_or(rest.len());
    let host = &rest[..end];
    host.strip_prefix("www.").unwrap_or(host)
}

/// How relevant a cited source is to a reader in one kommun, most relevant first: the kommun's
/// own pages, then the region's agreement and other documents, then the law, then other
/// kommuners' pages (a Västerås answer must not lead with a Sala page).
pub struct Relevance<'a> {
    /// The hosts of the region's kommuner's websites and care pages, each with whether it is the
    /// reader's own kommun's.
    hosts: Vec<(&'a str, bool)>,
    /// The kommun as an organisation, for documents that name their publisher.
    own_name: String,
}

impl<'a> Relevance<'a> {
    /// For a kommun of a region, from the region's contact data.
    pub fn new(rules: &'a RuleSet, lan: &str, code: &str, own_name: String) -> Relevance<'a> {
        let kommuner = rules.region_contacts(lan).map_or(&[][..], |r| &r.kommuner);
        let mut hosts = Vec::with_capacity(2 * kommuner.len());
        for k in kommuner {
            let own = k.code == code;
            hosts.extend([&k.website, &k.care_page].into_iter().flatten().map(|s| (host(&s.value), own)));
        }
        Relevance { hosts, own_name }
    }

    /// Whether `h` is the host of a website or care page of a kommun: the reader's own
    /// (`own = true`) or another of the region's.
    fn kommun_host(&self, h: &str, own: bool) -> bool {
        self.hosts.iter().any(|&(x, o)| o == own && x == h)
    }

    /// 0 = the kommun's own page, 1 = the agreement and other documents, 2 = the law, 3 = another
    /// kommun's page.
    pub fn rank(&self, c: &CitationOut) -> u8 {
        let h = c.url.as_deref().map(host);
        let publisher = c.publisher.as_deref().unwrap_or("");
        if publisher == self.own_name || h.is_some_and(|h| self.kommun_host(h, true)) {
            0
        } else if publisher.ends_with(" kommun") || publisher.ends_with(" stad") || h.is_some_and(|h| self.kommun_host(h, false)) {
            3
        } else if c.sfs.is_some() {
            2
        } else {
            1
        }
    }

    /// Citations in this order, the most relevant first, in their own order among equals. Each
    /// is ranked once, and citations already in order are not moved. (Four passes over a few
    /// citations, one per rank, instead of a sort: a sort routine costs the bundle ~1 KB.)
    pub fn order(&self, citations: Vec<CitationOut>) -> Vec<CitationOut> {
        let ranks: Vec<u8> = citations.iter().map(|c| self.rank(c)).collect();
        if ranks.windows(2).all(|w| w[0] <= w[1]) {
            return citations;
        }
        let mut slots: Vec<Option<CitationOut>> = citations.into_iter().map(Some).collect();
        let mut out = Vec::with_capacity(slots.len());
        for rank in 0..=3 {
            for (slot, _) in slots.iter_mut().zip(&ranks).filter(|(_, r)| **r == rank) {
                out.extend(slot.take());
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tel_links_and_hosts() {
        assert_eq!(tel("021-39 00 00"), "+4621390000");
        assert_eq!(tel("08-580 285 00"), "+46858028500");
        assert_eq!(host("https://www.Sala.se/info/4656/"), "Sala.se");
        assert_eq!(host("http://vasteras.se/omsorg?x=1"), "vasteras.se");
        assert_eq!(host("https://xn--gullspng-f0a.se"), "xn--gullspng-f0a.se");
        assert_eq!(host("ftp://www.sala.se/a#b"), "sala.se");
        assert_eq!(host("sala.se/omsorg"), "sala.se");
    }

    #[test]
    fn citations_are_ordered_by_relevance_keeping_their_order_among_equals() {
        let cite = |title: &str, url: Option<&str>, sfs: Option<&str>| CitationOut {
            title: title.into(),
            section: None,
            url: url.map(Into::into),
            sfs: sfs.map(Into::into),
            publisher: None,
            date: None,
        };
        let rel = Relevance {
            hosts: vec![("vasteras.se", true), ("sala.se", false)],
            own_name: "Västerås kommun".into(),
        };
        let given = vec![
            cite("law", Some("https://riksdagen.se/x"), Some("2017:30")),
            cite("sala", Some("https://www.sala.se/a"), None),
            cite("agreement 1", Some("https://regionvastmanland.se/a"), None),
            cite("own", Some("https://www.vasteras.se/b"), None),
            cite("agreement 2", None, None),
        ];
        let titles: Vec<String> = rel.order(given).into_iter().map(|c| c.title).collect();
        assert_eq!(titles, ["own", "agreement 1", "agreement 2", "law", "sala"]);
        let sorted = vec![cite("own", Some("https://vasteras.se/"), None), cite("law", None, Some("2017:30"))];
        assert_eq!(rel.order(sorted.clone()), sorted);
    }
}
