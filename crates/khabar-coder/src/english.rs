//! English clause rules: noun use of a verb form, the passive, what is asked for rather than
//! done, coordinated objects. Kept apart from the Arabic rules so each language reads whole.

use khabar_lexicon::{Grammar, Lexicon};
use khabar_text::Token;

use crate::mentions::ActorSpan;
use crate::roles::{compound_of, crosses_clause, Around};
use crate::triggers::Trigger;

/// Determiners and possessives before which an English verb's base form is a noun.
const DETERMINERS: &[&str] = &["a", "an", "the", "this", "that", "these", "those", "its", "his", "her", "their", "our", "any", "no", "every", "new", "fresh"];

/// "a U.S. request", "the attack", "Iran's threat": the trigger word is a noun here.
pub(crate) fn english_noun_use(toks: &[Token], i: usize, actors: &[ActorSpan]) -> bool {
    if i == 0 {
        return false;
    }
    let prev = toks[i - 1].norm.as_str();
    DETERMINERS.contains(&prev)
        || prev.ends_with("'s")
        // a determiner, then an actor as modifier: "a U.S. request" (not a past tense, whose
        // subject the determined actor is: "the Sudan revoked")
        || (!past_tense(&toks[i].norm) && actors.iter().any(|a| a.end == i && a.start > 0 && DETERMINERS.contains(&toks[a.start - 1].norm.as_str())))
}

/// A regular past tense ("revoked", "requested"), which no noun is (not "need", "speed", "bed").
fn past_tense(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ed") && !word.ends_with("eed")
}

/// Is the word after an actor a verb of saying, that actor its subject ("… and the government
/// states it will ask", "…, a Jordanian official confirmed")? The grammar's report words, and
/// their present in -s ("states" of "stated", "says" of "say"): tested only right after an
/// actor, where "States" of "United States" never stands, since that is inside the actor.
pub(crate) fn reports_after_actor(lex: &Lexicon, word: &str) -> bool {
    let has = |w: &str| Grammar::has(&lex.grammar.report, w);
    has(word) || word.strip_suffix('s').is_some_and(|stem| has(stem) || has(&format!("{stem}d")) || has(&format!("{stem}ed")))
}

/// Does a verb of occurring follow a noun ending at `end`, in one word or two ("protests
/// broke out", "fighting erupted", "talks were held")?
pub(crate) fn occurs_after(lex: &Lexicon, toks: &[Token], end: usize) -> bool {
    let has = |w: &str| Grammar::has(&lex.grammar.occurrence_verbs, w);
    toks.get(end).is_some_and(|a| has(&a.norm) || toks.get(end + 1).is_some_and(|b| has(&format!("{} {}", a.norm, b.norm))))
}

/// Forms of "be" that make a following participle passive ("was attacked", "were arrested").
const BE: &[&str] = &["was", "were", "is", "are", "been", "being", "be", "got", "get"];

pub(crate) fn english_passive(toks: &[Token], i: usize) -> bool {
    // "is opposed to", "is committed to", "is prepared to": an adjective, not a passive
    if toks.get(i + 1).is_some_and(|t| t.norm == "to") {
        return false;
    }
    let participle = toks[i].norm.ends_with("ed") || matches!(toks[i].norm.as_str(), "struck" | "shot" | "held" | "taken" | "hit" | "seized" | "fought" | "sent" | "given" | "kept");
    let before = |k: usize| i >= k && BE.contains(&toks[i - k].norm.as_str());
    // a participle right before "by" is passive without its "be": headlines and reduced
    // relatives ("Canadian convoy attacked by Taliban", "a newspaper raided by police")
    let by_agent = toks.get(i + 1).is_some_and(|t| t.norm == "by");
    participle && (before(1) || (before(2) && toks[i - 1].norm.ends_with("ly")) || by_agent)
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
pub(crate) fn english_asked_for(lex: &Lexicon, toks: &[Token], i: usize, noun: bool, earlier: &[Trigger]) -> Option<String> {
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

/// "visit Mauritania and Senegal", "blows to the United States and Israel": every member of a
/// coordinated object is a target — but not one that starts a clause of its own ("… and Israel
/// said", "… and Hamas fired"), nor a member that is the source.
pub(crate) fn english_object_compound(lex: &Lexicon, toks: &[Token], actors: &[ActorSpan], target: usize, sources: &[usize]) -> Vec<usize> {
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

/// The actor of an English noun: the modifier right before it ("Israeli air strikes", "Iran's
/// threat").
pub(crate) fn noun_actor(cx: &Around) -> Option<usize> {
    let (actors, trig) = (cx.actors, cx.trig);
    // (not across a preposition: in "responds to Hamas rockets with air strikes" Hamas is the
    // rockets', not the strikes')
    let across_prep = |k: usize| cx.toks[actors[k].end..trig.start].iter().any(|t| SUBJECTLESS_PREPS.contains(&t.norm.as_str()) || matches!(t.norm.as_str(), "in" | "after" | "over"));
    cx.before.iter().copied().find(|&k| actors[k].end + 2 >= trig.start && !cx.clause_before(k) && !across_prep(k))
}

/// "Israel responded to Hamas rockets with air strikes": a noun after "with" is the means of the
/// clause's verb, done by that verb's subject — the clause's first actor that no preposition
/// governs — not by an actor between.
pub(crate) fn instrument_subject(cx: &Around) -> Option<usize> {
    let (toks, actors, trig) = (cx.toks, cx.actors, cx.trig);
    let at = |d: usize| if trig.start >= d { toks[trig.start - d].norm.as_str() } else { "" };
    let with = at(1) == "with" || (at(2) == "with" && matches!(at(1), "a" | "an" | "the" | "new" | "heavy" | "more"));
    if !with {
        return None;
    }
    let governed = |k: usize| {
        let before = |d: usize| if actors[k].start >= d { toks[actors[k].start - d].norm.as_str() } else { "" };
        let prep = if matches!(before(1), "the" | "a" | "an") { before(2) } else { before(1) };
        SUBJECTLESS_PREPS.contains(&prep) || matches!(prep, "in" | "of")
    };
    cx.before.iter().rev().copied().find(|&k| !governed(k) && !cx.is_target_prep(k) && !cx.clause_before(k) && !crosses_clause(cx.lex, toks, actors[k].end, trig.start))
}

/// Counts that may stand before a participle used as an adjective ("five kidnapped workers").
const NUMBER_WORDS: &[&str] = &["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds", "several", "many", "some"];

/// Prepositions whose object is never the subject of a later verb (not "of": "supporters of
/// Hamas attacked" names who attacked).
const SUBJECTLESS_PREPS: &[&str] = &["to", "with", "from", "for", "at", "on", "against", "into", "toward", "towards", "by", "near", "across"];

/// Pronoun subjects of English verbs.
const PRONOUNS: &[&str] = &["he", "she", "it", "they", "we"];

/// The subject of an English verb, why, and how sure: the nearest actor before it (SVO); with
/// none, and no pronoun subject, an actor right after it ("Said X …", an inverted report).
pub(crate) fn verb_subject(cx: &Around) -> Option<(usize, &'static str, f32)> {
    let (toks, actors, trig) = (cx.toks, cx.actors, cx.trig);
    // the object of a preposition in an earlier verb phrase joined by "and" is not the subject
    // of the verb after it ("flew to the US and is to meet …"); one inside the subject still
    // stands for it ("workers affiliated with the union stopped work")
    let prepositional = |k: usize| {
        let at = |d: usize| if actors[k].start >= d { toks[actors[k].start - d].norm.as_str() } else { "" };
        let prep = if matches!(at(1), "the" | "a" | "an") { at(2) } else { at(1) };
        SUBJECTLESS_PREPS.contains(&prep) && toks[actors[k].end..trig.start].iter().any(|t| t.norm == "and")
    };
    // "Iraqi, American forces raid a camp, killing 85": a participle after a comma takes the
    // subject of the clause it follows, the sentence's first actor (the nearest may be that
    // clause's object)
    let after_comma = trig.start > 0 && cx.sentence.get(toks[trig.start - 1].end..toks[trig.start].start).is_some_and(|gap| gap.contains(','));
    if after_comma && toks[trig.start].norm.ends_with("ing") {
        if let Some(k) = cx.before.iter().rev().copied().find(|&k| !cx.is_target_prep(k) && !cx.clause_before(k)) {
            return Some((k, "the subject of the clause the participle follows", 0.8));
        }
    }
    // "Bush listed Belarus and Cuba as dictatorships and criticised Venezuela", "Rice met Abbas
    // and signed …": right after "and", the actors of the verb phrase before are its objects
    // when one stands before them in the clause; that one is the subject both verbs share
    let and_before = trig.start > 0 && (toks[trig.start - 1].norm == "and" || (trig.start > 1 && toks[trig.start - 2].norm == "and" && matches!(toks[trig.start - 1].norm.as_str(), "also" | "then" | "later")));
    if let Some(&near) = cx.before.first().filter(|_| and_before) {
        let members = compound_of(actors, near);
        let first = members.iter().map(|&m| actors[m].start).min().unwrap_or(actors[near].start);
        let subject = cx.before.iter().copied().filter(|k| !members.contains(k)).find(|&k| actors[k].end < first && !cx.is_target_prep(k) && !prepositional(k) && !cx.clause_before(k) && !crosses_clause(cx.lex, toks, actors[k].end, trig.start));
        if let Some(k) = subject {
            return Some((k, "subject of the verb phrase before 'and', whose objects stand between", 0.8));
        }
    }
    if let Some(k) = cx.before.iter().copied().find(|&k| trig.start - actors[k].end <= 6 && !cx.is_target_prep(k) && !prepositional(k) && !cx.clause_before(k)) {
        return Some((k, "subject before the verb (SVO)", 1.0));
    }
    // "X flew to the US on Monday and met …": a verb joined by "and" to an earlier one shares
    // its subject, which stands before that earlier verb phrase
    if let Some(and) = (trig.start.saturating_sub(6)..trig.start).rev().find(|&i| toks[i].norm == "and") {
        let joined = cx.before.iter().copied().find(|&k| actors[k].end <= and && and - actors[k].end <= 10 && !cx.is_target_prep(k) && !cx.clause_before(k) && {
            let at = |d: usize| if actors[k].start >= d { toks[actors[k].start - d].norm.as_str() } else { "" };
            let prep = if matches!(at(1), "the" | "a" | "an") { at(2) } else { at(1) };
            !SUBJECTLESS_PREPS.contains(&prep)
        });
        if let Some(k) = joined.filter(|_| cx.before.iter().any(|&k| actors[k].end > and || prepositional(k))) {
            return Some((k, "subject of the verb before 'and'", 0.8));
        }
    }
    // "five kidnapped workers", "wounded soldiers": a participle before an actor describes it
    // (it is what was done to them), it does not say what they did
    let numeral = |w: &str| w.chars().all(|c| c.is_ascii_digit() || c == ',') || NUMBER_WORDS.contains(&w);
    let attributive = trig.start == 0 || { let w = toks[trig.start - 1].norm.as_str(); DETERMINERS.contains(&w) || numeral(w) };
    if attributive && toks[trig.start].norm.ends_with("ed") && trig.end == trig.start + 1 && !Grammar::has(&cx.lex.grammar.report, &toks[trig.start].norm) {
        return None;
    }
    // "they would blockade Paris": with a pronoun subject, the actor after the verb is its object
    let pronoun_subject = (trig.start.saturating_sub(4)..trig.start).any(|k| PRONOUNS.contains(&toks[k].norm.as_str()));
    // "arrived in Cairo", "trip to Baghdad": after the trigger's own preposition is its object
    let own_prep = trig.end - trig.start > 1 && matches!(toks[trig.end - 1].norm.as_str(), "in" | "to" | "into" | "with" | "from" | "for" | "on" | "at");
    if pronoun_subject || own_prep {
        return None;
    }
    // (not after a word that opens a phrase of time: "attack since Israeli pullout")
    let k = cx.after.iter().copied().find(|&k| actors[k].start - trig.end <= 1 && !crosses_clause(cx.lex, toks, trig.end, actors[k].start))?;
    Some((k, "actor right after the verb", 0.7))
}

/// English pronoun subjects ("… announced that he will …", "it is prepared to …") stand for
/// the sentence's earlier subject: the nearest named actor before the pronoun.
pub(crate) fn pronoun_antecedent(cx: &Around) -> Option<usize> {
    let (toks, actors, trig) = (cx.toks, cx.actors, cx.trig);
    let k = (trig.start.saturating_sub(4)..trig.start).rev().find(|&k| PRONOUNS.contains(&toks[k].norm.as_str()))?;
    let named = |a: usize| actors[a].end <= k && !cx.is_target_prep(a);
    cx.before
        .iter()
        .copied()
        .find(|&a| named(a) && (actors[a].country.is_some() || actors[a].kind != "role"))
        .or_else(|| cx.before.iter().copied().find(|&a| named(a)))
}
