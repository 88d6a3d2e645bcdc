use crate::normalize::normalize_arabic_char;

/// A word of a text: where it is and its matching form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first character in the original text.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// Normalised form ([`crate::normalize`] rules), used for all matching.
    pub norm: String,
    /// Written in capitals, two letters or more ("US", "CAR", "U.S."): an acronym, where the
    /// same letters in lower case are a word ("us", "car").
    pub caps: bool,
}

/// Splits a text into word tokens with normalised forms. Letters, digits, and word-internal
/// `'`, `.` (U.S.), `-` stay inside a word; everything else separates words. Arabic diacritics and
/// tatweel inside a word are dropped from `norm` but kept inside the offsets.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, String)> = None;
    // cased letters seen in the current word: (upper, lower)
    let mut cased = (0usize, 0usize);
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let is_mark = matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}');
        // Arabic letters and digits are most of what khabar reads: decide them without the
        // general Unicode tables
        let arabic_letter = matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0660}'..='\u{0669}' | '\u{0671}'..='\u{06D3}');
        let joiner = matches!(c, '\'' | '\u{2019}' | '.' | '-' | '\u{200C}')
            && cur.is_some()
            && iter.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if arabic_letter || is_mark || c.is_alphanumeric() || joiner {
            let entry = cur.get_or_insert_with(|| (i, String::new()));
            if !arabic_letter {
                if c.is_uppercase() {
                    cased.0 += 1;
                } else if c.is_lowercase() {
                    cased.1 += 1;
                }
            }
            if let Some(n) = normalize_arabic_char(c) {
                let n = if n == '\u{2019}' { '\'' } else { n };
                if n.is_ascii() || arabic_letter {
                    entry.1.push(n.to_ascii_lowercase());
                } else {
                    entry.1.extend(n.to_lowercase());
                }
            }
        } else if let Some((start, norm)) = cur.take() {
            if !norm.is_empty() {
                out.push(Token { start, end: i, norm, caps: cased.0 >= 2 && cased.1 == 0 });
            }
            cased = (0, 0);
        }
    }
    if let Some((start, norm)) = cur {
        if !norm.is_empty() {
            out.push(Token { start, end: text.len(), norm, caps: cased.0 >= 2 && cased.1 == 0 });
        }
    }
    // "U.S." keeps its final dot as part of the abbreviation
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_mark_acronyms() {
        let caps: Vec<bool> = tokens("The US told us a CAR story, U.S. officials said").into_iter().map(|t| t.caps).collect();
        assert_eq!(caps, vec![false, true, false, false, false, true, false, true, false, false]);
    }

    fn norms(t: &str) -> Vec<String> {
        tokens(t).into_iter().map(|t| t.norm).collect()
    }

    #[test]
    fn english_words_and_abbreviations() {
        assert_eq!(norms("The U.S. Army's chief, said: no."), vec!["the", "u.s", "army's", "chief", "said", "no"]);
    }

    #[test]
    fn arabic_words_are_normalised_with_offsets_into_the_original() {
        let text = "وقّعت إيران";
        let t = tokens(text);
        assert_eq!(t[0].norm, "وقعت");
        assert_eq!(&text[t[0].start..t[0].end], "وقّعت");
        assert_eq!(t[1].norm, "ايران");
    }

    #[test]
    fn punctuation_separates() {
        assert_eq!(norms("(الأربعاء)،سوريا"), vec!["الاربعاء", "سوريا"]);
    }
}
