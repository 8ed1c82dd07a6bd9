//! English: plain language, short sentences, the reader as "you". Swedish names of bodies and
//! services (kommun, vårdcentral) are kept where English has no equivalent a reader would recognise.

use super::Catalogue;
use crate::engine::Lang;

pub const EN: Catalogue = Catalogue {
    code: "en",
    rules_lang: Lang::En,
    name: "English",
    switch_to: "In English",

    title: "Ansvarskollen",
    tagline: "Who is responsible for the care: the kommun or the region?",
    privacy: "Your answers are not saved and not sent anywhere.",
    loading: "Fetching the rules …",
    load_failed: "The rules could not be fetched. Check your connection and try again.",
    problem_title: "Something went wrong",

    continue_: "Continue",
    back: "Back",
    change: "Change",
    restart: "Start again",
    copy_link: "Copy link",
    link_copied: "The link is copied. You can paste it into a message.",
    link_copy_failed: "The link could not be copied. Select the address in your browser and copy it.",
    print: "Print",
    show_matrix: "Show who is responsible for everything",
    hide_matrix: "Hide who is responsible for everything",
    about: "About the information",
    about_page: "about-the-information.html",

    error_title: "There is a problem",
    choose_one: "Choose one of the options.",

    kommun_question: "In which kommun does the person who needs care live?",
    kommun_hint: "Type a few letters of the kommun's name and choose from the list.",
    kommun_label: "Kommun (municipality)",
    kommun_error: "Choose a kommun from the list.",
    kommun_none: "No kommun matches. Check the spelling.",
    kommun_count: "{n} kommuner match. Use the arrow keys to choose.",
    kommun_one: "1 kommun matches. Press Enter to choose it.",

    need_question: "What care is needed?",
    need_hint: "Choose what fits best. You can ask about one thing at a time.",
    needs: [
        ("Nurse", "For example wound care, medication, injections or tests."),
        ("Rehabilitation", "Occupational therapist or physiotherapist."),
        ("Assistive devices", "For example a walker, a wheelchair or aids in the bathroom."),
        ("Physician", "Assessment, prescription or treatment by a doctor."),
        ("Specialised care at home", "Advanced health care at home, for example ASIH or specialised palliative care."),
        ("Dental care", "Dentist, dental hygienist or help with oral health."),
    ],

    housing_question: "Where does the person who needs care live?",
    housing_hint: "Choose the housing the kommun has decided on, if there is such a decision.",
    housings: [
        ("In their own home", "A house or flat, also with home help."),
        ("Sheltered housing", "Assessed sheltered housing (trygghetsboende) the kommun has decided on."),
        ("Residential care", "A care home for older people (särskilt boende) the kommun has decided on."),
        ("Short-term care", "A temporary place, for example after a stay in hospital."),
        ("Supported housing (LSS)", "Group or service housing under the LSS act."),
    ],

    age_question: "How old is the person who needs care?",
    age_hint: "Give the age in whole years.",
    age_label: "Age",
    age_error: "Give an age in whole years, from 0 to 130.",
    age_value: "{n} years",

    visit_question: "Can the person who needs care get to the vårdcentral (health centre)?",
    visit_hint: "On their own or with support, for example with mobility transport or a relative.",
    visit_yes: ("Yes", "They can, on their own or with support."),
    visit_no: ("No", "They cannot, not even with support."),

    duration_question: "How long is the care needed?",
    duration_hint: "If you are not sure, choose what seems most likely.",
    durations: [
        ("A short time", "Less than two weeks, for example after a temporary illness."),
        ("Two weeks or longer", "Planned care needed for a longer time."),
    ],

    date_question: "Which date is the question about?",
    date_hint: "Responsibility has changed over time. Write the date as YYYY-MM-DD, for example 2024-05-02.",
    date_label: "Date",
    date_error: "Give a date that exists, as YYYY-MM-DD.",

    kommun_responsible: "The kommun is responsible",
    region_responsible: "The region is responsible",
    not_determined: "We cannot say for certain",
    one_body_as_kommun: "{organisation}, in its role as kommun",
    one_body_as_region: "{organisation}, in its role as region",
    next_step: "What to do",
    why: "Why?",
    set_aside: "Does not apply here: a stronger rule decides.",
    source: "Source",
    good_to_know: "Good to know",
    deciding_rule: "Deciding rule",
    valid_from: "valid from {from}",
    valid_between: "valid {from} to {to}",
    rules_date: "The answer applies on {date}.",
    guidance: "This is guidance based on laws and agreements, not a decision about you or your relative. Whoever gives the care always makes their own assessment.",
    confidence: ["Confirmed information", "Partly confirmed information", "Unconfirmed information"],
    doubt_title: "Uncertain",

    summary_title: "Your answers",
    summary_kommun: "Kommun",
    summary_need: "Care",
    summary_housing: "Housing",
    summary_age: "Age",
    summary_visit: "Can get to the vårdcentral",
    summary_duration: "How long",
    summary_date: "Date",
    not_asked: "Not needed",

    ignored_param: "We could not use “{param}” from the link. We ask for it instead.",

    matrix_title: "Who is responsible in {kommun} on {date}",
    matrix_intro: "Who is responsible for each kind of care, by housing and by whether the person can get to the vårdcentral.",
    matrix_can: "Can get to the vårdcentral",
    matrix_cannot: "Cannot get to the vårdcentral",
    matrix_need: "Care",
    matrix_kommun: "Kommun",
    matrix_region: "Region",
    matrix_unknown: "Not determined",
    matrix_age_from: "{n} years and older",
    matrix_age_range: "{a}–{b} years",

};
