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
mod english;
pub mod mentions;
mod modality;
mod resolve;
mod roles;
mod triggers;

use khabar_core::{Article, Event};
use khabar_geo::Gazetteer;

use assemble::code_sentence;
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
}

/// Codes every sentence of an article.
pub fn code_article(article: &Article, opts: &Options) -> Coded {
    let mut coded = Coded::default();
    let lang = article.lang.clone().or_else(|| khabar_text::detect_language(&article.text).map(str::to_string));
    let Some(lang) = lang else { return coded };
    let Some(lex) = khabar_lexicon::get(&lang) else { return coded };
    let gaz = Gazetteer::get();
    let date = resolve::story_date(article);
    let year = date.0.map(|d| d.year());
    // tokens and actors once per sentence: the story's countries (for places) come from them too
    let mut sentences = Vec::new();
    for para in &article.paragraphs {
        for range in khabar_text::split_sentences(para) {
            let sentence = &para[range];
            let toks = khabar_text::tokens(sentence);
            let actors = find_actors(lex, &toks, year);
            sentences.push((sentence, toks, actors));
        }
    }
    let title_actors = article.title.as_deref().map(|t| find_actors(lex, &khabar_text::tokens(t), year)).unwrap_or_default();
    let countries = title_actors.iter().chain(sentences.iter().flat_map(|s| s.2.iter())).filter_map(|a| a.country.as_deref());
    let anchor = resolve::anchor_from(article, gaz, date, countries);
    for (index, (sentence, toks, actors)) in sentences.iter().enumerate() {
        let (events, trace) = code_sentence(sentence, toks, actors, index, &article.doc_id, lex, gaz, &anchor, opts);
        coded.events.extend(events);
        coded.traces.push(trace);
    }
    coded
}

#[cfg(test)]
mod tests;
