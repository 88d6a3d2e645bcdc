/// English abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen",
    "rep", "st", "jr", "sr", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "rev", "hon", "pres", "u.s",
    "u.n", "u.k", "e.g", "i.e", "a.m", "p.m",
];

/// Splits a text into sentences, returned as byte ranges of the original.
///
/// Paragraph breaks (a blank line or a line break) always end a sentence. Inside a paragraph a
/// sentence ends at `.`, `!`, `?`, `؟` or `…` followed by a space and then something that can
/// start a sentence — not after an English abbreviation ("Gen.", "U.S."), a single initial, or
/// a number ("3.5").
pub fn split_sentences(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let bytes = text.as_bytes();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        let end_here = match c {
            '\n' => true,
            '.' | '!' | '?' | '؟' | '…' | '。' | '！' | '？' => {
                // swallow closing quotes/brackets and repeated marks
                let mut j = k + 1;
                while j < chars.len() && matches!(chars[j].1, '"' | '\'' | '”' | '’' | ')' | '»' | '.' | '!' | '?' | '؟') {
                    j += 1;
                }
                let cjk = matches!(c, '。' | '！' | '？');
                let followed_by_space = j >= chars.len() || chars[j].1.is_whitespace();
                if cjk || (followed_by_space && (c != '.' || !is_abbreviation(text, i)) && next_starts_sentence(&chars, j)) {
                    k = j - 1;
                    true
                } else {
                    false
                }
            }
            _ => false,
        };
        if end_here {
            let end = if chars[k].1 == '\n' { chars[k].0 } else { chars[k].0 + chars[k].1.len_utf8() };
            push_trimmed(text, start, end, &mut out);
            start = end;
        }
        k += 1;
    }
    push_trimmed(text, start, bytes.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<std::ops::Range<usize>>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(start + lead..end - trail);
    }
}

/// Is the word that ends with the full stop at byte `dot` an abbreviation or an initial?
fn is_abbreviation(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    // the separator may be several bytes long (a no-break space): step over all of it
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || c == '(' || c == '"')
        .map(|(p, c)| p + c.len_utf8())
        .unwrap_or(0);
    let word = &before[word_start..];
    if word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return true;
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

fn next_starts_sentence(chars: &[(usize, char)], mut j: usize) -> bool {
    while j < chars.len() && chars[j].1.is_whitespace() {
        j += 1;
    }
    match chars.get(j) {
        None => true,
        Some(&(_, c)) => !c.is_lowercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        split_sentences(t).into_iter().map(|r| &t[r]).collect()
    }

    #[test]
    fn english_with_abbreviations_and_numbers() {
        let t = "Gen. Smith met U.S. officials on Monday. Growth was 3.5 percent! Was it? Yes.";
        assert_eq!(
            split(t),
            vec!["Gen. Smith met U.S. officials on Monday.", "Growth was 3.5 percent!", "Was it?", "Yes."]
        );
    }

    #[test]
    fn arabic_full_stops_and_question_marks() {
        let t = "وقعت الدولتان اتفاقا. وقال الوزير إن التعاون سيستمر؟ نعم";
        assert_eq!(split(t), vec!["وقعت الدولتان اتفاقا.", "وقال الوزير إن التعاون سيستمر؟", "نعم"]);
    }

    #[test]
    fn line_breaks_end_sentences_and_blank_lines_vanish() {
        assert_eq!(split("Title line\n\nFirst body sentence. Second one.\n"), vec![
            "Title line",
            "First body sentence.",
            "Second one."
        ]);
    }

    #[test]
    fn closing_quote_stays_with_its_sentence() {
        assert_eq!(split("He said \"no.\" Then he left."), vec!["He said \"no.\"", "Then he left."]);
    }

    #[test]
    fn initials_do_not_split() {
        assert_eq!(split("John F. Kennedy spoke."), vec!["John F. Kennedy spoke."]);
    }

    #[test]
    fn no_break_space_before_an_abbreviation_does_not_panic() {
        // a multi-byte space right before "Gen." once cut the text inside a character
        let t = "Troops led by\u{a0}Gen. Ali advanced.\u{a0}Dr. Noor said so.";
        assert_eq!(split(t), vec!["Troops led by\u{a0}Gen. Ali advanced.", "Dr. Noor said so."]);
        let t = "قال\u{a0}د. أحمد إن الوضع هادئ. وأضاف أن الجيش انتشر.";
        assert!(!split(t).is_empty());
    }
}
