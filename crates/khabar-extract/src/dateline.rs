//! Datelines: the "PLACE, DATE (AGENCY) --" head of a wire story, in Arabic, English, French,
//! Spanish and Chinese styles.

use std::sync::OnceLock;

use khabar_time::Date;
use regex::Regex;

/// A dateline found at the head of a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Place as written ("دمشق", "DAMASCUS").
    pub place: Option<String>,
    /// The date words as written, if any ("8 يوليو 2020", "July 8").
    pub date_text: Option<String>,
    /// Agency, in its usual English name ("Xinhua").
    pub agency: Option<String>,
    /// Byte length of the dateline, so the body can start after it.
    pub len: usize,
}

impl Found {
    /// Resolves the date words, taking a missing year from `anchor` (the publication date).
    pub fn date_with_anchor(&self, anchor: Option<Date>) -> Option<String> {
        let text = self.date_text.as_deref()?;
        khabar_time::parse_date(text, anchor).map(|d| d.to_string())
    }
}

/// News agencies as datelines and bylines write them, with the name khabar reports.
const AGENCIES: &[(&str, &str)] = &[
    ("شينخوا", "Xinhua"), ("xinhua", "Xinhua"), ("新华社", "Xinhua"), ("中新社", "China News Service"),
    ("أ ف ب", "AFP"), ("ا ف ب", "AFP"), ("أ.ف.ب", "AFP"), ("فرانس برس", "AFP"), ("afp", "AFP"),
    ("رويترز", "Reuters"), ("reuters", "Reuters"), ("أ ب", "AP"), ("ap", "AP"), ("associated press", "AP"),
    ("د ب أ", "dpa"), ("dpa", "dpa"), ("efe", "EFE"), ("ansa", "ANSA"), ("tass", "TASS"), ("تاس", "TASS"),
    ("sputnik", "Sputnik"), ("سبوتنيك", "Sputnik"), ("upi", "UPI"), ("واس", "SPA"), ("spa", "SPA"),
    ("وام", "WAM"), ("wam", "WAM"), ("قنا", "QNA"), ("qna", "QNA"), ("سانا", "SANA"), ("sana", "SANA"),
    ("إرنا", "IRNA"), ("ارنا", "IRNA"), ("irna", "IRNA"), ("الأناضول", "Anadolu"), ("anadolu", "Anadolu"),
    ("كونا", "KUNA"), ("kuna", "KUNA"), ("بترا", "Petra"), ("petra", "Petra"), ("أ ش أ", "MENA"), ("mena", "MENA"),
    ("وفا", "WAFA"), ("wafa", "WAFA"), ("بنا", "BNA"), ("ونا", "ONA"), ("يونهاب", "Yonhap"), ("yonhap", "Yonhap"),
    ("kyodo", "Kyodo"), ("pti", "PTI"), ("ians", "IANS"), ("europa press", "Europa Press"), ("aps", "APS"),
];

/// The usual English name of an agency written in any of the forms khabar knows.
pub fn agency_name(written: &str) -> Option<&'static str> {
    let w = written.trim().trim_matches(|c: char| c == '/' || c == '(' || c == ')').trim();
    let lower = w.to_lowercase();
    let norm = khabar_text::normalize(w);
    AGENCIES
        .iter()
        .find(|(form, _)| lower == *form || norm == khabar_text::normalize(form))
        .map(|&(_, name)| name)
}

fn latin_or_arabic() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^\s*(?P<head>[^()\n]{2,80}?)\s*\(\s*(?P<agency>[^()\n]{1,30}?)\s*\)\s*(?:\.?\s*[-–—:]+\s*|\s+)")
            .expect("dateline regex")
    })
}

fn chinese() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^\s*(?P<agency>新华社|中新社)(?P<place>\p{Han}{2,6}?)(?P<m>\d{1,2})月(?P<d>\d{1,2})日电\s*")
            .expect("chinese dateline regex")
    })
}

/// Reads a dateline at the start of `para`, if there is one.
///
/// ```
/// let d = khabar_extract::dateline::find("DAMASCUS, July 8 (Xinhua) -- Iran and Syria signed").unwrap();
/// assert_eq!(d.place.as_deref(), Some("DAMASCUS"));
/// assert_eq!(d.agency.as_deref(), Some("Xinhua"));
/// ```
pub fn find(para: &str) -> Option<Found> {
    if let Some(c) = chinese().captures(para) {
        return Some(Found {
            place: Some(c["place"].to_string()),
            date_text: Some(format!("{} {}", &c["d"], month_en(&c["m"]))),
            agency: agency_name(&c["agency"]).map(str::to_string),
            len: c.get(0)?.end(),
        });
    }
    let c = latin_or_arabic().captures(para)?;
    let agency = agency_name(&c["agency"])?;
    let head = c["head"].trim().trim_end_matches([',', '،', '-', '–']).trim();
    // the place is the head up to the first comma or digit; the rest is the date
    let cut = head
        .char_indices()
        .find(|&(_, ch)| matches!(ch, ',' | '،') || ch.is_ascii_digit() || ('٠'..='٩').contains(&ch))
        .map(|(i, _)| i)
        .unwrap_or(head.len());
    let place = head[..cut].trim().trim_end_matches(['-', '–', ',', '،']).trim();
    let rest = head[cut..].trim_start_matches([',', '،', ' ']).trim();
    // a dateline place is short: one to four words
    if place.is_empty() || place.split_whitespace().count() > 4 {
        return None;
    }
    Some(Found {
        place: Some(place.to_string()),
        date_text: (!rest.is_empty()).then(|| rest.to_string()),
        agency: Some(agency.to_string()),
        len: c.get(0)?.end(),
    })
}

fn month_en(m: &str) -> &'static str {
    const NAMES: [&str; 12] =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    m.parse::<usize>().ok().and_then(|k| NAMES.get(k.wrapping_sub(1)).copied()).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<Date> {
        Date::from_ymd_opt(y, m, day)
    }

    #[test]
    fn arabic_xinhua_style() {
        let p = "القاهرة 3 مارس 2021 (شينخوا) قال وزير الخارجية";
        let f = find(p).unwrap();
        assert_eq!(f.place.as_deref(), Some("القاهرة"));
        assert_eq!(f.agency.as_deref(), Some("Xinhua"));
        assert_eq!(f.date_with_anchor(None).as_deref(), Some("2021-03-03"));
        assert_eq!(&p[f.len..], "قال وزير الخارجية");
    }

    #[test]
    fn english_french_spanish() {
        let f = find("BEIRUT, March 3 (Reuters) - Lebanon's army said").unwrap();
        assert_eq!((f.place.as_deref(), f.agency.as_deref()), (Some("BEIRUT"), Some("Reuters")));
        assert_eq!(f.date_with_anchor(d(2021, 3, 4)).as_deref(), Some("2021-03-03"));
        let f = find("PARIS, 3 mars (AFP) - Le gouvernement").unwrap();
        assert_eq!((f.place.as_deref(), f.agency.as_deref()), (Some("PARIS"), Some("AFP")));
        assert_eq!(f.date_with_anchor(d(2021, 3, 4)).as_deref(), Some("2021-03-03"));
        let f = find("LIMA, 3 mar (EFE).- El Gobierno").unwrap();
        assert_eq!((f.place.as_deref(), f.agency.as_deref()), (Some("LIMA"), Some("EFE")));
        assert_eq!(f.date_with_anchor(d(2021, 3, 4)).as_deref(), Some("2021-03-03"));
    }

    #[test]
    fn chinese_xinhua_style() {
        let f = find("新华社上海3月3日电 记者").unwrap();
        assert_eq!((f.place.as_deref(), f.agency.as_deref()), (Some("上海"), Some("Xinhua")));
        assert_eq!(f.date_with_anchor(d(2021, 3, 4)).as_deref(), Some("2021-03-03"));
    }

    #[test]
    fn arabic_dash_style_without_date() {
        let f = find("بيروت - (أ ف ب) - أعلن الجيش").unwrap();
        assert_eq!((f.place.as_deref(), f.agency.as_deref()), (Some("بيروت"), Some("AFP")));
        assert_eq!(f.date_text, None);
    }

    #[test]
    fn the_five_house_styles_of_one_wire_story() {
        let anchor = d(2020, 7, 9);
        let cases = [
            ("دمشق 8 يوليو 2020 (شينخوا) وقعت سوريا وإيران", "دمشق", "Xinhua"),
            ("DAMASCUS, July 8 (Xinhua) -- Syria and Iran signed", "DAMASCUS", "Xinhua"),
            ("PARIS, 8 juillet (AFP) - La Syrie et l'Iran ont signé", "PARIS", "AFP"),
            ("MADRID, 8 jul (EFE).- Siria e Irán firmaron", "MADRID", "EFE"),
            ("新华社北京7月8日电 叙利亚和伊朗签署", "北京", "Xinhua"),
        ];
        for (para, place, agency) in cases {
            let f = find(para).unwrap_or_else(|| panic!("no dateline in {para}"));
            assert_eq!(f.place.as_deref(), Some(place), "{para}");
            assert_eq!(f.agency.as_deref(), Some(agency), "{para}");
            assert_eq!(f.date_with_anchor(anchor).as_deref(), Some("2020-07-08"), "{para}");
            assert!(!para[f.len..].trim().is_empty());
        }
    }

    #[test]
    fn a_parenthesis_that_is_not_an_agency_is_not_a_dateline() {
        assert!(find("The ministry (which denied it) said").is_none());
    }
}
