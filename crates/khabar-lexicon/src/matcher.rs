use rustc_hash::FxHashMap as HashMap;

use khabar_text::{normalize, tokens, Token};

/// A dictionary of multi-word phrases, matched against token sequences.
///
/// Entries are indexed by their first word, so a lookup costs one hash probe per candidate
/// form of a token. Arabic first words are tried with their proclitics stripped (و ف ب ك ل ال لل);
/// English ones with and without a possessive `'s`. Later words of a phrase match with or
/// without an Arabic article, so "وزير الدفاع" also finds "وزير دفاع".
pub struct PhraseMatcher<T> {
    lang: &'static str,
    by_first: HashMap<String, Vec<(Vec<String>, T)>>,
    len: usize,
}

/// Up to five lookup forms of one token.
struct Candidates<'t> {
    items: [(&'t str, usize); 5],
    len: usize,
}

impl<'t> Candidates<'t> {
    fn push(&mut self, s: &'t str, prefix_len: usize) {
        if self.len < self.items.len() {
            self.items[self.len] = (s, prefix_len);
            self.len += 1;
        }
    }
}

impl<'t> IntoIterator for Candidates<'t> {
    type Item = (&'t str, usize);
    type IntoIter = std::iter::Take<std::array::IntoIter<(&'t str, usize), 5>>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter().take(self.len)
    }
}

/// A phrase found in a token sequence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Match<'a, T> {
    /// Index of the first token.
    pub start: usize,
    /// Index just past the last token.
    pub end: usize,
    /// The entry.
    pub value: &'a T,
    /// The proclitic stripped from the first token ("و", "بال", …), empty if none.
    pub prefix_len: usize,
}

impl<T> PhraseMatcher<T> {
    /// An empty matcher for a language.
    pub fn new(lang: &'static str) -> Self {
        PhraseMatcher { lang, by_first: HashMap::default(), len: 0 }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.len
    }

    /// No entries at all.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Adds a phrase, written as a person would write it.
    pub fn insert(&mut self, phrase: &str, value: T) {
        let words: Vec<String> = tokens(&normalize(phrase)).into_iter().map(|t| t.norm).collect();
        let Some((first, rest)) = words.split_first() else { return };
        // "ألمانيا", "ألبان": a hamza'd alef before lam is the word's own, not the article, and
        // must stay (else "ألبان" would be stored as "بان" and found in "بأن", "that")
        let own_al = phrase.trim_start().starts_with(['أ', 'إ']) && phrase.trim_start().chars().nth(1) == Some('ل');
        let first = if own_al { first.clone() } else { self.key_form(first) };
        let rest = rest.iter().map(|w| self.rest_form(w).to_string()).collect();
        self.by_first.entry(first).or_default().push((rest, value));
        self.len += 1;
    }

    /// Adds a noun phrase with the regular number inflections of its head, for dictionaries of
    /// nouns (role words): an Arabic head in ة also stands in the dual and its construct
    /// ("حكومة" → حكومتان، حكومتين، حكومتا، حكومتي: "the two governments", "وزارتي الدفاع
    /// والداخلية") and, from four letters on, in the sound feminine plural ("وزارة" → وزارات; a
    /// shorter one such as "طلبة" is itself a plural, and "طلبات" another word). A head in اة
    /// ("قضاة") is a broken plural and is left as it is. Other languages: as [`Self::insert`].
    pub fn insert_inflected(&mut self, phrase: &str, value: T)
    where
        T: Clone,
    {
        if self.lang == "ar" {
            for variant in arabic_noun_numbers(phrase) {
                self.insert(&variant, value.clone());
            }
        }
        self.insert(phrase, value);
    }

    /// Arabic keys lose a leading article so "السعودية" and "سعودية" are one entry.
    fn key_form(&self, w: &str) -> String {
        if self.lang == "ar" {
            if let Some(r) = w.strip_prefix("ال").filter(|r| r.chars().count() >= 2) {
                return r.to_string();
            }
        }
        w.to_string()
    }

    fn rest_form<'w>(&self, w: &'w str) -> &'w str {
        if self.lang == "ar" {
            w.strip_prefix("ال").filter(|r| r.chars().count() >= 2).unwrap_or(w)
        } else {
            w
        }
    }

    /// Candidate forms of a token for lookup, most literal first, each with the byte length of
    /// what was stripped from its front. No allocation: this runs for every token.
    fn candidates<'t>(&self, norm: &'t str) -> Candidates<'t> {
        let mut c = Candidates { items: [("", 0); 5], len: 0 };
        if self.lang == "ar" {
            c.push(norm, 0);
            let mut rest = norm;
            let strip = |w: &'t str, p: &str| w.strip_prefix(p).filter(|r| r.chars().count() >= 2);
            if let Some(r) = strip(rest, "و").or_else(|| strip(rest, "ف")) {
                c.push(r, norm.len() - r.len());
                rest = r;
            }
            if let Some(r) = strip(rest, "ب").or_else(|| strip(rest, "ك")).or_else(|| strip(rest, "ل")).or_else(|| strip(rest, "س")) {
                if let Some(r2) = strip(rest, "لل") {
                    c.push(r, norm.len() - r.len());
                    c.push(r2, norm.len() - r2.len());
                    return c;
                }
                c.push(r, norm.len() - r.len());
                rest = r;
            }
            if let Some(r) = strip(rest, "ال") {
                c.push(r, norm.len() - r.len());
            }
        } else {
            c.push(norm, 0);
            if let Some(s) = norm.strip_suffix("'s").or_else(|| norm.strip_suffix('\'')) {
                c.push(s, 0);
            }
        }
        c
    }

    /// The longest phrase starting at token `i`, if any.
    pub fn longest_at<'a>(&'a self, toks: &[Token], i: usize) -> Option<Match<'a, T>> {
        self.all_at(toks, i).into_iter().next()
    }

    /// Every phrase starting at token `i`, longest first (the same words may belong to several
    /// entries, e.g. two patterns sharing a trigger); none past the last token.
    pub fn all_at<'a>(&'a self, toks: &[Token], i: usize) -> Vec<Match<'a, T>> {
        let mut out: Vec<Match<'a, T>> = Vec::new();
        if i >= toks.len() {
            return out;
        }
        for (cand, prefix_len) in self.candidates(&toks[i].norm) {
            let Some(entries) = self.by_first.get(cand) else { continue };
            for (rest, value) in entries {
                let end = i + 1 + rest.len();
                if end > toks.len() {
                    continue;
                }
                let ok = rest.iter().zip(&toks[i + 1..end]).all(|(w, t)| {
                    let tn = t.norm.as_str();
                    w == tn || w == self.rest_form(tn) || (self.lang == "en" && tn.strip_suffix("'s") == Some(w))
                });
                if ok {
                    out.push(Match { start: i, end, value, prefix_len });
                }
            }
            if !out.is_empty() {
                break;
            }
        }
        out.sort_by(|a, b| b.end.cmp(&a.end));
        out
    }

    /// All non-overlapping longest matches, left to right.
    pub fn find_all<'a>(&'a self, toks: &[Token]) -> Vec<Match<'a, T>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            match self.longest_at(toks, i) {
                Some(m) => {
                    i = m.end;
                    out.push(m);
                }
                None => i += 1,
            }
        }
        out
    }
}

/// The dual and sound feminine plural of a phrase whose first word ends in ة (see
/// [`PhraseMatcher::insert_inflected`]); none for other phrases.
fn arabic_noun_numbers(phrase: &str) -> Vec<String> {
    let phrase = phrase.trim();
    let (head, rest) = match phrase.split_once(' ') {
        Some((h, r)) => (h, format!(" {r}")),
        None => (phrase, String::new()),
    };
    let Some(stem) = head.strip_suffix('ة') else { return vec![] };
    if stem.ends_with('ا') || stem.chars().count() < 2 {
        return vec![];
    }
    let mut out: Vec<String> = ["تان", "تين", "تا", "تي"].iter().map(|s| format!("{stem}{s}{rest}")).collect();
    let bare = stem.strip_prefix("ال").unwrap_or(stem);
    if bare.chars().count() >= 4 {
        out.push(format!("{stem}ات{rest}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_clitics_and_articles() {
        let mut m = PhraseMatcher::new("ar");
        m.insert("السعودية", "SAU");
        m.insert("إيراني", "IRN");
        m.insert("وزير الدفاع", "GOV");
        let toks = tokens("وقال وزير دفاع السعودية والإيرانيين للإيراني");
        let found: Vec<_> = m.find_all(&toks).into_iter().map(|x| (*x.value, x.start)).collect();
        assert_eq!(found, vec![("GOV", 1), ("SAU", 3), ("IRN", 5)]);
    }

    #[test]
    fn nothing_starts_past_the_last_token() {
        let mut m = PhraseMatcher::new("ar");
        m.insert("السعودية", "SAU");
        let toks = tokens("وقال السعودية");
        assert!(m.all_at(&toks, toks.len()).is_empty());
        assert!(m.all_at(&toks, toks.len() + 3).is_empty());
    }

    #[test]
    fn hamza_alef_lam_is_not_the_article() {
        let mut m = PhraseMatcher::new("ar");
        m.insert("ألبان", 1);
        assert!(m.longest_at(&tokens("وقال بأن الحكومة"), 1).is_none());
        assert!(m.longest_at(&tokens("وقال الألبان"), 1).is_some());
        assert!(m.longest_at(&tokens("وقال ألبان كوسوفو"), 1).is_some());
    }

    #[test]
    fn nouns_in_taa_marbuta_in_the_dual_and_plural() {
        let mut m = PhraseMatcher::new("ar");
        m.insert_inflected("بلدية", "GOV");
        m.insert_inflected("إدارة الجمارك", "GOV");
        m.insert_inflected("طلبة", "EDU");
        m.insert_inflected("قضاة", "JUD");
        for text in ["البلديتين", "بلديتا", "للبلديتين", "والبلديات", "إدارتي الجمارك", "ادارات الجمارك", "الطلبة"] {
            let toks = tokens(text);
            assert!(m.longest_at(&toks, 0).is_some_and(|x| x.end == toks.len()), "{text}");
        }
        // "طلبات" (requests) is another word; a head in اة is a broken plural
        for text in ["طلبات", "قضاتين"] {
            assert!(m.longest_at(&tokens(text), 0).is_none(), "{text}");
        }
        // a plain insert does not inflect
        let mut m = PhraseMatcher::new("ar");
        m.insert("بلدية", 1);
        assert!(m.longest_at(&tokens("البلديات"), 0).is_none());
    }

    #[test]
    fn longest_phrase_wins() {
        let mut m = PhraseMatcher::new("en");
        m.insert("United States", "USA");
        m.insert("United States Army", "USAMIL");
        m.insert("United", "X");
        let toks = tokens("The United States Army's chief");
        let hit = m.longest_at(&toks, 1).unwrap();
        assert_eq!((*hit.value, hit.end), ("USAMIL", 4));
    }

    #[test]
    fn english_possessive() {
        let mut m = PhraseMatcher::new("en");
        m.insert("Syria", "SYR");
        let toks = tokens("Syria's army");
        assert_eq!(*m.longest_at(&toks, 0).unwrap().value, "SYR");
    }
}
