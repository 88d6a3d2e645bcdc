/// Folds one Arabic-script character to its matching form, or `None` to drop it
/// (diacritics, tatweel, Quranic marks).
pub fn normalize_arabic_char(c: char) -> Option<char> {
    match c {
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{06D6}'..='\u{06ED}' => None,
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => Some('ا'),
        'ى' | 'ی' | 'ې' => Some('ي'),
        'ة' | 'ۀ' | 'ە' => Some('ه'),
        'ؤ' => Some('و'),
        'ئ' => Some('ي'),
        'ک' => Some('ك'),
        '٠'..='٩' => char::from_u32(c as u32 - '٠' as u32 + '0' as u32),
        '۰'..='۹' => char::from_u32(c as u32 - '۰' as u32 + '0' as u32),
        _ => Some(c),
    }
}

/// The matching form of a text: Arabic folded as [`normalize_arabic_char`] says, everything
/// lower-cased, typographic apostrophes and dashes made plain, runs of whitespace made one space.
///
/// ```
/// assert_eq!(khabar_text::normalize("إيرانيّة"), "ايرانيه");
/// assert_eq!(khabar_text::normalize("U.S.  Army"), "u.s. army");
/// ```
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !space && !out.is_empty() {
                out.push(' ');
            }
            space = true;
            continue;
        }
        space = false;
        let c = match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' => '\'',
            '\u{2010}'..='\u{2015}' => '-',
            _ => c,
        };
        if let Some(n) = normalize_arabic_char(c) {
            if n.is_uppercase() {
                out.extend(n.to_lowercase());
            } else {
                out.push(n);
            }
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The candidate stems [`strip_arabic_prefixes`] finds: at most four, kept inline because this
/// runs for nearly every token the coder looks at. Reads as a slice.
#[derive(Debug, Clone, Copy)]
pub struct Stems<'a> {
    items: [&'a str; 4],
    len: usize,
}

impl<'a> Stems<'a> {
    fn push(&mut self, s: &'a str) {
        self.items[self.len] = s;
        self.len += 1;
    }
}

impl<'a> std::ops::Deref for Stems<'a> {
    type Target = [&'a str];
    fn deref(&self) -> &[&'a str] {
        &self.items[..self.len]
    }
}

impl<'a> IntoIterator for Stems<'a> {
    type Item = &'a str;
    type IntoIter = std::iter::Take<std::array::IntoIter<&'a str, 4>>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter().take(self.len)
    }
}

impl<'a> PartialEq<Vec<&'a str>> for Stems<'a> {
    fn eq(&self, other: &Vec<&'a str>) -> bool {
        **self == other[..]
    }
}

/// Candidate stems of a normalised Arabic word with its proclitics removed, longest first
/// removal last: "وبالجيش" → ["وبالجيش", "بالجيش", "الجيش", "جيش"]. Each candidate keeps at
/// least two letters, so short words are not eaten away.
pub fn strip_arabic_prefixes(word: &str) -> Stems<'_> {
    let mut out = Stems { items: [""; 4], len: 0 };
    out.push(word);
    let mut rest = word;
    // conjunction, then preposition, then article (or the contracted لل)
    if let Some(r) = strip_one(rest, &["و", "ف"]) {
        out.push(r);
        rest = r;
    }
    if let Some(r) = strip_one(rest, &["ب", "ك", "ل", "س"]) {
        // "لل" = ل + ال with the alef elided
        if rest.starts_with("لل") {
            if let Some(r2) = rest.strip_prefix("لل").filter(|r| r.chars().count() >= 2) {
                out.push(r);
                out.push(r2);
                return out;
            }
        }
        out.push(r);
        rest = r;
    }
    if let Some(r) = rest.strip_prefix("ال").filter(|r| r.chars().count() >= 2) {
        out.push(r);
    }
    out
}

/// The form full-text search indexes and queries in: the words of [`normalize`], each Arabic word
/// without its proclitics and article, so "الرياض", "والرياض" and "بالرياض" are one term.
///
/// ```
/// assert_eq!(khabar_text::search_form("وصل إلى والرياض."), khabar_text::search_form("وصل الى الرياض"));
/// ```
pub fn search_form(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for t in crate::tokens(text) {
        if !out.is_empty() {
            out.push(' ');
        }
        let arabic = t.norm.chars().next().is_some_and(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
        if arabic {
            let cands = strip_arabic_prefixes(&t.norm);
            out.push_str(cands.last().copied().unwrap_or(&t.norm));
        } else {
            out.push_str(&t.norm);
        }
    }
    out
}

fn strip_one<'a>(word: &'a str, prefixes: &[&str]) -> Option<&'a str> {
    prefixes
        .iter()
        .find_map(|p| word.strip_prefix(p))
        .filter(|r| r.chars().count() >= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_hamza_alef_forms_and_taa_marbuta() {
        assert_eq!(normalize("أحمد إبراهيم آمال"), "احمد ابراهيم امال");
        assert_eq!(normalize("سورية"), normalize("سوريه"));
        assert_eq!(normalize("مستشفى"), "مستشفي");
    }

    #[test]
    fn drops_diacritics_and_tatweel() {
        assert_eq!(normalize("وَقَّعَتْ"), "وقعت");
        assert_eq!(normalize("الجيـــش"), "الجيش");
    }

    #[test]
    fn arabic_indic_digits_become_ascii() {
        assert_eq!(normalize("٢٠٢٠"), "2020");
    }

    #[test]
    fn latin_is_lowercased_and_spaces_collapse() {
        assert_eq!(normalize("  The   ARMY\n said "), "the army said");
        assert_eq!(normalize("Iran\u{2019}s"), "iran's");
    }

    #[test]
    fn prefixes_are_stripped_in_order() {
        assert_eq!(strip_arabic_prefixes("وبالجيش"), vec!["وبالجيش", "بالجيش", "الجيش", "جيش"]);
        assert_eq!(strip_arabic_prefixes("لدمشق"), vec!["لدمشق", "دمشق"]);
        assert_eq!(strip_arabic_prefixes("للجيش"), vec!["للجيش", "لجيش", "جيش"]);
        assert_eq!(strip_arabic_prefixes("والسوري"), vec!["والسوري", "السوري", "سوري"]);
    }

    #[test]
    fn short_words_are_kept() {
        assert_eq!(strip_arabic_prefixes("ول"), vec!["ول"]);
        assert_eq!(strip_arabic_prefixes("بن"), vec!["بن"]);
    }
}
