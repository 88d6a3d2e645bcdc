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
#![deny(missing_docs)]

mod document;
pub mod mentions;
mod resolve;

pub use document::BACKGROUND_DAYS;

use khabar_core::{cameo, Actor, Article, Event, Modality};
use khabar_geo::Gazetteer;
use khabar_lexicon::{Grammar, Lexicon, Pattern};
use khabar_text::Token;

use khabar_time::Datelike as _;
use mentions::{find_actors, ActorSpan};
use resolve::{resolve_date, resolve_place, Anchor};

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

/// The sentence stage alone: each body sentence's events as the sentence gives them (for the
/// golden tests of sentence rules).
#[cfg(test)]
fn code_sentences(article: &Article, opts: &Options) -> Coded {
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
            let actors = find_actors(lex, &toks, year);
            sentences.push((sentence, toks, actors));
        }
    }
    let title_actors = article.title.as_deref().map(|t| find_actors(lex, &khabar_text::tokens(t), year)).unwrap_or_default();
    let countries = title_actors.iter().chain(sentences.iter().flat_map(|s| s.2.iter())).filter_map(|a| a.country.as_deref());
    let anchor = resolve::anchor_from(article, gaz, date, countries);
    // negated events reach the document stage, which holds them back unless asked to keep them
    let sentence_opts = Options { keep_negated: opts.keep_negated || opts.all, ..opts.clone() };
    let mut headline_events = Vec::new();
    if let Some(title) = article.title.as_deref().filter(|t| !t.trim().is_empty()) {
        let toks = khabar_text::tokens(title);
        let (mut events, trace) = code_sentence(title, &toks, &title_actors, 0, &article.doc_id, lex, gaz, &anchor, &sentence_opts, true);
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
    for (index, (sentence, toks, actors)) in sentences.iter().enumerate() {
        let (events, trace) = code_sentence(sentence, toks, actors, index, &article.doc_id, lex, gaz, &anchor, &sentence_opts, false);
        coded.events.extend(events);
        coded.traces.push(trace);
    }
    let named_in = |sentence: Option<usize>, actors: &[ActorSpan], text: &str, toks: &[Token]| -> Vec<document::Named> {
        actors
            .iter()
            .filter_map(|a| {
                let country = a.country.clone()?;
                Some(document::Named { sentence, country, roles: a.roles.clone(), name: span_text(text, toks, a.start, a.end).to_string() })
            })
            .collect::<Vec<_>>()
    };
    let mut named = Vec::new();
    if let Some(title) = article.title.as_deref() {
        named.extend(named_in(None, &title_actors, title, &khabar_text::tokens(title)));
    }
    for (index, (sentence, toks, actors)) in sentences.iter().enumerate() {
        named.extend(named_in(Some(index), actors, sentence, toks));
    }
    let home = anchor
        .place
        .map(|p| p.iso3.to_string())
        .or_else(|| title_actors.iter().find_map(|a| a.country.clone()))
        .or_else(|| anchor.countries.first().cloned());
    // the places the headline and the lead name: where the story is, for events their own
    // sentence does not place
    let story: Vec<&str> = anchor.countries.iter().map(String::as_str).collect();
    let mut lead_places = Vec::new();
    let title_toks = article.title.as_deref().map(khabar_text::tokens).unwrap_or_default();
    let lead = article.title.as_deref().map(|t| (t, &title_toks, &title_actors)).into_iter().chain(sentences.iter().take(2).map(|(s, t, a)| (*s, t, a)));
    for (text, toks, actors) in lead {
        for m in gaz.find(text, toks, lex.lang) {
            if m.weak || actors.iter().any(|a| a.start < m.end && m.start < a.end) {
                continue;
            }
            let Some(place) = gaz.choose(&m.candidates, &story) else { continue };
            // a one-word Arabic name is often a word too: only a capital, a big city or a place of
            // the story's countries
            let single = lex.lang == "ar" && m.end - m.start == 1;
            if single && !(place.capital || place.population >= 250_000 || story.contains(&place.iso3)) {
                continue;
            }
            lead_places.push(gaz.location(place, "lead"));
        }
    }
    let context = document::DocContext { named, home, date: anchor.date, lead_places, keep_negated: opts.keep_negated, keep_incomplete: opts.keep_incomplete };
    Some(SentenceStage { coded, headline_events, context })
}

/// A trigger that passed its pattern's conditions.
struct Trigger<'a> {
    start: usize,
    end: usize,
    pattern: &'a Pattern,
    /// Proclitics on the trigger word (Arabic), e.g. "وس".
    prefix: String,
    /// The trigger is passive (by the pattern, or "was attacked"): its subject is the target.
    passive: bool,
    /// The trigger is used as a noun: a noun pattern, or an English verb's base form after a
    /// determiner or possessive ("a U.S. request", "the attack", "Iran's threat").
    noun: bool,
    /// Why the sentence reports no occasion of the trigger's (violent or protest) event, if it
    /// does not: a verb so placed still reports one when it names who did it to whom.
    unanchored: Option<&'static str>,
    /// A verbal noun right after a verb of occurring ("وقع انفجار"): a report even with no one
    /// named behind it.
    occurred: bool,
}

fn find_triggers<'a>(lex: &'a Lexicon, sentence: &str, toks: &[Token], actors: &[ActorSpan], notes: &mut Vec<String>) -> Vec<Trigger<'a>> {
    let mut out: Vec<Trigger> = Vec::new();
    // a phrase found subordinate ("an air raid" after "for") takes its words with it
    let mut blocked_until = 0usize;
    let anchor_memo = std::cell::OnceCell::new();
    for i in 0..toks.len() {
        // every pattern whose trigger starts here, longest first; the first that passes wins
        let all = lex.triggers.all_at(toks, i);
        let Some(m) = all.first().copied() else { continue };
        if out.last().is_some_and(|t| i < t.end) || i < blocked_until {
            continue;
        }
        // a given name that reads as a clitic and a verb ("فيصل" = ف + يصل "and he arrives")
        if Grammar::has(&lex.grammar.given_names, &toks[i].norm) {
            continue;
        }
        // a light verb on its own ("staged", "held") is no event: the noun after it is
        if m.end - m.start == 1 && Grammar::has(&lex.grammar.light_verbs, &toks[i].norm) {
            notes.push(format!("'{}': a light verb; the event is the noun it takes", toks[i].norm));
            continue;
        }
        // an actor name that covers the trigger and is longer wins ("حركة فتح" is not "opened")
        if actors.iter().any(|a| a.start <= i && a.end > i && a.end - a.start > m.end - m.start && a.kind != "role") {
            continue;
        }
        let mut rejected = 0usize;
        for cand in &all {
            let p = &lex.patterns[*cand.value];
            let m = cand;
            let prefix = &toks[i].norm[..m.prefix_len.min(toks[i].norm.len())];
            if lex.lang == "ar" && !arabic_trigger_ok(prefix, p, toks, i) {
                notes.push(format!("trigger '{}' ({}): a noun in a prepositional phrase or with the article, not an event", toks[i].norm, p.origin));
                continue;
            }
            let after = &toks[m.end..(m.end + p.window).min(toks.len())];
            let in_window = |window: &[Token], words: &[String]| {
                if lex.lang == "ar" {
                    window.iter().any(|t| any_word_matches(&khabar_text::strip_arabic_prefixes(&t.norm), words))
                } else {
                    words.iter().any(|w| window.iter().any(|t| word_matches(lex.lang, &t.norm, w)))
                }
            };
            let has = |words: &[String]| in_window(after, words);
            let before = &toks[i.saturating_sub(p.requires_before)..i];
            let has_before = || in_window(before, &p.requires);
            if !p.requires.is_empty() && !has(&p.requires) && !has_before() {
                rejected += 1;
                if rejected == 1 {
                    notes.push(format!("trigger '{}' ({}): no required object within {} words", toks[i].norm, p.origin, p.window));
                }
                continue;
            }
            if !p.excludes.is_empty() && has(&p.excludes) {
                notes.push(format!("trigger '{}' ({}): excluded by a following word", toks[i].norm, p.origin));
                continue;
            }
            let noun = p.noun || (lex.lang == "en" && english_noun_use(toks, i, actors));
            let demanded = (i.saturating_sub(2)..i).any(|k| Grammar::has(&lex.grammar.demand_modals, &toks[k].norm));
            if demanded {
                notes.push(format!("trigger '{}' ({}): after '{}', it is demanded, not done", toks[i].norm, p.origin, "must/should"));
                blocked_until = m.end;
                break;
            }
            if let Some(why) = subordinate(lex, sentence, toks, i, noun, &out) {
                notes.push(format!("trigger '{}' ({}): {why}, not an event of the sentence's own", toks[i].norm, p.origin));
                blocked_until = m.end;
                break;
            }
            // "وقع الهجوم فجر أمس", "وقع انفجار": a verb of occurring says the noun's event happened
            let occurred = noun && i > 0 && khabar_text::strip_arabic_prefixes(&toks[i - 1].norm).iter().take(2).any(|w| Grammar::has(&lex.grammar.occurrence_verbs, w));
            let unanchored = unanchored(lex, sentence, toks, p, &anchor_memo).filter(|_| !occurred);
            // a verb is judged once its actors are known (see `code_sentence`); a noun now
            if let Some(why) = unanchored.filter(|w| noun || *w == HYPOTHETICAL) {
                notes.push(format!("trigger '{}' ({}): {why}: talk about such events, not a report of one", toks[i].norm, p.origin));
                break;
            }
            if noun && !occurred && lex.lang == "ar" && anchored_root(lex, p) && prefix.ends_with("ال") && !actors.iter().any(|a| a.start == m.end) {
                notes.push(format!("trigger '{}' ({}): a definite verbal noun with no actor after it refers back to an event already told", toks[i].norm, p.origin));
                break;
            }
            if noun && !occurred && (!eventive(lex, toks, actors, i, m.end) || (anchored_root(lex, p) && !own_actor(actors, i, m.end) && !counts_casualties(lex, toks))) {
                notes.push(format!("trigger '{}' ({}): a noun with no actor, time, number or casualty word of its own: a mention, not a report", toks[i].norm, p.origin));
                break;
            }
            let passive = p.passive || (lex.lang == "en" && !noun && english_passive(toks, i));
            out.push(Trigger { start: i, end: m.end, pattern: p, prefix: prefix.to_string(), passive, noun, unanchored, occurred });
            break;
        }
    }
    out
}

/// Beside an unvocalised Arabic verb that is also its own passive ("قتل"), is a lone actor the
/// one it was done to? Yes when counted ("قتل ثلاثة جنود", "أن 13 جنديا قتلوا"), or when it
/// follows the verb indefinite and is not an armed group ("وقتل ناشط"); a definite or armed
/// subject is the doer ("قتلت القوات الأمريكية …", "خطف مسلحون …").
fn reads_as_victim(lex: &Lexicon, toks: &[Token], trig: &Trigger, a: &ActorSpan) -> bool {
    let counted = |k: usize| toks[k].norm.chars().any(|c| c.is_ascii_digit()) || khabar_text::strip_arabic_prefixes(&toks[k].norm).iter().take(2).any(|w| Grammar::has(&lex.grammar.eventive, w) && !w.starts_with("ال"));
    if a.start > 0 && counted(a.start - 1) || counted(a.start) {
        return true;
    }
    let armed = a.roles.iter().any(|r| matches!(r.as_str(), "UAF" | "REB" | "IMG" | "INS" | "SEP"));
    let definite = toks[a.start].norm[a.prefix.len().min(toks[a.start].norm.len())..].starts_with("ال") || a.prefix.ends_with("ال");
    a.start >= trig.end && a.start <= trig.end + 2 && !armed && !definite && a.kind == "role"
}

/// Is a word an anchor of an occasion: digits, or a time, number or casualty word (`eventive`)?
fn anchor_word(lex: &Lexicon, t: &Token) -> bool {
    let digits = t.norm.chars().filter(|c| c.is_ascii_digit()).count();
    // a count or a day of the month, not a year ("عام 2006" dates history, not an occasion)
    let year = digits == 4 && (t.norm.contains("19") || t.norm.contains("20"));
    (digits > 0 && !year)
        || khabar_text::strip_arabic_prefixes(&t.norm).iter().take(2).any(|w| Grammar::has(&lex.grammar.eventive, w))
}

/// Why a sentence asking or imagining reports no occasion, whoever it names.
const HYPOTHETICAL: &str = "a question or a counterfactual";

/// Is the pattern's event of one of the language's `anchored_roots` (violence, protest)?
fn anchored_root(lex: &Lexicon, p: &Pattern) -> bool {
    lex.grammar.anchored_roots.iter().any(|r| p.cameo.starts_with(r.as_str()))
}

/// For a pattern of one of the language's `anchored_roots` (violence, protest): why the sentence
/// does not report an occasion of it — it is a question or a counterfactual ("هل", "لو", "؟"),
/// or it has no time, number or casualty word at all. News of an attack or a march says when,
/// how many or with what toll; commentary, policy talk and history use the same words without.
fn unanchored(lex: &Lexicon, sentence: &str, toks: &[Token], p: &Pattern, memo: &std::cell::OnceCell<Option<&'static str>>) -> Option<&'static str> {
    if !anchored_root(lex, p) {
        return None;
    }
    // the answer is the sentence's, whatever the pattern: found once
    *memo.get_or_init(|| sentence_unanchored(lex, sentence, toks))
}

fn sentence_unanchored(lex: &Lexicon, sentence: &str, toks: &[Token]) -> Option<&'static str> {
    let g = &lex.grammar;
    let hypothetical = sentence.contains('؟')
        || toks.iter().any(|t| khabar_text::strip_arabic_prefixes(&t.norm).iter().take(2).any(|w| Grammar::has(&g.hypothetical, w)));
    if hypothetical {
        return Some(HYPOTHETICAL);
    }
    if !toks.iter().any(|t| anchor_word(lex, t)) {
        return Some("no time, number or casualty word in the sentence");
    }
    None
}

/// Does the sentence count the dead or hurt (`casualties` in grammar.toml)?
fn counts_casualties(lex: &Lexicon, toks: &[Token]) -> bool {
    toks.iter().any(|t| khabar_text::strip_arabic_prefixes(&t.norm).iter().take(2).any(|w| Grammar::has(&lex.grammar.casualties, w)))
}

/// An actor right next to a verbal noun: its adjective or genitive ("الغارات الإسرائيلية"), or
/// the word before it.
fn own_actor(actors: &[ActorSpan], start: usize, end: usize) -> bool {
    actors.iter().any(|a| (a.start >= end && a.start <= end + 1) || (a.end <= start && a.end + 1 >= start))
}

/// Does a verbal noun read as a report of an occasion — an actor right next to it ("الغارات
/// الإسرائيلية", "Israeli air strikes"), or a time, number or casualty word in the sentence?
fn eventive(lex: &Lexicon, toks: &[Token], actors: &[ActorSpan], start: usize, end: usize) -> bool {
    // "staged demonstrations", "held a general strike": a light verb gives the noun its occasion
    let light = toks[start.saturating_sub(3)..start].iter().any(|t| Grammar::has(&lex.grammar.light_verbs, &t.norm));
    light || own_actor(actors, start, end) || toks.iter().any(|t| anchor_word(lex, t))
}

/// Determiners and possessives before which an English verb's base form is a noun.
const DETERMINERS: &[&str] = &["a", "an", "the", "this", "that", "these", "those", "its", "his", "her", "their", "our", "any", "no", "every", "new", "fresh"];

/// "a U.S. request", "the attack", "Iran's threat": the trigger word is a noun here.
fn english_noun_use(toks: &[Token], i: usize, actors: &[ActorSpan]) -> bool {
    if i == 0 {
        return false;
    }
    let prev = toks[i - 1].norm.as_str();
    DETERMINERS.contains(&prev)
        || prev.ends_with("'s")
        // a determiner, then an actor as modifier: "a U.S. request"
        || actors.iter().any(|a| a.end == i && a.start > 0 && DETERMINERS.contains(&toks[a.start - 1].norm.as_str()))
}

/// Forms of "be" that make a following participle passive ("was attacked", "were arrested").
const BE: &[&str] = &["was", "were", "is", "are", "been", "being", "be", "got", "get"];

fn english_passive(toks: &[Token], i: usize) -> bool {
    // "is opposed to", "is committed to", "is prepared to": an adjective, not a passive
    if toks.get(i + 1).is_some_and(|t| t.norm == "to") {
        return false;
    }
    let participle = toks[i].norm.ends_with("ed") || matches!(toks[i].norm.as_str(), "struck" | "shot" | "held" | "taken" | "hit" | "seized" | "fought" | "sent" | "given" | "kept");
    let before = |k: usize| i >= k && BE.contains(&toks[i - k].norm.as_str());
    participle && (before(1) || (before(2) && toks[i - 1].norm.ends_with("ly")))
}

/// Is the trigger at `i` in a subordinate place — after a subordinator ("if", "which", "بعد"),
/// a verbal noun governed by another word ("condemned the attack", "محاولة اغتيال"), or the
/// complement of an earlier trigger ("threatened to launch an offensive")? Coders of CAMEO data
/// code a sentence's own event, not everything it mentions.
fn subordinate(lex: &Lexicon, sentence: &str, toks: &[Token], i: usize, noun: bool, earlier: &[Trigger]) -> Option<String> {
    let g = &lex.grammar;
    let forms = |t: &Token| -> Vec<String> {
        if lex.lang == "ar" {
            khabar_text::strip_arabic_prefixes(&t.norm).into_iter().take(2).map(str::to_string).collect()
        } else {
            vec![t.norm.clone()]
        }
    };
    // English subordinate clauses put a few words between the subordinator and the verb
    // ("where 28 people have been killed")
    let from = i.saturating_sub(if lex.lang == "en" { 6 } else { 3 });
    for (k, t) in toks[from..i].iter().enumerate().rev() {
        // "الأمر الذي أدى إلى …" ("which led to"): a resultative, the sentence's own next step
        let resultative = lex.lang == "ar" && from + k > 0 && toks[from + k - 1].norm == "الامر";
        // "الليلة قبل الماضية", "بعد ظهر أمس": a time phrase, not a clause
        let time_phrase = toks.get(from + k + 1).is_some_and(|n| n.norm.chars().any(|c| c.is_ascii_digit()) || forms(n).iter().any(|w| Grammar::has(&g.time_nouns, w)));
        if !resultative && !time_phrase && forms(t).iter().any(|w| Grammar::has(&g.subordinators, w)) {
            return Some(format!("after the subordinator '{}'", t.norm));
        }
    }
    // an Arabic verb form right after a governing noun is its homograph verbal noun: "جرائم قتل",
    // "بتهمة خطف" (qatl, khatf), a mention rather than a verb of the sentence
    // a blocker after a verb of carrying out (its subject may stand between: "شن الجيش عمليات قصف")
    let carried_out = |k: usize| toks[k.saturating_sub(4)..k].iter().any(|t| forms(t).iter().any(|w| Grammar::has(&g.carry_out, w)));
    if !noun && lex.lang == "ar" && i > 0 && !carried_out(i - 1) && forms(&toks[i - 1]).iter().any(|w| Grammar::has(&g.noun_blockers, w)) {
        return Some(format!("a verbal noun governed by '{}'", toks[i - 1].norm));
    }
    // no verb follows a number: "400 طالب" are students, not "demanded"
    // (a year or a day of the month may stand before a verb: "في 14 فبراير 2005 قتل …")
    let count = |t: &Token| {
        let digits = t.norm.chars().filter(|c| c.is_ascii_digit()).count();
        digits > 0 && digits == t.norm.chars().count() && digits != 4
    };
    // (with nothing between them, and not a new clause: "… في المائة واحتل …")
    let adjacent = i > 0 && !toks[i].norm.starts_with(['و', 'ف']) && sentence.get(toks[i - 1].end..toks[i].start).is_some_and(|gap| gap.trim().is_empty());
    if !noun && lex.lang == "ar" && adjacent && (count(&toks[i - 1]) || forms(&toks[i - 1]).iter().any(|w| Grammar::has(&g.numerals, w))) {
        return Some(format!("a noun counted by '{}'", toks[i - 1].norm));
    }
    // no verb follows a preposition: "ويبكون على قتل اليهود", "أدت إلى قتل" (qatl, a noun) —
    // unless a verb of accomplishing governs it: "نجح الجيش في قتل …" reports the killing
    let accomplished = i > 1 && forms(&toks[i - 2]).iter().any(|w| Grammar::has(&g.accomplish, w));
    if !noun && lex.lang == "ar" && i > 0 && !accomplished && Grammar::has(&g.prepositions, &toks[i - 1].norm) {
        return Some(format!("a verbal noun after the preposition '{}'", toks[i - 1].norm));
    }
    if noun {
        let from = i.saturating_sub(2);
        for (k, t) in toks[from..i].iter().enumerate().rev() {
            // "نفذوا عملية الخطف", "شنوا عمليات اغتيال": an operation carried out is the act
            if !carried_out(from + k) && forms(t).iter().any(|w| Grammar::has(&g.noun_blockers, w)) {
                return Some(format!("a noun governed by '{}'", t.norm));
            }
        }
    }
    if lex.lang == "en" {
        if let Some(why) = english_asked_for(lex, toks, i, noun, earlier) {
            return Some(why);
        }
    }
    if let Some(a) = earlier.last() {
        let gap = &toks[a.end..i];
        // "threatened to launch …", "rejected a U.S. request", "أدان الهجوم"
        let complement = if lex.lang == "en" {
            // and a trigger word right after another is its object ("demanded support",
            // "accepted demands"), not a second verb
            (gap.len() <= 6 && gap.iter().any(|t| t.norm == "to")) || (noun && gap.len() <= 4) || gap.len() <= 1
        } else {
            noun && gap.len() <= 2
        };
        if complement {
            return Some(format!("the complement of '{}' ({})", toks[a.start].norm, a.pattern.origin));
        }
    }
    None
}

/// Words that end an English clause for [`english_asked_for`]: what follows is said in a
/// clause of its own ("…, but police fired on them").
const EN_CLAUSE_ENDS: &[&str] = &["but", "while", "whereas", "meanwhile", ";", ":", "."];

/// Prepositions after which an English -ing form is a gerund naming an act ("arrested for
/// spying", "accused of killing"): the act is the reason or the charge, not the sentence's event.
const EN_GERUND_PREPS: &[&str] = &["for", "of", "over", "about", "against", "from", "without"];

/// English: is the trigger at `i` what someone asks or requires of another rather than an act
/// reported done? It is when it stands in the clause of a demand or an appeal already found
/// ("demanded that the army withdraw", "urged both sides to resume talks"), or after a deontic
/// word ("said Iran must release the sailors"), or when it is a gerund after a preposition
/// ("arrested for spying", "accused them of violating the truce").
fn english_asked_for(lex: &Lexicon, toks: &[Token], i: usize, noun: bool, earlier: &[Trigger]) -> Option<String> {
    if !noun && i > 0 && toks[i].norm.ends_with("ing") && EN_GERUND_PREPS.contains(&toks[i - 1].norm.as_str()) {
        return Some(format!("a gerund after '{}', naming an act", toks[i - 1].norm));
    }
    // the clause the trigger is in: back to the nearest clause end or verb of saying
    let open = |from: usize| {
        !toks[from..i].iter().any(|t| EN_CLAUSE_ENDS.contains(&t.norm.as_str()) || Grammar::has(&lex.grammar.report, &t.norm))
            && !toks[from..i].windows(2).any(|w| w[0].norm == "," && w[1].norm == "and")
    };
    const REACH: usize = 20;
    if let Some(a) = earlier.iter().rev().find(|a| matches!(&a.pattern.cameo[..2], "10" | "02") && a.end <= i && i - a.end <= REACH) {
        if open(a.end) {
            return Some(format!("in the clause of the demand '{}' ({}): asked for, not done", toks[a.start].norm, a.pattern.origin));
        }
    }
    let from = i.saturating_sub(REACH);
    if let Some(k) = (from..i).rev().find(|&k| Grammar::has(&lex.grammar.demand_modals, &toks[k].norm)) {
        if open(k + 1) {
            return Some(format!("in the clause of '{}': required, not done", toks[k].norm));
        }
    }
    None
}

/// The code of an intended event: the pattern's own `intent` code, else CAMEO's "express intent"
/// family for cooperation (03) and "threaten" family for conflict (13). "Will impose sanctions"
/// is a threat; "will sign an agreement" an intent to cooperate.
fn intended_code(p: &Pattern) -> String {
    if let Some(i) = &p.intent {
        return i.clone();
    }
    let c = p.cameo.as_str();
    let root = &c[..2];
    let code = match root {
        "04" => "036",
        "05" => "032",
        "06" => "031",
        "07" => "033",
        "08" => match c {
            "0841" => "0353",
            "085" => "0354",
            _ if c.starts_with("087") => "0356",
            _ => "035",
        },
        "14" => "133",
        "15" => "138",
        "16" => match c {
            "161" => "1313",
            "162" | "1621" | "1622" | "1623" => "1311",
            "163" => "1312",
            "164" => "134",
            "165" => "135",
            "166" => "136",
            _ => "131",
        },
        "17" => match c {
            _ if c.starts_with("172") || c.starts_with("173") || c.starts_with("174") => "132",
            _ if c.starts_with("175") => "137",
            _ => "130",
        },
        "18" => "1383",
        "19" => match c {
            "191" => "1381",
            "192" => "1382",
            _ => "1384",
        },
        "20" => "1385",
        _ => c,
    };
    code.to_string()
}

/// Arabic pronoun suffixes a noun may carry ("قدراتها", "قواته").
const AR_SUFFIXES: &[&str] = &["", "ه", "ها", "هم", "هما", "هن", "كم", "نا", "ي"];

/// Does a text token stand for a dictionary word, allowing Arabic clitics and suffixes and
/// English plurals?
fn word_matches(lang: &str, token: &str, word: &str) -> bool {
    if lang != "ar" {
        return token == word || token.strip_suffix('s') == Some(word) || token.strip_suffix("'s") == Some(word);
    }
    any_word_matches(&khabar_text::strip_arabic_prefixes(token), std::slice::from_ref(&word))
}

/// Does one of `words` (normalised, from a pattern file) stand for the Arabic token whose
/// proclitic-stripped forms are `forms`, allowing pronoun suffixes and ة → ت before them
/// ("قدراتها")? This runs for every token in every pattern's window: no allocation.
fn any_word_matches<W: AsRef<str>>(forms: &[&str], words: &[W]) -> bool {
    words.iter().any(|word| {
        let word = word.as_ref();
        let w = word.strip_prefix("ال").filter(|x| x.chars().count() >= 2).unwrap_or(word);
        forms.iter().any(|c| {
            AR_SUFFIXES.iter().any(|suf| {
                c.strip_suffix(suf).is_some_and(|stem| {
                    stem == w || stem.strip_suffix('ت').is_some_and(|s| w.strip_suffix('ه') == Some(s))
                })
            })
        })
    })
}

/// An Arabic verb never takes the article, and a verbal noun after a preposition (لتعزيز،
/// بتوقيع) names a purpose or a topic, not an event, unless it follows "قام/قامت ب" (carried out).
fn arabic_trigger_ok(prefix: &str, p: &Pattern, toks: &[Token], i: usize) -> bool {
    // a verb that itself begins with ال ("التقى", "التزم"): the ال is the verb's, not an article
    let own_al = !p.noun && prefix.ends_with("ال") && {
        let word = format!("ال{}", &toks[i].norm[prefix.len().min(toks[i].norm.len())..]);
        p.norm_forms.iter().any(|f| *f == word)
    };
    let prefix = if own_al { &prefix[..prefix.len() - "ال".len()] } else { prefix };
    if p.noun {
        return !prefix.contains('ل') || prefix.ends_with("ال") && !prefix.contains("لل");
    }
    let prep = prefix.trim_start_matches(['و', 'ف']);
    if prep.starts_with('ب') {
        // "قامت دبابة إسرائيلية بقصف": the doer may stand between the light verb and the noun
        return toks[i.saturating_sub(5)..i].iter().any(|t| khabar_text::strip_arabic_prefixes(&t.norm).iter().any(|w| w.starts_with("قام") || w.starts_with("قيام") || w.starts_with("يقوم") || w.starts_with("تقوم") || w.starts_with("ستقوم") || w.starts_with("سيقوم")));
    }
    !(prep.starts_with('ل') || prep.starts_with('ك') || prep.ends_with("ال"))
}

/// Is an Arabic trigger word (proclitics removed) a present-tense (imperfective) form of the
/// pattern's verb: "يقتل", or "تقتل" where the pattern also has "يقتل"? Form V past tenses
/// ("تعرض", "تظاهر") start with ت too, and have no ي twin.
fn arabic_present(p: &Pattern, word: &str) -> bool {
    if word.starts_with('ي') {
        return true;
    }
    match word.strip_prefix('ت') {
        Some(rest) => {
            let twin = format!("ي{rest}");
            p.norm_forms.iter().any(|f| *f == twin)
        }
        None => false,
    }
}

#[allow(clippy::too_many_arguments)]
fn code_sentence(
    sentence: &str,
    toks: &[Token],
    actors: &[ActorSpan],
    index: usize,
    doc_id: &str,
    lex: &Lexicon,
    gaz: &'static Gazetteer,
    anchor: &Anchor,
    opts: &Options,
    headline: bool,
) -> (Vec<Event>, SentenceTrace) {
    let mut trace = SentenceTrace {
        index,
        text: sentence.to_string(),
        actors: actors.iter().map(|a| (span_text(sentence, toks, a.start, a.end).to_string(), a.code(), a.origins.clone())).collect(),
        notes: Vec::new(),
    };
    let triggers = find_triggers(lex, sentence, toks, actors, &mut trace.notes);
    let mut events: Vec<Event> = Vec::new();
    let mut from_noun: Vec<bool> = Vec::new();
    // place names of the sentence, found once and only if a target is looked for among them
    let mut places: Option<Vec<khabar_geo::PlaceMention>> = None;
    // the subject of the last verb with one: an Arabic verb joined to it by و or ف with no
    // subject of its own shares it ("اقتحم مسلحون المنزل وقتلوا قائدا")
    let mut last_subject: Option<&ActorSpan> = None;
    for trig in &triggers {
        let p = trig.pattern;
        let word = span_text(sentence, toks, trig.start, trig.end);
        let roles = match assign_roles(lex, sentence, toks, actors, trig) {
            Some(r) if p.passive_alone && !trig.noun && !trig.passive && r.pairs.iter().all(|(_, t)| t.is_none()) && !arabic_present(p, &toks[trig.start].norm[trig.prefix.len()..]) && r.pairs.iter().all(|(s, _)| s.is_some_and(|s| reads_as_victim(lex, toks, trig, s))) => {
                // "قتل ثلاثة جنود في انفجار": read as the passive, the lone actor is the victim;
                // the agent, if any, is named after 'برصاص' or 'على يد'
                let victims: Vec<&ActorSpan> = r.pairs.iter().filter_map(|(s, _)| *s).collect();
                let agent = actors.iter().find(|a| {
                    a.start > 0 && Grammar::has(&lex.grammar.agent_preps, &toks[a.start - 1].norm) && !victims.iter().any(|v| same_actor(a, v))
                });
                Roles {
                    pairs: victims.into_iter().map(|v| (agent, Some(v))).collect(),
                    why: if agent.is_some() { "the agent named after 'على يد' or 'برصاص'" } else { "not named: the verb read as its passive" },
                    target_why: "the lone actor by an unvocalised verb is the one it was done to (passive reading)",
                    certainty: 0.7,
                }
            }
            // "وصل الوزير إلى دمشق والتقى الرئيس": a verb joined by و or ف to an earlier one
            // keeps that verb's subject; the actor right before it ends the earlier clause
            Some(mut r) if lex.lang == "ar" && !trig.noun && !trig.passive && trig.prefix.starts_with(['و', 'ف']) && last_subject.is_some() && r.why.contains("before the verb") => {
                let shared = last_subject.unwrap();
                let before = r.pairs.first().and_then(|(s, _)| *s);
                if before.is_some_and(|b| !same_actor(b, shared)) {
                    r.pairs = r.pairs.iter().map(|(_, t)| (Some(shared), t.filter(|t| !same_actor(t, shared)))).collect();
                    r.pairs.dedup_by(|a, b| a.1.map(|x| x.start) == b.1.map(|x| x.start));
                    r.why = "shared with the verb before it, joined by و or ف";
                }
                r
            }
            Some(r) => r,
            // a verbal noun of violence in a sentence that counts the dead or hurt is a report even
            // when no one is named behind it ("مقتل خمسة في انفجار سيارة مفخخة")
            None if opts.require_source || (trig.noun && !trig.occurred && !(anchored_root(lex, p) && matches!(&p.cameo[..2], "18" | "19" | "20") && counts_casualties(lex, toks))) => {
                // a verbal noun with no one behind it is a mention ("اغتيال مغنية", "the bombing")
                // far more often than a report
                trace.notes.push(format!("trigger '{word}' ({}): no source actor found", p.origin));
                continue;
            }
            None if lex.lang == "ar" && !trig.noun && !trig.passive && trig.prefix.starts_with(['و', 'ف']) && last_subject.is_some() => {
                let target = actors.iter().find(|a| a.start >= trig.end && a.start < trig.end + 6 && !last_subject.is_some_and(|s| same_actor(a, s)) && !crosses_clause(lex, toks, trig.end, a.start));
                Roles { pairs: vec![(last_subject, target)], why: "shared with the verb before it, joined by و or ف", target_why: "first actor after the trigger", certainty: 0.7 }
            }
            None => {
                // the sentence does not say who. Keep an event that happened to someone named, or a
                // violent or protest event as it happens (an explosion, a march); an unattributed
                // intention or background mention says too little.
                let target = actors.iter().find(|a| a.start >= trig.end && a.start < trig.end + 6 && a.country.is_some());
                let occurrence = matches!(&p.cameo[..2], "14" | "18" | "19" | "20");
                let modality = modality_of(lex, toks, trig);
                if !(target.is_some() || occurrence) || matches!(modality, Modality::Intended | Modality::Background) {
                    trace.notes.push(format!("trigger '{word}' ({}): no source actor found", p.origin));
                    continue;
                }
                // "قتل أربعة جنود في هجوم شنه مسلحون": the attack's agent, named after an agent
                // preposition or an attributive verb elsewhere in the sentence, did it
                let agent = if lex.lang == "ar" && matches!(&p.cameo[..2], "18" | "19" | "20") {
                    actors.iter().find(|a| {
                        a.start > 0 && Grammar::has(&lex.grammar.agent_preps, &toks[a.start - 1].norm)
                            && (toks[a.start - 1].norm != "قبل" || a.start > 1 && toks[a.start - 2].norm == "من")
                            && target.is_none_or(|t| !same_actor(a, t))
                    })
                } else {
                    None
                };
                match agent {
                    Some(a) => Roles { pairs: vec![(Some(a), target)], why: "the agent named after 'على يد', 'برصاص' or 'شنه' in the sentence", target_why: "first actor after the trigger", certainty: 0.6 },
                    None => Roles { pairs: vec![(None, target)], why: "not named in the sentence", target_why: "first actor after the trigger", certainty: 0.6 },
                }
            }
        };
        if !trig.noun {
            if let Some(s) = roles.pairs.first().and_then(|(s, _)| *s) {
                last_subject = Some(s);
            }
        }
        if let Some(why) = trig.unanchored {
            // a verb of violence naming who did it to whom reports an occasion even with no
            // time or toll ("مسلحون مجهولون اغتالوا العميد"); so does a verb that says a protest
            // took place (`occasion`: "تظاهر", "احتشد", "اندلعت مظاهرات"); the acts of a crowd
            // (chanting, banners) are as often detail or background as news, and need the anchor
            let named = if p.cameo.starts_with("14") { p.occasion } else { roles.pairs.iter().any(|(s, t)| (s.is_some() || trig.passive) && t.is_some()) };
            if !named {
                trace.notes.push(format!("trigger '{word}' ({}): {why}: talk about such events, not a report of one", p.origin));
                continue;
            }
        }
        // deaths in a road accident, a fire or a flood, with no one named who caused them, are
        // no assault ("لقي شخص مصرعه في حادث مروري")
        let accident = matches!(&p.cameo[..2], "18" | "19" | "20")
            && roles.pairs.iter().all(|(s, _)| s.is_none())
            && toks.iter().any(|t| khabar_text::strip_arabic_prefixes(&t.norm).iter().take(2).any(|w| Grammar::has(&lex.grammar.accidents, w)) || Grammar::has(&lex.grammar.accidents, &t.norm));
        if accident {
            trace.notes.push(format!("trigger '{word}' ({}): no one named behind it, in a sentence about an accident or a disaster", p.origin));
            continue;
        }
        if p.needs_target && roles.pairs.iter().all(|(_, t)| t.is_none()) {
            trace.notes.push(format!("trigger '{word}' ({}): no target actor found, and this pattern needs one", p.origin));
            continue;
        }
        let modality = modality_of(lex, toks, trig);
        let negated = is_negated(lex, toks, trig);
        if negated && !opts.keep_negated {
            trace.notes.push(format!("trigger '{word}' ({}): negated, dropped", p.origin));
            continue;
        }
        // (a headline tells its news in the present: "تقتحم", "تنفي")
        let present = !headline && lex.lang == "ar" && !trig.noun && anchored_root(lex, p) && arabic_present(p, &toks[trig.start].norm[trig.prefix.len()..]);
        // (an occasion verb too, right after the crowd it describes: "متظاهرين يحتجون على …")
        let describes = trig.start > 0 && actors.iter().any(|a| a.end == trig.start);
        if present && p.cameo.starts_with("14") && (!p.occasion || describes) {
            // "وهم يرفعون لافتات", "يرشقون الشرطة": a crowd's act in the present is the
            // circumstance of another event, not a protest reported on its own
            trace.notes.push(format!("trigger '{word}' ({}): a crowd's act in the present tense: a circumstance, not a report", p.origin));
            continue;
        }
        if modality == Modality::Asserted && present {
            // "يقتلون الأبرياء", "تخطف من تريد": a present-tense verb of violence that no one is
            // reported saying is habitual or generic — commentary — not news of an occasion
            trace.notes.push(format!("trigger '{word}' ({}): a present-tense verb, asserted: habitual or generic, not an occasion", p.origin));
            continue;
        }
        let code = if modality == Modality::Intended { intended_code(p) } else { p.cameo.clone() };
        let Some(entry) = cameo::lookup(&code) else { continue };
        let (date, date_basis, date_why) = resolve_date(sentence, anchor, modality, toks[trig.start].start);
        let pairs = roles.pairs.iter().map(|(s, t)| (s.and_then(|s| s.country.as_deref()), t.and_then(|t| t.country.as_deref()))).collect();
        let site = resolve::EventSite { cameo: entry.code, trigger: trig.start, pairs };
        let found = places.get_or_insert_with(|| gaz.find(sentence, toks, lex.lang));
        let (location, place_why) = resolve_place(sentence, toks, lex, gaz, anchor, actors, &site, found);
        trace.notes.push(format!("when/where '{word}' ({}): {date_why}; {place_why}", entry.code));
        // with no actor as object, a town the act is carried into stands for its country
        // ("fired shells at targets in Jericho")
        // (a protest is held in a town, not done to it: its place is where, never whom)
        let place_target: Option<Actor> = if entry.root != "14" && roles.pairs.iter().any(|(_, t)| t.is_none()) && !(p.symmetric && roles.pairs.len() > 1) {
            let story: Vec<&str> = anchor.countries.iter().map(String::as_str).collect();
            places
                .get_or_insert_with(|| gaz.find(sentence, toks, lex.lang))
                .iter()
                .find(|m| {
                    m.start >= trig.end
                        && m.start < trig.end + 12
                        && !m.weak
                        && m.start > 0
                        && matches!(toks[m.start - 1].norm.as_str(), "in" | "at" | "near" | "في" | "قرب")
                        && !actors.iter().any(|a| a.start < m.end && m.start < a.end)
                        && !crosses_clause(lex, toks, trig.end, m.start)
                })
                .and_then(|m| gaz.choose(&m.candidates, &story).map(|pl| (m.clone(), pl)))
                .map(|(m, pl)| Actor {
                    text: span_text(sentence, toks, m.start, m.end).to_string(),
                    name: pl.name.to_string(),
                    code: pl.iso3.to_string(),
                    country: Some(pl.iso3.to_string()),
                    roles: vec![],
                })
        } else {
            None
        };
        for (src, tgt) in &roles.pairs {
            // a protest whose protesters go unnamed is by civilians (the CAMEO reading of "a
            // demonstration broke out"); who they are is left open
            // the crowd is of the country the sentence puts its protest in ("تظاهر مئات في أثينا")
            let crowd_country = location.as_ref().filter(|l| l.basis == "sentence").and_then(|l| l.country.as_deref());
            let source = event_source(lex, sentence, toks, *src, entry.root, crowd_country);
            let from_place = tgt.is_none() && place_target.is_some();
            let mut target = tgt.map(|t| actor_out(sentence, toks, t)).or_else(|| place_target.clone());
            // a protest that names no addressee is addressed to the protesters' own government
            // (the usual CAMEO reading of "students demonstrated in the capital")
            let implicit_target = target.is_none() && entry.root == "14" && src.is_some_and(|s| s.country.is_some() && !s.roles.iter().any(|r| r == "GOV"));
            if implicit_target {
                let c = src.and_then(|s| s.country.clone()).unwrap_or_default();
                target = Some(Actor { text: String::new(), name: format!("{c} government"), code: format!("{c}GOV"), country: Some(c), roles: vec!["GOV".into()] });
            }
            // a curfew, a ban, martial law or their easing, with no one named, fall on the
            // actor's own country (the act is domestic: "imposed a curfew", "lifted the ban")
            let domestic_target = target.is_none() && matches!(&p.cameo[..2], "08" | "17") && src.is_some_and(|s| s.country.is_some() && !s.roles.is_empty());
            if domestic_target {
                let c = src.and_then(|s| s.country.clone()).unwrap_or_default();
                target = Some(Actor { text: String::new(), name: c.clone(), code: c.clone(), country: Some(c), roles: vec![] });
            }
            let key = (entry.code, source.as_ref().map(|a| a.code.clone()), target.as_ref().map(|a| a.code.clone()));
            if events.iter().any(|e| (e.cameo.as_str(), e.source.as_ref().map(|a| a.code.clone()), e.target.as_ref().map(|a| a.code.clone())) == key) {
                continue;
            }
            let mut confidence = p.confidence * roles.certainty;
            if implicit_target {
                confidence *= 0.8;
            }
            if target.is_none() {
                confidence *= 0.9;
            }
            if modality == Modality::Background {
                confidence *= 0.9;
            }
            let explanation = format!(
                "'{word}' matched {}; source {} ({}); target {}; {}{}",
                p.origin,
                source.as_ref().map(|s| s.code.clone()).unwrap_or_else(|| "none".into()),
                roles.why,
                match (tgt, &target) {
                    (Some(t), _) => format!("{} ({})", t.code(), roles.target_why),
                    (None, Some(t)) if from_place => format!("{} (the country of '{}', where the act was carried)", t.code, t.text),
                    (None, Some(t)) if implicit_target => format!("{} (not named: a protest addresses its own government)", t.code),
                    (None, Some(t)) => format!("{} (not named: a domestic act falls on the actor's own country)", t.code),
                    (None, None) => "none".into(),
                },
                match modality {
                    Modality::Asserted => "asserted",
                    Modality::Intended => "intended (future or intention word before the trigger)",
                    Modality::Reported => "reported speech",
                    Modality::Background => "background (a word marks it as past context)",
                },
                if negated { "; negated" } else { "" }
            );
            trace.notes.push(format!("event {} {} → {}: {explanation}", entry.code, src.map(|s| s.code()).unwrap_or_default(), tgt.map(|t| t.code()).unwrap_or_default()));
            events.push(Event {
                source,
                target,
                date: date.clone(),
                date_basis: Some(date_basis.clone()),
                location: location.clone(),
                modality,
                negated,
                confidence: (confidence * 100.0).round() / 100.0,
                explanation,
                ..Event::of_code(doc_id, index, sentence, lex.lang, entry, p.origin.clone())
            });
            from_noun.push(trig.noun);
            // protesters who attack or storm are also protesting violently (the pattern's
            // `crowd_code`, CAMEO 145): the crowd's violence is both the assault and the riot
            let by_protesters = src.is_some_and(|s| toks[s.start..s.end].iter().any(|t| khabar_text::strip_arabic_prefixes(&t.norm).iter().take(2).any(|w| Grammar::has(&lex.grammar.protesters, w)) || Grammar::has(&lex.grammar.protesters, &t.norm)));
            if by_protesters && modality != Modality::Intended {
                if let Some(riot) = p.crowd_code.as_deref().and_then(cameo::lookup) {
                    let mut e = events.last().cloned().expect("just pushed");
                    let base = Event::of_code(doc_id, index, sentence, lex.lang, riot, p.origin.clone());
                    e.explanation = format!("{}; protesters doing it are also protesting violently (CAMEO {})", e.explanation, riot.code);
                    e.cameo = base.cameo;
                    e.cameo_root = base.cameo_root;
                    e.cameo_name = base.cameo_name;
                    e.plover = base.plover;
                    e.goldstein = base.goldstein;
                    e.quad_class = base.quad_class;
                    trace.notes.push(format!("event {}: {}", riot.code, e.explanation));
                    events.push(e);
                    from_noun.push(trig.noun);
                }
            }
        }
    }
    if !events.iter().any(|e| e.cameo_root == "10") {
        if let Some(e) = demand_by_modal(sentence, index, doc_id, lex, toks, actors, anchor, &mut trace) {
            events.push(e);
            from_noun.push(false);
        }
    }
    drop_subsumed(&mut events, &from_noun, &mut trace);
    (events, trace)
}

/// The source written out for an event: the named actor, else whom the act implies when no one
/// is named — civilians for a protest, CAMEO's unidentified armed force (UAF) for violence by
/// bomb. For a protest, the crowd's country too: a bare country or a capital that "protests" is
/// its people ("شهدت تركيا مظاهرات", "خرجت مظاهرات في جوبا"), and protesters with no country of
/// their own are of the country the sentence puts the protest in.
fn event_source(lex: &Lexicon, sentence: &str, toks: &[Token], src: Option<&ActorSpan>, root: &str, crowd_country: Option<&str>) -> Option<Actor> {
    let unnamed = |name: &str, country: Option<&str>, role: &str| Actor {
        text: String::new(),
        name: name.into(),
        code: format!("{}{role}", country.unwrap_or_default()),
        country: country.map(str::to_string),
        roles: vec![role.into()],
    };
    let Some(s) = src else {
        if root == "14" {
            return Some(unnamed("civilians (protesters not named)", crowd_country, "CVL"));
        }
        let bomb = matches!(root, "18" | "19" | "20") && toks.iter().any(|t| khabar_text::strip_arabic_prefixes(&t.norm).iter().take(2).any(|w| Grammar::has(&lex.grammar.bombs, w)));
        return bomb.then(|| unnamed("unidentified bombers", None, "UAF"));
    };
    let mut a = actor_out(sentence, toks, s);
    if root != "14" {
        return Some(a);
    }
    let crowd_roles = a.roles.iter().all(|r| matches!(r.as_str(), "CVL" | "EDU" | "LAB" | "REL" | "OPP" | "PTY" | "MED" | "BUS" | "AGR"));
    if a.country.is_none() && crowd_roles {
        if let Some(c) = crowd_country {
            a.country = Some(c.to_string());
            a.code = format!("{c}{}", a.code);
        }
    }
    if (a.roles.is_empty() || s.kind == "capital") && a.country.is_some() {
        a.roles = vec!["CVL".into()];
        a.code = format!("{}CVL", a.country.as_deref().unwrap_or_default());
    }
    Some(a)
}

/// Before an event is dropped as said again by another of the sentence ([`drop_subsumed`]), the
/// one kept takes its source if it has none: "خرجت مظاهرات في المدينة … ورفع المتظاهرون
/// لافتات" is one protest, by the protesters, in the city.
fn lend_source(events: &mut [Event], x: usize, y: usize, trace: &mut SentenceTrace) {
    let same_as_target = events[y].target.as_ref().map(|a| &a.code) == events[x].source.as_ref().map(|a| &a.code);
    if events[y].source.is_none() && events[x].source.is_some() && x != y && !same_as_target {
        let src = events[x].source.clone();
        let code = src.as_ref().map(|a| a.code.clone()).unwrap_or_default();
        events[y].explanation.push_str(&format!("; source {code} from the sentence's other report of it"));
        trace.notes.push(format!("event {} takes the source {code} of the event it stands for", events[y].cameo));
        events[y].source = src;
    }
}

/// "X said that Y must …", "قال X إنه يجب على Y أن …": a demand by X of Y (CAMEO 100), read from
/// a deontic word (`demand_modals` in grammar.toml) with a named actor on each side of it.
#[allow(clippy::too_many_arguments)]
fn demand_by_modal(
    sentence: &str,
    index: usize,
    doc_id: &str,
    lex: &Lexicon,
    toks: &[Token],
    actors: &[ActorSpan],
    anchor: &Anchor,
    trace: &mut SentenceTrace,
) -> Option<Event> {
    let g = &lex.grammar;
    let m = toks.iter().position(|t| Grammar::has(&g.demand_modals, &t.norm))?;
    let target = if lex.lang == "ar" {
        // يجب على Y أن
        actors.iter().find(|a| a.start > m && a.start <= m + 2 && a.country.is_some())?
    } else {
        // Y must; "… to Iraq that it must …": a pronoun stands for the actor before it
        let pronoun = m > 0 && matches!(toks[m - 1].norm.as_str(), "it" | "they" | "he" | "she");
        let reach = if pronoun { 4 } else { 1 };
        actors.iter().rev().find(|a| a.end <= m && m - a.end <= reach && a.country.is_some())?
    };
    let source = actors.iter().rev().find(|a| {
        a.end <= target.start.min(m) && !same_actor(a, target) && a.country.is_some() && {
            let between = &toks[a.end..target.start.min(m)];
            between.iter().any(|t| Grammar::has(&g.report, &t.norm) || t.norm == "that" || t.norm == "ان" || khabar_text::strip_arabic_prefixes(&t.norm).iter().any(|w| Grammar::has(&g.report, w)))
        }
    })?;
    let entry = cameo::lookup("100")?;
    let (date, date_basis, _) = resolve_date(sentence, anchor, Modality::Asserted, toks[m].start);
    let explanation = format!(
        "'{}' (a deontic word, {}/grammar.toml:demand_modals) with {} before it saying so: {} demands of {}",
        toks[m].norm,
        lex.lang,
        source.code(),
        source.code(),
        target.code()
    );
    trace.notes.push(format!("event 100 {} → {}: {explanation}", source.code(), target.code()));
    Some(Event {
        source: Some(actor_out(sentence, toks, source)),
        target: Some(actor_out(sentence, toks, target)),
        date,
        date_basis: Some(date_basis),
        location: None,
        modality: Modality::Reported,
        negated: false,
        confidence: 0.6,
        explanation,
        ..Event::of_code(doc_id, index, sentence, lex.lang, entry, format!("{}/grammar.toml:demand_modals", lex.lang))
    })
}

/// Within one sentence, an event of the same root as another but with less known (no target,
/// or a source the other already covers) says nothing new: drop it. So is a verbal noun that
/// restates a verb's event ("وصل … في زيارة", "attacked … in an attack").
fn drop_subsumed(events: &mut Vec<Event>, from_noun: &[bool], trace: &mut SentenceTrace) {
    let country = |a: &Option<Actor>| a.as_ref().and_then(|a| a.country.clone());
    let mut keep = vec![true; events.len()];
    for i in 0..events.len() {
        // only a verb's event still kept: one already folded into this noun's richer event
        // must not take the noun's event with it
        let restates = if from_noun[i] { (0..events.len()).find(|&j| keep[j] && !from_noun[j] && events[j].cameo_root == events[i].cameo_root) } else { None };
        if let Some(j) = restates {
            lend_source(events, i, j, trace);
        }
        let x = &events[i];
        if restates.is_some() {
            keep[i] = false;
            trace.notes.push(format!("event {} from a noun: dropped, it restates a verb's event", x.cameo));
            continue;
        }
        if x.target.is_some() {
            continue;
        }
        let covered = events.iter().enumerate().position(|(j, y)| {
            j != i && keep[j] && y.cameo_root == x.cameo_root && y.target.is_some() && {
                let xs = country(&x.source);
                xs.is_none() || xs == country(&y.source) || xs == country(&y.target)
            }
        });
        if let Some(j) = covered {
            let x = events[i].clone();
            lend_source(events, i, j, trace);
            keep[i] = false;
            trace.notes.push(format!("event {} from {}: dropped, another event of the sentence says more", x.cameo, x.source.as_ref().map(|a| a.code.as_str()).unwrap_or("?")));
        }
    }
    let mut k = 0;
    events.retain(|_| {
        k += 1;
        keep[k - 1]
    });
}

fn span_text<'s>(sentence: &'s str, toks: &[Token], start: usize, end: usize) -> &'s str {
    &sentence[toks[start].start..toks[end - 1].end]
}

fn actor_out(sentence: &str, toks: &[Token], a: &ActorSpan) -> Actor {
    Actor {
        text: span_text(sentence, toks, a.start, a.end).to_string(),
        name: a.name.clone(),
        code: a.code(),
        country: a.country.clone(),
        roles: a.roles.clone(),
    }
}

/// Source/target pairs for one trigger, and why.
struct Roles<'a> {
    pairs: Vec<(Option<&'a ActorSpan>, Option<&'a ActorSpan>)>,
    why: &'static str,
    target_why: &'static str,
    certainty: f32,
}

/// The compound an actor heads: it and the coordinated actors after it.
fn compound(actors: &[ActorSpan], head: usize) -> Vec<usize> {
    let mut out = vec![head];
    let mut k = head + 1;
    while k < actors.len() && actors[k].coordinated && actors[k].start <= actors[k - 1].end + 1 {
        out.push(k);
        k += 1;
    }
    out
}

/// The compound an actor belongs to, found from any member.
fn compound_of(actors: &[ActorSpan], member: usize) -> Vec<usize> {
    let mut head = member;
    while head > 0 && actors[head].coordinated && actors[head].start <= actors[head - 1].end + 1 {
        head -= 1;
    }
    compound(actors, head)
}

/// Are two mentions the same party? The same code, or the same country where one of them is the
/// bare country. Two parts of one country ("the PKK" and "the Turkish government", a parliament
/// and its president) are different parties: domestic events are events too.
fn same_actor(a: &ActorSpan, b: &ActorSpan) -> bool {
    a.code() == b.code() || (a.country.is_some() && a.country == b.country && (a.roles.is_empty() || b.roles.is_empty()))
}

/// Words between two token positions that end a clause: a verb of saying, "that", a full stop.
fn crosses_clause(lex: &Lexicon, toks: &[Token], from: usize, to: usize) -> bool {
    toks[from.min(to)..from.max(to)].iter().any(|t| {
        let n = t.norm.as_str();
        Grammar::has(&lex.grammar.report, n)
            || Grammar::has(&lex.grammar.report, khabar_text::strip_arabic_prefixes(n).get(1).copied().unwrap_or(""))
            || matches!(n, "ان" | "that" | "which" | "who" | "while" | "but" | "after" | "before" | "because" | "لكن" | "بينما" | "بعد" | "حيث" | "اذ" | "لان" | "كما" | "الذي" | "التي" | "الذين")
    })
}

fn assign_roles<'a>(lex: &Lexicon, sentence: &str, toks: &[Token], actors: &'a [ActorSpan], trig: &Trigger) -> Option<Roles<'a>> {
    let p = trig.pattern;
    let ar = lex.lang == "ar";
    // actors before and after the trigger, nearest first
    let before: Vec<usize> = (0..actors.len()).rev().filter(|&k| actors[k].end <= trig.start).collect();
    let after: Vec<usize> = (0..actors.len()).filter(|&k| actors[k].start >= trig.end).collect();
    let locative: Vec<bool> = (0..actors.len()).map(|k| {
        let prev = if actors[k].start > 0 { toks[actors[k].start - 1].norm.as_str() } else { "" };
        matches!(prev, "في" | "in" | "inside" | "داخل")
    }).collect();
    let before: Vec<usize> = before.into_iter().filter(|&k| !locative[k]).collect();
    let after_all = after.clone();
    let after: Vec<usize> = after.into_iter().filter(|&k| !locative[k]).collect();
    let overlapping: Option<usize> = (0..actors.len()).find(|&k| actors[k].start < trig.end && actors[k].end > trig.start);
    let is_target_prep = |k: usize| -> bool {
        let a = &actors[k];
        let prev = if a.start > 0 { toks[a.start - 1].norm.as_str() } else { "" };
        Grammar::has(&lex.grammar.target_preps, prev)
            || (ar && (a.prefix.contains('ل') && !a.prefix.ends_with("ال") || a.prefix.ends_with("لل") || a.prefix.contains('ب') && trig.noun))
    };
    let is_agent_prep = |k: usize| -> bool {
        let a = &actors[k];
        // English puts an article between the preposition and the agent ("by the army")
        let article = !ar && a.start > 1 && matches!(toks[a.start - 1].norm.as_str(), "the" | "a" | "an");
        let prep = if article { a.start - 2 } else { a.start.wrapping_sub(1) };
        a.start > 0 && Grammar::has(&lex.grammar.agent_preps, &toks[prep].norm)
    };

    // "اشتباكات بين الجيش والمتمردين", "clashes between police and protesters": the parties
    // after "between" act on each other
    // ("معارك دارت أمس بين …": a few words may come between the noun and "بين")
    let between = (trig.end..(trig.end + 4).min(toks.len())).find(|&k| matches!(toks[k].norm.as_str(), "بين" | "between"));
    if let Some(b) = between.filter(|_| trig.noun && p.symmetric) {
        if let Some(&first) = after.first().filter(|&&k| actors[k].start == b + 1) {
            let members = compound(actors, first);
            if members.len() > 1 {
                let mut pairs = Vec::new();
                for &a in &members {
                    for &b in &members {
                        if a != b && !same_actor(&actors[a], &actors[b]) {
                            pairs.push((Some(&actors[a]), Some(&actors[b])));
                        }
                    }
                }
                if !pairs.is_empty() {
                    return Some(Roles { pairs, why: "a party after 'بين' / 'between'", target_why: "the other party after 'بين' / 'between'", certainty: 0.8 });
                }
            }
        }
    }
    let mut why = "";
    let mut certainty = 1.0f32;
    let mut source: Option<usize> = None;
    if trig.passive {
        source = after.iter().copied().find(|&k| is_agent_prep(k));
        why = "agent of a passive";
    } else if trig.noun {
        // the adjective or genitive next to the noun
        // a conflict noun's plain genitive is its victim ("اغتيال الحريري", "اعتقال الصحفيين");
        // only an adjective ("الغارات الإسرائيلية") or an ل-phrase names who did it
        let conflict = p.cameo.as_str() >= "10";
        source = if ar {
            after.iter().copied().find(|&k| {
                let a = &actors[k];
                // the preposition ل ("لل" with the article), not the article ال itself
                let agentive = !conflict || (a.kind == "demonym" && a.origins.len() == 1) || a.prefix.ends_with('ل') && !a.prefix.ends_with("ال") || a.prefix.ends_with("لل");
                agentive && (a.start <= trig.end + 2 && !is_target_prep(k) || a.start <= trig.end + 1 && a.prefix == "ل")
            })
        } else {
            before.iter().copied().find(|&k| actors[k].end + 2 >= trig.start && !crosses_clause(lex, toks, actors[k].end, trig.start))
        };
        why = if ar { "adjective or genitive after the noun" } else { "modifier before the noun" };
        if source.is_none() {
            if let Some(k) = overlapping {
                source = Some(k);
                why = "the noun names its actor";
            }
        }
        if source.is_none() {
            source = before.iter().copied().find(|&k| trig.start - actors[k].end <= 4 && !crosses_clause(lex, toks, actors[k].end, trig.start));
            why = "subject before the noun";
            certainty = 0.8;
        }
        if source.is_none() {
            source = after.iter().copied().find(|&k| is_agent_prep(k));
            why = "agent after the noun";
        }
    } else if ar {
        // an actor set off from the verb by punctuation ("لندن ـ «الشرق الأوسط»: اغتال …", "…، قتل")
        // is a dateline, a headline or another clause, not the verb's subject
        let punct_between = |k: usize| {
            let gap = &sentence[toks[actors[k].end - 1].end..toks[trig.start].start];
            gap.chars().any(|c| matches!(c, ':' | '،' | ',' | '«' | '»' | '(' | ')' | '"' | '-' | 'ـ' | '–' | '*'))
        };
        let close_before = before.first().copied().filter(|&k| trig.start - actors[k].end <= 2 && !is_target_prep(k) && !punct_between(k));
        // "أدى إلى مقتل ثلاثة جنود": an actor governed by a casualty noun is the victim
        let casualty_genitive = |k: usize| toks[actors[k].start.saturating_sub(2).max(trig.end)..actors[k].start].iter().any(|t| khabar_text::strip_arabic_prefixes(&t.norm).iter().take(2).any(|w| Grammar::has(&lex.grammar.casualties, w)));
        // counts and member words stand between a verb and its subject without distancing it
        // ("تظاهر أمس عشرات من أعضاء حزب …"); after a verb of force, counted people are more
        // often its victims ("فقتل خمسة من رجال الشرطة"), so there they count
        let violent = matches!(&p.cameo[..2], "17" | "18" | "19" | "20");
        let gap_after = |k: usize| toks[trig.end..actors[k].start].iter().filter(|t| violent || !(t.norm.chars().any(|c| c.is_ascii_digit()) || khabar_text::strip_arabic_prefixes(&t.norm).iter().take(2).any(|w| Grammar::has(&lex.grammar.member_words, w) || Grammar::has(&lex.grammar.eventive, w)))).count();
        // a verb with a plural ending ("خطفوا", "يطالبون") has its subject in it or before it: in
        // VSO order the verb stays singular, so an actor after it is its object
        let stem = &toks[trig.start].norm[trig.prefix.len().min(toks[trig.start].norm.len())..];
        let plural_verb = stem.ends_with("وا") || (stem.ends_with("ون") && arabic_present(p, stem));
        let close_after = after.first().copied().filter(|&k| !plural_verb && gap_after(k) <= 3 && !is_target_prep(k) && !casualty_genitive(k));
        if let Some(k) = close_before.filter(|_| close_after.is_none() || trig.start > 0 && toks[..trig.start].len() > 2) {
            source = Some(k);
            why = "subject before the verb (SVO)";
        } else if let Some(k) = close_after {
            source = Some(k);
            why = "subject after the verb (VSO)";
        } else if let Some(k) = before.iter().copied().find(|&k| trig.start - actors[k].end <= 8 && !is_target_prep(k) && !crosses_clause(lex, toks, actors[k].end, trig.start)) {
            source = Some(k);
            why = "nearest actor before the verb";
            certainty = 0.8;
        }
    } else {
        source = before.iter().copied().find(|&k| trig.start - actors[k].end <= 6 && !is_target_prep(k) && !crosses_clause(lex, toks, actors[k].end, trig.start));
        why = "subject before the verb (SVO)";
        // "they would blockade Paris": with a pronoun subject, the actor after the verb is its object
        let pronoun_subject = (trig.start.saturating_sub(4)..trig.start).any(|k| matches!(toks[k].norm.as_str(), "he" | "she" | "it" | "they" | "we"));
        if source.is_none() && !pronoun_subject {
            // a sentence-initial "Said X ..." or an inverted report: take the nearest actor after
            source = after.iter().copied().find(|&k| actors[k].start - trig.end <= 1);
            why = "actor right after the verb";
            certainty = 0.7;
        }
    }
    // English pronoun subjects ("… announced that he will …", "it is prepared to …") stand for
    // the sentence's earlier subject: the nearest named actor before the pronoun
    if source.is_none() && !ar && !trig.passive {
        let pron = (trig.start.saturating_sub(4)..trig.start).rev().find(|&k| matches!(toks[k].norm.as_str(), "he" | "she" | "it" | "they" | "we"));
        if let Some(k) = pron {
            let named = |a: usize| actors[a].end <= k && !is_target_prep(a);
            source = before
                .iter()
                .copied()
                .find(|&a| named(a) && (actors[a].country.is_some() || actors[a].kind != "role"))
                .or_else(|| before.iter().copied().find(|&a| named(a)));
            why = "the actor a pronoun before the verb stands for";
            certainty = 0.7;
        }
    }
    let source = source?;
    let sources = compound_of(actors, source);
    // target: the first actor after the trigger (and after the source) that is not the source
    let after_source = actors[*sources.last().unwrap_or(&source)].end.max(trig.end);
    // how far after the verb an object may stand; the clause-boundary check does the real work
    let window = 12;
    let mut target_why = "object after the verb";
    // a demand, appeal, accusation, rejection or threat is addressed to whoever the clause it
    // governs is about: "demanded that Hamas renounce …", "طالب بأن تنسحب إسرائيل"
    let addressed = matches!(&p.cameo[..2], "02" | "10" | "11" | "12" | "13");
    // Arabic acts of force take their object bare, right after the subject ("قتلت القوات
    // ثلاثة مسلحين", "اعتقلت الشرطة ناشطين")
    let forceful = matches!(&p.cameo[..2], "17" | "18" | "19" | "20");
    let eligible = |k: usize, a: &ActorSpan| {
        a.start >= after_source
            && a.start < after_source + window
            && !sources.contains(&k)
            // an English object of the source's own country is another party of it when either
            // is named by a role ("the Kenyan government … Kenya's anti-graft commission")
            && !sources.iter().any(|&s| if ar { same_actor(&actors[s], a) } else { actors[s].code() == a.code() })
            // after "by", an actor is an agent, unless the act is addressed and the "by" sits in
            // its object ("demanded an admission by Moscow")
            && (!is_agent_prep(k) || (addressed && !trig.passive))
            && (!crosses_clause(lex, toks, trig.end, a.start) || (addressed && !crosses_clause(lex, toks, trig.end + 1, a.start)))
            // a bare role ("the army") is a target only when a preposition introduces it
            && (a.country.is_some() || a.kind != "role" || is_target_prep(k) || (ar && forceful && a.start <= after_source + 3))
            // "…, a Jordanian official confirmed": the speaker of a trailing report is no object
            && (ar || !toks.get(a.end).is_some_and(|t| Grammar::has(&lex.grammar.report, &t.norm)))
    };
    let mut target = after.iter().copied().find(|&k| eligible(k, &actors[k]));
    if target.is_none() && !(p.symmetric && sources.len() > 1) {
        // "strikes on targets in Syria", "imposed a curfew in Turkey", "troops for a force in
        // Liberia": with no one named as the object, the country the act is carried into is
        // what it is done to
        // "in Syria", and also "in southeastern Turkey", "في شمال سوريا"
        let loose_locative = |k: usize| {
            let at = |d: usize| if actors[k].start >= d { toks[actors[k].start - d].norm.as_str() } else { "" };
            let direction = |w: &str| w.ends_with("ern") || matches!(w, "north" | "south" | "east" | "west" | "central" | "شمال" | "جنوب" | "شرق" | "غرب" | "وسط");
            locative[k] || (direction(at(1)) && matches!(at(2), "in" | "في"))
        };
        target = after_all.iter().copied().find(|&k| loose_locative(k) && actors[k].start < after_source + window + 4 && {
            let a = &actors[k];
            // the place may be the actor's own country ("Serb forces … in southern Serbia")
            !sources.contains(&k) && !sources.iter().any(|&s| actors[s].code() == a.code()) && !crosses_clause(lex, toks, trig.end, a.start)
        });
        if target.is_some() {
            target_why = if p.cameo.as_str() >= "18" { "place attacked" } else { "the country the act is carried into" };
        }
    }
    if trig.passive || (target.is_none() && trig.noun) {
        // the passive subject, or for a noun with no object: an actor before it
        target = before.iter().copied().find(|&k| {
            !sources.contains(&k) && !sources.iter().any(|&s| same_actor(&actors[s], &actors[k])) && actors[k].country.is_some() && trig.start - actors[k].end <= 6
        });
        target_why = if trig.passive { "subject of a passive" } else { "actor before the noun" };
        if trig.passive && ar && !trig.noun {
            // Arabic VSO: the passive subject right after the verb ("اغتيل القاضي على يد …")
            if let Some(k) = after.iter().copied().find(|&k| actors[k].start <= trig.end + 1 && !is_agent_prep(k) && !sources.contains(&k)) {
                target = Some(k);
            }
        }
        if target.is_none() && trig.noun {
            // "ضغوطها على سوريا … العقوبات الأمريكية": the party the sentence puts pressure on
            target = before.iter().copied().find(|&k| {
                is_target_prep(k) && actors[k].country.is_some() && !sources.iter().any(|&s| same_actor(&actors[s], &actors[k]))
            });
            target_why = "actor after a target preposition earlier in the sentence";
        }
    }
    if let Some(t) = target {
        if is_target_prep(t) {
            target_why = "after a target preposition";
        }
    }
    let mut pairs = Vec::new();
    match target {
        Some(t) => {
            let targets = if ar { vec![t] } else { english_object_compound(lex, toks, actors, t, &sources) };
            for &s in &sources {
                for &t in &targets {
                    pairs.push((Some(&actors[s]), Some(&actors[t])));
                }
            }
        }
        None if p.symmetric && sources.len() > 1 => {
            for &a in &sources {
                for &b in &sources {
                    if a != b {
                        pairs.push((Some(&actors[a]), Some(&actors[b])));
                    }
                }
            }
            target_why = "compound subject of a symmetric event";
        }
        None => {
            for &s in &sources {
                pairs.push((Some(&actors[s]), None));
            }
        }
    }
    Some(Roles { pairs, why, target_why, certainty })
}

/// "visit Mauritania and Senegal", "blows to the United States and Israel": every member of a
/// coordinated object is a target — but not one that starts a clause of its own ("… and Israel
/// said", "… and Hamas fired"), nor a member that is the source.
fn english_object_compound(lex: &Lexicon, toks: &[Token], actors: &[ActorSpan], target: usize, sources: &[usize]) -> Vec<usize> {
    let members = compound_of(actors, target);
    // the target and the members after it; those before it were passed over for a reason
    let from = members.iter().position(|&k| k == target).unwrap_or(0);
    let mut out = vec![target];
    for &k in &members[from + 1..] {
        let a = &actors[k];
        let subject = toks.get(a.end).is_some_and(|t| Grammar::has(&lex.grammar.report, &t.norm)) || (a.end < toks.len() && !lex.triggers.all_at(toks, a.end).is_empty());
        if subject {
            break;
        }
        if !sources.contains(&k) && !sources.iter().any(|&s| actors[s].code() == a.code()) && !out.iter().any(|&o| actors[o].code() == a.code()) {
            out.push(k);
        }
    }
    out
}

fn words_before<'t>(toks: &'t [Token], trig: &Trigger, n: usize) -> &'t [Token] {
    &toks[trig.start.saturating_sub(n)..trig.start]
}

fn modality_of(lex: &Lexicon, toks: &[Token], trig: &Trigger) -> Modality {
    let g = &lex.grammar;
    let future_prefix = g.future_prefix.as_deref().is_some_and(|f| !f.is_empty() && trig.prefix.contains(f));
    let near = words_before(toks, trig, 3);
    let stripped = |t: &Token| khabar_text::strip_arabic_prefixes(&t.norm).into_iter().map(str::to_string).collect::<Vec<_>>();
    let in_list = |list: &[String], t: &Token| stripped(t).iter().any(|w| Grammar::has(list, w));
    if future_prefix || near.iter().any(|t| in_list(&g.future, t) || in_list(&g.intent, t)) {
        return Modality::Intended;
    }
    if toks[..trig.start].iter().any(|t| in_list(&g.background, t)) {
        return Modality::Background;
    }
    if toks[..trig.start].iter().any(|t| in_list(&g.report, t)) {
        return Modality::Reported;
    }
    Modality::Asserted
}

/// Is an Arabic word a negation particle, alone or after the conjunction و/ف ("ولم", "فلا")?
/// A preposition before it makes another word: "كما" (as, also), "بما" (including), "لما" (when).
fn arabic_negator(negation: &[String], word: &str) -> bool {
    Grammar::has(negation, word) || word.strip_prefix(['و', 'ف']).is_some_and(|w| Grammar::has(negation, w))
}

fn is_negated(lex: &Lexicon, toks: &[Token], trig: &Trigger) -> bool {
    let g = &lex.grammar;
    let near = words_before(toks, trig, 2);
    // "ما" before a past-tense verb is the relative of a result ("ما أسفر عن مقتل", "مما أدى
    // إلى"), not a negation: news negates the past with "لم"
    let relative_ma = |t: &Token| {
        let w = t.norm.strip_prefix(['و', 'ف']).unwrap_or(&t.norm);
        (w == "ما" || w == "مما") && !arabic_present(trig.pattern, &toks[trig.start].norm[trig.prefix.len()..])
    };
    let negator = |t: &Token| {
        if lex.lang == "ar" {
            arabic_negator(&g.negation, &t.norm) && !relative_ma(t)
        } else {
            Grammar::has(&g.negation, &t.norm)
        }
    };
    if near.iter().any(negator) {
        return true;
    }
    // "did not" and friends as two tokens
    if lex.lang == "en" && near.windows(2).any(|w| Grammar::has(&g.negation, &format!("{} {}", w[0].norm, w[1].norm))) {
        return true;
    }
    words_before(toks, trig, 6).iter().any(|t| khabar_text::strip_arabic_prefixes(&t.norm).iter().any(|w| Grammar::has(&g.denial, w)))
}

#[cfg(test)]
mod tests;
