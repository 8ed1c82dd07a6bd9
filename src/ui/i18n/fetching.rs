//! The words of a screen that waits for a part of the rules, and of its failure, in every
//! language. They are compiled into the browser's bundles for English too (the rest of the English
//! catalogue comes with `rules/en.bin`): the screen that waits for the English words, or says they
//! could not be fetched, must already be in English.

use super::Fetching;

pub const SV: Fetching = Fetching {
    loading: "Hämtar reglerna …",
    load_failed: "Reglerna kunde inte hämtas. Kontrollera din uppkoppling och försök igen.",
    load_damaged: "Reglerna som hämtades är skadade eller hör inte ihop. Därför visar vi inget svar från dem. Försök igen om en stund.",
    retry: "Försök igen",
    fallback_html: "Läs om vem som ansvarar på <a href=\"https://www.1177.se/\">1177.se</a> eller ring 1177.",
    problem_title: "Något gick fel",
};

pub const EN: Fetching = Fetching {
    loading: "Fetching the rules …",
    load_failed: "The rules could not be fetched. Check your connection and try again.",
    load_damaged: "The rules that were fetched are damaged or do not belong together. So we show no answer from them. Try again in a while.",
    retry: "Try again",
    fallback_html: "Read about who is responsible on <a href=\"https://www.1177.se/\">1177.se</a> or call 1177.",
    problem_title: "Something went wrong",
};
