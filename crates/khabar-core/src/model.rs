use serde::{Deserialize, Serialize};

/// A news article as extraction leaves it: main text and the metadata read off the page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The record's id, or the file name without its extensions.
    pub doc_id: String,
    /// Canonical or given URL.
    pub url: Option<String>,
    /// Headline, without site suffixes or pagination marks.
    pub title: Option<String>,
    /// Publication date or date-time (ISO 8601).
    pub published: Option<String>,
    /// Site that published the page (e.g. "People's Daily Online").
    pub site: Option<String>,
    /// News agency the story is credited to (e.g. "Xinhua").
    pub agency: Option<String>,
    /// Author byline.
    pub author: Option<String>,
    /// ISO 639-1 language of the body ("ar", "en", …).
    pub lang: Option<String>,
    /// The dateline at the head of the body ("DAMASCUS, July 8 (Xinhua) --").
    pub dateline: Option<Dateline>,
    /// "page n of m" for stories split over several pages.
    pub page: Option<PageOf>,
    /// The body text, paragraphs joined by blank lines.
    pub text: String,
    /// The body paragraphs.
    pub paragraphs: Vec<String>,
}

/// Place and date from a story's dateline.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Dateline {
    /// The place as written ("دمشق", "DAMASCUS").
    pub place: Option<String>,
    /// Resolved date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Agency named in the dateline, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
}

/// Position of a page in a story split over several pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageOf {
    /// 1-based page number.
    pub number: u32,
    /// Number of pages.
    pub of: u32,
}

/// An actor of an event, coded CAMEO-style: country plus roles.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// The words in the sentence that name the actor.
    pub text: String,
    /// A readable name ("Iran").
    pub name: String,
    /// Full CAMEO actor code ("IRNMIL").
    pub code: String,
    /// Country part of the code ("IRN"), if any.
    pub country: Option<String>,
    /// Role codes ("MIL", "GOV", …).
    pub roles: Vec<String>,
}

impl Actor {
    /// Builds the CAMEO code from a country and roles ("IRN" + ["MIL"] → "IRNMIL").
    pub fn compose_code(country: Option<&str>, roles: &[String]) -> String {
        let mut code = country.unwrap_or_default().to_string();
        for r in roles {
            code.push_str(r);
        }
        code
    }
}

/// Where an event happened.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// Place name (English).
    pub name: String,
    /// ISO3 country code.
    pub country: Option<String>,
    /// GeoNames ADM1 code ("SY.13").
    pub adm1: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// GeoNames id.
    pub geonameid: Option<u64>,
    /// Why this place was chosen: "sentence", "dateline", "country".
    pub basis: String,
}

/// How the text presents an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Stated as having happened.
    #[default]
    Asserted,
    /// Announced for the future or as an intention.
    Intended,
    /// Reported by someone else ("X said that Y attacked").
    Reported,
    /// Mentioned as background, not news of this story.
    Background,
}

/// One coded event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Document the event came from.
    pub doc_id: String,
    /// 0-based sentence index within the document.
    pub sentence: usize,
    /// The sentence text.
    pub evidence: String,
    /// Language of the sentence.
    pub lang: String,
    /// Full CAMEO event code ("057").
    pub cameo: String,
    /// Two-digit CAMEO root ("05").
    pub cameo_root: String,
    /// CAMEO name of the code.
    pub cameo_name: String,
    /// PLOVER event type, if the code has one.
    pub plover: Option<String>,
    /// Goldstein scale value.
    pub goldstein: f32,
    /// GDELT QuadClass (1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict).
    pub quad_class: u8,
    /// Who acted.
    pub source: Option<Actor>,
    /// Whom it was done to.
    pub target: Option<Actor>,
    /// Event date `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Why this date: "sentence", "dateline", "published", "relative:<expr>".
    pub date_basis: Option<String>,
    /// Where it happened.
    pub location: Option<Location>,
    /// Asserted, intended, reported or background.
    pub modality: Modality,
    /// The sentence denies the event.
    pub negated: bool,
    /// 0–1 confidence.
    pub confidence: f32,
    /// The rule that coded it: "lexicon file:entry id".
    pub rule: String,
    /// Why the coder gave this code and these actors, in words.
    pub explanation: String,
    /// The article's headline reports it (then `sentence` is the first body sentence that does,
    /// or 0 with the headline as `evidence` when only the headline does).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub headline: bool,
    /// GDELT's IsRootEvent: reported in the headline or the lead sentence, the article's own news.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub root_event: bool,
    /// Every sentence of the article that reports this event (the document stage merges the
    /// same code between the same actors into one event); empty before that stage.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<Mention>,
    /// Why the default output leaves the event out (`background`, `negated`, `unattributed`,
    /// `untargeted`);
    /// such events are written only with `--all`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held_back: Option<String>,
    /// The CAMEO root of the act this event reacts to, when its sentence names the act but not
    /// its doer ("condemned this attack"): the document stage makes the doer the target. Working
    /// state of the coder, not written out.
    #[serde(skip)]
    pub reacts_to: Option<String>,
    /// Its verb was aimed («على», "on") at something no actor names, a thing or a place ("نفذت
    /// غارات على المعسكر"): force the document stage may aim at the story's country. Working
    /// state of the coder, not written out.
    #[serde(skip)]
    pub aimed_at_unnamed: bool,
}

/// One sentence that reports an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// 0-based body sentence index; none for the headline.
    pub sentence: Option<usize>,
    /// The sentence text.
    pub evidence: String,
    /// The rule that coded it there.
    pub rule: String,
    /// Confidence of this mention.
    pub confidence: f32,
}

impl Event {
    /// An event of a codebook code, from sentence `sentence` of `doc_id`: the code's name, root,
    /// PLOVER type, Goldstein value and QuadClass filled in; actors, date and place empty,
    /// asserted, for the caller to fill.
    pub fn of_code(doc_id: &str, sentence: usize, evidence: &str, lang: &str, code: &crate::cameo::CameoCode, rule: String) -> Event {
        Event {
            doc_id: doc_id.to_string(),
            sentence,
            evidence: evidence.to_string(),
            lang: lang.to_string(),
            cameo: code.code.to_string(),
            cameo_root: code.root.to_string(),
            cameo_name: code.name.to_string(),
            plover: code.plover.map(str::to_string),
            goldstein: code.goldstein,
            quad_class: code.quad_class,
            source: None,
            target: None,
            date: None,
            date_basis: None,
            location: None,
            modality: Modality::Asserted,
            negated: false,
            confidence: 0.0,
            rule,
            explanation: String::new(),
            headline: false,
            root_event: false,
            mentions: Vec::new(),
            held_back: None,
            reacts_to: None,
            aimed_at_unnamed: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_code_joins_country_and_roles() {
        assert_eq!(Actor::compose_code(Some("IRN"), &["MIL".into()]), "IRNMIL");
        assert_eq!(Actor::compose_code(None, &["IGO".into()]), "IGO");
    }

    #[test]
    fn modality_serialises_lowercase() {
        assert_eq!(serde_json::to_string(&Modality::Intended).unwrap(), "\"intended\"");
    }
}
