//! Svenska: klarspråk, korta meningar, läsaren som "du".

use super::Catalogue;
use crate::engine::Lang;

pub const SV: Catalogue = Catalogue {
    code: "sv",
    rules_lang: Lang::Sv,
    name: "Svenska",
    switch_to: "På svenska",

    title: "Ansvarskollen",
    tagline: "Vem ansvarar för vården – kommunen eller regionen?",
    privacy: "Det du svarar sparas inte och skickas inte någonstans.",
    loading: "Hämtar reglerna …",
    load_failed: "Reglerna kunde inte hämtas. Kontrollera din uppkoppling och försök igen.",
    problem_title: "Något gick fel",

    continue_: "Fortsätt",
    back: "Tillbaka",
    change: "Ändra",
    restart: "Börja om",
    copy_link: "Kopiera länk",
    link_copied: "Länken är kopierad. Du kan klistra in den i ett meddelande.",
    link_copy_failed: "Länken kunde inte kopieras. Markera adressen i webbläsaren och kopiera den.",
    print: "Skriv ut",
    show_matrix: "Visa hela ansvarsfördelningen",
    hide_matrix: "Dölj ansvarsfördelningen",
    about: "Om uppgifterna",
    about_page: "om-uppgifterna.html",

    error_title: "Det finns ett problem",
    choose_one: "Välj ett av alternativen.",

    kommun_question: "I vilken kommun bor den som behöver vård?",
    kommun_hint: "Skriv några bokstäver i kommunens namn och välj i listan.",
    kommun_label: "Kommun",
    kommun_error: "Välj en kommun i listan.",
    kommun_none: "Ingen kommun matchar. Kontrollera stavningen.",
    kommun_count: "{n} kommuner matchar. Använd piltangenterna för att välja.",
    kommun_one: "1 kommun matchar. Tryck Enter för att välja den.",

    need_question: "Vilken vård behövs?",
    need_hint: "Välj det som stämmer bäst. Du kan fråga om en sak i taget.",
    needs: [
        ("Sjuksköterska", "Till exempel sårvård, läkemedel, sprutor eller provtagning."),
        ("Rehabilitering", "Arbetsterapeut eller fysioterapeut (sjukgymnast)."),
        ("Hjälpmedel", "Till exempel rollator, rullstol eller hjälpmedel i badrummet."),
        ("Läkare", "Bedömning, ordination eller behandling av en läkare."),
        ("Specialiserad vård i hemmet", "Avancerad sjukvård i hemmet, till exempel ASIH eller specialiserad palliativ vård."),
        ("Tandvård", "Tandläkare, tandhygienist eller hjälp med munhälsan."),
    ],

    housing_question: "Hur bor den som behöver vård?",
    housing_hint: "Välj boendet som kommunen har beslutat om, om det finns ett sådant beslut.",
    housings: [
        ("I eget hem", "Hus eller lägenhet, också med hemtjänst."),
        ("Trygghetsboende", "Biståndsbedömt trygghetsboende som kommunen har beslutat om."),
        ("Särskilt boende", "Äldreboende, vård- och omsorgsboende som kommunen har beslutat om."),
        ("Korttidsboende", "En tillfällig plats, till exempel efter en tid på sjukhus."),
        ("Bostad med särskild service (LSS)", "Gruppbostad eller servicebostad enligt LSS."),
    ],

    age_question: "Hur gammal är den som behöver vård?",
    age_hint: "Skriv åldern i hela år.",
    age_label: "Ålder",
    age_error: "Skriv en ålder i hela år, från 0 till 130.",
    age_value: "{n} år",

    visit_question: "Kan den som behöver vård ta sig till vårdcentralen?",
    visit_hint: "På egen hand eller med stöd, till exempel med färdtjänst eller en anhörig.",
    visit_yes: ("Ja", "Det går, på egen hand eller med stöd."),
    visit_no: ("Nej", "Det går inte, inte ens med stöd."),

    duration_question: "Hur länge behövs vården?",
    duration_hint: "Om du inte vet säkert, välj det som verkar troligast.",
    durations: [
        ("En kortare tid", "Mindre än två veckor, till exempel efter en tillfällig sjukdom."),
        ("Två veckor eller längre", "Planerad vård som behövs under en längre tid."),
    ],

    date_question: "Vilket datum gäller frågan?",
    date_hint: "Ansvaret har ändrats över tid. Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2024-05-02.",
    date_label: "Datum",
    date_error: "Skriv ett datum som finns, som ÅÅÅÅ-MM-DD.",

    kommun_responsible: "Kommunen ansvarar",
    region_responsible: "Regionen ansvarar",
    not_determined: "Det går inte att säga säkert",
    one_body_as_kommun: "{organisation}, i rollen som kommun",
    one_body_as_region: "{organisation}, i rollen som region",
    next_step: "Så gör du",
    why: "Varför?",
    set_aside: "Gäller inte här: en starkare regel avgör.",
    source: "Källa",
    good_to_know: "Bra att veta",
    deciding_rule: "Avgörande regel",
    valid_from: "gäller från {from}",
    valid_between: "gällde {from} till {to}",
    rules_date: "Svaret gäller den {date}.",
    guidance: "Det här är vägledning utifrån lagar och avtal, inte ett beslut om dig eller din närstående. Den som ger vården gör alltid en egen bedömning.",
    confidence: ["Bekräftad uppgift", "Delvis bekräftad uppgift", "Inte bekräftad uppgift"],
    doubt_title: "Osäkert",

    summary_title: "Dina svar",
    summary_kommun: "Kommun",
    summary_need: "Vård",
    summary_housing: "Boende",
    summary_age: "Ålder",
    summary_visit: "Kan ta sig till vårdcentralen",
    summary_duration: "Hur länge",
    summary_date: "Datum",
    not_asked: "Behövdes inte",

    ignored_param: "Vi kunde inte använda ”{param}” i länken. Vi frågar efter det i stället.",

    matrix_title: "Ansvarsfördelningen i {kommun} den {date}",
    matrix_intro: "Vem som ansvarar för olika slags vård, beroende på boende och om man kan ta sig till vårdcentralen.",
    matrix_can: "Kan ta sig till vårdcentralen",
    matrix_cannot: "Kan inte ta sig till vårdcentralen",
    matrix_need: "Vård",
    matrix_kommun: "Kommunen",
    matrix_region: "Regionen",
    matrix_unknown: "Inte fastställt",
    matrix_age_from: "{n} år och äldre",
    matrix_age_range: "{a}–{b} år",

};
