/// The writing system a character belongs to, as far as language identification cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Arabic script (Arabic, Persian, Urdu …).
    Arabic,
    /// Latin script.
    Latin,
    /// Han, kana and Hangul.
    Cjk,
    /// Cyrillic script.
    Cyrillic,
    /// Anything else that is a letter.
    Other,
}

/// Script of one letter, `None` for non-letters.
pub fn script_of(c: char) -> Option<Script> {
    if !c.is_alphabetic() {
        return None;
    }
    Some(match c as u32 {
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => Script::Arabic,
        0x0041..=0x024F | 0x1E00..=0x1EFF => Script::Latin,
        0x0400..=0x052F => Script::Cyrillic,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF => Script::Cjk,
        _ => Script::Other,
    })
}

/// ISO 639-1 code of the text's main language, or `None` when there is too little text to say.
///
/// Arabic script is decided by letters only Persian or Urdu use; other scripts go to `whatlang`
/// trigram detection. Arabic is decided first and cheaply because it is the case khabar sees most.
pub fn detect_language(text: &str) -> Option<&'static str> {
    let (mut arabic, mut letters, mut persian) = (0usize, 0usize, 0usize);
    for c in text.chars().take(20_000) {
        if let Some(s) = script_of(c) {
            letters += 1;
            if s == Script::Arabic {
                arabic += 1;
                if matches!(c, 'پ' | 'چ' | 'ژ' | 'گ' | 'ک' | 'ی') {
                    persian += 1;
                }
            }
        }
    }
    if letters < 3 {
        return None;
    }
    if arabic * 2 > letters {
        return Some(if persian * 50 > arabic { "fa" } else { "ar" });
    }
    let sample: String = text.chars().take(5_000).collect();
    let info = whatlang::detect(&sample)?;
    Some(match info.lang() {
        whatlang::Lang::Eng => "en",
        whatlang::Lang::Fra => "fr",
        whatlang::Lang::Spa => "es",
        whatlang::Lang::Deu => "de",
        whatlang::Lang::Rus => "ru",
        whatlang::Lang::Cmn => "zh",
        whatlang::Lang::Jpn => "ja",
        whatlang::Lang::Tur => "tr",
        whatlang::Lang::Por => "pt",
        whatlang::Lang::Ita => "it",
        whatlang::Lang::Heb => "he",
        whatlang::Lang::Ukr => "uk",
        whatlang::Lang::Kor => "ko",
        whatlang::Lang::Urd => "ur",
        whatlang::Lang::Pes => "fa",
        whatlang::Lang::Nld => "nl",
        other => other.code(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_and_english() {
        assert_eq!(detect_language("وقعت الحكومة اتفاقا مع جيرانها في العاصمة"), Some("ar"));
        assert_eq!(
            detect_language("The government signed an agreement with its neighbours in the capital."),
            Some("en")
        );
    }

    #[test]
    fn persian_letters_mean_persian() {
        assert_eq!(detect_language("این یک متن فارسی است که گفتگو می‌کند"), Some("fa"));
    }

    #[test]
    fn too_little_text_is_unknown() {
        assert_eq!(detect_language("12 ..."), None);
    }

    #[test]
    fn french_is_recognised() {
        assert_eq!(
            detect_language("Le gouvernement a signé un accord avec ses voisins dans la capitale mardi."),
            Some("fr")
        );
    }
}
