//! Arabic clause rules: the word-order, clitic and tense facts of Arabic that the shared
//! trigger and role code consults when `lex.lang == "ar"`. Kept apart so that a reader of
//! Arabic finds them in one place, and the English rules do not run through them.

use khabar_lexicon::{Grammar, Lexicon, Pattern};
use khabar_text::Token;

use crate::mentions::ActorSpan;
use crate::triggers::Trigger;

/// Beside an unvocalised Arabic verb that is also its own passive ("قتل"), is a lone actor the
/// one it was done to? Yes when counted ("قتل ثلاثة جنود", "أن 13 جنديا قتلوا"), or when it
/// follows the verb indefinite and is not an armed group ("وقتل ناشط"); a definite or armed
/// subject is the doer ("قتلت القوات الأمريكية …", "خطف مسلحون …").
pub(crate) fn reads_as_victim(lex: &Lexicon, toks: &[Token], trig: &Trigger, a: &ActorSpan) -> bool {
    let counted = |k: usize| toks[k].norm.chars().any(|c| c.is_ascii_digit()) || khabar_text::strip_arabic_prefixes(&toks[k].norm).iter().take(2).any(|w| Grammar::has(&lex.grammar.eventive, w) && !w.starts_with("ال"));
    if a.start > 0 && counted(a.start - 1) || counted(a.start) {
        return true;
    }
    let armed = a.roles.iter().any(|r| matches!(r.as_str(), "UAF" | "REB" | "IMG" | "INS" | "SEP"));
    let definite = toks[a.start].norm[a.prefix.len().min(toks[a.start].norm.len())..].starts_with("ال") || a.prefix.ends_with("ال");
    a.start >= trig.end && a.start <= trig.end + 2 && !armed && !definite && a.kind == "role"
}

/// Arabic pronoun suffixes a noun may carry ("قدراتها", "قواته").
const AR_SUFFIXES: &[&str] = &["", "ه", "ها", "هم", "هما", "هن", "كم", "نا", "ي"];

/// Does one of `words` (normalised, from a pattern file) stand for the Arabic token whose
/// proclitic-stripped forms are `forms`, allowing pronoun suffixes and ة → ت before them
/// ("قدراتها")? This runs for every token in every pattern's window: no allocation.
pub(crate) fn any_word_matches<W: AsRef<str>>(forms: &[&str], words: &[W]) -> bool {
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
pub(crate) fn arabic_trigger_ok(prefix: &str, p: &Pattern, toks: &[Token], i: usize) -> bool {
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
