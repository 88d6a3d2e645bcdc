//! Triggers: where a pattern's words stand in a sentence, and whether they report the sentence's
//! own event there — not subordinate, not demanded, not talk about such events (`anchored_roots`).
//! The checks of one language live in [`crate::arabic`] and [`crate::english`].

use khabar_lexicon::{Grammar, Lexicon, Pattern};
use khabar_text::Token;

use crate::arabic::{arabic_trigger_ok, AR_SUFFIXES};
use crate::english::{self, english_asked_for, english_noun_use, english_passive};
use crate::mentions::ActorSpan;

/// A trigger that passed its pattern's conditions.
pub(crate) struct Trigger<'a> {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) pattern: &'a Pattern,
    /// Proclitics on the trigger word (Arabic), e.g. "وس".
    pub(crate) prefix: String,
    /// The trigger is passive (by the pattern, or "was attacked"): its subject is the target.
    pub(crate) passive: bool,
    /// The trigger is used as a noun: a noun pattern, or an English verb's base form after a
    /// determiner or possessive ("a U.S. request", "the attack", "Iran's threat").
    pub(crate) noun: bool,
    /// Why the sentence reports no occasion of the trigger's (violent or protest) event, if it
    /// does not: a verb so placed still reports one when it names who did it to whom.
    pub(crate) unanchored: Option<&'static str>,
    /// A verbal noun right after a verb of occurring ("وقع انفجار"): a report even with no one
    /// named behind it.
    pub(crate) occurred: bool,
    /// An Arabic noun of force after ب naming what the casualties counted before it died by
    /// ("مقتل ثلاثة بقصف قوات النظام"): its genitive is its doer.
    pub(crate) by_which: bool,
}

/// An English month whose name is also a verb ("March", "May"): written with a capital inside the
/// sentence and next to a day or year, or after a preposition of time ("in March", "last May").
fn english_month(sentence: &str, toks: &[Token], i: usize) -> bool {
    let t = &toks[i];
    if !matches!(t.norm.as_str(), "march" | "may") || i == 0 || !sentence[t.start..].starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    let number = |k: usize| toks.get(k).is_some_and(|t| t.norm.starts_with(|c: char| c.is_ascii_digit()));
    number(i + 1) || number(i - 1) || matches!(toks[i - 1].norm.as_str(), "in" | "on" | "since" | "until" | "by" | "from" | "of" | "last" | "next" | "early" | "late" | "mid" | "during" | "through" | "before" | "after")
}

pub(crate) fn find_triggers<'a>(lex: &'a Lexicon, sentence: &str, toks: &[Token], actors: &[ActorSpan], headline: bool, notes: &mut Vec<String>) -> Vec<Trigger<'a>> {
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
        // "March 29", "in May": a month, not the verb spelt like it
        if lex.lang == "en" && english_month(sentence, toks, i) {
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
            if lex.lang == "ar" && !arabic_trigger_ok(lex, prefix, p, toks, i) {
                notes.push(format!("trigger '{}' ({}): a noun in a prepositional phrase or with the article, not an event", toks[i].norm, p.origin));
                continue;
            }
            let after = &toks[m.end..(m.end + p.window).min(toks.len())];
            let in_window = |window: &[Token], keys: &std::collections::HashSet<String>| in_words(lex, window, keys);
            let has = |keys: &std::collections::HashSet<String>| in_window(after, keys);
            let before = &toks[i.saturating_sub(p.requires_before)..i];
            let has_before = || in_window(before, &p.requires_keys);
            if !p.requires.is_empty() && !has(&p.requires_keys) && !has_before() {
                rejected += 1;
                if rejected == 1 {
                    notes.push(format!("trigger '{}' ({}): no required object within {} words", toks[i].norm, p.origin, p.window));
                }
                continue;
            }
            // (an excluding word may qualify the required one at the window's end: "شن …
            // هجوما عنيفا" — two words more are read for it)
            let excluded_window = &toks[m.end..(m.end + p.window + 2).min(toks.len())];
            if !p.excludes.is_empty() && in_window(excluded_window, &p.excludes_keys) {
                notes.push(format!("trigger '{}' ({}): excluded by a following word", toks[i].norm, p.origin));
                continue;
            }
            // (an Arabic verb form after ب naming the act by which casualties died is its noun:
            // "مقتل ثلاثة لاجئين بقصف قوات النظام" — the doer is its genitive)
            let by_which = lex.lang == "ar" && prefix.trim_start_matches(['و', 'ف']).starts_with('ب') && matches!(&p.cameo[..2], "18" | "19" | "20") && counts_casualties(lex, &toks[i.saturating_sub(5)..i]);
            let noun = p.noun || by_which || (lex.lang == "en" && english_noun_use(toks, i, actors));
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
            // (English puts the verb after its noun: "protests broke out", "talks were held")
            let occurred = noun
                && if lex.lang == "ar" {
                    i > 0 && khabar_text::strip_arabic_prefixes(&toks[i - 1].norm).iter().take(2).any(|w| Grammar::has(&lex.grammar.occurrence_verbs, w))
                } else {
                    english::occurs_after(lex, toks, m.end)
                };
            // (a headline reports what it names, unless it asks: "مظاهرات في صنعاء لإطلاق سراح
            // المختطفين")
            let unanchored = unanchored(lex, sentence, toks, p, &anchor_memo).filter(|w| !occurred && (!headline || *w == HYPOTHETICAL));
            // a verb is judged once its actors are known (see `code_sentence`); a noun now
            if let Some(why) = unanchored.filter(|w| noun || *w == HYPOTHETICAL) {
                notes.push(format!("trigger '{}' ({}): {why}: talk about such events, not a report of one", toks[i].norm, p.origin));
                break;
            }
            // (unless a relative clause after it names who does it: "الغارات التي يشنها الجيش التركي")
            let doer_named = toks.get(m.end).is_some_and(|t| matches!(t.norm.as_str(), "التي" | "الذي")) && actors.iter().any(|a| a.start == m.end + 2) && toks.get(m.end + 1).is_some_and(|t| Grammar::has(&lex.grammar.agent_preps, &t.norm));
            if noun && !occurred && !doer_named && lex.lang == "ar" && anchored_root(lex, p) && prefix.ends_with("ال") && !actors.iter().any(|a| a.start == m.end) {
                notes.push(format!("trigger '{}' ({}): a definite verbal noun with no actor after it refers back to an event already told", toks[i].norm, p.origin));
                break;
            }
            if noun && !occurred && (!eventive(lex, toks, actors, i, m.end) || (anchored_root(lex, p) && !own_actor(actors, i, m.end) && !counts_casualties(lex, toks))) {
                notes.push(format!("trigger '{}' ({}): a noun with no actor, time, number or casualty word of its own: a mention, not a report", toks[i].norm, p.origin));
                break;
            }
            // "تم قتل خمسة من مسلحي الشباب": a verbal noun after a passive auxiliary (تم، جرى) is
            // done to the actor after it, by no one named but an agent
            // (a time word may stand between: "وتم أمس اعتقال")
            let auxiliary = |k: usize| Grammar::has(&lex.grammar.passive_auxiliaries, toks[k].norm.trim_start_matches(['و', 'ف']));
            let after_auxiliary = lex.lang == "ar" && i > 0 && (auxiliary(i - 1) || (i > 1 && auxiliary(i - 2) && (Grammar::has(&lex.grammar.time_nouns, &toks[i - 1].norm) || matches!(toks[i - 1].norm.as_str(), "اليوم" | "امس"))));
            let passive = p.passive || after_auxiliary || (lex.lang == "en" && !noun && english_passive(toks, i));
            out.push(Trigger { start: i, end: m.end, pattern: p, prefix: prefix.to_string(), passive, noun, unanchored, occurred, by_which });
            break;
        }
    }
    out
}

/// Is a word an anchor of an occasion: digits, or a time, number or casualty word (`eventive`)?
pub(crate) fn anchor_word(lex: &Lexicon, t: &Token) -> bool {
    let digits = t.norm.chars().filter(|c| c.is_ascii_digit()).count();
    // a count or a day of the month, not a year ("عام 2006" dates history, not an occasion)
    let year = digits == 4 && (t.norm.contains("19") || t.norm.contains("20"));
    (digits > 0 && !year)
        || khabar_text::strip_arabic_prefixes(&t.norm).iter().take(2).any(|w| Grammar::has(&lex.grammar.eventive, w))
}

/// Why a sentence asking or imagining reports no occasion, whoever it names.
const HYPOTHETICAL: &str = "a question or a counterfactual";

/// Is the pattern's event of one of the language's `anchored_roots` (violence, protest)?
pub(crate) fn anchored_root(lex: &Lexicon, p: &Pattern) -> bool {
    lex.grammar.anchored_roots.iter().any(|r| p.cameo.starts_with(r.as_str()))
}

/// For a pattern of one of the language's `anchored_roots` (violence, protest): why the sentence
/// does not report an occasion of it — it is a question or a counterfactual ("هل", "لو", "؟"),
/// or it has no time, number or casualty word at all. News of an attack or a march says when,
/// how many or with what toll; commentary, policy talk and history use the same words without.
pub(crate) fn unanchored(lex: &Lexicon, sentence: &str, toks: &[Token], p: &Pattern, memo: &std::cell::OnceCell<Option<&'static str>>) -> Option<&'static str> {
    if !anchored_root(lex, p) {
        return None;
    }
    // the answer is the sentence's, whatever the pattern: found once
    *memo.get_or_init(|| sentence_unanchored(lex, sentence, toks))
}

pub(crate) fn sentence_unanchored(lex: &Lexicon, sentence: &str, toks: &[Token]) -> Option<&'static str> {
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
pub(crate) fn counts_casualties(lex: &Lexicon, toks: &[Token]) -> bool {
    toks.iter().any(|t| khabar_text::strip_arabic_prefixes(&t.norm).iter().take(2).any(|w| Grammar::has(&lex.grammar.casualties, w)))
}

/// An actor right next to a verbal noun: its adjective or genitive ("الغارات الإسرائيلية"), or
/// the word before it.
pub(crate) fn own_actor(actors: &[ActorSpan], start: usize, end: usize) -> bool {
    actors.iter().any(|a| (a.start >= end && a.start <= end + 1) || (a.end <= start && a.end + 1 >= start))
}

/// Does a verbal noun read as a report of an occasion — an actor right next to it ("الغارات
/// الإسرائيلية", "Israeli air strikes"), or a time, number or casualty word in the sentence?
pub(crate) fn eventive(lex: &Lexicon, toks: &[Token], actors: &[ActorSpan], start: usize, end: usize) -> bool {
    // "staged demonstrations", "held a general strike": a light verb gives the noun its occasion
    let light = toks[start.saturating_sub(3)..start].iter().any(|t| Grammar::has(&lex.grammar.light_verbs, &t.norm));
    light || own_actor(actors, start, end) || toks.iter().any(|t| anchor_word(lex, t))
}

/// Is the trigger at `i` in a subordinate place — after a subordinator ("if", "which", "بعد"),
/// a verbal noun governed by another word ("condemned the attack", "محاولة اغتيال"), or the
/// complement of an earlier trigger ("threatened to launch an offensive")? Coders of CAMEO data
/// code a sentence's own event, not everything it mentions.
pub(crate) fn subordinate(lex: &Lexicon, sentence: &str, toks: &[Token], i: usize, noun: bool, earlier: &[Trigger]) -> Option<String> {
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
    // a fronted subordinate phrase ends at its comma: "A few hours after its ruling, Sudan
    // revoked …", "During the rally, …" (a comma later in the sentence may only close an aside:
    // "… Susangerd where, it said, 100 people were killed")
    let is_subordinator = |t: &Token| forms(t).iter().any(|w| Grammar::has(&g.subordinators, w));
    let first_comma = (0..i).find(|&j| sentence.get(toks[j].end..toks[j + 1].start).is_some_and(|gap| gap.contains([',', '،', ';'])));
    let fronted_end = first_comma.filter(|&c| toks[..=c.min(4)].iter().any(is_subordinator));
    let from = fronted_end.map_or(from, |c| from.max(c + 1));
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
    // unless a verb of accomplishing governs it: "نجح الجيش في قتل …" reports the killing (its
    // subject may stand between: "تمكنت الشرطة الأردنية من ضبط …")
    let accomplished = i > 1 && toks[(i - 1).saturating_sub(4)..i - 1].iter().any(|t| forms(t).iter().any(|w| Grammar::has(&g.accomplish, w)));
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
            // (but force named after "in" / "during" a killing is what killed them: "75 were
            // killed in fighting between …", as «قتل خمسة في اشتباكات» is in Arabic)
            let cause = noun && matches!(&a.pattern.cameo[..2], "18" | "19" | "20") && gap.last().is_some_and(|t| matches!(t.norm.as_str(), "in" | "during" | "amid"));
            !cause && ((gap.len() <= 6 && gap.iter().any(|t| t.norm == "to")) || (noun && gap.len() <= 4) || gap.len() <= 1)
        } else {
            noun && gap.len() <= 2
        };
        // a noun of another kind of event that is the object the earlier pattern requires
        // ("اقترحت على باكستان عقد اجتماع": a meeting proposed, not held) is part of that event;
        // one of the same kind is folded into it later, adding what it names (`drop_subsumed`)
        let required = noun && i < a.end + a.pattern.window && in_words(lex, std::slice::from_ref(&toks[i]), &a.pattern.requires_keys) && !same_root(lex, a.pattern, i, toks);
        let complement = complement || required;
        if complement {
            return Some(format!("the complement of '{}' ({})", toks[a.start].norm, a.pattern.origin));
        }
    }
    None
}

/// Does one of a pattern's `requires` or `excludes` words (as match keys, `Pattern::requires_keys`)
/// stand in `window`? Each token's forms are looked up: an Arabic token under its clitics, with an
/// attached pronoun off (and a ت before it read as ة: "اتفاقيته" is "اتفاقية"); an English one
/// with a plural or possessive s off.
fn in_words(lex: &Lexicon, window: &[Token], keys: &std::collections::HashSet<String>) -> bool {
    if keys.is_empty() {
        return false;
    }
    if lex.lang != "ar" {
        return window.iter().any(|t| {
            let n = t.norm.as_str();
            keys.contains(n) || n.strip_suffix('s').is_some_and(|w| keys.contains(w)) || n.strip_suffix("'s").is_some_and(|w| keys.contains(w))
        });
    }
    let mut buf = String::new();
    window.iter().any(|t| {
        khabar_text::strip_arabic_prefixes(&t.norm).iter().any(|c| {
            AR_SUFFIXES.iter().any(|suf| {
                c.strip_suffix(suf).is_some_and(|stem| {
                    keys.contains(stem)
                        || stem.strip_suffix('ت').is_some_and(|s| {
                            buf.clear();
                            buf.push_str(s);
                            buf.push('ه');
                            keys.contains(buf.as_str())
                        })
                })
            })
        })
    })
}

/// Is a pattern whose trigger stands at `i` of the same CAMEO root as `p`?
fn same_root(lex: &Lexicon, p: &Pattern, i: usize, toks: &[Token]) -> bool {
    lex.triggers.all_at(toks, i).iter().any(|m| lex.patterns[*m.value].cameo[..2] == p.cameo[..2])
}
