//! Source and target of a trigger: which actor around it did what to whom, by the language's
//! word order ([`crate::arabic`], [`crate::english`]) and the prepositions before the actors.
//! A pattern may name other phrases as its source and target (`source`/`target` in
//! `verbs.toml`, [`declared_roles`]): the file says who acts, the code only finds the phrases.

use khabar_lexicon::{Arg, Grammar, Lexicon};
use khabar_text::Token;

use crate::english::english_object_compound;
use crate::{arabic, english};
use crate::mentions::ActorSpan;
use crate::triggers::Trigger;

/// Source/target pairs for one trigger, and why.
pub(crate) struct Roles<'a> {
    pub(crate) pairs: Vec<(Option<&'a ActorSpan>, Option<&'a ActorSpan>)>,
    pub(crate) why: &'static str,
    pub(crate) target_why: &'static str,
    pub(crate) certainty: f32,
}

/// The compound an actor heads: it and the coordinated actors after it.
pub(crate) fn compound(actors: &[ActorSpan], head: usize) -> Vec<usize> {
    let mut out = vec![head];
    let mut k = head + 1;
    while k < actors.len() && actors[k].coordinated && actors[k].start <= actors[k - 1].end + 1 {
        out.push(k);
        k += 1;
    }
    out
}

/// The compound an actor belongs to, found from any member.
pub(crate) fn compound_of(actors: &[ActorSpan], member: usize) -> Vec<usize> {
    let mut head = member;
    while head > 0 && actors[head].coordinated && actors[head].start <= actors[head - 1].end + 1 {
        head -= 1;
    }
    compound(actors, head)
}

/// Are two mentions the same party? The same code, or the same country where one of them is the
/// bare country. Two parts of one country ("the PKK" and "the Turkish government", a parliament
/// and its president) are different parties: domestic events are events too. The bare country
/// is its state, so a rebel or opposition group of it is another party ("Turkey attacked PKK
/// camps").
pub(crate) fn same_actor(a: &ActorSpan, b: &ActorSpan) -> bool {
    let challenger = |x: &ActorSpan| x.roles.iter().any(|r| matches!(r.as_str(), "REB" | "OPP" | "SEP" | "INS" | "IMG"));
    a.code() == b.code() || (a.country.is_some() && a.country == b.country && (a.roles.is_empty() || b.roles.is_empty()) && !challenger(a) && !challenger(b))
}

/// Words between two token positions that end a clause: a verb of saying, "that", a full stop.
pub(crate) fn crosses_clause(lex: &Lexicon, toks: &[Token], from: usize, to: usize) -> bool {
    toks[from.min(to)..from.max(to)].iter().any(|t| {
        let n = t.norm.as_str();
        Grammar::has(&lex.grammar.report, n)
            || Grammar::has(&lex.grammar.report, khabar_text::strip_arabic_prefixes(n).get(1).copied().unwrap_or(""))
            || matches!(n, "ان" | "that" | "which" | "who" | "while" | "when" | "since" | "but" | "after" | "before" | "because" | "لكن" | "بينما" | "بعد" | "حيث" | "اذ" | "حين" | "حينما" | "عندما" | "لان" | "كما" | "الذي" | "التي" | "الذين")
    })
}

/// Conjunctions and prepositions that, after a comma, open a phrase of their own.
const PHRASE_OPENERS: &[&str] = &["and", "but", "in", "on", "during", "while", "after", "في", "خلال", "من", "على", "بعد", "قبل", "عند", "اثناء"];

/// Words that may stand between "في" / "in" and the place it names: a part of a country or a
/// kind of place ("في شمال العراق", "في إحدى ضواحي القاهرة", "in the city of Basra").
const PLACE_WORDS: &[&str] = &[
    "شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي", "مدينه", "محافظه", "منطقه", "ضواحي",
    "احدي", "ولايه", "اقليم", "العاصمه", "بلده", "قريه", "مخيم", "حي", "the", "city", "town", "capital", "province",
    "region", "village", "of", "northern", "southern", "eastern", "western", "central",
];

/// Does the actor starting at token `start` name where something happens rather than a party
/// to it? It does after "في" / "in" ("in Gaza"), after a place word of its own ("في شمال
/// العراق", "in the city of Basra"), and as the country set after a city ("in The Hague,
/// Netherlands").
pub(crate) fn is_locative(sentence: &str, toks: &[Token], start: usize) -> bool {
    let at = |d: usize| if start >= d { toks[start - d].norm.as_str() } else { "" };
    let locative_prep = |w: &str| matches!(w, "في" | "in" | "inside" | "داخل");
    if locative_prep(at(1)) {
        return true;
    }
    // up to three place words between the preposition and the place
    if (1..=3).any(|n| (1..=n).all(|d| PLACE_WORDS.contains(&at(d))) && locative_prep(at(n + 1))) {
        return true;
    }
    // "in The Hague, Netherlands": a comma after a capitalised place name that "in" introduces
    if start == 0 || !sentence[toks[start - 1].end..toks[start].start].contains(',') {
        return false;
    }
    let capitalised = |i: usize| sentence[toks[i].start..].chars().next().is_some_and(char::is_uppercase);
    (2..=4).any(|d| start >= d && at(d) == "in" && (1..d).all(|e| capitalised(start - e)) && (1..d - 1).all(|e| !sentence[toks[start - e - 1].end..toks[start - e].start].contains(',')))
}

/// The actors around one trigger, as the role rules of both languages see them.
pub(crate) struct Around<'c> {
    pub(crate) lex: &'c Lexicon,
    pub(crate) sentence: &'c str,
    pub(crate) toks: &'c [Token],
    pub(crate) actors: &'c [ActorSpan],
    pub(crate) trig: &'c Trigger<'c>,
    /// Actors before the trigger, nearest first; not those after "في" / "in" (places).
    pub(crate) before: Vec<usize>,
    /// Actors after the trigger, nearest first; not places.
    pub(crate) after: Vec<usize>,
}

impl Around<'_> {
    /// Does a target preposition introduce actor `k` ("against", "على", Arabic ل- or, for a
    /// noun, ب-)?
    pub(crate) fn is_target_prep(&self, k: usize) -> bool {
        let a = &self.actors[k];
        let prev = if a.start > 0 { self.toks[a.start - 1].norm.as_str() } else { "" };
        Grammar::has(&self.lex.grammar.target_preps, prev)
            || (self.lex.lang == "ar" && (arabic::target_prefix(a, self.trig.noun) || arabic::adjective_of_target(self.lex, self.toks, self.actors, k)))
    }

    /// Does an agent preposition ("by", "على يد") introduce actor `k`?
    pub(crate) fn is_agent_prep(&self, k: usize) -> bool {
        let (actors, toks) = (self.actors, self.toks);
        let a = &actors[k];
        // English puts an article between the preposition and the agent ("by the army")
        let article = self.lex.lang != "ar" && a.start > 1 && matches!(toks[a.start - 1].norm.as_str(), "the" | "a" | "an");
        let prep = if article { a.start - 2 } else { a.start.wrapping_sub(1) };
        a.start > 0 && Grammar::has(&self.lex.grammar.agent_preps, &toks[prep].norm)
    }

    /// Does one of `words` introduce actor `k` after the trigger, in its clause: right before it
    /// or up to two words before it, a title or an article the dictionaries may not know ("from
    /// the king", "من العاهل الأردني"); or is it an Arabic one-letter preposition on the actor
    /// ("بنظيره")?
    pub(crate) fn after_prep(&self, k: usize, words: &[String]) -> bool {
        let (toks, a, trig) = (self.toks, &self.actors[k], self.trig);
        if a.start < trig.end || a.start >= trig.end + 12 || crosses_clause(self.lex, toks, trig.end, a.start) {
            return false;
        }
        let word = (a.start.saturating_sub(3).max(trig.end)..a.start).any(|i| words.iter().any(|w| *w == toks[i].norm));
        let clitic = self.lex.lang == "ar" && words.iter().any(|w| w.chars().count() == 1 && a.prefix.trim_start_matches(['و', 'ف']).starts_with(w.as_str()));
        word || clitic
    }

    /// Is there a clause boundary between actor `k` (before the trigger) and the trigger?
    pub(crate) fn clause_before(&self, k: usize) -> bool {
        crosses_clause(self.lex, self.toks, self.actors[k].end, self.trig.start)
    }
}

/// English passive verbs whose agent caused or judged an event rather than did it ("the protest
/// was prompted by the killing", "the raid was condemned by the UN").
const CAUSED_BY: &[&str] = &["prompted", "caused", "triggered", "sparked", "provoked", "fuelled", "fueled", "motivated", "condemned", "criticised", "criticized", "denounced", "welcomed", "reported", "blamed"];

pub(crate) fn assign_roles<'a>(lex: &Lexicon, sentence: &str, toks: &[Token], actors: &'a [ActorSpan], trig: &Trigger) -> Option<Roles<'a>> {
    let p = trig.pattern;
    let ar = lex.lang == "ar";
    // actors before and after the trigger, nearest first
    let before: Vec<usize> = (0..actors.len()).rev().filter(|&k| actors[k].end <= trig.start).collect();
    let after: Vec<usize> = (0..actors.len()).filter(|&k| actors[k].start >= trig.end).collect();
    // (not the trigger's own "in": "arrived in Baghdad" names where the visit went)
    // ("arrived in the United States": the article does not take the place from the trigger)
    let own_place = |k: usize| actors[k].start == trig.end || (actors[k].start == trig.end + 1 && toks[trig.end].norm == "the");
    let locative: Vec<bool> = (0..actors.len()).map(|k| !own_place(k) && is_locative(sentence, toks, actors[k].start)).collect();
    let before: Vec<usize> = before.into_iter().filter(|&k| !locative[k]).collect();
    let after_all = after.clone();
    let after: Vec<usize> = after.into_iter().filter(|&k| !locative[k]).collect();
    let overlapping: Option<usize> = (0..actors.len()).find(|&k| actors[k].start < trig.end && actors[k].end > trig.start);
    let cx = Around { lex, sentence, toks, actors, trig, before, after };
    let (before, after) = (&cx.before, &cx.after);
    let is_target_prep = |k: usize| cx.is_target_prep(k);
    let is_agent_prep = |k: usize| cx.is_agent_prep(k);

    // "اشتباكات بين الجيش والمتمردين", "clashes between police and protesters": the parties
    // after "between" act on each other
    // ("معارك دارت أمس بين …": a few words may come between the noun and "بين")
    // (or end the pattern's own words: "fighting between")
    let between = (trig.end - 1..(trig.end + 4).min(toks.len())).find(|&k| matches!(toks[k].norm.as_str(), "بين" | "between"));
    if let Some(b) = between.filter(|_| trig.noun && p.symmetric) {
        if let Some(&first) = after.first().filter(|&&k| actors[k].start == b + 1) {
            let mut members = compound(actors, first);
            // (the first party may carry a modifier before «و»: "القوات الموالية للحكومة
            // والمتمردين", "forces loyal to the president and the rebels")
            if members.len() == 1 {
                members.extend((first + 1..actors.len()).find(|&k| actors[k].coordinated && actors[k].start <= actors[first].end + 4));
            }
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
        (source, why) = if ar { (arabic::noun_actor(&cx), "adjective or genitive after the noun") } else { (english::noun_actor(&cx), "modifier before the noun") };
        if source.is_none() {
            if let Some(k) = overlapping {
                source = Some(k);
                why = "the noun names its actor";
            }
        }
        if source.is_none() && !ar {
            if let Some(k) = english::instrument_subject(&cx) {
                (source, why, certainty) = (Some(k), "subject of the clause whose means the noun after 'with' is", 0.8);
            }
        }
        if source.is_none() {
            // (not across a comma that opens another phrase: "… in the war on ISIS, and on a visit
            // to Erbil"; an apposition's comma is no such break: "a deputy, Ali Hassan, began a
            // hunger strike")
            let new_phrase = |k: usize| {
                (actors[k].end..trig.start + 1).any(|i| {
                    let w = toks[i].norm.as_str();
                    sentence[toks[i - 1].end..toks[i].start].contains([',', '،', ';'])
                        && (PHRASE_OPENERS.contains(&w) || w.strip_prefix('و').is_some_and(|r| PHRASE_OPENERS.contains(&r)))
                })
            };
            // (an Arabic bare role right before a definite verbal noun is the head of a construct,
            // "نظام العقوبات" the sanctions regime, not the one who acts)
            let construct_head = |k: usize| ar && actors[k].end == trig.start && actors[k].kind == "role" && actors[k].country.is_none() && trig.prefix.ends_with("ال");
            // (an Arabic noun of violence a preposition governs has no subject before it: "ضحايا
            // مدنيين في الغارات التي يشنها الجيش" — the civilians are the strikes' victims; those
            // "في مظاهرات" are the protesters)
            let violence = matches!(&trig.pattern.cameo[..2], "18" | "19" | "20");
            // (only the prepositions of circumstance: "تمكن المسلحون من استهداف" is their act)
            let governed = ar && violence && (trig.by_which || trig.start > 0 && matches!(toks[trig.start - 1].norm.as_str(), "في" | "خلال" | "جراء" | "اثر" | "بعد" | "عقب" | "اثناء"));
            source = before.iter().copied().filter(|_| !governed).find(|&k| trig.start - actors[k].end <= 4 && !crosses_clause(lex, toks, actors[k].end, trig.start) && !new_phrase(k) && !construct_head(k));
            why = "subject before the noun";
            certainty = 0.8;
        }
        if source.is_none() {
            // (not the agent of a passive verb of causing or judging after the noun: "the protest
            // was prompted by X" — X caused it; "aid was delivered by X" is X's aid)
            let caused = |k: usize| {
                let between = &toks[trig.end..actors[k].start];
                between.windows(2).any(|w| matches!(w[0].norm.as_str(), "was" | "were" | "is" | "are" | "been" | "being") && CAUSED_BY.contains(&w[1].norm.as_str()))
            };
            source = after.iter().copied().find(|&k| is_agent_prep(k) && !caused(k));
            why = "agent after the noun";
        }
    } else {
        let found = if ar { arabic::verb_subject(&cx) } else { english::verb_subject(&cx) };
        if let Some((k, w, c)) = found {
            (source, why, certainty) = (Some(k), w, c);
        }
    }
    if source.is_none() && !ar && !trig.passive {
        if let Some(k) = english::pronoun_antecedent(&cx) {
            (source, why, certainty) = (Some(k), "the actor a pronoun before the verb stands for", 0.7);
        }
    }
    // a pattern may declare which phrase is which ("received a call from X": X is the source);
    // a passive trigger keeps the passive's own reading
    let declared = !trig.passive && (p.source != Arg::Subject || p.target != Arg::Object);
    let Some(source) = source else {
        return if declared { declared_roles(&cx, actors, &[], None, why, certainty) } else { None };
    };
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
            // (English: force done to a role named right after the verb, "raided insurgent camps")
            // (an aid agency, a militia, a company: whole actors with no country to name)
            && (a.country.is_some() || a.kind != "role" || a.roles.iter().any(|r| crate::document::STATELESS.contains(&r.as_str())) || is_target_prep(k) || (ar && forceful && a.start <= after_source + 3) || (!ar && forceful && a.start == trig.end))
            // "…, a Jordanian official confirmed": the speaker of a trailing report is no object
            && (ar || !toks.get(a.end).is_some_and(|t| english::reports_after_actor(lex, &t.norm)))
    };
    // an actor joined by و / "and" with a verb of its own right after it opens another clause
    // ("الشرطة الإسرائيلية تقتحم المسجد الأقصى والجامعة العربية تدين الاقتحام", "… raided the
    // mosque and the Arab League condemned …"): its subject, not this verb's object
    let opens_clause = |k: usize| {
        let a = &actors[k];
        let joined = if ar { a.prefix.starts_with('و') } else { a.start >= 2 && (toks[a.start - 1].norm == "and" || toks[a.start - 2].norm == "and" && toks[a.start - 1].norm == "the") };
        joined && a.start > trig.end && lex.triggers.all_at(toks, a.end).iter().any(|m| !lex.patterns[*m.value].noun)
    };
    let mut target = after.iter().copied().find(|&k| eligible(k, &actors[k]) && !opens_clause(k));
    // a compound that does a symmetric act does it to each other: an actor later in the clause
    // is what the agreement is about ("وقعت الولايات المتحدة وتركيا اتفاقا لتدريب معارضين
    // سوريين"), unless "with" / «مع» introduces it
    if p.symmetric && sources.len() > 1 && target.is_some_and(|k| !is_target_prep(k) || !matches!(toks[actors[k].start.saturating_sub(1)].norm.as_str(), "مع" | "with")) {
        target = None;
    }
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
            if let Some(k) = arabic::passive_subject(&cx, &sources) {
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
    if declared {
        let r = declared_roles(&cx, actors, &sources, target, why, certainty);
        // "Bush and Blair discussed Iraq": no one after 'with', the compound does it with each other
        let compound_alone = p.symmetric && sources.len() > 1 && p.source == Arg::Subject && r.as_ref().is_none_or(|r| r.pairs.iter().all(|(_, t)| t.is_none()));
        if !compound_alone {
            return r;
        }
        target = None;
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

/// Roles a pattern declares (`source`, `target` in `verbs.toml`, see [`Arg`]), filled from the
/// subject and object the word-order rules found and the phrases after the trigger. Nothing as
/// the source gives no source (the event stands with its target); nothing at all, no roles.
fn declared_roles<'a>(cx: &Around, actors: &'a [ActorSpan], subject: &[usize], object: Option<usize>, subject_why: &'static str, certainty: f32) -> Option<Roles<'a>> {
    let p = cx.trig.pattern;
    let fill = |arg: &Arg| -> Vec<usize> {
        match arg {
            Arg::Subject => subject.to_vec(),
            Arg::Object => match object {
                Some(t) if cx.lex.lang == "ar" => vec![t],
                Some(t) => english_object_compound(cx.lex, cx.toks, actors, t, subject),
                None => vec![],
            },
            Arg::Agent => cx.after.iter().copied().find(|&k| cx.is_agent_prep(k)).map(|k| compound_of(actors, k)).unwrap_or_default(),
            Arg::Prep(words) => cx.after.iter().copied().find(|&k| cx.after_prep(k, words)).map(|k| compound_of(actors, k)).unwrap_or_default(),
        }
    };
    let whys = |arg: &Arg, target: bool| match arg {
        Arg::Subject if target => "the subject, which the pattern names as its target",
        Arg::Subject => subject_why,
        Arg::Object => "object after the verb",
        Arg::Agent => "the agent, which the pattern names",
        Arg::Prep(_) => "after a preposition the pattern names",
    };
    let (sources, targets) = (fill(&p.source), fill(&p.target));
    let mut pairs = Vec::new();
    for &s in &sources {
        let mine: Vec<usize> = targets.iter().copied().filter(|&t| t != s && !same_actor(&actors[s], &actors[t])).collect();
        if mine.is_empty() {
            pairs.push((Some(&actors[s]), None));
        }
        pairs.extend(mine.into_iter().map(|t| (Some(&actors[s]), Some(&actors[t]))));
    }
    if sources.is_empty() {
        pairs.extend(targets.iter().map(|&t| (None, Some(&actors[t]))));
    }
    if pairs.is_empty() {
        return None;
    }
    let why = if sources.is_empty() { "not named: the pattern's source is not in the sentence" } else { whys(&p.source, false) };
    Some(Roles { pairs, why, target_why: whys(&p.target, true), certainty })
}
