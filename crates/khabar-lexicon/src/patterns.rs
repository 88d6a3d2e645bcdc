//! Event patterns (`verbs.toml`) and grammar words (`grammar.toml`).

use khabar_core::{Error, Result};
use serde::Deserialize;

/// One event pattern: trigger words that, with the right company, code a CAMEO event.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pattern {
    /// Stable id, reported in each event's `rule` ("sign-agreement").
    pub id: String,
    /// CAMEO code the pattern gives ("057").
    pub cameo: String,
    /// Trigger words or phrases as written ("وقعت", "signed"). English lemmas go in `verbs`.
    #[serde(default)]
    pub forms: Vec<String>,
    /// English verb lemmas, expanded to -s, -ed and -ing forms on load.
    #[serde(default)]
    pub verbs: Vec<String>,
    /// Arabic sound verbs as "past|present" in the third person masculine singular
    /// ("وقع|يوقع"), expanded on load by [`arabic_inflections`] to the forms news text uses:
    /// every third person, the subjunctive/jussive, and each with an attached object pronoun
    /// (وقعوه، يوقعها).
    #[serde(default)]
    pub ar_verbs: Vec<String>,
    /// If set, one of these words must appear within `window` tokens after the trigger.
    #[serde(default)]
    pub requires: Vec<String>,
    /// If set, none of these may appear within `window` tokens after the trigger.
    #[serde(default)]
    pub excludes: Vec<String>,
    /// How far `requires`/`excludes` look, in tokens.
    #[serde(default = "default_window")]
    pub window: usize,
    /// A compound subject ("Iran and Syria signed") is coded in both directions.
    #[serde(default)]
    pub symmetric: bool,
    /// Code used instead when the event is only announced or intended ("will sign").
    pub intent: Option<String>,
    /// The trigger is passive: the grammatical subject is the target ("was attacked").
    #[serde(default)]
    pub passive: bool,
    /// The trigger is a noun ("visit", "زيارة"): its actor follows it as a genitive.
    #[serde(default)]
    pub noun: bool,
    /// Arabic: unvocalised, the past verb is also its own passive ("قتل" killed / was killed,
    /// "خطف" abducted / was abducted): a lone actor by it, with no second actor as its object,
    /// is the one it was done to ("قتل ثلاثة جنود في انفجار").
    #[serde(default)]
    pub passive_alone: bool,
    /// How many tokens before the trigger one of `requires` may also stand: the subject of an
    /// SVO clause or of an earlier coordinated verb ("المتظاهرون … ورددوا هتافات"). 0 = after only.
    #[serde(default)]
    pub requires_before: usize,
    /// The trigger itself says an event of an `anchored_roots` root took place ("تظاهر",
    /// "اندلعت مظاهرات"): the sentence needs no time, count or casualty word to report it.
    #[serde(default)]
    pub occasion: bool,
    /// A second code for the same act done by protesters (`protesters` in grammar.toml):
    /// protesters attacking or storming a building are also protesting violently ("145").
    #[serde(default)]
    pub crowd_code: Option<String>,
    /// The code for the same act done by a state's military ("190"): CAMEO codes the violence
    /// of armed forces as conventional force (root 19), that of armed groups as assault (18).
    #[serde(default)]
    pub military_code: Option<String>,
    /// With no one named as its target, the act falls on the actor's own country where it takes
    /// place at home: an alert or a mobilisation ("Pakistan on high alert"), as curfews and bans
    /// (roots 08 and 17) always do.
    #[serde(default)]
    pub domestic: bool,
    /// Drop the event when no target is found (sanctions on nobody say nothing).
    #[serde(default)]
    pub needs_target: bool,
    /// Drop the event when no source is found: a visit or an arrival by no one named ("وصل
    /// الفوج الأول") is no diplomatic event.
    #[serde(default)]
    pub needs_source: bool,
    /// Which phrase is the event's source: the grammatical subject unless the pattern says
    /// otherwise ("received a call from X": X, the caller, is the source).
    #[serde(default = "Arg::subject", deserialize_with = "de_arg")]
    pub source: Arg,
    /// Which phrase is the event's target: the object unless the pattern says otherwise
    /// ("received a call from X": the subject, who took the call).
    #[serde(default = "Arg::object", deserialize_with = "de_arg")]
    pub target: Arg,
    /// Base confidence of events this pattern codes (0–1).
    #[serde(default = "default_confidence")]
    pub confidence: f32,
    /// Free text for readers of the file.
    #[serde(default)]
    pub note: String,
    /// `file:id`, filled on load.
    #[serde(skip)]
    pub origin: String,
    /// `forms` normalised, filled on load: for comparing with a token's form (the matcher keeps
    /// the written forms, whose hamza tells an article from a word's own "أل").
    #[serde(skip)]
    pub norm_forms: Vec<String>,
    /// `requires` as match keys, filled on load (see [`match_key`]): a token is looked up, not
    /// compared with every word.
    #[serde(skip)]
    pub requires_keys: std::collections::HashSet<String>,
    /// `excludes` as match keys, filled on load.
    #[serde(skip)]
    pub excludes_keys: std::collections::HashSet<String>,
}

/// The form a `requires`/`excludes` word is matched by: Arabic words without their article
/// ("الاتفاقية" matches "اتفاقيته" too), other words as they are.
pub fn match_key(lang: &str, word: &str) -> String {
    if lang == "ar" {
        return word.strip_prefix("ال").filter(|x| x.chars().count() >= 2).unwrap_or(word).to_string();
    }
    word.to_string()
}

/// A phrase a pattern names as its source or target (`source = "prep:من"` in `verbs.toml`).
/// Roles are declared in the pattern file, not in code branches, so that "received a call
/// from X" and "called X" differ in one line of data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// `"subject"`: the grammatical subject, by the language's word order (the default source).
    Subject,
    /// `"object"`: the first actor after the trigger that is not the subject (the default target).
    Object,
    /// `"agent"`: the actor after one of the grammar's `agent_preps` ("by", "على يد").
    Agent,
    /// `"prep:من|from"`: the actor right after one of these prepositions (normalised; an
    /// Arabic one-letter preposition such as "ب" may be the actor's proclitic).
    Prep(Vec<String>),
}

impl Arg {
    fn subject() -> Arg {
        Arg::Subject
    }

    fn object() -> Arg {
        Arg::Object
    }

    /// Reads `"subject"`, `"object"`, `"agent"` or `"prep:w1|w2"`.
    pub fn parse(text: &str) -> std::result::Result<Arg, String> {
        match text.trim() {
            "subject" => Ok(Arg::Subject),
            "object" => Ok(Arg::Object),
            "agent" => Ok(Arg::Agent),
            t => match t.strip_prefix("prep:") {
                Some(words) if !words.trim().is_empty() => Ok(Arg::Prep(words.split('|').map(|w| khabar_text::normalize(w.trim())).collect())),
                _ => Err(format!("unknown argument {t:?}: expected \"subject\", \"object\", \"agent\" or \"prep:WORD|WORD\"")),
            },
        }
    }
}

fn de_arg<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Arg, D::Error> {
    let text = String::deserialize(d)?;
    Arg::parse(&text).map_err(serde::de::Error::custom)
}

fn default_window() -> usize {
    6
}

fn default_confidence() -> f32 {
    0.8
}

#[derive(Deserialize)]
struct PatternFile {
    #[serde(default)]
    pattern: Vec<Pattern>,
}

/// Regular English inflections of a verb lemma: sign → sign, signs, signed, signing.
pub fn english_inflections(lemma: &str) -> Vec<String> {
    let words: Vec<&str> = lemma.split_whitespace().collect();
    let Some((head, tail)) = words.split_first() else { return vec![] };
    let tail = if tail.is_empty() { String::new() } else { format!(" {}", tail.join(" ")) };
    let h = *head;
    let vowel = |c: char| "aeiou".contains(c);
    let chars: Vec<char> = h.chars().collect();
    let n = chars.len();
    let mut forms = vec![h.to_string()];
    // third person
    if h.ends_with('s') || h.ends_with('x') || h.ends_with('z') || h.ends_with("ch") || h.ends_with("sh") {
        forms.push(format!("{h}es"));
    } else if n > 1 && h.ends_with('y') && !vowel(chars[n - 2]) {
        forms.push(format!("{}ies", &h[..h.len() - 1]));
    } else {
        forms.push(format!("{h}s"));
    }
    // past and gerund
    if h.ends_with("ee") || h.ends_with("oe") || h.ends_with("ye") {
        forms.push(format!("{h}d"));
        forms.push(format!("{h}ing"));
    } else if h.ends_with('e') {
        forms.push(format!("{h}d"));
        forms.push(format!("{}ing", &h[..h.len() - 1]));
    } else if n > 1 && h.ends_with('y') && !vowel(chars[n - 2]) {
        forms.push(format!("{}ied", &h[..h.len() - 1]));
        forms.push(format!("{h}ing"));
    } else if n >= 3 && !vowel(chars[n - 1]) && vowel(chars[n - 2]) && !vowel(chars[n - 3]) && !"wxy".contains(chars[n - 1]) && n <= 4 {
        // short CVC verbs double their consonant: ban → banned, banning
        forms.push(format!("{h}{}ed", chars[n - 1]));
        forms.push(format!("{h}{}ing", chars[n - 1]));
    } else {
        forms.push(format!("{h}ed"));
        forms.push(format!("{h}ing"));
    }
    forms.into_iter().map(|f| format!("{f}{tail}")).collect()
}

/// Attached object pronouns of an Arabic verb: him, her, them, them two, them (f.), you (pl.),
/// us, me ("قتلوه", "استقبلها", "دعانا").
pub const AR_OBJECT_SUFFIXES: &[&str] = &["ه", "ها", "هم", "هما", "هن", "كم", "نا", "ني"];

/// Pushes `base` with every object pronoun attached.
fn with_objects(out: &mut Vec<String>, base: &str) {
    for o in AR_OBJECT_SUFFIXES {
        out.push(format!("{base}{o}"));
    }
}

/// Does a 3ms past with "ه" attached read as a noun in ة once normalised (ة and ه fold
/// together)? A bare triliteral "فعل" + ة is a noun of one act or a plural ("حملة", "قتلة",
/// "ضربة"), a Form III "فاعل" + ة a feminine participle ("طالبة", "صادقة"), a quadriliteral
/// "فعلل" + ة its verbal noun ("سيطرة"): of the four-letter pasts only Form IV and VIII (أرسل،
/// اتهم) keep the suffix ه; the other pronouns (ها، هم، …) stay.
fn ha_reads_as_noun(past: &str) -> bool {
    let c: Vec<char> = past.chars().collect();
    c.len() <= 3 || (c.len() == 4 && !matches!(c[0], 'أ' | 'ا' | 'إ'))
}

/// The forms of an Arabic sound verb given as past and present 3ms ("وقع|يوقع") that news text
/// uses: the third person in every number and gender (وقع وقعت وقعا وقعتا وقعوا وقعن; يوقع توقع
/// يوقعان توقعان يوقعون يوقعن), the subjunctive and jussive without nūn after أن، لن، لم (يوقعوا،
/// يوقعا، توقعا), and each of these with an attached object pronoun (وقعه، وقعته، وقعوه — the
/// alif of وا falls before a pronoun — يوقعها، يوقعونهم). Unvocalised, the passive is written as the active, so it is
/// covered too. A past of two letters (a doubled verb, "عم") or one ending in a vowel letter
/// ("قوى") takes no pronoun on the past, where it would read as a noun ("عمه"); nor does a
/// Form V/VI past ("تعهد", "تفاوض"), whose letters with a pronoun are its verbal noun with a
/// possessive ("تظاهرهم"), nor the 3ms of a bare triliteral ("قتلهم": "their killing").
pub fn arabic_inflections(past: &str, present: &str) -> Vec<String> {
    let mut forms = vec![
        past.to_string(),
        format!("{past}ت"),
        format!("{past}ا"),
        format!("{past}تا"),
        format!("{past}وا"),
        format!("{past}ن"),
        present.to_string(),
        format!("{present}ان"),
        format!("{present}ون"),
        format!("{present}ن"),
        format!("{present}وا"),
        format!("{present}ا"),
    ];
    let fem = present.strip_prefix('ي').map(|stem| format!("ت{stem}"));
    if let Some(t) = &fem {
        forms.push(t.clone());
        forms.push(format!("{t}ان"));
        forms.push(format!("{t}ا"));
    }
    let n = past.chars().count();
    let past_takes_object = n >= 3 && !past.ends_with(['ى', 'ا', 'ي', 'و']) && !past.starts_with('ت');
    if past_takes_object {
        // a bare triliteral past is spelt as its verbal noun (قتل "killed" / "killing"): with a
        // pronoun it is mostly the noun and its possessive ("أو قتلهم", "تم قتلها"), so only
        // the longer pasts (استقبله، اعتقلهم، هاجمها) take one on the 3ms
        if n >= 4 {
            for o in AR_OBJECT_SUFFIXES {
                if *o != "ه" || !ha_reads_as_noun(past) {
                    forms.push(format!("{past}{o}"));
                }
            }
        }
        for base in [format!("{past}ت"), format!("{past}ا"), format!("{past}تا"), format!("{past}و")] {
            with_objects(&mut forms, &base);
        }
    }
    for base in [present.to_string(), format!("{present}ان"), format!("{present}ون"), format!("{present}و"), format!("{present}ا")] {
        with_objects(&mut forms, &base);
    }
    if let Some(t) = &fem {
        for base in [t.clone(), format!("{t}ان"), format!("{t}ا")] {
            with_objects(&mut forms, &base);
        }
    }
    // "me" after a long alif reads as a nisba in -اني ("طالباني" is a name, not "the two
    // demanded of me")
    forms.retain(|f| !f.ends_with("اني") || f.ends_with("انني"));
    forms
}

/// A literal verb form of a pattern (`forms`, for the verbs `ar_verbs` cannot spell: "دعا",
/// "دعت", "التقى") with the object pronouns attached, where its ending says it is a past verb:
/// the feminine "ت" (not the plural "ات": "دعته", "دعتها"), "وا" (the alif falls: "دعوهم"), a
/// final alif or alif maqsura (written alif before the pronoun: "دعاها", "التقاهم"). After و
/// and ا the pronoun ه is left out: once ة and ه fold together, "دعوه" is "دعوة" (an
/// invitation) and "دعاه" is "دعاة" (preachers), the defective verb's own nouns. Phrases and
/// other words get none.
fn literal_with_objects(form: &str) -> Vec<String> {
    let mut out = Vec::new();
    if form.contains(' ') || form.chars().count() < 3 {
        return out;
    }
    let base = if let Some(stem) = form.strip_suffix("وا") {
        format!("{stem}و")
    } else if form.ends_with('ت') && !form.ends_with("ات") {
        with_objects(&mut out, form);
        return out;
    } else if let Some(stem) = form.strip_suffix('ى').or_else(|| form.strip_suffix('ا')) {
        format!("{stem}ا")
    } else {
        return out;
    };
    for o in AR_OBJECT_SUFFIXES.iter().filter(|o| **o != "ه") {
        out.push(format!("{base}{o}"));
    }
    out
}

pub(crate) fn parse_patterns(file: &str, text: &str, lang: &str) -> Result<Vec<Pattern>> {
    let parsed: PatternFile = toml::from_str(text).map_err(|e| Error::Lexicon {
        file: file.into(),
        line: e.span().map(|s| text[..s.start].lines().count()).unwrap_or(0),
        reason: e.message().to_string(),
    })?;
    let mut out = parsed.pattern;
    for p in &mut out {
        if khabar_core::cameo::lookup(&p.cameo).is_none() {
            return Err(Error::Lexicon { file: file.into(), line: 0, reason: format!("pattern {}: unknown CAMEO code {}", p.id, p.cameo) });
        }
        if let Some(c) = &p.crowd_code {
            if khabar_core::cameo::lookup(c).is_none() {
                return Err(Error::Lexicon { file: file.into(), line: 0, reason: format!("pattern {}: unknown CAMEO crowd_code {c}", p.id) });
            }
        }
        if let Some(c) = &p.military_code {
            if khabar_core::cameo::lookup(c).is_none() {
                return Err(Error::Lexicon { file: file.into(), line: 0, reason: format!("pattern {}: unknown CAMEO military_code {c}", p.id) });
            }
        }
        if let Some(i) = &p.intent {
            if khabar_core::cameo::lookup(i).is_none() {
                return Err(Error::Lexicon { file: file.into(), line: 0, reason: format!("pattern {}: unknown intent code {i}", p.id) });
            }
        }
        for w in p.requires.iter_mut().chain(p.excludes.iter_mut()) {
            *w = khabar_text::normalize(w);
        }
        if lang == "en" {
            let extra: Vec<String> = p.verbs.iter().flat_map(|v| english_inflections(v)).collect();
            p.forms.extend(extra);
        }
        let mut extra = Vec::new();
        for pair in &p.ar_verbs {
            let Some((past, present)) = pair.split_once('|') else {
                return Err(Error::Lexicon { file: file.into(), line: 0, reason: format!("pattern {}: ar_verbs entry {pair} is not past|present", p.id) });
            };
            extra.extend(arabic_inflections(past.trim(), present.trim()));
        }
        if lang == "ar" && !p.noun {
            for f in &p.forms {
                extra.extend(literal_with_objects(f));
            }
        }
        p.forms.extend(extra);
        let mut seen = std::collections::HashSet::new();
        p.forms.retain(|f| seen.insert(f.clone()));
        if p.forms.is_empty() {
            return Err(Error::Lexicon { file: file.into(), line: 0, reason: format!("pattern {} has no forms", p.id) });
        }
        p.origin = format!("{file}:{}", p.id);
        p.norm_forms = p.forms.iter().map(|f| khabar_text::normalize(f)).collect();
        p.requires_keys = p.requires.iter().map(|w| match_key(lang, w)).collect();
        p.excludes_keys = p.excludes.iter().map(|w| match_key(lang, w)).collect();
    }
    Ok(out)
}

/// Function words that steer the coder, per language (`grammar.toml`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grammar {
    /// Words that negate a following verb ("لم", "not").
    #[serde(default)]
    pub negation: Vec<String>,
    /// Verbs that deny what follows ("نفى", "denied").
    #[serde(default)]
    pub denial: Vec<String>,
    /// Words that put a following verb in the future ("سوف", "will").
    #[serde(default)]
    pub future: Vec<String>,
    /// Verbs of intention ("تعتزم", "plans").
    #[serde(default)]
    pub intent: Vec<String>,
    /// Verbs of saying ("قال", "said").
    #[serde(default)]
    pub report: Vec<String>,
    /// Words that mark a sentence as background ("منذ", "since").
    #[serde(default)]
    pub background: Vec<String>,
    /// Words joining actors into a compound ("و", "and").
    #[serde(default)]
    pub coordinators: Vec<String>,
    /// Prepositions introducing a target ("مع", "against").
    #[serde(default)]
    pub target_preps: Vec<String>,
    /// Prepositions introducing a passive agent ("by", "على يد").
    #[serde(default)]
    pub agent_preps: Vec<String>,
    /// Words that open a subordinate clause ("if", "which", "الذي", "بعد"): a trigger right after
    /// one is not the sentence's own event.
    #[serde(default)]
    pub subordinators: Vec<String>,
    /// Words that make a following verbal noun the object of something else ("condemned the
    /// attack", "بعد الهجوم", "محاولة اغتيال").
    #[serde(default)]
    pub noun_blockers: Vec<String>,
    /// Words that anchor a report in a real occasion — time words, casualty words ("أمس",
    /// "قتلى", "yesterday", "wounded"). A verbal noun with neither an actor of its own nor one of
    /// these (or a number) in its sentence is a mention, not a report.
    #[serde(default)]
    pub eventive: Vec<String>,
    /// Words that may stand between a country and a role without splitting the actor
    /// ("Taiwan's vice foreign minister", "Iran's former president").
    #[serde(default)]
    pub role_modifiers: Vec<String>,
    /// Light verbs ("staged", "held", "launched"): no event of their own, they give the noun after
    /// them its occasion and its subject ("students staged demonstrations").
    #[serde(default)]
    pub light_verbs: Vec<String>,
    /// Deontic words ("must", "يجب"): "X said that Y must …" is X demanding of Y (CAMEO 100).
    #[serde(default)]
    pub demand_modals: Vec<String>,
    /// CAMEO roots whose events must be anchored in an occasion ("18", "14"): the sentence needs
    /// a time word, a number or a casualty word (`eventive`, or digits), else the trigger is
    /// taken as talk about such events (commentary, policy, history), not a report of one.
    /// Empty for a language that does not ask this.
    #[serde(default)]
    pub anchored_roots: Vec<String>,
    /// Words that make a sentence a question or a counterfactual ("هل", "لو"): events of the
    /// `anchored_roots` in such a sentence are not reported as happening.
    #[serde(default)]
    pub hypothetical: Vec<String>,
    /// Casualty words ("قتلى", "مقتل", "wounded"): a verbal noun of the `anchored_roots` with no
    /// actor of its own is a report only in a sentence that counts the dead or hurt ("مقتل
    /// خمسة في انفجار سيارة مفخخة"); otherwise it names an event the story is about.
    #[serde(default)]
    pub casualties: Vec<String>,
    /// Time nouns: a subordinator right before one is a time phrase, not a clause ("الليلة قبل
    /// الماضية", "بعد ظهر أمس", "two days after"), and the trigger after it is the sentence's own.
    #[serde(default)]
    pub time_nouns: Vec<String>,
    /// Verbs that say an event happened ("وقع", "حدث", "occurred"): a verbal noun right after
    /// one reports that occasion ("وقع الهجوم فجر أمس"), definite or not, anchored or not.
    #[serde(default)]
    pub occurrence_verbs: Vec<String>,
    /// Words of reacting or of cause ("against", "protesting", "result", «احتجاجا», «ردا»): an
    /// act named within three words after one is what a protest reacts to, and its doer what
    /// the protest is against.
    #[serde(default)]
    pub reaction_words: Vec<String>,
    /// Prepositions that aim a blow at what follows («على», «ضد», "on", "against"): a verb of
    /// violence whose doer is named and which is aimed at a thing or a place ("نفذت طائرات
    /// التحالف غارات على المعسكر") reports what it struck, with no time or toll needed.
    #[serde(default)]
    pub aim_preps: Vec<String>,
    /// Words for the speaker's own country («بلاده», «بلادنا», "his country", "our country"):
    /// the country of the first actor named before them in the sentence, as an actor.
    #[serde(default)]
    pub own_country: Vec<String>,
    /// Bomb words ("عبوة", "سيارة مفخخة", "bomb"): violence (CAMEO 18–20) in a sentence with one
    /// and no one named behind it was done by an unidentified armed force (UAF).
    #[serde(default)]
    pub bombs: Vec<String>,
    /// Counts and member words ("عشرات من", "أعضاء", "members of") that may stand between a
    /// verb and its subject without distancing it ("تظاهر عشرات من أعضاء الحزب").
    #[serde(default)]
    pub member_words: Vec<String>,
    /// "Belonging to" words ("تابعة", "التابع"): an actor before one with an ل-actor after it is
    /// that owner's ("طائرة تابعة للجيش الإسرائيلي" → ISR MIL).
    #[serde(default)]
    pub belongs_to: Vec<String>,
    /// Protester words ("المتظاهرون", "protesters"): violence by them is also a violent protest
    /// (CAMEO 145), coded beside the assault.
    #[serde(default)]
    pub protesters: Vec<String>,
    /// Arabic prepositions: no verb follows one, so a verb form right after one is its homograph
    /// verbal noun ("على قتل", "إلى خطف").
    #[serde(default)]
    pub prepositions: Vec<String>,
    /// Verbs of accomplishing ("نجح في", "تمكن من", "أقدم على"): the verbal noun after them and
    /// their preposition reports the act as done.
    #[serde(default)]
    pub accomplish: Vec<String>,
    /// Verbs of carrying out ("نفذ", "شن", "carried out"): a blocker right after one ("عملية")
    /// names the operation done, so the noun after it is the act ("نفذوا عملية الخطف").
    #[serde(default)]
    pub carry_out: Vec<String>,
    /// Accident and disaster words ("حادث مروري", "غرق", "crash"): violence with no one named
    /// behind it, in a sentence with one, is an accident, not an assault.
    #[serde(default)]
    pub accidents: Vec<String>,
    /// Given names that read as a clitic plus a verb ("فيصل" = ف + يصل): never a trigger.
    #[serde(default)]
    pub given_names: Vec<String>,
    /// Number words ("ثلاثة", "مئات"): no verb follows one, so a verb form after one is a noun
    /// ("400 طالب": students, not "demanded").
    #[serde(default)]
    pub numerals: Vec<String>,
    /// Words of the present period ("حاليا", "الأخيرة" in "في الأسابيع الأخيرة", "منذ"): a
    /// present-tense verb of violence near one tells an ongoing campaign, not a habit.
    #[serde(default)]
    pub ongoing: Vec<String>,
    /// Words of habit ("كل" in "كل يوم", "دائما", "عادة"): a present-tense verb near one is
    /// habitual even with a word of the present period.
    #[serde(default)]
    pub habitual: Vec<String>,
    /// Arabic country names that are masculine ("العراق", "لبنان"): a verb not in the feminine
    /// may have one as its subject after it; any other country or city is feminine.
    #[serde(default)]
    pub masculine_names: Vec<String>,
    /// Arabic passive auxiliaries ("تم", "جرى"): the verbal noun after one is passive ("تم قتل
    /// خمسة": five were killed), the actor after it the one acted on.
    #[serde(default)]
    pub passive_auxiliaries: Vec<String>,
    /// Arabic: the verb prefix marking the future (س).
    #[serde(default)]
    pub future_prefix: Option<String>,
}

impl Grammar {
    /// Is `norm` (a normalised token) in `list`? Lists are normalised and sorted when the file is
    /// loaded.
    pub fn has(list: &[String], norm: &str) -> bool {
        list.binary_search_by(|w| w.as_str().cmp(norm)).is_ok()
    }
}

pub(crate) fn parse_grammar(file: &str, text: &str) -> Result<Grammar> {
    let mut g: Grammar = toml::from_str(text).map_err(|e| Error::Lexicon { file: file.into(), line: 0, reason: e.message().to_string() })?;
    for list in [
        &mut g.negation,
        &mut g.denial,
        &mut g.future,
        &mut g.intent,
        &mut g.report,
        &mut g.background,
        &mut g.coordinators,
        &mut g.target_preps,
        &mut g.agent_preps,
        &mut g.subordinators,
        &mut g.noun_blockers,
        &mut g.eventive,
        &mut g.demand_modals,
        &mut g.role_modifiers,
        &mut g.hypothetical,
        &mut g.time_nouns,
        &mut g.numerals,
        &mut g.given_names,
        &mut g.accidents,
        &mut g.carry_out,
        &mut g.accomplish,
        &mut g.prepositions,
        &mut g.protesters,
        &mut g.belongs_to,
        &mut g.member_words,
        &mut g.bombs,
        &mut g.occurrence_verbs,
        &mut g.reaction_words,
        &mut g.aim_preps,
        &mut g.own_country,
        &mut g.casualties,
        &mut g.light_verbs,
        &mut g.ongoing,
        &mut g.habitual,
        &mut g.masculine_names,
        &mut g.passive_auxiliaries,
    ] {
        for w in list.iter_mut() {
            *w = khabar_text::normalize(w);
        }
        // sorted, so that `Grammar::has` can search instead of scan: it runs for every token
        list.sort_unstable();
        list.dedup();
    }
    Ok(g)
}

#[cfg(test)]
mod tests {

    #[test]
    fn required_words_match_by_their_key() {
        // an Arabic word is matched without its article; a short word keeps it
        assert_eq!(match_key("ar", "الاتفاقية"), "اتفاقية");
        assert_eq!(match_key("ar", "الي"), "الي");
        assert_eq!(match_key("en", "the"), "the");
    }

    use super::*;

    #[test]
    fn arabic_sound_verb_forms() {
        let f = arabic_inflections("وقع", "يوقع");
        for want in ["وقع", "وقعت", "وقعا", "وقعوا", "يوقع", "توقع", "يوقعان", "توقعان", "يوقعون"] {
            assert!(f.contains(&want.to_string()), "{want}");
        }
    }

    #[test]
    fn arabic_paradigm_beyond_the_third_person_indicative() {
        let f = arabic_inflections("كتب", "يكتب");
        // feminine plural, subjunctive/jussive without nun, dual feminine
        for want in ["كتبن", "يكتبن", "يكتبوا", "يكتبا", "تكتبا"] {
            assert!(f.contains(&want.to_string()), "{want}");
        }
    }

    #[test]
    fn arabic_object_pronouns_on_verbs() {
        let f = arabic_inflections("استجوب", "يستجوب");
        // the alif of وا falls before the pronoun; every person of the object
        for want in ["استجوبه", "استجوبته", "استجوبوه", "استجوباها", "يستجوبهم", "تستجوبني", "يستجوبونهم", "يستجوبوه", "تستجوبانه"] {
            assert!(f.contains(&want.to_string()), "{want}");
        }
        assert!(!f.contains(&"استجوبواه".to_string()));
        // a bare triliteral + ه is its noun in ة ("ضربة"), a Form III + ه a participle ("ساعدة"
        // would be read as one): no ه on those pasts, the other pronouns stay
        let f = arabic_inflections("ضرب", "يضرب");
        assert!(!f.contains(&"ضربه".to_string()));
        // a bare triliteral past is spelt as its verbal noun: "ضربها" is mostly "her beating"
        assert!(!f.contains(&"ضربها".to_string()));
        assert!(f.contains(&"ضربته".to_string()) && f.contains(&"ضربوها".to_string()) && f.contains(&"يضربه".to_string()));
        // a quadriliteral + ة is its verbal noun ("سيطرة"); a Form IV keeps the ه
        assert!(!arabic_inflections("زلزل", "يزلزل").contains(&"زلزله".to_string()));
        assert!(arabic_inflections("أخرج", "يخرج").contains(&"أخرجه".to_string()));
        let f = arabic_inflections("ساعد", "يساعد");
        assert!(!f.contains(&"ساعده".to_string()) && f.contains(&"ساعدهم".to_string()));
        // "me" after a long alif would read as a nisba ("-اني")
        assert!(!f.contains(&"ساعداني".to_string()) && f.contains(&"ساعدوني".to_string()));
        // a doubled verb of two letters or a Form V past: no pronoun on the past
        let f = arabic_inflections("شد", "يشد");
        assert!(!f.iter().any(|x| x == "شدها") && f.contains(&"يشدها".to_string()));
        let f = arabic_inflections("تسلم", "يتسلم");
        assert!(!f.contains(&"تسلمها".to_string()) && f.contains(&"يتسلمها".to_string()));
    }

    #[test]
    fn literal_verb_forms_take_object_pronouns() {
        let toml = "[[pattern]]\nid = \"x\"\ncameo = \"041\"\nforms = [\"نادى\", \"نادت\", \"نادوا\", \"مكالمات\", \"اتصل هاتفيا\"]\n\n[[pattern]]\nid = \"n\"\ncameo = \"042\"\nnoun = true\nforms = [\"جولة\", \"رحلت\"]\n";
        let ps = parse_patterns("t.toml", toml, "ar").unwrap();
        for want in ["ناداها", "ناداهم", "نادته", "نادتهم", "نادوهم", "نادونا"] {
            assert!(ps[0].forms.contains(&want.to_string()), "{want}");
        }
        // "دعوه", "دعاه" would be "دعوة", "دعاة" once ة folds into ه: no ه after و or ا
        assert!(!ps[0].forms.iter().any(|f| f == "ناداه" || f == "نادوه"));
        // a plural in ات, a phrase, and a noun pattern take none: there the suffix is a possessive
        assert!(!ps[0].forms.iter().any(|f| f.starts_with("مكالماته") || f.starts_with("اتصل هاتفياه")));
        assert_eq!(ps[1].forms.len(), 2);
        // no form twice, though several sources give it
        let toml = "[[pattern]]\nid = \"d\"\ncameo = \"041\"\nforms = [\"كتبوا\"]\nar_verbs = [\"كتب|يكتب\"]\n";
        let ps = parse_patterns("t.toml", toml, "ar").unwrap();
        assert_eq!(ps[0].forms.iter().filter(|f| *f == "كتبوهم").count(), 1);
    }

    #[test]
    fn inflections() {
        assert_eq!(english_inflections("sign"), vec!["sign", "signs", "signed", "signing"]);
        assert_eq!(english_inflections("agree"), vec!["agree", "agrees", "agreed", "agreeing"]);
        assert_eq!(english_inflections("praise"), vec!["praise", "praises", "praised", "praising"]);
        assert_eq!(english_inflections("deny"), vec!["deny", "denies", "denied", "denying"]);
        assert_eq!(english_inflections("ban"), vec!["ban", "bans", "banned", "banning"]);
        assert_eq!(english_inflections("attack"), vec!["attack", "attacks", "attacked", "attacking"]);
        assert_eq!(english_inflections("call for"), vec!["call for", "calls for", "called for", "calling for"]);
    }

    #[test]
    fn pattern_arguments() {
        let toml = "[[pattern]]\nid = \"x\"\ncameo = \"041\"\nforms = [\"تلقى\"]\nsource = \"prep:من|from\"\ntarget = \"subject\"\n\n[[pattern]]\nid = \"y\"\ncameo = \"040\"\nforms = [\"met\"]\n";
        let ps = parse_patterns("t.toml", toml, "ar").unwrap();
        assert_eq!(ps[0].source, Arg::Prep(vec!["من".into(), "from".into()]));
        assert_eq!(ps[0].target, Arg::Subject);
        // the default: subject → source, object → target
        assert_eq!((&ps[1].source, &ps[1].target), (&Arg::Subject, &Arg::Object));
        assert_eq!(Arg::parse("agent"), Ok(Arg::Agent));
        assert!(Arg::parse("prep:").is_err() && Arg::parse("caller").is_err());
        assert!(parse_patterns("t.toml", "[[pattern]]\nid = \"z\"\ncameo = \"040\"\nforms = [\"met\"]\nsource = \"callee\"\n", "en").is_err());
    }
}
