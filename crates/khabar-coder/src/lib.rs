//! Sentences to events.
//!
//! For each sentence of an article: find actors ([`mentions`]), find event triggers
//! (`lexicons/<lang>/verbs.toml`), then for each trigger choose a source and a target by the
//! language's word order, read negation and modality from the words around the trigger, and
//! resolve the date and place. Every event carries the rule that fired and an explanation.
//!
//! The word-order rules, in brief:
//! * Arabic verbs: the subject follows the verb (VSO, "وقعت إيران وسوريا") unless an actor
//!   stands right before it (SVO, "إيران ستعزز"); the target is the next actor of another
//!   country or role, often after a preposition (مع، على، ضد، إلى، ل).
//! * English verbs: the subject precedes the verb (SVO); the target follows it. A passive
//!   trigger ("was attacked by") swaps them.
//! * Verbal nouns ("زيارة", "air strikes"): the actor is the adjective or genitive next to the
//!   noun ("الضربات الإسرائيلية", "Israeli air strikes"), else the subject of the sentence.
//!
//! Where the rules live: `triggers` finds triggers and tests whether each reports the
//! sentence's own event; `roles` picks source and target; `arabic` and `english` hold each
//! language's clause rules that both consult; `modality` reads negation and modality;
//! `assemble` turns a trigger and its roles into events.
#![deny(missing_docs)]

mod arabic;
mod assemble;
mod document;
mod english;
pub mod mentions;
mod modality;
mod resolve;
mod roles;
mod triggers;

pub use document::BACKGROUND_DAYS;

use khabar_core::{Article, Event, Modality};
use khabar_geo::Gazetteer;
use khabar_lexicon::Grammar;

use assemble::{code_sentence, span_text};
use khabar_text::Token;
use mentions::ActorSpan;
use resolve::resolve_date;
use khabar_time::Datelike as _;
use mentions::find_actors;

/// Coder settings.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Keep negated events (marked `negated`) instead of dropping them.
    pub keep_negated: bool,
    /// Drop events whose source the sentence does not name ("قتل خمسة أشخاص في انفجار").
    /// By default they are kept with no source and a lower confidence: the event happened even
    /// if the text does not say who did it.
    pub require_source: bool,
    /// Keep events whose source or target the article does not tell (held back by default): a
    /// single-sentence record has no article to attribute them from.
    pub keep_incomplete: bool,
    /// Write every event, with those the default output holds back (background, negated,
    /// unattributed, untargeted) marked by `held_back`.
    pub all: bool,
}

/// What the coder saw in one sentence, for `--explain`.
#[derive(Debug, Clone)]
pub struct SentenceTrace {
    /// Sentence index.
    pub index: usize,
    /// The sentence.
    pub text: String,
    /// Actors found: (text, code, dictionary entries).
    pub actors: Vec<(String, String, Vec<String>)>,
    /// What happened to each trigger, in words.
    pub notes: Vec<String>,
}

/// Events and traces of one article.
#[derive(Debug, Clone, Default)]
pub struct Coded {
    /// The events.
    pub events: Vec<Event>,
    /// One trace per sentence.
    pub traces: Vec<SentenceTrace>,
    /// The headline's trace, when the article has one.
    pub headline: Option<SentenceTrace>,
    /// What the document stage did: actors resolved across the article, events merged.
    pub document: Vec<String>,
}

/// Codes an article: every sentence and the headline ([`code_sentence`]), then the document
/// stage ([`document`]) resolves actors across the article, merges repeated events and holds
/// back what a researcher would not want as news (unless `opts.all`).
pub fn code_article(article: &Article, opts: &Options) -> Coded {
    let Some(mut stage) = sentence_stage(article, opts) else { return Coded::default() };
    let body = std::mem::take(&mut stage.coded.events);
    let mut events = document::finish(stage.headline_events, body, &stage.context, &mut stage.coded.document);
    if !opts.all {
        events.retain(|e| e.held_back.is_none());
    }
    stage.coded.events = events;
    stage.coded
}

/// The sentence stage alone: each body sentence's events as the sentence gives them, before
/// the document stage (no actor resolved across the article, no merging, nothing held back but
/// negated events). For studies of sentence coding and the golden tests of sentence rules.
pub fn code_sentences(article: &Article, opts: &Options) -> Coded {
    sentence_stage(article, opts).map(|s| s.coded).unwrap_or_default()
}

/// What the sentence stage hands the document stage.
struct SentenceStage {
    /// Traces, and the body sentences' events.
    coded: Coded,
    /// The headline's events.
    headline_events: Vec<Event>,
    /// The article around the events.
    context: document::DocContext,
}

fn sentence_stage(article: &Article, opts: &Options) -> Option<SentenceStage> {
    let mut coded = Coded::default();
    let lang = article.lang.clone().or_else(|| khabar_text::detect_language(&article.text).map(str::to_string))?;
    let lex = khabar_lexicon::get(&lang)?;
    let gaz = Gazetteer::get();
    let date = resolve::story_date(article);
    let year = date.0.map(|d| d.year());
    // tokens and actors once per sentence: the story's countries (for places) come from them too
    let mut sentences = Vec::new();
    for para in &article.paragraphs {
        for range in khabar_text::split_sentences(para) {
            let sentence = &para[range];
            let toks = khabar_text::tokens(sentence);
            let mut actors = find_actors(lex, &toks, year);
            if lang == "en" {
                mentions::titled_names(sentence, &toks, &mut actors);
            }
            sentences.push((sentence, toks, actors));
        }
    }
    let title_toks = article.title.as_deref().map(khabar_text::tokens).unwrap_or_default();
    let mut title_actors = find_actors(lex, &title_toks, year);
    // people named in full are named again by surname, in the headline too ("Abbas, Sharon …")
    let people = {
        let named: Vec<(&[Token], &[ActorSpan])> = std::iter::once((&title_toks[..], &title_actors[..])).chain(sentences.iter().map(|(_, t, a)| (&t[..], &a[..]))).collect();
        mentions::surnames(&named)
    };
    let coordinators = &lex.grammar.coordinators;
    mentions::add_surname_mentions(article.title.as_deref().unwrap_or_default(), &title_toks, &mut title_actors, &people, coordinators);
    if let Some(title) = article.title.as_deref() {
        mentions::coordinate_by_commas(title, &title_toks, &mut title_actors, true);
        mentions::roles_of_their_town(title, &title_toks, &mut title_actors, gaz, &lang);
    }
    for (sentence, toks, actors) in sentences.iter_mut() {
        mentions::add_surname_mentions(sentence, toks, actors, &people, coordinators);
        mentions::own_country(toks, actors, &lex.grammar.own_country);
        mentions::coordinate_by_commas(sentence, toks, actors, false);
        mentions::roles_of_their_town(sentence, toks, actors, gaz, &lang);
    }
    {
        let mut all: Vec<(&[Token], &mut Vec<ActorSpan>)> = std::iter::once((&title_toks[..], &mut title_actors)).chain(sentences.iter_mut().map(|(_, t, a)| (&t[..], a))).collect();
        mentions::roles_named_before(&mut all, &lang);
        if lang == "ar" {
            mentions::base_not_qaeda(&mut all);
        }
    }
    let countries = title_actors.iter().chain(sentences.iter().flat_map(|s| s.2.iter())).filter_map(|a| a.country.as_deref());
    let anchor = resolve::anchor_from(article, gaz, date, countries);
    // negated events reach the document stage, which holds them back unless asked to keep them
    let sentence_opts = Options { keep_negated: opts.keep_negated || opts.all, ..opts.clone() };
    let mut headline_events = Vec::new();
    // place names of the headline and the lead sentences, where coding looked them up already
    let mut title_found = None;
    let mut lead_found = Vec::new();
    if let Some(title) = article.title.as_deref().filter(|t| !t.trim().is_empty()) {
        let toks = &title_toks;
        let (mut events, trace, places) = code_sentence(title, toks, &title_actors, 0, &article.doc_id, lex, gaz, &anchor, &sentence_opts, true, &assemble::Before::default());
        title_found = places;
        // a headline tells the lead's news: with no date of its own, its events take the one
        // the lead sentence gives ("… قتل نائب السبت في مقديشو" under "الشباب تغتال نائبا")
        let lead_date = sentences.first().map(|(s, _, _)| resolve_date(s, &anchor, Modality::Asserted, 0)).filter(|(d, basis, _)| d.is_some() && basis.starts_with("sentence"));
        for e in &mut events {
            e.headline = true;
            if let Some((date, basis, _)) = lead_date.as_ref().filter(|_| !e.date_basis.as_deref().is_some_and(|b| b.starts_with("sentence"))) {
                e.date = date.clone();
                e.date_basis = Some(format!("lead:{}", basis.trim_start_matches("sentence:")));
            }
        }
        headline_events = events;
        coded.headline = Some(trace);
    }
    // the subject the text goes on with: a sentence's first actor near its start (not a place, a
    // target, nor the subject of a clause after إن / أن); a sentence that opens with و and names
    // none goes on with the one before ("وأوضح أن …")
    // (and the story's person, whom "he" / "she" stands for: the headline's, else the first named)
    let person_of = |text: &str, toks: &[Token], actors: &[ActorSpan]| {
        let person = |a: &&ActorSpan| a.kind == "person" || a.origins.iter().any(|o| o.contains("leaders.tsv") || o.starts_with("the name after the title") || o.contains("named in full earlier"));
        actors.iter().find(person).map(|a| assemble::actor_out(text, toks, a))
    };
    let mut before = assemble::Before { subject: None, person: article.title.as_deref().and_then(|t| person_of(t, &title_toks, &title_actors)) };
    for (index, (sentence, toks, actors)) in sentences.iter().enumerate() {
        let (events, trace, places) = code_sentence(sentence, toks, actors, index, &article.doc_id, lex, gaz, &anchor, &sentence_opts, false, &before);
        if before.person.is_none() {
            before.person = person_of(sentence, toks, actors);
        }
        let content_clause = toks.iter().position(|t| matches!(t.norm.as_str(), "ان" | "وان" | "بان")).unwrap_or(toks.len());
        let subject = actors.iter().find(|x| x.start < 6 && x.start < content_clause && !roles::is_locative(sentence, toks, x.start) && !(x.start > 0 && Grammar::has(&lex.grammar.target_preps, &toks[x.start - 1].norm)) && !arabic::target_prefix(x, false));
        let goes_on = toks.first().is_some_and(|t| t.norm.starts_with(['و', 'ف']));
        before.subject = match subject {
            Some(x) => Some(assemble::actor_out(sentence, toks, x)),
            None if goes_on => before.subject.take(),
            None => None,
        };
        if index < LEAD_SENTENCES {
            lead_found.push(places);
        }
        coded.events.extend(events);
        coded.traces.push(trace);
    }
    // every actor with a country, headline first, for the document stage to refer back to
    let title = article.title.as_deref().map(|t| (None, t, &title_toks[..], &title_actors[..]));
    let body = sentences.iter().enumerate().map(|(i, (s, t, a))| (Some(i), *s, &t[..], &a[..]));
    let named = title
        .into_iter()
        .chain(body)
        .flat_map(|(sentence, text, toks, actors)| {
            actors.iter().filter_map(move |a| Some(document::Named { sentence, country: a.country.clone()?, roles: a.roles.clone(), name: span_text(text, toks, a.start, a.end).to_string() }))
        })
        .collect();
    // the places the headline and the lead name: where the story is, for events their own
    // sentence does not place and for the story's country (looked up only when needed)
    let unplaced = |e: &Event| !e.location.as_ref().is_some_and(|l| l.geonameid.is_some());
    let homeless = anchor.place.is_none() && !title_actors.iter().any(|a| a.country.is_some());
    let lead_places = if homeless || headline_events.iter().chain(&coded.events).any(unplaced) { lead_places(article, lex, gaz, &anchor, (&title_toks, &title_actors, title_found), &sentences, lead_found) } else { Vec::new() };
    // the story's country: the dateline's, the headline's actors', the lead's first town's
    // ("استنفار أمني في سيناء والسويس"), then the country the story names most
    let home = anchor
        .place
        .map(|p| p.iso3.to_string())
        .or_else(|| title_actors.iter().find_map(|a| a.country.clone()))
        .or_else(|| lead_places.iter().find_map(|p| p.country.clone()))
        .or_else(|| anchor.countries.first().cloned());
    let theatre = anchor.place.map(|p| p.iso3.to_string()).or_else(|| lead_places.iter().find_map(|p| p.country.clone()));
    let context = document::DocContext { named, home, theatre, date: anchor.date, lead_places, keep_negated: opts.keep_negated, keep_incomplete: opts.keep_incomplete };
    Some(SentenceStage { coded, headline_events, context })
}

/// How many sentences make the lead, after the headline.
const LEAD_SENTENCES: usize = 2;

/// Towns and cities the headline and the first two sentences name, in order: a gazetteer place
/// that is no actor and not a common word (a one-word Arabic name only if a capital, a big city
/// or of the story's countries).
fn lead_places(
    article: &Article,
    lex: &khabar_lexicon::Lexicon,
    gaz: &'static Gazetteer,
    anchor: &resolve::Anchor,
    (title_toks, title_actors, title_found): (&[Token], &[ActorSpan], Option<Vec<khabar_geo::PlaceMention>>),
    sentences: &[(&str, Vec<Token>, Vec<ActorSpan>)],
    lead_found: Vec<Option<Vec<khabar_geo::PlaceMention>>>,
) -> Vec<khabar_core::Location> {
    let story: Vec<&str> = anchor.countries.iter().map(String::as_str).collect();
    let title = article.title.as_deref().map(|t| (t, title_toks, title_actors, title_found));
    let lead = sentences.iter().zip(lead_found).map(|((s, t, a), found)| (*s, &t[..], &a[..], found));
    let mut out = Vec::new();
    for (text, toks, actors, found) in title.into_iter().chain(lead) {
        for m in found.unwrap_or_else(|| gaz.find(text, toks, lex.lang)) {
            if m.weak || actors.iter().any(|a| a.start < m.end && m.start < a.end) {
                continue;
            }
            let Some(place) = gaz.choose(&m.candidates, &story) else { continue };
            let single = lex.lang == "ar" && m.end - m.start == 1;
            if single && !(place.capital || place.population >= 250_000 || story.contains(&place.iso3)) {
                continue;
            }
            out.push(gaz.location(place, "lead"));
        }
    }
    out
}

#[cfg(test)]
mod tests;
