//! The document stage: an article's sentence events made into the one event list a careful coder
//! would hand a researcher.
//!
//! Sentence coding sees one sentence at a time, so it leaves actors without a country ("the
//! army", «القوات», "police"), codes a story's main event once per sentence that repeats it, and
//! cannot tell this week's news from a year-old arrest mentioned as context. The article can:
//!
//! 1. **Actors.** A bare role takes its country from the article: the last actor named before it
//!    with the same role and a country ("the Somali army … the troops"), then the headline's;
//!    failing that, people on the ground (civilians, unidentified attackers, rebels) are of the
//!    country the sentence puts the event in, and state roles (government, army, police) of the
//!    story's country (dateline, then headline, then the country the story names most). A
//!    resolution that would make source and target one actor is not taken. A reaction to an act
//!    told before ("condemned this attack") is aimed at that act's doer.
//! 2. **Dates.** A sentence that names no date goes on in the time of the last one that named a
//!    date of the story's week (narrative reference time).
//! 3. **Places.** An event its sentence leaves unplaced, or placed only in a country, takes the
//!    town the lead names in a country of the event; a state's words, the state's capital.
//! 4. **One event per (code, source, target)**, every sentence that reports it kept as a
//!    [`Mention`]; an event the headline reports is marked `headline` and, with one from the
//!    lead sentence, `root_event` (GDELT's IsRootEvent). A headline event joins the body event
//!    of the same code and source countries, lending it the target the body left out.
//! 5. **Held back** (left out unless `--all`): background events (dated by the text
//!    [`BACKGROUND_DAYS`] or more before the story), negated ones, unattributed ones (no source, or a
//!    source whose country the article does not tell) and untargeted ones (no target, but for
//!    statements, CAMEO 01, and shows of force, 15). A protest at home that names no one it is
//!    against addresses its own government.

use khabar_core::{Actor, Event, Location, Mention, Modality};
use khabar_time::Date;

/// An event dated this many days or more before the story is background, not its news.
pub const BACKGROUND_DAYS: i64 = 30;

/// Roles that are whole actors on their own: no country to look for.
pub(crate) const STATELESS: &[&str] = &["IGO", "NGO", "IMG", "MNC"];

/// Roles of people on the ground rather than of a state: with no earlier actor of their role,
/// they are of the country the event happened in.
const ON_THE_GROUND: &[&str] = &["CVL", "UAF", "REB", "OPP", "INS", "CRM", "REF", "LAB", "EDU", "REL", "SEP"];

/// An actor the article names, in reading order.
#[derive(Debug, Clone)]
pub(crate) struct Named {
    /// Body sentence index; none for the headline.
    pub sentence: Option<usize>,
    pub country: String,
    pub roles: Vec<String>,
    pub name: String,
}

/// What the document stage knows of the article beyond its events.
pub(crate) struct DocContext {
    /// Every actor with a country, headline first, then the body in order.
    pub named: Vec<Named>,
    /// The story's own country: dateline, headline actors, the lead's first town, then the most named.
    pub home: Option<String>,
    /// Where the story happens: the dateline's country, else the first town of the lead's.
    pub theatre: Option<String>,
    /// The story's date (dateline or publication).
    pub date: Option<Date>,
    /// Towns and cities the headline and the first two sentences name, in order.
    pub lead_places: Vec<Location>,
    /// Keep negated events in the default output (`--keep-negated`).
    pub keep_negated: bool,
    /// Keep unattributed and untargeted events in the default output (`--keep-incomplete`).
    pub keep_incomplete: bool,
}

/// Resolves, merges and marks the article's events; `notes` says what was done, for `--explain`.
/// `headline` events come from the title, `body` events from the sentences.
pub(crate) fn finish(headline: Vec<Event>, body: Vec<Event>, ctx: &DocContext, notes: &mut Vec<String>) -> Vec<Event> {
    let mut all: Vec<Event> = Vec::with_capacity(headline.len() + body.len());
    let body = narrative_dates(body, ctx, notes);
    for mut e in headline.into_iter().chain(body) {
        resolve_actors(&mut e, ctx, notes);
        target_by_theatre(&mut e, ctx, notes);
        place_by_lead(&mut e, ctx, notes);
        place_by_speaker(&mut e, notes);
        // (a protest of an act told before is against its doer, before it is against its own
        // government)
        target_by_reaction(&mut e, &all, notes);
        target_by_scope(&mut e, notes);
        e.held_back = held_back(&e, ctx);
        all.push(e);
    }
    merge(all, ctx, notes)
}

/// A story is told in order: a sentence that names no date goes on in the time of the last one
/// that did ("اعتقلت الشرطة أمس …" then "وأحالته إلى النيابة"), if that date is of the story's
/// own week. Events dated only by the story's date take the date of the last earlier event
/// whose sentence gave one.
fn narrative_dates(mut body: Vec<Event>, ctx: &DocContext, notes: &mut Vec<String>) -> Vec<Event> {
    let Some(story) = ctx.date else { return body };
    // (sentence, date, the words' kind) of the last event its own sentence dated
    let mut reference: Option<(usize, String, String)> = None;
    for e in body.iter_mut() {
        let basis = e.date_basis.clone().unwrap_or_default();
        if e.modality == Modality::Intended {
            continue;
        }
        if let Some(kind) = basis.strip_prefix("sentence:") {
            let this_week = e.date.as_deref().and_then(|d| khabar_time::parse_date(d, None)).is_some_and(|d| (0..7).contains(&(story - d).num_days()));
            reference = this_week.then(|| (e.sentence, e.date.clone().unwrap_or_default(), kind.to_string()));
            continue;
        }
        let Some((from, date, kind)) = reference.as_ref() else { continue };
        if *from >= e.sentence || !(basis == "published" || basis == "dateline") {
            continue;
        }
        notes.push(format!("document: {} {} in sentence {}: dated {date}, the time of sentence {from}", e.cameo, e.rule, e.sentence));
        e.explanation = format!("{}; document: dated {date} like sentence {from}, the last that named a date", e.explanation);
        e.date = Some(date.clone());
        e.date_basis = Some(format!("narrative:{kind}"));
    }
    body
}

/// The sentence position of an event for reading order: the headline comes before sentence 0.
fn position(e: &Event) -> i64 {
    if e.headline && e.mentions.iter().all(|m| m.sentence.is_none()) {
        -1
    } else {
        e.sentence as i64
    }
}

fn resolve_actors(e: &mut Event, ctx: &DocContext, notes: &mut Vec<String>) {
    let at = if e.headline { None } else { Some(e.sentence) };
    let place = e.location.as_ref().filter(|l| l.basis == "sentence").and_then(|l| l.country.clone());
    let other_code = |a: &Option<Actor>| a.as_ref().map(|a| a.code.clone());
    let (src_other, tgt_other) = (other_code(&e.target), other_code(&e.source));
    let mut said = Vec::new();
    for (slot, other, which) in [(&mut e.source, src_other, "source"), (&mut e.target, tgt_other, "target")] {
        let Some(actor) = slot.as_mut() else { continue };
        if actor.country.is_some() || actor.roles.is_empty() || actor.roles.iter().any(|r| STATELESS.contains(&r.as_str())) {
            continue;
        }
        if let Some((country, why)) = country_for(actor, at, place.as_deref(), other.as_deref(), ctx) {
            let before = actor.code.clone();
            actor.country = Some(country.clone());
            actor.code = Actor::compose_code(Some(&country), &actor.roles);
            let line = format!("{which} '{}' ({before}) → {}: {why}", actor.text, actor.code);
            notes.push(format!("document: {} {} in sentence {}: {line}", e.cameo, e.rule, e.sentence));
            said.push(line);
        }
    }
    if !said.is_empty() {
        e.explanation = format!("{}; document: {}", e.explanation, said.join("; "));
    }
}

/// An event its sentence places in no town (no place, or a whole country) happened where the
/// lead says the story is: the first town the headline or the lead names in a country of the
/// event (its place's, its source's or its target's).
fn place_by_lead(e: &mut Event, ctx: &DocContext, notes: &mut Vec<String>) {
    if e.location.as_ref().is_some_and(|l| l.geonameid.is_some()) {
        return;
    }
    let countries: Vec<&str> = [e.location.as_ref().and_then(|l| l.country.as_deref()), e.source.as_ref().and_then(|a| a.country.as_deref()), e.target.as_ref().and_then(|a| a.country.as_deref())]
        .into_iter()
        .flatten()
        .collect();
    // (a country-level place keeps to its country)
    let allowed = |c: &str| match e.location.as_ref().and_then(|l| l.country.as_deref()) {
        Some(placed) => c == placed,
        None => countries.contains(&c),
    };
    let Some(place) = ctx.lead_places.iter().find(|p| p.country.as_deref().is_some_and(allowed)) else { return };
    notes.push(format!("document: {} {} in sentence {}: placed in {}, the town the lead names", e.cameo, e.rule, e.sentence, place.name));
    e.explanation = format!("{}; document: placed in {}, the town the story's lead names in a country of the event", e.explanation, place.name);
    e.location = Some(place.clone());
}

/// Roles of a state speaking or acting as such.
const STATE_ROLES: &[&str] = &["GOV", "MIL", "JUD", "LEG", "SPY", "COP"];

/// A state's words are said in its capital: a verbal event (QuadClass 1 or 3, but for meetings
/// and visits, CAMEO 04, and signings, 057, which happen where they are held) that neither its
/// sentence nor the lead places in a town, by a state or its government, takes the source's
/// capital; by an international organisation, its seat.
fn place_by_speaker(e: &mut Event, notes: &mut Vec<String>) {
    // (meetings, visits and signings happen where they are held, not where a state speaks from)
    if e.location.as_ref().is_some_and(|l| l.geonameid.is_some()) || !matches!(e.quad_class, 1 | 3) || e.cameo_root == "04" || e.cameo == "057" {
        return;
    }
    let Some(source) = e.source.as_ref() else { return };
    let gaz = khabar_geo::Gazetteer::get();
    // (an international organisation speaks from its seat: `lexicons/geo/seats.tsv`)
    if source.country.is_none() && source.roles.iter().any(|r| r == "IGO") {
        if let Some(seat) = gaz.seat(&source.code) {
            notes.push(format!("document: {} {} in sentence {}: placed in {}, the seat of its source", e.cameo, e.rule, e.sentence, seat.name));
            e.explanation = format!("{}; document: placed in {}, the seat the organisation speaks from", e.explanation, seat.name);
            e.location = Some(gaz.location(seat, "source seat"));
        }
        return;
    }
    let Some(country) = source.country.as_deref() else { return };
    if !source.roles.iter().all(|r| STATE_ROLES.contains(&r.as_str())) {
        return;
    }
    // (a country-level place of another country says the words were said elsewhere)
    if e.location.as_ref().and_then(|l| l.country.as_deref()).is_some_and(|c| c != country) {
        return;
    }
    let Some(capital) = gaz.country(country).and_then(|c| c.capital).and_then(|id| gaz.by_id(id)) else { return };
    notes.push(format!("document: {} {} in sentence {}: placed in {}, the capital of its source", e.cameo, e.rule, e.sentence, capital.name));
    e.explanation = format!("{}; document: placed in {}, where the state that says it speaks from", e.explanation, capital.name);
    e.location = Some(gaz.location(capital, "source capital"));
}

/// The country a bare role takes from the article, and why.
fn country_for(actor: &Actor, at: Option<usize>, place: Option<&str>, other: Option<&str>, ctx: &DocContext) -> Option<(String, String)> {
    let ok = |country: &str| other.is_none_or(|o| Actor::compose_code(Some(country), &actor.roles) != o);
    // the last actor of the same role named before it: the body backwards, then the headline
    let earlier = ctx.named.iter().rev().filter(|n| match (n.sentence, at) {
        (Some(s), Some(at)) => s < at,
        (Some(_), None) => false,
        (None, _) => true,
    });
    for n in earlier {
        if n.roles.iter().any(|r| actor.roles.contains(r)) && ok(&n.country) {
            let whence = n.sentence.map_or("the headline".to_string(), |s| format!("sentence {s}"));
            return Some((n.country.clone(), format!("the last {} actor named before it, '{}' in {whence}", actor.roles.join("/"), n.name)));
        }
    }
    let ground = actor.roles.iter().any(|r| ON_THE_GROUND.contains(&r.as_str()));
    if ground {
        if let Some(c) = place.filter(|c| ok(c)) {
            return Some((c.to_string(), "people on the ground are of the country the sentence puts the event in".into()));
        }
    }
    if let Some(c) = ctx.home.as_deref().filter(|c| ok(c)) {
        return Some((c.to_string(), "the story's own country (dateline, headline, or the country it names most)".into()));
    }
    None
}

/// Roots whose events are whole without a target: statements (01) and shows of force (15: an
/// alert raised, troops massed, a missile tested), which CAMEO codes with no one they are aimed at.
const SELF_CONTAINED_ROOTS: &[&str] = &["01", "15"];

/// Force (CAMEO 18–20) aimed at something no actor names, used by an actor of one country in a story
/// set in another (its theatre: the dateline's country or the lead's first town's), is force carried into the story's country: the coalition's air raids in a
/// story from Yemen strike Yemen ("نفذت طائرات التحالف غارات على المعسكر"). A place its sentence
/// took only from the source's own country gives way to the story's, for the lead to place it.
fn target_by_theatre(e: &mut Event, ctx: &DocContext, notes: &mut Vec<String>) {
    // (so is an arrest, CAMEO 17, of people no actor names, which its sentence left to the
    // doer's own country, the domestic default: "an Australian patrol arrested two gangs" in a
    // story from Dili)
    let force = e.target.is_none() && e.aimed_at_unnamed && matches!(e.cameo_root.as_str(), "18" | "19" | "20");
    let own_country_default = e.cameo_root == "17"
        && e.target.as_ref().is_some_and(|t| t.roles.is_empty() && t.text.is_empty() && t.country.is_some() && t.country == e.source.as_ref().and_then(|s| s.country.clone()));
    if !(force || own_country_default) {
        return;
    }
    let (Some(home), Some(source)) = (ctx.theatre.as_deref(), e.source.as_ref().and_then(|s| s.country.as_deref())) else { return };
    if source == home {
        return;
    }
    // (a place its sentence names in another country says where the force was used)
    let placed_elsewhere = e.location.as_ref().is_some_and(|l| l.country.as_deref() != Some(home) && (l.geonameid.is_some() || l.basis != "country"));
    if placed_elsewhere {
        return;
    }
    let gaz = khabar_geo::Gazetteer::get();
    let Some(country) = gaz.country(home) else { return };
    if e.location.as_ref().is_some_and(|l| l.country.as_deref() != Some(home)) {
        e.location = gaz.country_location(home, "country");
    }
    notes.push(format!("document: {} {} in sentence {}: target {home}, the story's country, where the force was used", e.cameo, e.rule, e.sentence));
    e.explanation = format!("{}; document: force naming no one it struck, used in the story's country by one of another: target {home}", e.explanation);
    e.target = Some(Actor { text: String::new(), name: country.name.to_string(), code: home.to_string(), country: Some(home.to_string()), roles: vec![] });
}

/// A protest (CAMEO 14) that names no one it is against, held in its protesters' own country, is
/// addressed to their own government, as the sentence stage reads it when the sentence names the
/// protesters' country; here for protesters the article gave a country ("the opposition", «المحتجون»).
fn target_by_scope(e: &mut Event, notes: &mut Vec<String>) {
    if e.target.is_some() || e.cameo_root != "14" {
        return;
    }
    let Some(source) = e.source.as_ref().filter(|s| !s.roles.iter().any(|r| r == "GOV")) else { return };
    let Some(country) = source.country.clone() else { return };
    if e.location.as_ref().and_then(|l| l.country.as_deref()).is_some_and(|c| c != country) {
        return;
    }
    notes.push(format!("document: {} {} in sentence {}: target {country}GOV, the protesters' own government", e.cameo, e.rule, e.sentence));
    e.explanation = format!("{}; document: a protest at home naming no addressee addresses its own government: {country}GOV", e.explanation);
    e.target = Some(Actor { text: String::new(), name: format!("{country} government"), code: format!("{country}GOV"), country: Some(country), roles: vec!["GOV".into()] });
}

/// A reaction to an act the article told before ("أعرب الرئيس عن استيائه من هذا الهجوم", "the
/// minister condemned the bombing") is aimed at whoever did it: the source of the last event
/// before it of the act's root (any violent root, 18–20, for a violent act: the killing and "this
/// attack" are one act told twice).
fn target_by_reaction(e: &mut Event, before: &[Event], notes: &mut Vec<String>) {
    let Some(root) = e.reacts_to.as_deref().filter(|_| e.target.is_none()) else { return };
    let violent = |r: &str| matches!(r, "18" | "19" | "20");
    let same_act = |r: &str| r == root || (violent(r) && violent(root));
    let attributed = |a: &Actor| a.country.is_some() || a.roles.iter().any(|r| STATELESS.contains(&r.as_str()));
    let own = e.source.as_ref().map(|s| s.code.clone());
    let candidates: Vec<&Event> = before.iter().rev().filter(|b| same_act(&b.cameo_root) && b.source.as_ref().is_some_and(|s| attributed(s) && Some(&s.code) != own.as_ref())).collect();
    // (the last act the article reports whole, of the root named if it can: "the strikes" are
    // the air strikes told, not an untargeted killing of the same sentence)
    let whole = |b: &&&Event| b.held_back.is_none();
    let Some(act) = candidates.iter().filter(whole).find(|b| b.cameo_root == root).or_else(|| candidates.iter().find(whole)).or_else(|| candidates.first()).copied() else { return };
    let doer = act.source.clone().expect("found by its source");
    notes.push(format!("document: {} {} in sentence {}: target {}, the doer of the {} act it reacts to (sentence {})", e.cameo, e.rule, e.sentence, doer.code, act.cameo, act.sentence));
    e.explanation = format!("{}; document: a reaction to the article's {} act is aimed at its doer {}", e.explanation, act.cameo, doer.code);
    e.target = Some(doer);
}

/// Why the default output leaves an event out, if it does.
fn held_back(e: &Event, ctx: &DocContext) -> Option<String> {
    if e.negated && !ctx.keep_negated {
        return Some("negated".into());
    }
    // (a background word alone does not hold it back: "has struck repeatedly since 2011" goes on
    // to this day; the date the text gives decides)
    let dated_in_text = e.date_basis.as_deref().is_some_and(|b| b.starts_with("sentence"));
    if let (true, Some(d), Some(story)) = (dated_in_text, e.date.as_deref().and_then(|d| khabar_time::parse_date(d, None)), ctx.date) {
        let days = (story - d).num_days();
        if days >= BACKGROUND_DAYS {
            return Some(format!("background: dated {d}, {days} days before the story"));
        }
    }
    let attributed = e.source.as_ref().is_some_and(|s| s.country.is_some() || s.roles.iter().any(|r| STATELESS.contains(&r.as_str())));
    if !ctx.keep_incomplete {
        if !attributed {
            return Some("unattributed: the article does not say who did it".into());
        }
        // CAMEO codes who did what to whom: but for statements (01), an act with no one it was
        // done to is half an event ("the army attacked", "the ministry condemned")
        if e.target.is_none() && !SELF_CONTAINED_ROOTS.contains(&e.cameo_root.as_str()) {
            return Some("untargeted: the article does not say to whom".into());
        }
    }
    None
}

/// The headline event `h` reports body event `b`: the same code, sources of one country
/// ("دمشق وطهران توقعان" is the governments of "وقعت إيران وسوريا"), and targets of one country
/// or one of them unnamed.
fn headline_tells(h: &Event, b: &Event) -> bool {
    let country = |a: &Option<Actor>| a.as_ref().map(|a| a.country.clone().unwrap_or_else(|| a.code.clone()));
    h.cameo == b.cameo && country(&h.source) == country(&b.source) && (h.target.is_none() || b.target.is_none() || country(&h.target) == country(&b.target))
}

/// One event per (code, source, target), in reading order; the first mention that is not held
/// back is the event's own sentence.
fn merge(events: Vec<Event>, ctx: &DocContext, notes: &mut Vec<String>) -> Vec<Event> {
    fn key(e: &Event) -> (&str, Option<&str>, Option<&str>) {
        (e.cameo.as_str(), e.source.as_ref().map(|a| a.code.as_str()), e.target.as_ref().map(|a| a.code.as_str()))
    }
    let (headline, body): (Vec<Event>, Vec<Event>) = events.into_iter().partition(|e| e.headline);
    let mut groups: Vec<Vec<Event>> = Vec::new();
    for e in body {
        match groups.iter_mut().find(|g| key(&g[0]) == key(&e)) {
            Some(g) => g.push(e),
            None => groups.push(vec![e]),
        }
    }
    // a headline tells the body's news in fewer words: it joins the body event of the same code
    // and source whose target agrees with it or is left unnamed by one of the two
    for h in headline {
        let same = |g: &&mut Vec<Event>| key(&g[0]) == key(&h);
        let close = |g: &&mut Vec<Event>| headline_tells(&h, &g[0]);
        match groups.iter_mut().find(same) {
            Some(g) => g.push(h),
            None => match groups.iter_mut().find(close) {
                Some(g) => {
                    if let (None, Some(t)) = (&g[0].target, &h.target) {
                        notes.push(format!("document: {} {}: the headline names its target, {}", g[0].cameo, g[0].rule, t.code));
                        for e in g.iter_mut() {
                            e.target = Some(t.clone());
                            e.held_back = held_back(e, ctx);
                        }
                    }
                    g.push(h)
                }
                None => groups.push(vec![h]),
            },
        }
    }
    let mut out = Vec::with_capacity(groups.len());
    for group in groups {
        let in_headline = group.iter().any(|e| e.headline);
        let mentions: Vec<Mention> = group
            .iter()
            .map(|e| Mention { sentence: (!e.headline).then_some(e.sentence), evidence: e.evidence.clone(), rule: e.rule.clone(), confidence: e.confidence })
            .collect();
        // the event's own sentence: a body sentence not held back, else any body sentence, else the headline
        let pick = group
            .iter()
            .position(|e| !e.headline && e.held_back.is_none())
            .or_else(|| group.iter().position(|e| e.held_back.is_none()))
            .or_else(|| group.iter().position(|e| !e.headline))
            .unwrap_or(0);
        let confidence = group.iter().map(|e| e.confidence).fold(0.0f32, f32::max);
        let lead = group.iter().any(|e| e.headline || e.sentence == 0);
        let held = if group.iter().any(|e| e.held_back.is_none()) { None } else { group[pick].held_back.clone() };
        let mut e = group.into_iter().nth(pick).expect("pick is in the group");
        if mentions.len() > 1 {
            notes.push(format!("document: {} {} → {}: one event of {} mentions", e.cameo, e.source.as_ref().map_or("-", |a| a.code.as_str()), e.target.as_ref().map_or("-", |a| a.code.as_str()), mentions.len()));
        }
        e.headline = in_headline;
        e.root_event = lead;
        e.confidence = confidence;
        e.held_back = held;
        e.mentions = mentions;
        out.push(e);
    }
    out.sort_by_key(position);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use khabar_core::cameo;

    fn actor(code: &str, country: Option<&str>, roles: &[&str]) -> Actor {
        Actor { text: code.into(), name: code.into(), code: code.into(), country: country.map(str::to_string), roles: roles.iter().map(|r| r.to_string()).collect() }
    }

    fn event(sentence: usize, code: &str, src: Option<Actor>, tgt: Option<Actor>) -> Event {
        let mut e = Event::of_code("d", sentence, "s", "en", cameo::lookup(code).unwrap(), "test".into());
        e.source = src;
        e.target = tgt;
        e.date = Some("2020-05-10".into());
        e.date_basis = Some("published".into());
        e
    }

    fn named(sentence: Option<usize>, country: &str, roles: &[&str]) -> Named {
        Named { sentence, country: country.into(), roles: roles.iter().map(|r| r.to_string()).collect(), name: format!("{country}{}", roles.join("")) }
    }

    fn ctx(named: Vec<Named>, home: Option<&str>) -> DocContext {
        DocContext { named, home: home.map(str::to_string), theatre: None, date: khabar_time::parse_date("2020-05-10", None), lead_places: vec![], keep_negated: false, keep_incomplete: false }
    }

    #[test]
    fn a_bare_role_takes_the_country_of_the_last_actor_of_its_role() {
        let c = ctx(vec![named(Some(0), "KEN", &["MIL"]), named(Some(1), "SOM", &["GOV"])], Some("SOM"));
        let out = finish(vec![], vec![event(2, "190", Some(actor("MIL", None, &["MIL"])), Some(actor("SOMREB", Some("SOM"), &["REB"])))], &c, &mut vec![]);
        assert_eq!(out[0].source.as_ref().unwrap().code, "KENMIL");
        assert!(out[0].explanation.contains("last MIL actor"));
    }

    #[test]
    fn civilians_are_of_the_place_and_officials_of_the_story_country() {
        let mut e = event(1, "180", Some(actor("GOV", None, &["GOV"])), Some(actor("CVL", None, &["CVL"])));
        e.location = Some(khabar_core::Location { name: "Town".into(), country: Some("MLI".into()), basis: "sentence".into(), ..Default::default() });
        let out = finish(vec![], vec![e], &ctx(vec![], Some("NER")), &mut vec![]);
        assert_eq!(out[0].source.as_ref().unwrap().code, "NERGOV");
        assert_eq!(out[0].target.as_ref().unwrap().code, "MLICVL");
    }

    #[test]
    fn a_resolution_never_makes_both_parties_one_actor() {
        // "Iranian troops clashed with the army": the army is not Iran's own
        let c = ctx(vec![named(Some(0), "IRN", &["MIL"])], Some("IRN"));
        let out = finish(vec![], vec![event(1, "190", Some(actor("IRNMIL", Some("IRN"), &["MIL"])), Some(actor("MIL", None, &["MIL"])))], &c, &mut vec![]);
        assert_eq!(out[0].target.as_ref().unwrap().code, "MIL");
    }

    #[test]
    fn repeated_events_merge_into_one_with_every_mention() {
        let a = || Some(actor("FRA", Some("FRA"), &[]));
        let b = || Some(actor("DEU", Some("DEU"), &[]));
        let mut h = event(0, "057", a(), b());
        h.headline = true;
        let out = finish(vec![h], vec![event(0, "057", a(), b()), event(4, "057", a(), b()), event(5, "111", b(), a())], &ctx(vec![], None), &mut vec![]);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].mentions.len(), 3);
        assert!(out[0].headline && out[0].root_event);
        assert_eq!(out[0].mentions.iter().filter(|m| m.sentence.is_none()).count(), 1);
        assert!(!out[1].root_event);
    }

    #[test]
    fn old_negated_unattributed_and_untargeted_events_are_held_back() {
        let jailed = || Some(actor("TURCVL", Some("TUR"), &["CVL"]));
        let mut old = event(1, "173", Some(actor("TURCOP", Some("TUR"), &["COP"])), jailed());
        old.date = Some("2019-02-01".into());
        old.date_basis = Some("sentence:explicit".into());
        let mut denied = event(2, "111", Some(actor("TUR", Some("TUR"), &[])), None);
        denied.negated = true;
        let nobody = event(3, "180", None, Some(actor("TUR", Some("TUR"), &[])));
        let fresh = event(4, "173", Some(actor("TURCOP", Some("TUR"), &["COP"])), jailed());
        let alone = event(6, "190", Some(actor("TURMIL", Some("TUR"), &["MIL"])), None);
        let mut older = event(5, "163", Some(actor("USA", Some("USA"), &[])), Some(actor("TUR", Some("TUR"), &[])));
        older.date = Some("2020-03-01".into());
        older.date_basis = Some("sentence:explicit".into());
        let out = finish(vec![], vec![old, denied, nobody, fresh, older, alone], &ctx(vec![], None), &mut vec![]);
        let held: Vec<Option<&str>> = out.iter().map(|e| e.held_back.as_deref().map(|h| h.split(':').next().unwrap())).collect();
        assert_eq!(held, vec![Some("negated"), Some("unattributed"), None, Some("background"), Some("untargeted")]);
        // the old arrest and the fresh one are one (code, source, target): the fresh sentence leads
        assert_eq!(out[2].sentence, 4);
        assert_eq!(out[2].mentions.len(), 2);
    }

    #[test]
    fn an_event_placed_only_in_its_country_takes_the_town_the_lead_names_there() {
        let town = |name: &str, country: &str| Location { name: name.into(), country: Some(country.into()), geonameid: Some(1), basis: "lead".into(), ..Default::default() };
        let mut c = ctx(vec![], None);
        c.lead_places = vec![town("Elsewhere", "TCD"), town("Harbour Town", "CMR")];
        let mut e = event(3, "111", Some(actor("CMRGOV", Some("CMR"), &["GOV"])), Some(actor("NGA", Some("NGA"), &[])));
        e.location = Some(Location { name: "Cameroon".into(), country: Some("CMR".into()), basis: "country".into(), ..Default::default() });
        let unplaced = event(4, "190", Some(actor("NGA", Some("NGA"), &[])), Some(actor("NER", Some("NER"), &[])));
        let out = finish(vec![], vec![e, unplaced], &c, &mut vec![]);
        assert_eq!(out[0].location.as_ref().map(|l| l.name.as_str()), Some("Harbour Town"));
        assert_eq!(out[1].location, None, "no lead town in a country of the event");
    }

    #[test]
    fn the_headline_names_the_target_the_body_left_out() {
        let src = || Some(actor("FRA", Some("FRA"), &[]));
        let mut h = event(0, "111", src(), Some(actor("MLI", Some("MLI"), &[])));
        h.headline = true;
        let out = finish(vec![h], vec![event(0, "111", src(), None)], &ctx(vec![], None), &mut vec![]);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].target.as_ref().map(|a| a.code.as_str()), Some("MLI"));
        assert_eq!(out[0].held_back, None, "no longer untargeted");
        assert_eq!(out[0].mentions.len(), 2);
    }

    #[test]
    fn a_states_words_are_placed_in_its_capital_but_not_its_acts() {
        let said = event(1, "111", Some(actor("EGYGOV", Some("EGY"), &["GOV"])), Some(actor("ISR", Some("ISR"), &[])));
        let fought = event(2, "190", Some(actor("EGYMIL", Some("EGY"), &["MIL"])), Some(actor("ISR", Some("ISR"), &[])));
        let rebels = event(3, "111", Some(actor("EGYREB", Some("EGY"), &["REB"])), Some(actor("ISR", Some("ISR"), &[])));
        let out = finish(vec![], vec![said, fought, rebels], &ctx(vec![], None), &mut vec![]);
        let place = |i: usize| out[i].location.as_ref().map(|l| l.name.clone());
        assert_eq!(place(0).as_deref(), Some("Cairo"));
        assert_eq!((place(1), place(2)), (None, None));
    }

    #[test]
    fn an_undated_sentence_goes_on_in_the_time_of_the_last_dated_one() {
        let mut dated = event(1, "173", Some(actor("TURCOP", Some("TUR"), &["COP"])), Some(actor("TURCVL", Some("TUR"), &["CVL"])));
        dated.date = Some("2020-05-09".into());
        dated.date_basis = Some("sentence:yesterday".into());
        let later = event(2, "111", Some(actor("GRC", Some("GRC"), &[])), Some(actor("TUR", Some("TUR"), &[])));
        let earlier = event(0, "112", Some(actor("GRC", Some("GRC"), &[])), Some(actor("TUR", Some("TUR"), &[])));
        let mut long_ago = event(3, "163", Some(actor("USA", Some("USA"), &[])), Some(actor("TUR", Some("TUR"), &[])));
        long_ago.date = Some("2019-01-01".into());
        long_ago.date_basis = Some("sentence:explicit".into());
        let after_old = event(4, "036", Some(actor("GRC", Some("GRC"), &[])), Some(actor("USA", Some("USA"), &[])));
        let mut c = ctx(vec![], None);
        c.keep_incomplete = true;
        let out = finish(vec![], vec![earlier, dated, later, long_ago, after_old], &c, &mut vec![]);
        let date = |s: usize| out.iter().find(|e| e.sentence == s).and_then(|e| e.date.clone());
        assert_eq!(date(2).as_deref(), Some("2020-05-09"), "goes on in yesterday's time");
        assert_eq!(out.iter().find(|e| e.sentence == 2).and_then(|e| e.date_basis.as_deref()), Some("narrative:yesterday"));
        assert_eq!(date(0).as_deref(), Some("2020-05-10"), "nothing before it was dated");
        assert_eq!(date(4).as_deref(), Some("2020-05-10"), "a date of another year sets no time for the story");
    }
}
