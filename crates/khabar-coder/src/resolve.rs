//! When and where: an event's date from the sentence or the story's anchor (dateline, then
//! publication date), and its place from the sentence, the dateline or the country the action
//! happened in. Each decision comes with a sentence saying why, for `--explain`.
//!
//! Place, in order (docs/GEO_TIME.md has the full rules):
//! 1. `sentence`: a place the sentence puts the event at — a gazetteer place or a country after
//!    a locative ("in Damascus", "في دمشق", "بدمشق", "إلى حلب", "in Syria"), nearest the trigger.
//!    A country named as an actor ("Syria said", "سوريا وإيران") is not a place.
//! 2. `dateline`: the dateline place, when the story happens there: an actor of the event is of
//!    the dateline's country, or no actor has a country.
//! 3. `country`: the country the action happened in when the text makes it clear: physical
//!    force (CAMEO roots 15, 17–20) happens where its target is; an event all of whose actors
//!    are of one country happens there.

use khabar_core::{Article, Location, Modality};
use khabar_geo::{Gazetteer, Place};
use khabar_lexicon::Lexicon;
use khabar_text::Token;
use khabar_time::{Date, Precision};

use crate::mentions::ActorSpan;

/// Where dates and places of a story are anchored.
pub(crate) struct Anchor {
    pub(crate) date: Option<Date>,
    pub(crate) date_basis: &'static str,
    /// The dateline place, geocoded.
    pub(crate) place: Option<&'static Place>,
    /// Countries the story is about, the dateline's first, then by how often the story names
    /// them as actors; used to choose among same-named places.
    pub(crate) countries: Vec<String>,
}

/// The story's anchor date and how it was found: the dateline's, else the publication date.
pub(crate) fn story_date(article: &Article) -> (Option<Date>, &'static str) {
    let dl_date = article.dateline.as_ref().and_then(|d| d.date.as_deref()).and_then(|d| khabar_time::parse_date(d, None));
    let pub_date = article.published.as_deref().and_then(|d| khabar_time::parse_date(d, None));
    match (dl_date, pub_date) {
        (Some(d), _) => (Some(d), "dateline"),
        (None, Some(d)) => (Some(d), "published"),
        _ => (None, "unknown"),
    }
}

/// The anchor of a story whose actors have already been found (`actor_countries`: the country of
/// every actor mention of the title and body, in order).
pub(crate) fn anchor_from<'c>(
    article: &Article,
    gaz: &'static Gazetteer,
    (date, date_basis): (Option<Date>, &'static str),
    actor_countries: impl IntoIterator<Item = &'c str>,
) -> Anchor {
    // countries the story names as actors, most often first
    let mut counts: Vec<(String, usize)> = Vec::new();
    for c in actor_countries {
        match counts.iter_mut().find(|(k, _)| k == c) {
            Some(e) => e.1 += 1,
            None => counts.push((c.to_string(), 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1));
    let story: Vec<&str> = counts.iter().map(|(c, _)| c.as_str()).collect();
    let place = article.dateline.as_ref().and_then(|d| d.place.as_deref()).and_then(|p| gaz.geocode(p, &story));
    let mut countries: Vec<String> = place.map(|p| p.iso3.to_string()).into_iter().collect();
    countries.extend(counts.into_iter().map(|(c, _)| c).filter(|c| place.is_none_or(|p| p.iso3 != c)));
    Anchor { date, date_basis, place, countries }
}

/// The anchor of a story, finding its actors itself.
#[cfg(test)]
pub(crate) fn anchor_of(article: &Article, gaz: &'static Gazetteer, lex: &Lexicon) -> Anchor {
    use crate::mentions::find_actors;
    use khabar_time::Datelike as _;
    let date = story_date(article);
    let mut countries = Vec::new();
    for text in article.title.iter().chain(&article.paragraphs) {
        for a in find_actors(lex, &khabar_text::tokens(text), date.0.map(|d| d.year())) {
            countries.extend(a.country);
        }
    }
    anchor_from(article, gaz, date, countries.iter().map(String::as_str))
}

/// The date of an event whose trigger starts at byte `at`: (date, date_basis, why).
pub(crate) fn resolve_date(sentence: &str, anchor: &Anchor, modality: Modality, at: usize) -> (Option<String>, String, String) {
    let Some(base) = anchor.date else { return (None, "unknown".into(), "date unknown: no dateline or publication date".into()) };
    if let Some(r) = khabar_time::resolve_near(sentence, base, Some(at), modality == Modality::Intended) {
        let precision = match r.precision {
            Precision::Day => "",
            Precision::Week => " (a week, dated by its Monday)",
            Precision::Month => " (a month, dated by its first day)",
            Precision::Year => " (a year, dated by 1 January)",
        };
        let why = format!("date {}{precision} from '{}' against the {} date {base}", r.date, r.words, anchor.date_basis);
        return (Some(r.date.to_string()), format!("sentence:{}", r.basis), why);
    }
    if modality == Modality::Background {
        return (None, "unknown:background".into(), "date unknown: background to the story, and the sentence names no date".into());
    }
    (Some(base.to_string()), anchor.date_basis.to_string(), format!("date {base}: the {} date (the sentence names none)", anchor.date_basis))
}

/// Words that put an event at the place after them: "in Damascus", "في دمشق", "إلى دمشق" (Arabic
/// in matching form: ى is folded to ي). "from/من" is left out: it names where someone came
/// from, not where the event is.
const LOCATIVE_EN: &[&str] = &["in", "at", "near", "to", "outside", "inside", "into", "across", "around", "throughout", "over"];
const LOCATIVE_AR: &[&str] = &["في", "الي", "قرب", "بالقرب", "داخل", "خارج", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط", "حول", "انحاء", "ارجاء"];
/// Nouns that say the next word is a place: "the city of Tyre" (Arabic: `khabar_geo::AR_PLACE_NOUNS`,
/// "مدينة صور").
const PLACE_NOUNS_EN: &[&str] = &["city", "town", "village", "province", "port", "camp", "district"];
/// Definite words that may follow a place name without making it a noun in construct
/// ("في دمشق اليوم", "في حلب الشرقية").
const AFTER_PLACE_OK: &[&str] = &["اليوم", "امس", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "الشرقيه", "الغربيه", "الشماليه", "الجنوبيه", "القديمه"];

/// Physical force happens where its target is: CAMEO roots 15, 17, 18, 19, 20.
fn physical(cameo: &str) -> bool {
    matches!(cameo.get(..2), Some("15" | "17" | "18" | "19" | "20"))
}

/// What the coder knows of one event, for placing it.
pub(crate) struct EventSite<'a> {
    /// CAMEO code.
    pub(crate) cameo: &'a str,
    /// First token of the trigger.
    pub(crate) trigger: usize,
    /// Source and target countries of each source/target pair.
    pub(crate) pairs: Vec<(Option<&'a str>, Option<&'a str>)>,
}

/// The place of an event: (location, why).
pub(crate) fn resolve_place(
    sentence: &str,
    toks: &[Token],
    lex: &Lexicon,
    gaz: &'static Gazetteer,
    anchor: &Anchor,
    actors: &[ActorSpan],
    ev: &EventSite,
    places: &[khabar_geo::PlaceMention],
) -> (Option<Location>, String) {
    let ar = lex.lang == "ar";
    let mut context: Vec<&str> = ev.pairs.iter().flat_map(|(s, t)| [*s, *t]).flatten().collect();
    context.extend(anchor.countries.iter().map(String::as_str));
    let norm = |k: usize| toks.get(k).map(|t| t.norm.as_str()).unwrap_or("");
    let bare = |k: usize| khabar_text::strip_arabic_prefixes(norm(k)).last().copied().unwrap_or("");
    // any stem of the word before, not only the shortest: "بلدة" is not ب + لدة, "ولاية" not و + لاية
    let place_noun = |start: usize| {
        start > 0
            && if ar {
                // "the capital" only with its article: "العاصمة صنعاء", not "عاصمة دولة"
                khabar_text::strip_arabic_prefixes(norm(start - 1)).iter().any(|s| khabar_geo::AR_PLACE_NOUNS.contains(s) || *s == "العاصمه")
            } else {
                PLACE_NOUNS_EN.contains(&norm(start - 1)) || (start > 1 && norm(start - 1) == "of" && PLACE_NOUNS_EN.contains(&norm(start - 2)))
            }
    };
    // is the word before `start` (or the clitic on it) a locative?
    let locative = |start: usize, prefix: &str| -> bool {
        if ar {
            let clitic = prefix.trim_start_matches(['و', 'ف']);
            LOCATIVE_AR.contains(&bare(start.wrapping_sub(1))) || clitic.starts_with('ب')
                // "لدمشق" is a destination only after a visit ("زيارته لدمشق")
                || (clitic.starts_with('ل') && ev.cameo.starts_with("04"))
        } else {
            start > 0 && LOCATIVE_EN.contains(&norm(start - 1))
        }
    };
    // (token position, location, why)
    let mut found: Vec<(usize, Location, String)> = Vec::new();
    let mut refused: Vec<String> = Vec::new();
    for m in places.iter().cloned() {
        let text = &sentence[toks[m.start].start..toks[m.end - 1].end];
        let prefix = &toks[m.start].norm[..m.prefix_len];
        let by_noun = place_noun(m.start);
        // the object of a visit is where it happens ("زار جنتيلوني طهران", "visited Tehran")
        let visited = ev.cameo.starts_with("042") && m.start > ev.trigger && m.start <= ev.trigger + 4 && !m.weak;
        if !by_noun && !visited && !locative(m.start, prefix) {
            continue;
        }
        // a name the actor dictionary knows as an organisation, group or person ("UN", "Hamas")
        // is that actor, not a town that happens to share it
        if actors.iter().any(|a| a.start < m.end && m.start < a.end && matches!(a.kind.as_str(), "org" | "group" | "person")) {
            continue;
        }
        let Some(place) = gaz.choose(&m.candidates, &context) else { continue };
        // a country's name is that country, not a town of another one that shares it ("in
        // Tonga" is not Tonga, Cameroon); Kuwait City in Kuwait may stand for it
        if actors.iter().any(|a| a.start < m.end && m.start < a.end && a.kind == "name" && a.roles.is_empty() && a.country.as_deref().is_some_and(|c| c != place.iso3)) {
            refused.push(format!("'{text}' not taken for {} ({}): the name of a country", place.name, place.iso3));
            continue;
        }
        let in_context = context.contains(&place.iso3);
        let next = norm(m.end);
        let construct = ar && next.starts_with("ال") && !AFTER_PLACE_OK.contains(&next);
        let ok = if m.weak {
            // a common word too ("صور" pictures, "الجديدة" new): a place noun before it, or a
            // place of the story's countries that is not the first noun of a construct
            by_noun || (in_context && !construct)
        } else if ar && m.end - m.start == 1 {
            by_noun || place.capital || in_context || place.population >= 250_000
        } else {
            true
        };
        if !ok {
            refused.push(format!("'{text}' not taken for {} ({}){}", place.name, place.iso3, if m.weak { ": also a common word, and no strong evidence" } else { ": a small place outside the story's countries" }));
            continue;
        }
        let alternatives = m.candidates.len();
        let why = if alternatives > 1 {
            format!("place {} ({}) from '{text}' in the sentence, chosen among {alternatives} places of that name by {}", place.name, place.iso3, if in_context { "the story's countries" } else if place.capital { "capital status" } else { "population" })
        } else {
            format!("place {} ({}) from '{text}' in the sentence", place.name, place.iso3)
        };
        found.push((m.start, gaz.location(place, "sentence"), why));
    }
    // a country the sentence puts the event in: "in Syria", "في سوريا", "بسوريا" (not a
    // demonym, not an actor without a locative)
    for a in actors {
        let Some(c) = a.country.as_deref() else { continue };
        if a.kind != "name" || !a.roles.is_empty() || a.end - a.start > 3 {
            continue;
        }
        let strong = if ar {
            matches!(bare(a.start.wrapping_sub(1)), "في" | "داخل" | "انحاء" | "ارجاء" | "الي") || a.prefix.trim_start_matches(['و', 'ف']).starts_with('ب')
        } else {
            a.start > 0 && matches!(norm(a.start - 1), "in" | "inside" | "across" | "throughout" | "to" | "into")
        };
        if !strong {
            continue;
        }
        if let Some(loc) = gaz.country_location(c, "sentence") {
            let text = &sentence[toks[a.start].start..toks[a.end - 1].end];
            found.push((a.start, loc, format!("country {c} from '{text}' in the sentence")));
        }
    }
    if !found.is_empty() {
        // nearest the trigger; a city beats its own country named alongside ("في حلب شمال سوريا")
        let dist = |p: usize| p.abs_diff(ev.trigger);
        found.sort_by_key(|(p, _, _)| dist(*p));
        let (_, mut loc, mut why) = found[0].clone();
        if loc.geonameid.is_none() {
            if let Some((_, city, w)) = found.iter().find(|(_, l, _)| l.geonameid.is_some() && l.country == loc.country) {
                loc = city.clone();
                why = w.clone();
            }
        }
        return (Some(loc), why);
    }
    let refused = if refused.is_empty() { String::new() } else { format!(" ({})", refused.join("; ")) };
    let countries: Vec<&str> = ev.pairs.iter().flat_map(|(s, t)| [*s, *t]).flatten().collect();
    // physical force happens where its target is
    if physical(ev.cameo) {
        if let Some(target) = ev.pairs.iter().find_map(|(s, t)| t.filter(|t| Some(*t) != *s)) {
            if let Some(loc) = gaz.country_location(target, "country") {
                return (Some(loc), format!("place {target}: the sentence names no place, and force is used where its target is{refused}"));
            }
        }
    }
    if let Some(p) = anchor.place {
        if countries.is_empty() || countries.contains(&p.iso3) {
            let why = if countries.is_empty() { "no actor of the event has a country" } else { "an actor of the event is of the dateline's country" };
            return (Some(gaz.location(p, "dateline")), format!("place {} ({}): the dateline, the sentence names no place and {why}{refused}", p.name, p.iso3));
        }
    }
    if let Some(first) = countries.first().filter(|f| countries.iter().all(|c| c == *f)) {
        if let Some(loc) = gaz.country_location(first, "country") {
            return (Some(loc), format!("place {first}: every actor of the event is of that country{refused}"));
        }
    }
    let why = match anchor.place {
        Some(p) => format!("place unknown: the sentence names none, and the actors ({}) are not of the dateline's country {}{refused}", countries.join(", "), p.iso3),
        None => format!("place unknown: no place in the sentence, no dateline, and the actors' countries ({}) do not settle it{refused}", countries.join(", ")),
    };
    (None, why)
}

#[cfg(test)]
mod tests {
    use super::*;
    use khabar_core::Dateline;

    fn article(lang: &str, text: &str, dateline: Option<(&str, &str)>) -> Article {
        Article {
            doc_id: "t".into(),
            lang: Some(lang.into()),
            published: Some("2022-03-10".into()),
            dateline: dateline.map(|(p, d)| Dateline { place: Some(p.into()), date: Some(d.into()), agency: None }),
            paragraphs: text.split("\n\n").map(str::to_string).collect(),
            text: text.into(),
            ..Default::default()
        }
    }

    /// (location name, country, basis) of the place resolved for the sentence `n` of a story,
    /// with the trigger at word `trigger` and the given source/target countries.
    fn place_of(lang: &str, story: &str, dateline: Option<(&str, &str)>, sentence: &str, cameo: &str, pairs: &[(Option<&str>, Option<&str>)]) -> Option<(String, String, String)> {
        let lex = khabar_lexicon::get(lang).unwrap();
        let gaz = Gazetteer::get();
        let a = article(lang, story, dateline);
        let anchor = anchor_of(&a, gaz, lex);
        let toks = khabar_text::tokens(sentence);
        let actors = crate::mentions::find_actors(lex, &toks, None);
        let ev = EventSite { cameo, trigger: 1, pairs: pairs.to_vec() };
        let places = gaz.find(sentence, &toks, lex.lang);
        let (loc, why) = resolve_place(sentence, &toks, lex, gaz, &anchor, &actors, &ev, &places);
        assert!(!why.is_empty());
        loc.map(|l| (l.name, l.country.unwrap_or_default(), l.basis))
    }

    #[test]
    fn tripoli_in_lebanon_and_in_libya() {
        let lb = "Protesters gathered in Tripoli and Beirut as Lebanon's government met.\n\nLebanese troops deployed.";
        let got = place_of("en", lb, None, "Protesters gathered in Tripoli on Sunday.", "141", &[(Some("LBN"), None)]).unwrap();
        assert_eq!((got.1.as_str(), got.2.as_str()), ("LBN", "sentence"), "{got:?}");
        let ly = "Libyan forces clashed near Tripoli.\n\nThe Libyan government condemned the fighting.";
        let got = place_of("en", ly, None, "Fighters clashed in Tripoli on Sunday.", "190", &[]).unwrap();
        assert_eq!(got.1, "LBY", "{got:?}");
        // Arabic, the story about Lebanon: طرابلس is the northern Lebanese city
        let ar = "تظاهر مئات في طرابلس احتجاجا على الغلاء في لبنان.\n\nوقال الجيش اللبناني إنه عزز انتشاره.";
        let got = place_of("ar", ar, None, "تظاهر مئات في طرابلس احتجاجا على الغلاء.", "141", &[]).unwrap();
        assert_eq!(got.1, "LBN", "{got:?}");
    }

    #[test]
    fn a_country_named_as_an_actor_is_not_the_place() {
        // "Turkey" is an actor here, the event is in Baghdad (dateline)
        let story = "Turkey and Iraq signed a water deal.";
        let got = place_of("en", story, Some(("BAGHDAD", "2022-03-09")), "Turkey and Iraq signed a water deal.", "057", &[(Some("TUR"), Some("IRQ"))]).unwrap();
        assert_eq!((got.0.as_str(), got.2.as_str()), ("Baghdad", "dateline"), "{got:?}");
        // the text puts it in a country: "in Turkey"
        let got = place_of("en", story, Some(("BAGHDAD", "2022-03-09")), "Iraq and Syria met in Turkey on Monday.", "040", &[(Some("IRQ"), Some("SYR"))]).unwrap();
        assert_eq!((got.1.as_str(), got.2.as_str()), ("TUR", "sentence"), "{got:?}");
        // Arabic: "في العراق" puts the event in Iraq; "العراق" as a subject does not
        let got = place_of("ar", "", None, "انفجرت سيارة مفخخة في العراق", "183", &[]).unwrap();
        assert_eq!((got.1.as_str(), got.2.as_str()), ("IRQ", "sentence"), "{got:?}");
        let got = place_of("ar", "", None, "وقع العراق وتركيا اتفاقا", "057", &[(Some("IRQ"), Some("TUR"))]);
        assert_eq!(got, None);
    }

    #[test]
    fn arabic_clitics_and_common_words() {
        for s in ["اجتمع الوزراء بحلب", "وصل الوفد إلى حلب", "عقد الاجتماع في حلب"] {
            let got = place_of("ar", "", None, s, "040", &[]).unwrap_or_else(|| panic!("{s}"));
            assert_eq!((got.0.as_str(), got.2.as_str()), ("Aleppo", "sentence"), "{s}");
        }
        // "لحلب" names a destination only after a visit
        assert_eq!(place_of("ar", "", None, "زيارة الوزير لحلب", "042", &[]).map(|g| g.0), Some("Aleppo".into()));
        assert_eq!(place_of("ar", "", None, "دعم الحكومة لحلب", "070", &[]), None);
        // "صور" (pictures / Tyre) in a construct is not a place; with "مدينة" it is
        assert_eq!(place_of("ar", "", None, "نشرت في صور الأقمار الصناعية", "010", &[]), None);
        // an indefinite "capital of" is no place noun: "لعاصمة دولة" is not Dhule
        assert_eq!(place_of("ar", "", None, "أولى زياراته لعاصمة دولة أوروبية", "042", &[]), None);
        let got = place_of("ar", "", None, "سقط صاروخ في مدينة صور", "190", &[]).unwrap();
        assert_eq!((got.0.as_str(), got.1.as_str()), ("Tyre", "LBN"));
        // the place noun is the word "city", not Medina (مدينه in GeoNames); the name after it is
        // the place, whatever the preposition and clitics ("على بلدة", "بمحافظة", "وولاية")
        for (s, want) in [("انفجرت سيارة مفخخة في مدينة أبها", "Abha"), ("سقطت قذائف على بلدة سراقب", "Saraqib"), ("اندلعت اشتباكات بمحافظة صعدة", "Sa'dah"), ("تظاهر المئات بالعاصمة صنعاء", "Sanaa")] {
            let got = place_of("ar", "", None, s, "190", &[]).unwrap_or_else(|| panic!("{s}"));
            assert_eq!(got.0, want, "{s}");
        }
    }

    #[test]
    fn a_visit_happens_in_the_town_visited() {
        // the town is the object of the verb, with no locative before it
        let got = place_of("ar", "", None, "وزار الوزير الإيطالي طهران أمس", "042", &[(Some("ITA"), Some("IRN"))]).unwrap();
        assert_eq!((got.0.as_str(), got.2.as_str()), ("Tehran", "sentence"), "{got:?}");
        let got = place_of("en", "", None, "Gentiloni visited Tehran on Wednesday.", "042", &[(Some("ITA"), Some("IRN"))]).unwrap();
        assert_eq!(got.0, "Tehran", "{got:?}");
        // further on, a place still needs its locative
        assert_eq!(place_of("ar", "", None, "زار الوزير المدرسة التي بناها أهالي القرية قبل أعوام في حلب", "042", &[]).map(|g| g.0), Some("Aleppo".into()));
    }

    #[test]
    fn force_happens_where_its_target_is() {
        let got = place_of("en", "", Some(("WASHINGTON", "2022-03-09")), "Russian jets bombed Ukrainian positions.", "195", &[(Some("RUS"), Some("UKR"))]).unwrap();
        assert_eq!((got.1.as_str(), got.2.as_str()), ("UKR", "country"));
        // no dateline, one country: the event is there
        let got = place_of("en", "", None, "Kenyan police arrested opposition supporters.", "173", &[(Some("KEN"), Some("KEN"))]).unwrap();
        assert_eq!((got.1.as_str(), got.2.as_str()), ("KEN", "country"));
        // foreign actors far from the dateline: unknown
        assert_eq!(place_of("en", "", Some(("PARIS", "2022-03-09")), "Japan praised Brazil.", "051", &[(Some("JPN"), Some("BRA"))]), None);
    }

    #[test]
    fn dates_say_why() {
        let anchor = Anchor { date: Date::from_ymd_opt(2022, 3, 9), date_basis: "dateline", place: None, countries: vec![] };
        let s = "The two leaders met yesterday and will meet again next month.";
        let (d, basis, why) = resolve_date(s, &anchor, Modality::Asserted, s.find("met").unwrap());
        assert_eq!((d.as_deref(), basis.as_str()), (Some("2022-03-08"), "sentence:yesterday"));
        assert!(why.contains("yesterday") && why.contains("dateline"), "{why}");
        let (d, basis, _) = resolve_date(s, &anchor, Modality::Intended, s.find("will meet").unwrap());
        assert_eq!((d.as_deref(), basis.as_str()), (Some("2022-04-01"), "sentence:next_month"));
        let (d, basis, _) = resolve_date("No date words here.", &anchor, Modality::Asserted, 0);
        assert_eq!((d.as_deref(), basis.as_str()), (Some("2022-03-09"), "dateline"));
    }
}
