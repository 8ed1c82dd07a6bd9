//! Filling templates: `{name}` in a text replaced by a value. One filler for the engine's rule
//! texts (`{organisation}`, `{kommun}`, `{region}`) and the widget's catalogue strings (`{n}`,
//! `{date}`, …). It fills; it does not translate or escape.

/// Replaces every `{name}` of `values` in `template`, in one pass: a value is never searched again,
/// so a value that itself contains `{name}` stays as it is. A `{x}` whose name is not given is left
/// as written. Runs for every text of every answer, so it allocates once.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        rest = &rest[at + 1..];
        let hit = values
            .iter()
            .find(|(name, _)| rest.len() > name.len() && rest.starts_with(name) && rest.as_bytes()[name.len()] == b'}');
        match hit {
            Some((name, value)) => {
                out.push_str(value);
                rest = &rest[name.len() + 1..];
            }
            None => out.push('{'),
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn fills_every_known_name_and_leaves_the_rest() {
        let v = [("organisation", "Köpings kommun"), ("n", "3")];
        assert_eq!(fill("Kontakta {organisation}.", &v), "Kontakta Köpings kommun.");
        assert_eq!(fill("{n} av {n}", &v), "3 av 3");
        assert_eq!(fill("{unknown} och {n}", &v), "{unknown} och 3");
        assert_eq!(fill("{{n}} {", &v), "{3} {");
        assert_eq!(fill("{organisation", &v), "{organisation");
        assert_eq!(fill("ingen mall", &v), "ingen mall");
        assert_eq!(fill("", &v), "");
        assert_eq!(fill("å{n}ä", &v), "å3ä");
    }

    #[test]
    fn a_value_is_not_filled_again() {
        // One pass: a value containing a placeholder is written as it is (the old widget filler
        // replaced name by name and would have filled it).
        assert_eq!(fill("{a} {b}", &[("a", "{b}"), ("b", "x")]), "{b} x");
    }

    #[test]
    fn the_first_of_equal_names_wins() {
        assert_eq!(fill("{a}", &[("a", "1"), ("a", "2")]), "1");
    }
}
