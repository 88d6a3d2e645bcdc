//! Arabic clause rules: the word-order, clitic and tense facts of Arabic that the shared
//! trigger and role code consults when `lex.lang == "ar"`. Kept apart so that a reader of
//! Arabic finds them in one place, and the English rules do not run through them.

use khabar_lexicon::{Grammar, Lexicon, Pattern};
use khabar_text::Token;

use crate::mentions::ActorSpan;
use crate::roles::{same_actor, Around, Roles};
use crate::triggers::Trigger;

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

/// Arabic pronoun suffixes a noun may carry ("قدراتها", "قواته").
pub(crate) const AR_SUFFIXES: &[&str] = &["", "ه", "ها", "هم", "هما", "هن", "كم", "نا", "ي"];

/// An Arabic verb never takes the article, and a verbal noun after a preposition (لتعزيز،
/// بتوقيع) names a purpose or a topic, not an event, unless it follows "قام/قامت ب" (carried out).
pub(crate) fn arabic_trigger_ok(lex: &Lexicon, prefix: &str, p: &Pattern, toks: &[Token], i: usize) -> bool {
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
        // "مقتل ثلاثة لاجئين بقصف قوات النظام": an act of force by which the casualties counted
        // before it died
        if matches!(&p.cameo[..2], "18" | "19" | "20") && crate::triggers::counts_casualties(lex, &toks[i.saturating_sub(5)..i]) {
            return true;
        }
        // "قامت دبابة إسرائيلية بقصف": the doer may stand between the light verb and the noun
        return toks[i.saturating_sub(5)..i].iter().any(|t| khabar_text::strip_arabic_prefixes(&t.norm).iter().any(|w| w.starts_with("قام") || w.starts_with("قيام") || w.starts_with("يقوم") || w.starts_with("تقوم") || w.starts_with("ستقوم") || w.starts_with("سيقوم")));
    }
    !(prep.starts_with('ل') || prep.starts_with('ك') || prep.ends_with("ال"))
}

/// Is an Arabic trigger word (proclitics removed) a present-tense (imperfective) form of the
/// pattern's verb: "يقتل", or "تقتل" where the pattern also has "يقتل"? Form V past tenses
/// ("تعرض", "تظاهر") start with ت too, and have no ي twin.
pub(crate) fn arabic_present(p: &Pattern, word: &str) -> bool {
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

/// Is an Arabic word a negation particle, alone or after the conjunction و/ف ("ولم", "فلا")?
/// A preposition before it makes another word: "كما" (as, also), "بما" (including), "لما" (when).
pub(crate) fn arabic_negator(negation: &[String], word: &str) -> bool {
    Grammar::has(negation, word) || word.strip_prefix(['و', 'ف']).is_some_and(|w| Grammar::has(negation, w))
}

/// Does an actor's proclitic mark it as the one acted on: the preposition ل ("لل" with the
/// article, not the article ال itself), or ب after a verbal noun ("الضغط بإيران")?
pub(crate) fn target_prefix(a: &ActorSpan, noun: bool) -> bool {
    a.prefix.contains('ل') && !a.prefix.ends_with("ال") || a.prefix.ends_with("لل") || a.prefix.contains('ب') && noun
}

/// Is actor `k` a country adjective of a noun that a target preposition governs ("على الحدود
/// الباكستانية", "ضد المواقع الإسرائيلية")? Then it says whose the thing acted on is, and is
/// no more the doer than an actor right after the preposition would be.
pub(crate) fn adjective_of_target(lex: &Lexicon, toks: &[Token], actors: &[ActorSpan], k: usize) -> bool {
    let a = &actors[k];
    a.kind == "demonym"
        && a.start >= 2
        && a.end == a.start + 1
        && !a.prefix.trim_start_matches(['و', 'ف']).starts_with(['ب', 'ل', 'ك'])
        && !actors.iter().any(|b| b.end == a.start)
        && Grammar::has(&lex.grammar.target_preps, &toks[a.start - 2].norm)
}

/// The actor of an Arabic verbal noun: its adjective or genitive right after it. A conflict
/// noun's plain genitive is its victim ("اغتيال الحريري", "اعتقال الصحفيين"); only an adjective
/// ("الغارات الإسرائيلية") or an ل-phrase names who did it.
pub(crate) fn noun_actor(cx: &Around) -> Option<usize> {
    let (actors, trig) = (cx.actors, cx.trig);
    // a possessive pronoun on the noun is its doer ("زيارته السودان", his visit to Sudan): no
    // genitive can follow it, so an actor after it is what the act is done to
    if possessed_noun(trig, cx.toks) {
        return None;
    }
    let conflict = trig.pattern.cameo.as_str() >= "10";
    cx.after.iter().copied().find(|&k| {
        let a = &actors[k];
        // the preposition ل ("لل" with the article), not the article ال itself
        let agentive = !conflict || trig.by_which || (a.kind == "demonym" && a.origins.len() == 1) || a.prefix.ends_with('ل') && !a.prefix.ends_with("ال") || a.prefix.ends_with("لل");
        agentive && (a.start <= trig.end + 2 && !cx.is_target_prep(k) || a.start <= trig.end + 1 && a.prefix == "ل")
    })
}

/// The subject of an Arabic verb, why, and how sure: right before it (SVO), right after it
/// (VSO), else the nearest actor before it in the clause.
pub(crate) fn verb_subject(cx: &Around) -> Option<(usize, &'static str, f32)> {
    let (lex, sentence, toks, actors, trig) = (cx.lex, cx.sentence, cx.toks, cx.actors, cx.trig);
    let p = trig.pattern;
    // an actor set off from the verb by punctuation ("لندن ـ «الشرق الأوسط»: اغتال …", "…، قتل")
    // is a dateline, a headline or another clause, not the verb's subject
    // (a bracket closing a gloss opened inside the actor is the actor's: "وزير الخارجية (الروسي) وجه")
    let punct_between = |k: usize| {
        let gap = &sentence[toks[actors[k].end - 1].end..toks[trig.start].start];
        let own = &sentence[toks[actors[k].start].start..toks[actors[k].end - 1].end];
        // (a name in quotes closes its own quote: "«داعش» يختطف")
        let opened = sentence[..toks[actors[k].start].start].trim_end().chars().last();
        let closes_own = |c: char| {
            (c == ')' && (own.contains('(') || opened == Some('('))) || (c == '»' && (own.contains('«') || opened == Some('«'))) || (matches!(c, '"' | '”') && matches!(opened, Some('"' | '“')))
        };
        gap.chars().any(|c| matches!(c, ':' | '،' | ',' | '«' | '»' | '(' | ')' | '"' | '-' | 'ـ' | '–' | '*') && !closes_own(c))
    };
    // "إن مشعل بحث …", "أن المذكرة طالبت …": the noun after إن / أن is the subject of the verb
    // after it; when the dictionaries do not know it, the subject is not named — neither the
    // speaker before إن nor the object after the verb
    if trig.start >= 2 && !trig.prefix.starts_with(['و', 'ف']) && matches!(toks[trig.start - 2].norm.as_str(), "ان" | "وان" | "بان" | "لان")
        && !actors.iter().any(|a| a.start < trig.start && a.end >= trig.start)
        && !toks[trig.start - 1].norm.chars().any(|c| c.is_ascii_digit())
        && !Grammar::has(&lex.grammar.negation, &toks[trig.start - 1].norm)
        && !Grammar::has(&lex.grammar.future, &toks[trig.start - 1].norm)
        && toks[trig.start - 1].norm != "قد"
    {
        // … unless the noun carries a possessive pronoun: "قال الجيش إن طائراته قصفت" — its
        // aircraft are the army's, the actor the pronoun stands for, named before إن
        let noun = toks[trig.start - 1].norm.as_str();
        let possessed = !noun.starts_with("ال") && noun.chars().count() >= 4 && ["اته", "ها", "هم", "هما"].iter().any(|s| noun.ends_with(s));
        if possessed {
            if let Some(k) = cx.before.iter().copied().find(|&k| actors[k].end < trig.start - 1 && !cx.is_target_prep(k) && !crosses_clause_before(lex, toks, actors[k].end, trig.start - 2)) {
                return Some((k, "the actor the subject's possessive pronoun stands for", 0.8));
            }
        }
        return None;
    }
    // a verb joined by و to the clause's first verb shares its subject: "روسيا تنفذ عملية في
    // القوقاز وتقتل 8 من داعش" — the sentence opens with the subject, no actor stands between
    // (a definite actor right after the verb is its own subject, VSO: "… وقتل الجيش السوري …")
    let own_subject = actors.iter().any(|a| a.start == trig.end && toks[a.start].norm.starts_with("ال"));
    if trig.prefix.starts_with('و') && !own_subject && cx.before.contains(&0) && actors[0].start == 0 && !punct_between(0) {
        let between = actors.iter().any(|a| a.start >= actors[0].end && a.end <= trig.start);
        if !between && !crosses_clause_before(lex, toks, actors[0].end, trig.start) {
            return Some((0, "the subject of the clause's first verb, which the verb joined by و shares", 0.9));
        }
    }
    // a clause word between ("… في شمال العراق حيث طالبت أنقرة") starts the verb's own clause
    let clause_word = |k: usize| toks[actors[k].end..trig.start].iter().any(|t| matches!(t.norm.as_str(), "حيث" | "بينما" | "لكن" | "اذ" | "لان" | "كما" | "ان"));
    // «… وهو ما رفضته طهران»: after «ما» of "what" the subject follows the verb; what stands
    // before is what was done
    let what_relative = trig.start >= 2 && toks[trig.start - 1].norm == "ما" && matches!(toks[trig.start - 2].norm.as_str(), "وهو" | "وهي" | "هو" | "هي" | "وهذا" | "هذا" | "وذلك" | "ذلك");
    let close_before = cx.before.first().copied().filter(|&k| !what_relative && trig.start - actors[k].end <= 2 && !cx.is_target_prep(k) && !punct_between(k) && !clause_word(k));
    // "مقاتلات التحالف المشترك بقيادة السعودية شنت": the one led («بقيادة»، «برئاسة») acts, not
    // its leader named after it
    let close_before = close_before.map(|k| led_by(toks, actors, k, cx.before.get(1).copied()).unwrap_or(k));
    // "يهدد فيه بإعدام كرواتي": an actor after a noun with the preposition ب or ل is that noun's
    // genitive, not the verb's subject (a pronoun with a preposition, "فيه", "لها", may stand
    // before a subject; a delegation's or a force's leader is named after "برئاسة", "بقيادة")
    let governed = |k: usize| {
        toks[trig.end..actors[k].start].iter().any(|t| {
            let w = t.norm.trim_start_matches(['و', 'ف']);
            let noun = w.strip_prefix(['ب', 'ل']).is_some_and(|n| n.starts_with("ال") || n.chars().count() >= 4);
            noun && !matches!(w, "برئاسه" | "بقياده" | "بزعامه") && !Grammar::has(&lex.grammar.agent_preps, &t.norm)
        })
    };
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
    // (under an object pronoun, «رفضته طهران», «خطفوه»: the ending is read before it)
    // (a past plural drops its alif there: خطفوا + ه = خطفوه; a present in و is singular, يدعوه)
    let past_plural_under_pronoun = |rest: &str| rest.ends_with('و') && !arabic_present(p, rest);
    let under_pronoun = OBJECT_PRONOUNS.iter().find_map(|suf| stem.strip_suffix(suf).filter(|rest| rest.chars().count() >= 3 && (rest.ends_with('ت') || past_plural_under_pronoun(rest))));
    let stem = under_pronoun.unwrap_or(stem);
    let plural_verb = stem.ends_with("وا") || under_pronoun.is_some_and(past_plural_under_pronoun) || (stem.ends_with("ون") && arabic_present(p, stem));
    // a verb agrees with a subject after it in gender: a country or a city is feminine (but for
    // the grammar's `masculine_names`: العراق، لبنان …), so after a verb not in the feminine
    // ("ودعا الهند إلى …": he called on India) it is the object, the subject unnamed
    let feminine_verb = if arabic_present(p, stem) { stem.starts_with('ت') } else { stem.ends_with('ت') };
    let disagrees = |k: usize| {
        let a = &actors[k];
        // (the country or city itself, not a title of it: "رئيس جنوب السودان" is a man)
        let place = (a.kind == "name" && a.roles.is_empty()) || (a.kind == "capital" && a.end - a.start == 1);
        let head = toks[a.start].norm.trim_start_matches(['و', 'ف', 'ب', 'ل']);
        place && !feminine_verb && !Grammar::has(&lex.grammar.masculine_names, head) && !Grammar::has(&lex.grammar.masculine_names, &toks[a.start].norm)
    };
    let close_after = cx.after.first().copied().filter(|&k| !plural_verb && !disagrees(k) && gap_after(k) <= 3 && !cx.is_target_prep(k) && !casualty_genitive(k) && !governed(k));
    // a clause that opens with an actor and its verb is SVO: "خادم الحرمين يستقبل وزير الخارجية
    // الفرنسي" (headlines are written so), the actor after the verb its object
    let opens_clause = |k: usize| actors[k].start == 0;
    if let Some(k) = close_before.filter(|&k| close_after.is_none() || toks[..trig.start].len() > 2 || opens_clause(k)) {
        Some((k, "subject before the verb (SVO)", 1.0))
    } else if let Some(k) = close_after {
        Some((k, "subject after the verb (VSO)", 1.0))
    } else {
        let k = cx.before.iter().copied().find(|&k| trig.start - actors[k].end <= 8 && !cx.is_target_prep(k) && !cx.clause_before(k))?;
        Some((k, "nearest actor before the verb", 0.8))
    }
}

/// Object pronouns a verb may carry, longest first.
const OBJECT_PRONOUNS: &[&str] = &["هما", "هم", "ها", "ه"];

/// Is there a clause boundary (a verb of saying, a subordinator) strictly between two token
/// positions, not counting the إن / أن at `to`?
fn crosses_clause_before(lex: &Lexicon, toks: &[Token], from: usize, to: usize) -> bool {
    from < to && toks[from..to].iter().any(|t| matches!(t.norm.as_str(), "ان" | "حيث" | "بينما" | "لكن" | "اذ" | "الذي" | "التي" | "الذين") || Grammar::has(&lex.grammar.report, &t.norm))
}

/// Arabic VSO: the subject of a passive verb stands right after it ("اغتيل القاضي على يد …").
pub(crate) fn passive_subject(cx: &Around, sources: &[usize]) -> Option<usize> {
    let trig = cx.trig;
    cx.after.iter().copied().find(|&k| cx.actors[k].start <= trig.end + 1 && !cx.is_agent_prep(k) && !sources.contains(&k))
}

/// An unvocalised past verb that is also its own passive (`passive_alone`: "قتل"), with no
/// object (an actor after 'برصاص' is its agent) and only victims beside it, or with the agent's
/// preposition right after it (see [`reads_as_victim`]), is read as the passive.
pub(crate) fn reads_as_passive(lex: &Lexicon, toks: &[Token], trig: &Trigger, r: &Roles) -> bool {
    let p = trig.pattern;
    p.passive_alone
        && !trig.noun
        && !trig.passive
        // an actor after 'برصاص' or 'على يد' is the passive's agent, not an object
        && r.pairs.iter().all(|(_, t)| t.is_none_or(|t| after_agent_prep(lex, toks, t)))
        && !arabic_present(p, &toks[trig.start].norm[trig.prefix.len()..])
        && (r.pairs.iter().all(|(s, _)| s.is_some_and(|s| reads_as_victim(lex, toks, trig, s)))
            // "… قتل برصاص جنود …", "قتل على يد …": the agent's preposition right after the verb
            || (trig.end..(trig.end + 2).min(toks.len())).any(|i| Grammar::has(&lex.grammar.agent_preps, &toks[i].norm)))
}

/// Does the actor stand right after an agent's preposition ('برصاص', 'على يد')?
fn after_agent_prep(lex: &Lexicon, toks: &[Token], a: &ActorSpan) -> bool {
    a.start > 0 && Grammar::has(&lex.grammar.agent_preps, &toks[a.start - 1].norm)
}

/// The passive reading: the lone actor is the victim; the agent, if any, is named after
/// 'برصاص' or 'على يد'.
pub(crate) fn passive_roles<'a>(lex: &Lexicon, toks: &[Token], actors: &'a [ActorSpan], r: &Roles<'a>) -> Roles<'a> {
    let victims: Vec<&ActorSpan> = r.pairs.iter().filter_map(|(s, _)| *s).collect();
    let agent = actors.iter().find(|a| after_agent_prep(lex, toks, a) && !victims.iter().any(|v| same_actor(a, v)));
    Roles {
        pairs: victims.into_iter().map(|v| (agent, Some(v))).collect(),
        why: if agent.is_some() { "the agent named after 'على يد' or 'برصاص'" } else { "not named: the verb read as its passive" },
        target_why: "the lone actor by an unvocalised verb is the one it was done to (passive reading)",
        certainty: 0.7,
    }
}

/// An Arabic verb joined by و or ف to an earlier one ("… والتقى الرئيس"): it may share that
/// verb's subject.
pub(crate) fn joined_verb(lex: &Lexicon, trig: &Trigger) -> bool {
    lex.lang == "ar" && !trig.noun && !trig.passive && trig.prefix.starts_with(['و', 'ف'])
}

/// The subject of an Arabic sentence's opening verb, whether or not a pattern knows the verb:
/// the actor right after the first word (VSO, "حرر الجيش النيجيري …") or opening the sentence
/// (SVO, "الجيش النيجيري حرر …").
pub(crate) fn opening_subject<'a>(lex: &Lexicon, toks: &[Token], actors: &'a [ActorSpan]) -> Option<&'a ActorSpan> {
    let first = actors.first().filter(|a| lex.lang == "ar" && a.start <= 1 && !a.coordinated)?;
    // not a speaker («قال الوزير إن …»): his clause is not the one the later verbs continue
    let spoken = toks.first().is_some_and(|t| Grammar::has(&lex.grammar.report, &t.norm) || khabar_text::strip_arabic_prefixes(&t.norm).get(1).is_some_and(|w| Grammar::has(&lex.grammar.report, w)));
    (!spoken).then_some(first)
}

/// «قال غابرييل إن …، وهو ما رفضته طهران»: a verb after «ما» / «الذي» that carries the pronoun
/// of what was said answers the sentence's speaker, named after its opening verb of saying;
/// what it rejects or criticises is his.
pub(crate) fn answered_speaker<'a>(lex: &Lexicon, toks: &[Token], actors: &'a [ActorSpan], trig: &Trigger) -> Option<&'a ActorSpan> {
    if lex.lang != "ar" || trig.noun || trig.start == 0 || !matches!(toks[trig.start - 1].norm.as_str(), "ما" | "الذي" | "وهو" | "وهذا") {
        return None;
    }
    let word = &toks[trig.start].norm[trig.prefix.len().min(toks[trig.start].norm.len())..];
    if !OBJECT_PRONOUNS.iter().any(|suf| word.strip_suffix(suf).is_some_and(|rest| rest.chars().count() >= 3)) {
        return None;
    }
    let opens_with_saying = toks.first().is_some_and(|t| khabar_text::strip_arabic_prefixes(&t.norm).iter().take(2).any(|w| Grammar::has(&lex.grammar.report, w)));
    actors.first().filter(|a| opens_with_saying && a.start == 1 && a.end <= trig.start)
}

/// A joined verb keeps the earlier verb's subject: the actor right before it ends the earlier
/// clause ("وصل الوزير إلى دمشق والتقى الرئيس").
pub(crate) fn share_subject<'a>(mut r: Roles<'a>, shared: &'a ActorSpan) -> Roles<'a> {
    let before = r.pairs.first().and_then(|(s, _)| *s);
    if before.is_some_and(|b| !same_actor(b, shared)) {
        r.pairs = r.pairs.iter().map(|(_, t)| (Some(shared), t.filter(|t| !same_actor(t, shared)))).collect();
        r.pairs.dedup_by(|a, b| a.1.map(|x| x.start) == b.1.map(|x| x.start));
        r.why = "shared with the verb before it, joined by و or ف";
    }
    r
}

/// Is a verbal noun's trigger word its own form with a possessive pronoun ("زيارته", "زيارتها"
/// for "زيارة": ة becomes ت before the suffix)?
fn possessed_noun(trig: &Trigger, toks: &[Token]) -> bool {
    let word = &toks[trig.start].norm[trig.prefix.len().min(toks[trig.start].norm.len())..];
    ["ته", "تها", "تهم", "تهما"].iter().any(|suf| word.strip_suffix(suf).is_some_and(|stem| trig.pattern.norm_forms.contains(&format!("{stem}ه"))))
}

/// Words that name the leader of a force, a coalition or a delegation after it: "led by".
const LED_BY: &[&str] = &["بقياده", "برئاسه", "بزعامه"];

/// When actor `k` is named after «بقيادة» / «برئاسة» / «بزعامة» right behind actor `led` (at most
/// one word between: «التحالف المشترك بقيادة السعودية»), the one led: `led`.
pub(crate) fn led_by(toks: &[Token], actors: &[ActorSpan], k: usize, led: Option<usize>) -> Option<usize> {
    let start = actors[k].start;
    let word = start.checked_sub(1).map(|i| toks[i].norm.trim_start_matches('و'))?;
    let led = led?;
    (LED_BY.contains(&word) && actors[led].end < start && start - 1 - actors[led].end <= 1).then_some(led)
}
