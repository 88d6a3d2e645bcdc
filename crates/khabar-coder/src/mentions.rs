//! Actor mentions: dictionary hits merged into actors ("وزير الدفاع السوري" → SYR + GOV MIL;
//! "Iranian military official" → IRN + MIL) and grouped into compounds ("إيران وسوريا").

use khabar_lexicon::{ActorEntry, Grammar, Lexicon};
use khabar_text::Token;

/// One actor as the sentence names it.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorSpan {
    /// First token.
    pub start: usize,
    /// Just past the last token.
    pub end: usize,
    /// Country code, if known.
    pub country: Option<String>,
    /// Role codes.
    pub roles: Vec<String>,
    /// Readable name.
    pub name: String,
    /// Dictionary entries that made it, for explanations.
    pub origins: Vec<String>,
    /// Joined to the previous actor by a coordinator ("و", "and").
    pub coordinated: bool,
    /// The first token carries a proclitic preposition (ل, ب) — Arabic.
    pub prefix: String,
    /// Kind of the head entry: name, capital, demonym, person, org, group, role.
    pub kind: String,
}

impl ActorSpan {
    /// The CAMEO code: country followed by roles.
    pub fn code(&self) -> String {
        let mut c = self.country.clone().unwrap_or_default();
        for r in &self.roles {
            if !c.contains(r.as_str()) {
                c.push_str(r);
            }
        }
        c
    }

    fn absorb_roles(&mut self, roles: &[String]) {
        for r in roles {
            if !self.roles.contains(r) {
                self.roles.push(r.clone());
            }
        }
    }
}

enum Hit<'a> {
    Actor(&'a ActorEntry),
    Role(Vec<String>, String),
}

/// The entry a name stands for in `year`: of the longest matches, one whose dates hold then,
/// else an undated one, else the most recent ("Bush" in 1991 and in 2003 are two people).
fn dated_actor<'a>(lex: &'a Lexicon, toks: &[Token], i: usize, year: Option<i32>) -> Option<khabar_lexicon::Match<'a, ActorEntry>> {
    // an acronym stands for its actor only in capitals: "US" is the United States, "us" is us
    // … and a group named with the article only with it: "القاعدة" is al-Qaeda, "قاعدة" a base
    let with_article = |m: &khabar_lexicon::Match<ActorEntry>| {
        let prefix = &toks[i].norm[..m.prefix_len.min(toks[i].norm.len())];
        prefix.ends_with("ال") || prefix.ends_with("لل")
    };
    let all: Vec<_> = lex.actors.all_at(toks, i).into_iter().filter(|m| (!m.value.acronym || toks[i].caps) && (!m.value.definite || with_article(m))).collect();
    let end = all.first()?.end;
    let longest: Vec<_> = all.into_iter().filter(|m| m.end == end).collect();
    // one form, two countries ("عمان": Oman, or Amman for Jordan): the one the rest of the
    // sentence names too
    let countries: Vec<&str> = longest.iter().filter_map(|m| m.value.country.as_deref()).collect();
    let ambiguous = countries.iter().any(|c| *c != countries[0]);
    let named_elsewhere = |c: Option<&str>| {
        ambiguous
            && c.is_some_and(|c| (0..toks.len()).filter(|&j| j < i || j >= end).any(|j| lex.actors.all_at(toks, j).iter().any(|o| o.value.country.as_deref() == Some(c) && o.end - j >= 1)))
    };
    longest.into_iter().max_by_key(|m| {
        let e = m.value;
        let holds = year.is_some_and(|y| e.from.is_some() && e.holds_in(y));
        (named_elsewhere(e.country.as_deref()), holds, e.from.is_none(), e.to.unwrap_or(i32::MAX), e.from.unwrap_or(0))
    })
}

/// Finds the actors of a sentence; `year` (the story's) picks among dated entries.
pub fn find_actors(lex: &Lexicon, toks: &[Token], year: Option<i32>) -> Vec<ActorSpan> {
    // 1. dictionary hits, longest first
    let mut hits: Vec<(usize, usize, String, Hit)> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let a = dated_actor(lex, toks, i, year);
        let r = lex.roles.longest_at(toks, i);
        let pick = match (a, r) {
            (Some(a), Some(r)) if r.end > a.end => Some((r.end, r.prefix_len, Hit::Role(r.value.roles.clone(), r.value.origin.clone()))),
            (Some(a), _) => Some((a.end, a.prefix_len, Hit::Actor(a.value))),
            (None, Some(r)) => Some((r.end, r.prefix_len, Hit::Role(r.value.roles.clone(), r.value.origin.clone()))),
            (None, None) => None,
        };
        match pick {
            Some((end, plen, hit)) => {
                let prefix = toks[i].norm[..plen].to_string();
                hits.push((i, end, prefix, hit));
                i = end;
            }
            None => i += 1,
        }
    }
    // 2. merge roles, countries and people that describe one actor
    let coordinated = |prefix: &str, start: usize| -> bool {
        prefix.starts_with('و') || (start > 0 && lex.grammar.coordinators.iter().any(|c| *c == toks[start - 1].norm))
    };
    // the country of the hit right after each one, if it follows with no gap ("الرئيس الموريتاني")
    let next_country: Vec<Option<String>> = (0..hits.len())
        .map(|k| hits.get(k + 1).filter(|n| n.0 == hits[k].1).and_then(|n| if let Hit::Actor(e) = &n.3 { e.country.clone() } else { None }))
        .collect();
    let mut out: Vec<ActorSpan> = Vec::new();
    for (k, (start, end, prefix, hit)) in hits.into_iter().enumerate() {
        let (country, roles, name, origin, kind) = match hit {
            // "ethnic Albanians", "الأكراد العرقيين": an ethnic group, not the country named alike
            Hit::Actor(e) if e.kind == "demonym" && start > 0 && matches!(toks[start - 1].norm.as_str(), "ethnic" | "ethnically") => {
                (None, vec!["CVL".to_string()], format!("ethnic {}", e.name), e.origin.clone(), "role".to_string())
            }
            Hit::Actor(e) => (e.country.clone(), e.roles.clone(), e.name.clone(), e.origin.clone(), e.kind.clone()),
            Hit::Role(roles, origin) => (None, roles, String::new(), origin, "role".to_string()),
        };
        let coord = coordinated(&prefix, start);
        if let Some(prev) = out.last_mut() {
            let gap = start - prev.end;
            let starts_with_prep = !prefix.is_empty() && !prefix.starts_with('و') && lex.lang == "ar" && !prefix.starts_with("ال");
            // only modifiers may stand between the parts of one actor ("Taiwan's vice foreign minister")
            let modifiers_only = toks[prev.end..start].iter().all(|t| lex.grammar.role_modifiers.contains(&t.norm));
            // Arabic: a role noun after a complete noun phrase — one with the article, or a plural,
            // dual or accusative ending that a construct head drops — starts a new actor: "اغتال
            // مسلحون ضابطا", "اتهمت السلطات اليمنية المتمردين" (subject, then object); a construct
            // ("استخبارات الشرطة") or a nisba adjective ("المسلحين الإرهابيين") still joins
            let new_noun_phrase = lex.lang == "ar" && kind == "role" && country.is_none() && gap == 0 && {
                let last = &toks[prev.end - 1].norm;
                let first = &toks[start].norm[prefix.len().min(toks[start].norm.len())..];
                let bare = khabar_text::strip_arabic_prefixes(last).last().copied().unwrap_or(last.as_str());
                let definite = last.trim_start_matches(['و', 'ف', 'ب', 'ل', 'ك']).starts_with("ال");
                let ending = ["ون", "ين", "ان", "ا"].into_iter().find(|e| bare.ends_with(e));
                // an adjective agrees with its noun: definite with definite, and in case ending
                let nisba = ["ي", "يه", "يون", "يين", "يان", "يا"].iter().any(|e| first.ends_with(e));
                let agrees = if definite { first.starts_with("ال") } else { ending.is_some_and(|e| first.ends_with(&format!("ي{e}"))) };
                // a rank or title restating the same kind of actor is apposition ("رئيس الأركان
                // الإيراني اللواء …")
                // — unless another country's adjective follows it: "استقبل الملك المغربي الرئيس
                // الموريتاني" names two heads of state
                let other_country = next_country[k].as_ref().is_some_and(|c| prev.country.as_ref().is_some_and(|p| p != c));
                let restates = !roles.is_empty() && roles.iter().all(|r| prev.roles.contains(r)) && !other_country;
                (definite || ending.is_some()) && !(nisba && agrees) && !restates
            };
            // a verb of saying or "that" between ends the first actor's clause: "the ICC said that
            // al-Bashir …" names two actors, not a title and its holder
            let clause_between = toks[prev.end..start].iter().any(|t| Grammar::has(&lex.grammar.report, &t.norm) || matches!(t.norm.as_str(), "that" | "ان" | "who" | "which"));
            let joinable = !coord && !starts_with_prep && !new_noun_phrase && !clause_between && (gap <= if kind == "person" { 2 } else { 0 } || (gap <= 2 && modifiers_only));
            // an English possessive or "of" joins a country to a role: "Syria's army", "army of Syria"
            // … or "in": "opposition groups in Zimbabwe", "rebels in Darfur"
            // … and in Arabic «في»: «مسؤول في إقليم كردستان», «المتمردون في دارفور»
            let via_of = gap == 1
                && (lex.lang == "en" && matches!(toks[prev.end].norm.as_str(), "of" | "in") || lex.lang == "ar" && toks[prev.end].norm == "في")
                && country.is_some()
                && prev.country.is_none()
                && prev.kind == "role";
            // an organisation's officials are the organisation ("Red Cross officials")
            let org_staff = gap == 0 && matches!(prev.kind.as_str(), "org" | "group") && kind == "role" && !coord;
            // an Arabic adjective of the country the actor already is restates it ("جيش الاحتلال
            // الإسرائيلي"): one actor, not a second one for a verb to take as its object
            let restated_country = lex.lang == "ar" && gap == 0 && !coord && roles.is_empty() && kind != "person" && country.is_some() && prev.country == country && !starts_with_prep;
            if org_staff || restated_country {
                prev.end = end;
                prev.origins.push(origin);
                continue;
            }
            let compatible = match (&prev.country, &country) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            };
            // a role with a country, a country with a role, or a named person after their title
            let fills = (prev.country.is_none() && country.is_some())
                || (prev.country.is_some() && country.is_none() && !roles.is_empty())
                || (kind == "person" && compatible)
                || (prev.kind == "role" && kind == "role");
            // two bare country names side by side are two actors ("Iran Syria"), not one
            let both_named = prev.kind != "role" && kind != "role" && kind != "person" && prev.kind != "person";
            if (joinable || via_of) && compatible && fills && !both_named {
                if prev.country.is_none() {
                    prev.country = country;
                }
                // "protesters in Kabul" are Afghans, not the government the capital stands for
                if !via_of {
                    prev.absorb_roles(&roles);
                }
                if prev.name.is_empty() || kind == "person" {
                    prev.name = name;
                }
                prev.origins.push(origin);
                prev.end = end;
                if prev.kind == "role" {
                    prev.kind = kind;
                }
                continue;
            }
        }
        out.push(ActorSpan { start, end, country, roles, name, origins: vec![origin], coordinated: coord, prefix, kind });
    }
    if lex.lang == "en" {
        home_country_for_titles(toks, &mut out);
    }
    for a in &mut out {
        if a.name.is_empty() {
            a.name = a.code();
        }
    }
    if lex.lang == "ar" {
        owned_by(lex, toks, &mut out);
        read_back_forces(lex, toks, &mut out);
    }
    out
}

/// Arabic nouns of a group's kind, written before its name: «حركة الشباب», «جبهة النصرة».
const GROUP_NOUNS: &[&str] = &["حركه", "جماعه", "تنظيم", "جبهه", "ميليشيا", "ميليشيات", "مليشيا", "مليشيات"];

/// People the article names in full, by their surname, and groups by their name without the noun
/// of their kind ([`GROUP_NOUNS`]): "Ariel Sharon" makes a later (or a
/// headline's) "Sharon" the same man, as readers take it. Only names of two words or more with
/// a country or a role, and only surnames no two of the article's people share.
pub fn surnames(named: &[(&[Token], &[ActorSpan])]) -> Vec<(String, ActorSpan)> {
    let mut out: Vec<(String, ActorSpan)> = Vec::new();
    let mut shared: Vec<String> = Vec::new();
    for (toks, actors) in named {
        // (a person after a title keeps the title's kind, "Israeli Prime Minister Ariel Sharon",
        // but takes the person's name)
        let ends_in_name = |a: &ActorSpan| a.kind == "person" || a.name.split_whitespace().last().is_some_and(|w| w.to_lowercase() == toks[a.end - 1].norm);
        // («حركة الشباب» … «الشباب»: a group named with the noun of its kind goes on by its name)
        let group_named = |a: &ActorSpan| a.kind == "group" && a.end - a.start == 2 && GROUP_NOUNS.contains(&toks[a.start].norm[a.prefix.len().min(toks[a.start].norm.len())..].trim_start_matches("ال"));
        for a in actors.iter().filter(|a| a.end - a.start >= 2 && (ends_in_name(a) || group_named(a)) && (a.country.is_some() || !a.roles.is_empty())) {
            let surname = toks[a.end - 1].norm.trim_start_matches("al-").to_string();
            if surname.chars().count() < 3 {
                continue;
            }
            match out.iter().find(|(s, _)| *s == surname) {
                Some((_, b)) if b.code() != a.code() || b.name != a.name => shared.push(surname),
                Some(_) => {}
                None => out.push((surname, a.clone())),
            }
        }
    }
    out.retain(|(s, _)| !shared.contains(s));
    out
}

/// "Secretary of State Condoleezza Rice", "Foreign Minister Jose Ramos-Horta": an English title
/// the dictionaries know, followed by a name they do not (words in capitals), names that person:
/// the title's actor takes the name, so that the surname alone is the same person later
/// ([`surnames`]). Up to three words; not a word that only starts a phrase ("On", "The").
pub fn titled_names(text: &str, toks: &[Token], actors: &mut [ActorSpan]) {
    const NOT_NAMES: &[&str] = &["the", "on", "in", "at", "of", "and", "but", "said", "says", "told", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    let capitalised = |i: usize| text.get(toks[i].start..).and_then(|w| w.chars().next()).is_some_and(char::is_uppercase) && !toks[i].caps && !NOT_NAMES.contains(&toks[i].norm.as_str());
    for k in 0..actors.len() {
        let a = &actors[k];
        // (a title with its country, "United States Secretary of State", is one too)
        let titled = matches!(a.kind.as_str(), "role" | "name" | "demonym") && a.roles.iter().any(|r| matches!(r.as_str(), "GOV" | "MIL" | "LEG" | "JUD" | "OPP" | "REB"));
        if !titled {
            continue;
        }
        let next_actor = actors.get(k + 1).map_or(toks.len(), |b| b.start);
        let mut end = a.end;
        // (the words right after the title, with nothing between: "Rice has arrived")
        while end < next_actor && end < a.end + 3 && capitalised(end) && text.get(toks[end - 1].end..toks[end].start).is_some_and(|gap| gap.trim().is_empty()) {
            end += 1;
        }
        if end - a.end < 2 {
            continue;
        }
        let name = text[toks[a.end].start..toks[end - 1].end].to_string();
        let a = &mut actors[k];
        a.origins.push(format!("the name after the title: {name}"));
        a.name = name;
        a.end = end;
    }
}

/// Adds the article's people named by their surname alone (see [`surnames`]) to a sentence's
/// actors, where no actor covers the word already.
pub fn add_surname_mentions(text: &str, toks: &[Token], actors: &mut Vec<ActorSpan>, people: &[(String, ActorSpan)], coordinators: &[String]) {
    if people.is_empty() {
        return;
    }
    for (i, t) in toks.iter().enumerate() {
        if actors.iter().any(|a| a.start <= i && i < a.end) {
            continue;
        }
        // Arabic: the conjunction may be written on the name («وشريف»)
        let (prefix, word) = match t.norm.strip_prefix('و') {
            Some(rest) if !people.iter().any(|(s, _)| *s == t.norm) => ("و", rest),
            _ => ("", t.norm.as_str()),
        };
        let Some((surname, person)) = people.iter().find(|(s, _)| s == word) else { continue };
        // (a name is written with its capital: "nations" is not the United Nations)
        let first = text.get(t.start..).and_then(|w| w.chars().next());
        if first.is_some_and(|c| c.is_alphabetic() && c.is_lowercase()) {
            continue;
        }
        let coordinated = !prefix.is_empty() || (i > 0 && coordinators.iter().any(|c| *c == toks[i - 1].norm));
        let span = ActorSpan {
            start: i,
            end: i + 1,
            origins: vec![format!("'{surname}': {} named in full earlier in the article", person.name)],
            coordinated,
            prefix: prefix.to_string(),
            ..person.clone()
        };
        let at = actors.partition_point(|a| a.start < i);
        actors.insert(at, span);
    }
}

/// «وقال الوزير القطري إن بلاده ترفض …», "the Qatari minister said his country rejects …": the
/// words for one's own country (`own_country` in grammar.toml) are the state of the first actor
/// with a country named before them in the sentence.
pub fn own_country(toks: &[Token], actors: &mut Vec<ActorSpan>, own: &[String]) {
    if own.is_empty() {
        return;
    }
    let mut i = 0;
    while i < toks.len() {
        // one word (Arabic, with «و» or «ف» before it) or two ("his country")
        let one = toks[i].norm.trim_start_matches(['و', 'ف']);
        let two = toks.get(i + 1).map(|n| format!("{} {}", toks[i].norm, n.norm));
        let len = if Grammar::has(own, one) && one.chars().count() > 3 {
            1
        } else if two.as_deref().is_some_and(|w| Grammar::has(own, w)) {
            2
        } else {
            i += 1;
            continue;
        };
        let free = !actors.iter().any(|a| a.start < i + len && a.end > i);
        // (the one whose country it is opens the sentence, as its speaker or subject: in «نفى
        // وزير الداخلية الأفغاني أن يكون الرئيس الباكستاني قد زار بلاده» it is Afghanistan)
        let speaker = actors.iter().find(|a| a.end <= i && a.country.is_some());
        if let (true, Some(speaker)) = (free, speaker) {
            let country = speaker.country.clone().expect("found by its country");
            let span = ActorSpan {
                start: i,
                end: i + len,
                name: country.clone(),
                origins: vec![format!("own country: the state of {}, named before it", speaker.name)],
                coordinated: false,
                prefix: String::new(),
                kind: "own country".into(),
                country: Some(country),
                roles: vec![],
            };
            let at = actors.partition_point(|a| a.start < i);
            actors.insert(at, span);
        }
        i += len;
    }
}

/// A role named by its town is of the town's country: "Basra militants", "Kandahar police"
/// (English: the town before the role), «شرطة البصرة», «مسلحو الفلوجة» (Arabic: the town as the
/// role's genitive, right after it). Only a town the gazetteer takes without doubt (not a
/// common word, capitalised in Latin script).
pub fn roles_of_their_town(text: &str, toks: &[Token], actors: &mut [ActorSpan], gaz: &khabar_geo::Gazetteer, lang: &str) {
    // (the town says more than the one country the sentence happens to name)
    let open = |a: &ActorSpan| (a.country.is_none() || a.origins.last().is_some_and(|o| o.starts_with(ONE_COUNTRY))) && !a.roles.is_empty() && !a.roles.iter().any(|r| STATELESS_ROLES.contains(&r.as_str()));
    if !actors.iter().any(open) {
        return;
    }
    let places = gaz.find(text, toks, lang);
    let arabic = lang == "ar";
    for a in actors.iter_mut().filter(|a| open(a)) {
        let town = places.iter().find(|m| !m.weak && if arabic { m.start == a.end && m.prefix_len == 0 } else { m.end == a.start });
        let Some(place) = town.and_then(|m| gaz.choose(&m.candidates, &[])) else { continue };
        a.country = Some(place.iso3.to_string());
        a.origins.push(format!("named by its town, {} ({})", place.name, place.iso3));
    }
}

/// "Five South Korean … workers were released … the kidnappers released the workers": a bare
/// role named again takes the country the article last gave the same role (the same head word:
/// "workers" of "aid workers"; or for forces the same role codes, "troops … the soldiers"; a
/// government's codes say too little, "Foreign Minister" is not the "Australian Prime Minister"), over the one country its own
/// sentence happens to name where it is definite ("the workers", «العمال»): a definite noun
/// refers back, an indefinite one («مسؤول أوروبي») brings someone new. `mentions` are the headline's tokens and actors, then each
/// sentence's, in order; the headline counts as said before the text.
pub fn roles_named_before(mentions: &mut [(&[Token], &mut Vec<ActorSpan>)], lang: &str) {
    struct Given {
        roles: Vec<String>,
        head: String,
        country: String,
        name: String,
    }
    // (English puts the head noun last, "aid workers"; Arabic first, «عمال الإغاثة»)
    let head = |toks: &[Token], a: &ActorSpan| {
        let t = if lang == "ar" { &toks[a.start] } else { &toks[a.end - 1] };
        // (the possessive is the same role: "the government's decision")
        let w = t.norm[a.prefix.len().min(t.norm.len())..].trim_start_matches("ال");
        w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w).to_string()
    };
    let definite = |toks: &[Token], a: &ActorSpan| {
        if lang == "ar" {
            toks[a.start].norm[a.prefix.len().min(toks[a.start].norm.len())..].starts_with("ال") || a.prefix.ends_with("ال")
        } else {
            a.start > 0 && matches!(toks[a.start - 1].norm.as_str(), "the" | "these" | "those")
        }
    };
    let mut given: Vec<Given> = Vec::new();
    for (n, (toks, actors)) in mentions.iter_mut().enumerate() {
        let headline = n == 0;
        let mut seen_here = Vec::new();
        for a in actors.iter_mut() {
            // (an NGO or IGO role given a country is that country's: "Danish aid workers")
            let stateless = a.roles.iter().any(|r| STATELESS_ROLES.contains(&r.as_str()));
            if a.roles.is_empty() || stateless && a.country.is_none() {
                continue;
            }
            let weak = a.origins.last().is_some_and(|o| o.starts_with(ONE_COUNTRY));
            let word = head(toks, a);
            match a.country.clone() {
                // (a capital standing for its government names no role: "طهران" is not "the official")
                Some(_) if a.kind == "capital" => {}
                Some(country) if !weak || headline => seen_here.push(Given { roles: a.roles.clone(), head: word, country, name: a.name.clone() }),
                // (a country the sentence merely names gives way only where the role is
                // definite, referring back: "the workers", «العمال»; not "Israeli housing minister")
                // (an Arabic role without the article is a new one: «مسؤول أوروبي»)
                _ if a.kind == "role" && !stateless && (!weak && lang != "ar" || definite(toks, a)) => {
                    // (or the same forces, by their role codes: "Australian troops … the soldiers";
                    // not a government's, of which an article names several)
                    // (an Arabic force qualified by an adjective of its own is another force:
                    // «القوات الشعبية», «القوات الخاصة»)
                    let qualified = lang == "ar" && toks.get(a.end).is_some_and(|t| t.norm.starts_with("ال"));
                    let forces = !qualified && a.roles.iter().all(|r| FORCE_ROLES.contains(&r.as_str()));
                    let same = given.iter().rev().find(|g| !qualified && g.head == word).or_else(|| given.iter().rev().find(|g| forces && g.roles == a.roles));
                    let Some(g) = same else { continue };
                    if a.country.as_deref() != Some(g.country.as_str()) {
                        a.country = Some(g.country.clone());
                        a.origins.push(format!("the same role as {} ({}), named before in the article", g.name, g.country));
                    }
                }
                _ => {}
            }
        }
        given.extend(seen_here);
    }
}

/// «القاعدة» alone is also "the base": in an article that names a base («قاعدة العند»,
/// «قاعدة عسكرية») and never al-Qaeda in full («تنظيم القاعدة», «القاعدة في …»), the bare word is
/// the base, not the group. `mentions` are every sentence's (and the headline's) tokens and actors.
pub fn base_not_qaeda(mentions: &mut [(&[Token], &mut Vec<ActorSpan>)]) {
    let bare = |toks: &[Token], a: &ActorSpan| a.end - a.start == 1 && a.code() == "IMGMUSALQ" && toks[a.start].norm.trim_start_matches(['و', 'ف', 'ب', 'ل']).trim_start_matches("ال") == "قاعده";
    // (the word without the article: a construct or an indefinite, "قاعدة العند", "بقاعدة")
    let base_named = mentions.iter().any(|(toks, _)| toks.iter().any(|t| t.norm.trim_start_matches(['و', 'ف', 'ب', 'ل']) == "قاعده"));
    let qaeda_in_full = mentions.iter().any(|(toks, actors)| actors.iter().any(|a| a.code() == "IMGMUSALQ" && !bare(toks, a)));
    if !base_named || qaeda_in_full {
        return;
    }
    for (toks, actors) in mentions.iter_mut() {
        actors.retain(|a| !bare(toks, a));
    }
}

/// Commas that join actors as "and" does. Tokens carry no punctuation, so the sentence text
/// tells: in a headline a comma between two actors is "and" ("Abbas, Sharon declare truce",
/// "Pakistani president, British PM meet"); in running text only inside a list that ends in
/// "and" / «و» ("Kenya, Uganda and Tanzania"), since a comma there more often opens an
/// apposition ("Ali Abdu, Eritrea's information minister").
pub fn coordinate_by_commas(text: &str, toks: &[Token], actors: &mut [ActorSpan], headline: bool) {
    let comma_between = |a: &ActorSpan, b: &ActorSpan| {
        b.start == a.end && a.end > 0 && text.get(toks[a.end - 1].end..toks[b.start].start).is_some_and(|gap| matches!(gap.trim(), "," | "،"))
    };
    for k in (1..actors.len()).rev() {
        if actors[k].coordinated || !comma_between(&actors[k - 1], &actors[k]) {
            continue;
        }
        // (running text: the list goes on to a member joined by "and")
        let list_ends_in_and = actors.get(k + 1).is_some_and(|n| n.coordinated && n.start <= actors[k].end + 1);
        if headline || list_ends_in_and {
            actors[k].coordinated = true;
        }
    }
}

/// How [`home_country_for_titles`] explains itself; a stronger clue may override it.
const ONE_COUNTRY: &str = "the one country the sentence names";

/// Words that put a role outside the country a sentence names ("foreign troops", "the
/// peacekeeping forces", sent from elsewhere).
const FOREIGN: &[&str] = &["foreign", "external", "outside", "international", "multinational", "overseas", "peacekeeping", "peace-keeping"];

/// Role codes that are not of a country: a title with one of these is no country's official.
const STATELESS_ROLES: &[&str] = &["IGO", "NGO", "IMG", "MNC", "UAF"];

/// "President Levy Mwanawasa … the Zambian people", "opposition leaders … in Baku": a title, a
/// role or a person named with no country, in a sentence that names one country and no other,
/// is of that country. News names the foreigner's country; a bare title is the home side's.
fn home_country_for_titles(toks: &[Token], out: &mut [ActorSpan]) {
    let mut countries = out.iter().filter_map(|a| a.country.as_deref());
    let Some(only) = countries.next().map(str::to_string) else { return };
    if countries.any(|c| c != only) {
        return;
    }
    for a in out.iter_mut() {
        let titled = matches!(a.kind.as_str(), "role" | "person") && !a.roles.is_empty();
        // ("external forces", "foreign troops" are said to be of no country the sentence names)
        let foreign = a.start > 0 && FOREIGN.contains(&toks[a.start - 1].norm.as_str());
        if a.country.is_none() && titled && !foreign && !a.roles.iter().any(|r| STATELESS_ROLES.contains(&r.as_str())) {
            a.country = Some(only.clone());
            a.origins.push(format!("{ONE_COUNTRY}: {only}"));
        }
    }
}

/// "طائرة بدون طيار تابعة لوكالة المخابرات الأميركية", «مسلحين ينتمون إلى تنظيم داعش»: an actor
/// "belonging to" (`belongs_to`)
/// the next one is that owner's — it takes the owner's country and roles, keeping its own roles
/// after them; the owner stays an actor of its own too.
fn owned_by(lex: &Lexicon, toks: &[Token], out: &mut [ActorSpan]) {
    for k in 1..out.len() {
        let (a, b) = (&out[k - 1], &out[k]);
        // (with «ل» on the owner, «تابعة لـ», or «إلى» before it, «ينتمون إلى»)
        let owner_marked = (b.start == a.end + 1 && b.prefix.contains('ل')) || (b.start == a.end + 2 && toks[a.end + 1].norm == "الي");
        let linked = b.start > a.end && Grammar::has(&lex.grammar.belongs_to, &toks[a.end].norm) && owner_marked;
        if !linked || b.country.is_none() && b.roles.is_empty() {
            continue;
        }
        let (country, mut roles, origins) = (b.country.clone(), b.roles.clone(), b.origins.clone());
        let a = &mut out[k - 1];
        for r in &a.roles {
            if !roles.contains(r) {
                roles.push(r.clone());
            }
        }
        a.country = country.or(a.country.take());
        a.roles = roles;
        a.origins.extend(origins);
        a.name = a.code();
    }
}

/// Roles of armed and security forces: "قواته", "عناصرها", "مقاتلوها" are the named actor's own.
const FORCE_ROLES: &[&str] = &["MIL", "COP", "REB", "UAF", "SPY", "IMG", "INS", "SEP"];

/// Arabic pronoun suffixes, longest first.
const PRONOUN_SUFFIXES: &[&str] = &["هما", "هم", "ها", "ه"];

/// "قال الجيش الإسرائيلي إن قواته …", "أعلنت طالبان أن عناصرها …": a force word with a pronoun
/// suffix (قوات+ه, عناصر+ها) stands for the forces of the nearest named actor before it in the
/// sentence — that actor's code, or the country with the force's role when the actor is a bare
/// country or its government ("إسرائيل … قواتها" → ISR MIL).
fn read_back_forces(lex: &Lexicon, toks: &[Token], out: &mut Vec<ActorSpan>) {
    let mut added: Vec<ActorSpan> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if out.iter().any(|a| a.start <= i && i < a.end) {
            continue;
        }
        let Some(stem) = PRONOUN_SUFFIXES.iter().find_map(|s| t.norm.strip_suffix(s).filter(|x| x.chars().count() >= 3)) else { continue };
        // a feminine noun's ة is written ت before a suffix: "شرطتها"
        let forms = [stem.to_string(), stem.strip_suffix('ت').map(|x| format!("{x}ه")).unwrap_or_default()];
        let Some((roles, origin, plen)) = forms.iter().filter(|f| !f.is_empty()).find_map(|f| {
            let one = [Token { start: t.start, end: t.end, norm: f.clone(), caps: t.caps }];
            lex.roles.longest_at(&one, 0).filter(|m| m.end == 1).map(|m| (m.value.roles.clone(), m.value.origin.clone(), m.prefix_len))
        }) else {
            continue;
        };
        let force: Vec<String> = roles.iter().filter(|r| FORCE_ROLES.contains(&r.as_str())).cloned().collect();
        if force.is_empty() {
            continue;
        }
        // (not a place the sentence names: "بعثة الاتحاد الإفريقي في الصومال … قواتها" are the
        // mission's forces)
        let place = |a: &ActorSpan| a.kind == "name" && a.roles.is_empty() && (a.start > 0 && toks[a.start - 1].norm == "في" || a.prefix.contains('ب'));
        let Some(ante) = out.iter().rev().find(|a| a.end <= i && (a.country.is_some() || a.kind != "role") && !place(a)) else { continue };
        let armed = ante.roles.iter().any(|r| FORCE_ROLES.contains(&r.as_str()));
        let roles = if armed || ante.country.is_none() { ante.roles.clone() } else { force };
        let prefix = t.norm[..plen.min(t.norm.len())].to_string();
        added.push(ActorSpan {
            start: i,
            end: i + 1,
            country: ante.country.clone(),
            roles,
            name: ante.name.clone(),
            origins: vec![origin, format!("pronoun suffix: the forces of {}", ante.code())],
            coordinated: prefix.starts_with('و'),
            prefix,
            kind: "role".to_string(),
        });
    }
    if !added.is_empty() {
        out.extend(added);
        out.sort_by_key(|a| a.start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use khabar_text::tokens;

    fn codes(lang: &str, text: &str) -> Vec<(String, bool)> {
        let lex = khabar_lexicon::get(lang).unwrap();
        find_actors(lex, &tokens(text), None).into_iter().map(|a| (a.code(), a.coordinated)).collect()
    }

    #[test]
    fn ones_own_country_is_the_state_of_the_first_actor_named_before() {
        let lex = khabar_lexicon::get("ar").unwrap();
        // (the speaker's, not the nearest actor's: the Afghan minister's country)
        let toks = tokens("نفى وزير الداخلية الأفغاني أن يكون الرئيس الباكستاني قد زار بلاده");
        let mut actors = find_actors(lex, &toks, None);
        own_country(&toks, &mut actors, &lex.grammar.own_country);
        let own = actors.iter().find(|a| a.kind == "own country").expect("«بلاده» is an actor");
        assert_eq!(own.code(), "AFG");
        // «بلاد» alone is a land, no one's own country
        let toks = tokens("وقال الوزير الأردني إن بلاد الشام تعاني");
        let mut actors = find_actors(lex, &toks, None);
        own_country(&toks, &mut actors, &lex.grammar.own_country);
        assert!(!actors.iter().any(|a| a.kind == "own country"));
    }

    #[test]
    fn arabic_role_after_a_complete_noun_phrase_is_another_actor() {
        let c = |t: &str| codes("ar", t).into_iter().map(|(c, _)| c).collect::<Vec<_>>();
        assert_eq!(c("اتهمت السلطات اليمنية المتمردين بالهجوم"), vec!["YEMGOV", "REB"]);
        assert_eq!(c("اغتال مسلحون ضابطا"), vec!["UAF", "MIL"]);
        // a construct and an agreeing adjective still make one actor
        assert_eq!(c("قال مدير استخبارات الشرطة"), vec!["SPYCOP"]);
        assert_eq!(c("هاجم مسلحون انتحاريون"), vec!["UAF"]);
    }

    #[test]
    fn arabic_common_words_are_no_actors() {
        // "فتح" (opened), "المالية" (finance), "المدني" (civil) and "بأن" (that) name no one
        for text in ["وفتح الباب أمام المستثمرين", "وقالت وزارة المالية إن العجز تراجع", "وقال الدفاع المدني", "وأكد بأن الوضع هادئ", "وأطلقت الشركة قاعدة بيانات", "وعملوا تحت لواء واحد"] {
            let c = codes("ar", text);
            assert!(c.iter().all(|(code, _)| !["PSEPTYFTH", "MDVGOV", "CVL", "ALB", "IMGMUSALQ", "MIL"].contains(&code.as_str())), "{text}: {c:?}");
        }
        // a group named with the article is found with it, also behind a preposition
        assert_eq!(codes("ar", "وقال إن للقاعدة خلايا")[0].0, "IMGMUSALQ");
    }

    #[test]
    fn a_form_of_two_countries_takes_the_one_the_sentence_names() {
        // "عمان" is Oman and Amman (Jordan's capital)
        assert_eq!(codes("ar", "وصل الوزير إلى عمان والتقى نظيره الأردني")[1].0, "JORGOV");
        assert_eq!(codes("ar", "وصل الوزير إلى عمان والتقى السلطان في مسقط")[1].0, "OMN");
    }

    #[test]
    fn arabic_role_then_adjective() {
        assert_eq!(codes("ar", "أشاد وزير الدفاع السوري بالعلاقات"), vec![("SYRGOVMIL".into(), false)]);
        assert_eq!(codes("ar", "قال المسؤول العسكري الإيراني"), vec![("IRNMIL".into(), false)]);
    }

    #[test]
    fn arabic_title_and_person_stay_one_actor() {
        let c = codes("ar", "زيارة لرئيس الأركان الإيراني اللواء محمد حسين باقري إلى دمشق");
        assert_eq!(c[0].0, "IRNMIL");
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(c[1].0, "SYRGOV");
    }

    #[test]
    fn arabic_compound_is_marked() {
        assert_eq!(codes("ar", "وقعت إيران وسوريا اتفاقية"), vec![("IRN".into(), false), ("SYR".into(), true)]);
    }

    #[test]
    fn english_adjective_and_possessive() {
        assert_eq!(codes("en", "the Iranian military official said"), vec![("IRNMIL".into(), false)]);
        assert_eq!(codes("en", "Syria's army attacked"), vec![("SYRMIL".into(), false)]);
        assert_eq!(codes("en", "Jordan and Britain agreed"), vec![("JOR".into(), false), ("GBR".into(), true)]);
    }

    #[test]
    fn a_leader_has_the_code_of_the_office_held_that_year() {
        let lex = khabar_lexicon::get("en").unwrap();
        let code = |year| find_actors(lex, &tokens("Netanyahu said"), Some(year))[0].code();
        assert_eq!(code(2007), "ISROPP");
        assert_eq!(code(2015), "ISRGOV");
        let ar = khabar_lexicon::get("ar").unwrap();
        assert_eq!(find_actors(ar, &tokens("وقال نتنياهو"), Some(2007))[0].code(), "ISROPP");
    }

    #[test]
    fn arabic_forces_with_a_pronoun_suffix_are_the_named_actors() {
        assert_eq!(codes("ar", "أعلنت إسرائيل أن قواتها دخلت البلدة")[1].0, "ISRMIL");
        assert_eq!(codes("ar", "قال الجيش الإسرائيلي إن جنوده قتلوا مسلحا")[1].0, "ISRMIL");
        // not a force word: "his party" is not the speaker
        assert_eq!(codes("ar", "قال الرئيس المصري إن حزبه فاز").len(), 1);
    }

    #[test]
    fn arabic_what_belongs_to_an_actor_is_that_actors() {
        let c = |t: &str| codes("ar", t).into_iter().map(|(c, _)| c).collect::<Vec<_>>();
        // "تابعة ل": the drone is the US army's; the owner stays an actor of its own
        assert_eq!(c("قصفت طائرة بدون طيار تابعة للجيش الأمريكي سيارة"), vec!["USAMIL", "USAMIL"]);
        // without it the drone is only armed forces, of no country
        assert_eq!(c("قصفت طائرة بدون طيار سيارة للجيش الأمريكي"), vec!["MIL", "USAMIL"]);
    }
}
