//! Event assembly: for each trigger of a sentence, its roles, the checks that drop it, its
//! modality, date and place, and the events written out — with the unnamed sources and
//! implied targets CAMEO coders use, the demand read from a modal, and restatements dropped.

use khabar_core::{cameo, Actor, Event, Modality};
use khabar_geo::Gazetteer;
use khabar_lexicon::{Grammar, Lexicon};
use khabar_text::Token;

use crate::arabic::{self, arabic_present};
use crate::mentions::ActorSpan;
use crate::modality::{intended_code, is_negated, modality_of};
use crate::resolve::{self, resolve_date, resolve_place, Anchor};
use crate::roles::{assign_roles, crosses_clause, is_locative, same_actor, Roles};
use crate::triggers::{anchored_root, counts_casualties, find_triggers};
use crate::{Options, SentenceTrace};

#[allow(clippy::too_many_arguments)]
/// Codes one sentence (or the headline, `headline`); also hands back the sentence's place names
/// when they were looked up, for the document stage. `before` holds who the sentences before
/// it leave a subject-less verb to.
pub(crate) fn code_sentence(
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
    before: &Before,
) -> (Vec<Event>, SentenceTrace, Option<Vec<khabar_geo::PlaceMention>>) {
    let mut trace = SentenceTrace {
        index,
        text: sentence.to_string(),
        actors: actors.iter().map(|a| (span_text(sentence, toks, a.start, a.end).to_string(), a.code(), a.origins.clone())).collect(),
        notes: Vec::new(),
    };
    let triggers = find_triggers(lex, sentence, toks, actors, headline, &mut trace.notes);
    let mut events: Vec<Event> = Vec::new();
    let mut from_noun: Vec<bool> = Vec::new();
    // condemnations and accusations whose object is an act the sentence also reports: (event,
    // the act's root), for the act's doer to become their target
    let mut about_act: Vec<(usize, String)> = Vec::new();
    // place names of the sentence, found once and only if a target is looked for among them
    let mut places: Option<Vec<khabar_geo::PlaceMention>> = None;
    // the subject of the last verb with one: an Arabic verb joined to it by و or ف with no
    // subject of its own shares it ("اقتحم مسلحون المنزل وقتلوا قائدا")
    // (before any trigger, the subject of the sentence's opening verb, which may be one no
    // pattern knows: "حرر الجيش النيجيري 178 رهينة … وقبض على قيادي")
    let mut last_subject: Option<&ActorSpan> = arabic::opening_subject(lex, toks, actors);
    // the CAMEO root of the verb that named `last_subject` (none for the opening verb no pattern
    // knows): force shares the subject of force or coercion only ("أدان الملك التفجير وأدى إلى
    // مقتل …": what led to the deaths is the bombing, not the king who condemned it)
    let mut last_subject_root: Option<&str> = None;
    for trig in &triggers {
        let p = trig.pattern;
        let word = span_text(sentence, toks, trig.start, trig.end);
        let shares = !matches!(&p.cameo[..2], "18" | "19" | "20") || last_subject_root.is_none_or(|r| ("15".."21").contains(&r));
        let shared = last_subject.filter(|_| shares);
        let mut roles = match assign_roles(lex, sentence, toks, actors, trig) {
            // "قتل ثلاثة جنود في انفجار": an unvocalised verb read as its passive
            Some(r) if arabic::reads_as_passive(lex, toks, trig, &r) => arabic::passive_roles(lex, toks, actors, &r),
            // "وصل الوزير إلى دمشق والتقى الرئيس": a verb joined by و or ف to an earlier one
            Some(r) if arabic::joined_verb(lex, trig) && r.why.contains("before the verb") && shared.is_some_and(|s| s.end <= trig.start && !crosses_clause(lex, toks, s.end, trig.start)) => arabic::share_subject(r, shared.unwrap()),
            Some(r) => r,
            None if opts.require_source || (trig.noun && !noun_reported_unattributed(lex, toks, trig, headline)) => {
                // a verbal noun with no one behind it is a mention ("اغتيال مغنية", "the bombing")
                // far more often than a report
                trace.notes.push(format!("trigger '{word}' ({}): no source actor found", p.origin));
                continue;
            }
            None if arabic::joined_verb(lex, trig) && shared.is_some_and(|s| s.end <= trig.start) => {
                let target = actors.iter().find(|a| a.start >= trig.end && a.start < trig.end + 6 && !shared.is_some_and(|s| same_actor(a, s)) && !crosses_clause(lex, toks, trig.end, a.start));
                Roles { pairs: vec![(shared, target)], why: "shared with the verb before it, joined by و or ف", target_why: "first actor after the trigger", certainty: 0.7 }
            }
            None => {
                // the sentence does not say who. Keep an event that happened to someone named, or a
                // violent or protest event as it happens (an explosion, a march); an unattributed
                // intention or background mention says too little.
                // (after a passive the actor after the trigger is the one acted on, whoever it is:
                // "تم قتل خمسة من مسلحي الشباب")
                // (so after a casualty noun: "مقتل خمسة من القاعدة" — the dead)
                let casualty = counts_casualties(lex, &toks[trig.start..trig.end]);
                // (not the unidentified attacker a bomb word names: "قتلا في هجوم انتحاري")
                // (where protests are held is not whom they are against: "protests broke out in
                // Mogadishu")
                let protest_venue = |a: &ActorSpan| p.cameo.starts_with("14") && is_locative(sentence, toks, a.start);
                let target = actors.iter().find(|a| a.start >= trig.end && a.start < trig.end + 6 && (a.country.is_some() || trig.passive || casualty) && !a.roles.iter().any(|r| r == "UAF") && !protest_venue(a));
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
        // "demanded on Monday that Israel release the prisoners": a demand or an appeal is
        // addressed to the subject of the clause it opens
        if matches!(&p.cameo[..2], "10" | "02") && roles.pairs.iter().all(|(_, t)| t.is_none()) {
            if let Some(a) = clause_addressee(lex, toks, actors, trig) {
                let a = &actors[a];
                roles.pairs.iter_mut().for_each(|(s, t)| *t = Some(a).filter(|a| s.is_none_or(|s| !same_actor(s, a))));
                roles.target_why = "the subject of the clause the demand opens";
            }
        }
        if !trig.noun {
            if let Some(s) = roles.pairs.first().and_then(|(s, _)| *s) {
                last_subject = Some(s);
                last_subject_root = Some(&p.cameo[..2]);
            }
        }
        // "نفذت طائرات التحالف غارات متتالية على المعسكر": a verb aimed by `aim_preps`,
        // within six words, at something (a thing or a place, if no actor is its target)
        let aimed = !trig.noun && toks[trig.end..(trig.end + 6).min(toks.len())].iter().any(|t| Grammar::has(&lex.grammar.aim_preps, &t.norm));
        if let Some(why) = trig.unanchored {
            // a verb of violence naming who did it to whom reports an occasion even with no
            // time or toll ("مسلحون مجهولون اغتالوا العميد"); so does a verb that says a protest
            // took place (`occasion`: "تظاهر", "احتشد", "اندلعت مظاهرات"); the acts of a crowd
            // (chanting, banners) are as often detail or background as news, and need the anchor
            // (or who did it and at what: a blow `aimed` at a thing or a place no actor names)
            let named = if p.cameo.starts_with("14") { p.occasion } else { roles.pairs.iter().any(|(s, t)| (s.is_some() || trig.passive) && (t.is_some() || aimed && s.is_some())) };
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
        if p.needs_source && roles.pairs.iter().all(|(s, _)| s.is_none()) {
            trace.notes.push(format!("trigger '{word}' ({}): no source actor found, and this pattern needs one", p.origin));
            continue;
        }
        if p.needs_target && roles.pairs.iter().all(|(_, t)| t.is_none()) {
            trace.notes.push(format!("trigger '{word}' ({}): no target actor found, and this pattern needs one", p.origin));
            continue;
        }
        let mut modality = modality_of(lex, toks, trig);
        // an English headline writes the future as "to" after its subject: "EU to resume aid
        // to Palestine", "… to resume aid to and lift sanctions"
        let subject_before = actors.iter().rev().find(|a| a.end < trig.start);
        let headline_future = headline && lex.lang == "en" && subject_before.is_some_and(|a| toks[a.end].norm == "to");
        if headline_future {
            modality = Modality::Intended;
        }
        let negated = is_negated(lex, toks, trig);
        if negated && !opts.keep_negated {
            trace.notes.push(format!("trigger '{word}' ({}): negated, dropped", p.origin));
            continue;
        }
        // (a headline tells its news in the present: "تقتحم", "تنفي")
        // (a word of the present period near it tells an ongoing campaign: "وتشن تركيا في الأسابيع
        // الأخيرة غارات", unless a word of habit does too: "كل يوم")
        let near = &toks[trig.start.saturating_sub(4)..(trig.end + 6).min(toks.len())];
        let has_near = |list: &[String]| near.iter().any(|t| Grammar::has(list, &t.norm) || Grammar::has(list, t.norm.trim_start_matches(['و', 'ف'])));
        let ongoing = has_near(&lex.grammar.ongoing) && !has_near(&lex.grammar.habitual);
        let present = !headline && lex.lang == "ar" && !trig.noun && !ongoing && anchored_root(lex, p) && arabic_present(p, &toks[trig.start].norm[trig.prefix.len()..]);
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
        // "suicide bomber kills 121": force done to a bare count of people is done to civilians
        // (the document stage gives them the country of the place), before any place named
        let counted_people = {
            let force = matches!(entry.root, "18" | "19" | "20");
            let count = |t: &Token| t.norm.chars().all(|c| c.is_ascii_digit()) || Grammar::has(&lex.grammar.numerals, &t.norm);
            let counted = toks.get(trig.end).is_some_and(count) || toks.get(trig.end).is_some_and(|t| matches!(t.norm.as_str(), "at" | "over" | "nearly" | "about" | "some")) && toks.get(trig.end + 1).is_some_and(count);
            (force && !trig.noun && !trig.passive && counted && !actors.iter().any(|a| a.start == trig.end || a.start == trig.end + 1)).then(|| Actor { text: String::new(), name: "civilians".into(), code: "CVL".into(), country: None, roles: vec!["CVL".into()] })
        };
        let place_target: Option<Actor> = if counted_people.is_some() && roles.pairs.iter().any(|(_, t)| t.is_none()) {
            counted_people
        } else if entry.root != "14" && roles.pairs.iter().any(|(_, t)| t.is_none()) && !(p.symmetric && roles.pairs.len() > 1) {
            let story: Vec<&str> = anchor.countries.iter().map(String::as_str).collect();
            places
                .get_or_insert_with(|| gaz.find(sentence, toks, lex.lang))
                .iter()
                .find(|m| {
                    m.start >= trig.end
                        && m.start < trig.end + 12
                        && !m.weak
                        && m.start > 0
                        && {
                            // (its place noun may stand between: "في محافظة إدلب")
                            let placed = |k: usize| matches!(toks[k].norm.as_str(), "in" | "at" | "near" | "في" | "قرب");
                            let noun = |k: usize| khabar_geo::AR_PLACE_NOUNS.contains(&toks[k].norm.trim_start_matches("ال"));
                            placed(m.start - 1) || (m.start > 1 && noun(m.start - 1) && placed(m.start - 2))
                        }
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
                // force used "in northern Iraq" falls on Iraq: a country named as the place
                .or_else(|| {
                    let force = matches!(entry.root, "18" | "19" | "20");
                    // (a noun's relative clause is its own: "الغارات التي يشنها الجيش … في شمال العراق")
                    let from = trig.end + usize::from(toks.get(trig.end).is_some_and(|t| trig.noun && matches!(t.norm.as_str(), "التي" | "الذي" | "which")));
                    actors
                        .iter()
                        .filter(|a| force && a.start >= from && a.start < trig.end + 12 && a.roles.is_empty() && a.country.is_some())
                        .find(|a| is_locative(sentence, toks, a.start) && !crosses_clause(lex, toks, from, a.start))
                        .map(|a| actor_out(sentence, toks, a))
                })
        } else {
            None
        };
        for (src, tgt) in &roles.pairs {
            // a state's military killing or attacking uses conventional force (the pattern's
            // `military_code`, CAMEO 190), not the unconventional violence of root 18
            // ("قتلت القوات العراقية خمسة مسلحين", "troops killed …")
            let military = p.military_code.as_deref().filter(|_| src.is_some_and(|s| s.roles.iter().any(|r| r == "MIL") && !s.roles.iter().any(|r| NONSTATE_ROLES.contains(&r.as_str()))));
            let by_state_forces = modality != Modality::Intended && military.is_some();
            let entry = match military.and_then(cameo::lookup) {
                Some(fight) if by_state_forces => fight,
                _ => entry,
            };
            // a protest whose protesters go unnamed is by civilians (the CAMEO reading of "a
            // demonstration broke out"); who they are is left open
            // the crowd is of the country the sentence puts its protest in ("تظاهر مئات في أثينا")
            let crowd_country = location.as_ref().filter(|l| l.basis == "sentence").and_then(|l| l.country.as_deref());
            // "… قدم الجيش الباكستاني مذكرة احتجاج. ودعا الهند إلى …": a verb of words or
            // relations that opens its sentence with و, naming no subject, goes on with the
            // previous sentence's (not one of force: "وقتل ثلاثة جنود" is a passive)
            let usable = |c: &&Actor| c.country.is_some() && tgt.is_none_or(|t| t.code() != c.code);
            let verb_without_subject = src.is_none() && !trig.noun && !trig.passive;
            let goes_on = verb_without_subject && lex.lang == "ar" && trig.start == 0 && trig.prefix.starts_with(['و', 'ف']) && entry.root < "14";
            // "She praised al-Maliki's work": "he" / "she" as subject is the story's person
            let pronoun = verb_without_subject && lex.lang == "en" && toks[trig.start.saturating_sub(2)..trig.start].iter().any(|t| matches!(t.norm.as_str(), "he" | "she"));
            let (carried, source_why) = if goes_on {
                (before.subject.as_ref().filter(usable), "the previous sentence's subject, which a verb opening its sentence with و goes on with")
            } else if pronoun {
                (before.person.as_ref().filter(usable), "the story's person, whom 'he' / 'she' stands for")
            } else {
                (None, roles.why)
            };
            let source_why = if carried.is_some() { source_why } else { roles.why };
            let source = if carried.is_some() { carried.cloned() } else { event_source(lex, sentence, toks, *src, entry.root, crowd_country) };
            let from_place = tgt.is_none() && place_target.is_some();
            let mut target = tgt.map(|t| actor_out(sentence, toks, t)).or_else(|| place_target.clone());
            // a protest that names no addressee is addressed to the protesters' own government
            // (the usual CAMEO reading of "students demonstrated in the capital")
            // (unless it reacts to an act: "protests against the strikes" are aimed at whoever
            // struck, found below in the sentence or by the document stage)
            let protested_act = (target.is_none() && entry.root == "14").then(|| act_reacted_to(lex, toks, trig)).flatten();
            let implicit_target = target.is_none() && protested_act.is_none() && entry.root == "14" && src.is_some_and(|s| s.country.is_some() && !s.roles.iter().any(|r| r == "GOV"));
            if implicit_target {
                let c = src.and_then(|s| s.country.clone()).unwrap_or_default();
                target = Some(Actor { text: String::new(), name: format!("{c} government"), code: format!("{c}GOV"), country: Some(c), roles: vec!["GOV".into()] });
            }
            // a curfew, a ban, martial law or their easing, with no one named, fall on the
            // actor's own country (the act is domestic: "imposed a curfew", "lifted the ban")
            // (so does a state's alert or mobilisation of its forces at home: "Pakistan on high alert")
            let at_home = |s: &ActorSpan| location.as_ref().and_then(|l| l.country.as_deref()).is_none_or(|c| Some(c) == s.country.as_deref());
            let alert_at_home = p.domestic && src.is_some_and(|s| s.country.is_some() && at_home(s));
            let domestic_target = target.is_none() && (alert_at_home || matches!(&p.cameo[..2], "08" | "17") && src.is_some_and(|s| s.country.is_some() && !s.roles.is_empty()));
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
                source_why,
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
            ) + if by_state_forces { "; done by a state's military: conventional force (the pattern's military_code)" } else { "" };
            trace.notes.push(format!("event {} {} → {}: {explanation}", entry.code, src.map(|s| s.code()).unwrap_or_default(), tgt.map(|t| t.code()).unwrap_or_default()));
            // «قال X إن …، وهو ما رفضته طهران»: rejected is what the speaker said
            if target.is_none() && matches!(entry.root, "11" | "12") {
                if let Some(speaker) = arabic::answered_speaker(lex, toks, actors, trig).filter(|sp| src.is_none_or(|s| !same_actor(s, sp))) {
                    trace.notes.push(format!("event {}: what it answers is what the sentence's speaker {} said", entry.code, speaker.code()));
                    target = Some(actor_out(sentence, toks, speaker));
                }
            }
            // "… والجامعة العربية تدين الاقتحام": what is condemned is an act of the sentence
            if target.is_none() && matches!(entry.root, "11" | "12") {
                // the act is the object, within a few words of the verb and of its subject if
                // that stands after it ("أعرب الرئيس عن استيائه من هذا الهجوم"), in its clause
                let from = actors.iter().find(|a| a.start == trig.end).map_or(trig.end, |a| a.end);
                let act = (from..(from + 6).min(toks.len())).take_while(|&i| !crosses_clause(lex, toks, from, i)).find_map(|i| lex.triggers.all_at(toks, i).iter().map(|m| &lex.patterns[*m.value]).find(|q| q.cameo[..2] > *"13").map(|q| q.cameo[..2].to_string()));
                if let Some(root) = act {
                    about_act.push((events.len(), root));
                }
            }
            if let Some(root) = protested_act {
                trace.notes.push(format!("event {}: a protest of the {root} act the sentence names", entry.code));
                about_act.push((events.len(), root));
            }
            let aimed_at_unnamed = aimed && target.is_none();
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
                aimed_at_unnamed,
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
    for (i, root) in about_act {
        let doer = events.iter().find(|e| e.cameo_root == root && e.source.is_some()).and_then(|e| e.source.clone());
        if let Some(d) = doer.filter(|d| events[i].source.as_ref().is_none_or(|s| s.code != d.code)) {
            trace.notes.push(format!("event {} is about the sentence's {root} act: its doer {} is the target", events[i].cameo, d.code));
            events[i].explanation.push_str(&format!("; target {} (the doer of the act it is about)", d.code));
            events[i].target = Some(d);
        } else if events.iter().all(|e| e.cameo_root != root) {
            // "condemned this attack": the act is one the article told before; the document
            // stage finds its doer
            events[i].reacts_to = Some(root);
        }
    }
    drop_subsumed(&mut events, &from_noun, &mut trace);
    (events, trace, places)
}

/// The root of the act a protest reacts to, named after it ("protests against the air strikes",
/// "a rally protesting the raid", «مظاهرات احتجاجا على الغارات») or before it by a phrase of
/// cause ("As a result of the strikes, protests broke out", «ردا على الغارات»): the grammar's
/// `reaction_words` within three words before the act, in the trigger's clause.
fn act_reacted_to(lex: &Lexicon, toks: &[Token], trig: &crate::triggers::Trigger) -> Option<String> {
    // (of a word's readings, the gravest: "strikes" is shown force (15) and air strikes (19))
    let act_at = |i: usize| lex.triggers.all_at(toks, i).iter().map(|m| &lex.patterns[*m.value].cameo[..2]).filter(|r| *r > "14").max().map(str::to_string);
    let reaction_before = |i: usize| (i.saturating_sub(3)..i).any(|k| Grammar::has(&lex.grammar.reaction_words, khabar_text::strip_arabic_prefixes(&toks[k].norm).last().copied().unwrap_or(&toks[k].norm)) || Grammar::has(&lex.grammar.reaction_words, &toks[k].norm));
    let after = (trig.end..(trig.end + 5).min(toks.len())).take_while(|&i| !crate::roles::crosses_clause(lex, toks, trig.end, i)).find(|&i| reaction_before(i) && act_at(i).is_some());
    let before = (trig.start.saturating_sub(8)..trig.start).find(|&i| reaction_before(i) && act_at(i).is_some() && !crate::roles::crosses_clause(lex, toks, i, trig.start));
    after.or(before).and_then(act_at)
}

/// Is a verbal noun with no one named behind it a report all the same? After a verb of
/// occurring or a passive auxiliary ("وقع انفجار", "تم اعتقال"), as a headline's protest
/// ("مظاهرات في صنعاء لإطلاق سراح المختطفين"), or as violence in a sentence that counts the
/// dead or hurt ("مقتل خمسة في انفجار سيارة مفخخة").
fn noun_reported_unattributed(lex: &Lexicon, toks: &[Token], trig: &crate::triggers::Trigger, headline: bool) -> bool {
    let p = trig.pattern;
    trig.occurred || trig.passive || (headline && p.cameo.starts_with("14")) || (anchored_root(lex, p) && matches!(&p.cameo[..2], "18" | "19" | "20") && counts_casualties(lex, toks))
}

/// Who the sentences before leave a verb with no subject of its own to.
#[derive(Default)]
pub(crate) struct Before {
    /// Arabic: the subject the text goes on with, for a verb that opens its sentence with و.
    pub(crate) subject: Option<Actor>,
    /// English: the story's person (the headline's, else the first the text names), for "he" /
    /// "she".
    pub(crate) person: Option<Actor>,
}

/// Roles of armed actors that are no state's: their violence stays in root 18.
const NONSTATE_ROLES: &[&str] = &["REB", "INS", "IMG", "UAF", "SEP", "CRM", "OPP"];

/// The source written out for an event: the named actor, else whom the act implies when no one
/// is named — civilians for a protest, CAMEO's unidentified armed force (UAF) for violence by
/// bomb. For a protest, the crowd's country too: a bare country or a capital that "protests" is
/// its people ("شهدت تركيا مظاهرات", "خرجت مظاهرات في جوبا"), and protesters with no country of
/// their own are of the country the sentence puts the protest in.
pub(crate) fn event_source(lex: &Lexicon, sentence: &str, toks: &[Token], src: Option<&ActorSpan>, root: &str, crowd_country: Option<&str>) -> Option<Actor> {
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
pub(crate) fn lend_source(events: &mut [Event], x: usize, y: usize, trace: &mut SentenceTrace) {
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
pub(crate) fn demand_by_modal(
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
pub(crate) fn drop_subsumed(events: &mut Vec<Event>, from_noun: &[bool], trace: &mut SentenceTrace) {
    let country = |a: &Option<Actor>| a.as_ref().and_then(|a| a.country.clone());
    let mut keep = vec![true; events.len()];
    // "مقتل خمسة من القاعدة في غارة أمريكية", "killed in a US air strike": deaths no one is
    // named for, and the act of force that caused them with its doer, are one event — the act's,
    // done to the dead
    for i in 0..events.len() {
        // (the dead named: an act with no one named as its target says less than the deaths)
        let deaths = matches!(events[i].cameo.as_str(), "180" | "190") && events[i].source.is_none() && events[i].target.is_some();
        let dead = events[i].target.as_ref().map(|a| a.code.clone());
        let cause = (0..events.len()).find(|&j| {
            j != i && keep[j] && matches!(events[j].cameo_root.as_str(), "18" | "19" | "20") && events[j].source.is_some() && events[j].target.as_ref().is_none_or(|t| Some(&t.code) == dead.as_ref())
        });
        if let Some(j) = cause.filter(|_| deaths && keep[i]) {
            let dead = events[i].target.clone();
            let same = dead.as_ref().map(|a| &a.code) == events[j].source.as_ref().map(|a| &a.code);
            if !same {
                trace.notes.push(format!("event {} without a doer: the deaths of event {}, which caused them", events[i].cameo, events[j].cameo));
                let why = format!("; its target the dead of the sentence's {} ({})", events[i].cameo, events[i].rule);
                events[j].explanation.push_str(&why);
                events[j].target = dead;
                keep[i] = false;
            }
        }
    }
    for i in 0..events.len() {
        // only a verb's event still kept: one already folded into this noun's richer event
        // must not take the noun's event with it
        let restates = if from_noun[i] { (0..events.len()).find(|&j| keep[j] && !from_noun[j] && events[j].cameo_root == events[i].cameo_root) } else { None };
        if let Some(j) = restates {
            lend_source(events, i, j, trace);
        }
        // the verb's generic code of violence gives way to the noun's leaf: "قتل 19 شخصا في
        // غارات جوية" (killed, 190, in air strikes, 195) is the air strike
        if let Some(j) = restates.filter(|&j| matches!(events[j].cameo_root.as_str(), "18" | "19" | "20") && events[j].cameo.len() == 3 && events[j].cameo.ends_with('0') && events[i].cameo != events[j].cameo) {
            let leaf = events[i].clone();
            let y = &mut events[j];
            trace.notes.push(format!("event {} takes the code {} of the noun that names the act ({})", y.cameo, leaf.cameo, leaf.rule));
            y.explanation = format!("{}; the act is the one its noun names: {} ({})", y.explanation, leaf.cameo, leaf.rule);
            (y.cameo, y.cameo_name, y.plover, y.goldstein, y.quad_class) = (leaf.cameo, leaf.cameo_name, leaf.plover, leaf.goldstein, leaf.quad_class);
            // (and the noun's target, where the verb found none: the strikes' "on areas of Idlib")
            if y.target.is_none() {
                y.target = leaf.target;
            }
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

pub(crate) fn span_text<'s>(sentence: &'s str, toks: &[Token], start: usize, end: usize) -> &'s str {
    &sentence[toks[start].start..toks[end - 1].end]
}

pub(crate) fn actor_out(sentence: &str, toks: &[Token], a: &ActorSpan) -> Actor {
    Actor {
        text: span_text(sentence, toks, a.start, a.end).to_string(),
        name: a.name.clone(),
        code: a.code(),
        country: a.country.clone(),
        roles: a.roles.clone(),
    }
}

/// Words that open the clause a demand or an appeal asks for ("that", «بأن»).
const THAT: &[&str] = &["that", "بان", "ان"];

/// The actor that opens the clause after a demand ("demanded on Monday that Israel release …",
/// «طالبت أمس بأن تفرج إسرائيل …»): "that" within four words of the trigger, the actor within
/// two words after it (an Arabic verb may stand first).
fn clause_addressee(lex: &Lexicon, toks: &[Token], actors: &[ActorSpan], trig: &crate::triggers::Trigger) -> Option<usize> {
    let that = (trig.end..(trig.end + 4).min(toks.len())).find(|&k| THAT.contains(&toks[k].norm.as_str()))?;
    let a = actors.iter().position(|a| a.start > that && a.start <= that + 2)?;
    (!crosses_clause(lex, toks, trig.end, that)).then_some(a)
}
