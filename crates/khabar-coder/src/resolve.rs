//! When and where: an event's date from the sentence or the story's anchor (dateline, then
//! publication date), and its place from the sentence or the dateline.

use khabar_core::{Article, Location, Modality};
use khabar_geo::Gazetteer;
use khabar_lexicon::Lexicon;
use khabar_text::Token;
use khabar_time::Date;

/// Where dates and places of a story are anchored.
pub(crate) struct Anchor {
    pub(crate) date: Option<Date>,
    pub(crate) date_basis: &'static str,
    /// The dateline place, geocoded.
    pub(crate) place: Option<&'static khabar_geo::Place>,
}

pub(crate) fn anchor_of(article: &Article, gaz: &'static Gazetteer) -> Anchor {
    let dl_date = article.dateline.as_ref().and_then(|d| d.date.as_deref()).and_then(|d| khabar_time::parse_date(d, None));
    let pub_date = article.published.as_deref().and_then(|d| khabar_time::parse_date(d, None));
    let (date, date_basis) = match (dl_date, pub_date) {
        (Some(d), _) => (Some(d), "dateline"),
        (None, Some(d)) => (Some(d), "published"),
        _ => (None, "unknown"),
    };
    let place = article.dateline.as_ref().and_then(|d| d.place.as_deref()).and_then(|p| gaz.geocode(p, &[]));
    Anchor { date, date_basis, place }
}

pub(crate) fn resolve_date(sentence: &str, anchor: &Anchor, modality: Modality) -> (Option<String>, String) {
    let Some(base) = anchor.date else { return (None, "unknown".into()) };
    if let Some(r) = khabar_time::resolve_in_sentence(sentence, base) {
        return (Some(r.date.to_string()), format!("sentence:{}", r.basis));
    }
    if modality == Modality::Background {
        return (None, "unknown:background".into());
    }
    (Some(base.to_string()), anchor.date_basis.to_string())
}

/// Locative words before a place name: "in Damascus", "في دمشق", "إلى دمشق" (Arabic in
/// matching form: ى is folded to ي).
const LOCATIVE_EN: &[&str] = &["in", "at", "near", "to", "from", "outside", "inside", "into", "across", "around", "of"];
const LOCATIVE_AR: &[&str] = &["في", "الي", "من", "قرب", "بالقرب", "داخل", "خارج", "شمال", "جنوب", "شرق", "غرب", "وسط", "مدينه", "محافظه", "حول"];

pub(crate) fn resolve_place(sentence: &str, toks: &[Token], lex: &Lexicon, gaz: &'static Gazetteer, anchor: &Anchor, context: &[&str]) -> Option<Location> {
    let ar = lex.lang == "ar";
    for m in gaz.find(sentence, toks, lex.lang) {
        let prev = if m.start > 0 { toks[m.start - 1].norm.as_str() } else { "" };
        let prev = khabar_text::strip_arabic_prefixes(prev).last().copied().unwrap_or(prev);
        let clitic = &toks[m.start].norm[..m.prefix_len];
        let clitic = clitic.strip_suffix("ال").unwrap_or(clitic);
        let locative = if ar {
            LOCATIVE_AR.contains(&prev) || clitic.contains('ب') || clitic.ends_with('ل')
        } else {
            LOCATIVE_EN.contains(&prev)
        };
        if !locative {
            continue;
        }
        if let Some(place) = gaz.choose(&m.candidates, context) {
            // one Arabic word is often also a common word ("وجه", "الجديدة"): a small place
            // far from the story's countries needs more than that
            let plausible = !ar || m.end - m.start > 1 || place.capital || context.contains(&place.iso3) || place.population >= 1_000_000;
            if plausible {
                return Some(gaz.location(place, "sentence"));
            }
        }
    }
    anchor.place.map(|p| gaz.location(p, "dateline"))
}

