//! Modality and negation of a trigger from the words before it, and the code an intended
//! event takes instead of the pattern's own.

use khabar_core::Modality;
use khabar_lexicon::{Grammar, Lexicon, Pattern};
use khabar_text::Token;

use crate::arabic::{arabic_negator, arabic_present};
use crate::triggers::Trigger;

/// The code of an intended event: the pattern's own `intent` code, else CAMEO's "express intent"
/// family for cooperation (03) and "threaten" family for conflict (13). "Will impose sanctions"
/// is a threat; "will sign an agreement" an intent to cooperate.
pub(crate) fn intended_code(p: &Pattern) -> String {
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

pub(crate) fn words_before<'t>(toks: &'t [Token], trig: &Trigger, n: usize) -> &'t [Token] {
    &toks[trig.start.saturating_sub(n)..trig.start]
}

pub(crate) fn modality_of(lex: &Lexicon, toks: &[Token], trig: &Trigger) -> Modality {
    let g = &lex.grammar;
    let future_prefix = g.future_prefix.as_deref().is_some_and(|f| !f.is_empty() && trig.prefix.contains(f));
    let near = words_before(toks, trig, 3);
    let stripped = |t: &Token| khabar_text::strip_arabic_prefixes(&t.norm).into_iter().map(str::to_string).collect::<Vec<_>>();
    let in_list = |list: &[String], t: &Token| stripped(t).iter().any(|w| Grammar::has(list, w));
    // «قد تقصف مواقع»: «قد» right before a present-tense verb is "may", said of what is not done
    // (before a past one it is "has": «قد قتل»)
    let may = lex.lang == "ar"
        && !trig.noun
        && trig.start > 0
        && toks[trig.start - 1].norm == "قد"
        && toks[trig.start].norm.strip_prefix(trig.prefix.as_str()).is_some_and(|stem| crate::arabic::arabic_present(trig.pattern, stem));
    if may || future_prefix || near.iter().any(|t| in_list(&g.future, t) || in_list(&g.intent, t)) {
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

pub(crate) fn is_negated(lex: &Lexicon, toks: &[Token], trig: &Trigger) -> bool {
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
