//! Dates as news text writes them, resolved against an anchor date (the dateline's or the
//! publication's).
//!
//! * [`month_number`]: month names in Arabic (both the Egyptian/Gulf series يناير… and the
//!   Levantine/Iraqi series كانون الثاني…), English, French and Spanish, with abbreviations.
//! * [`parse_date`]: "8 يوليو 2020", "July 8, 2020", "8 juillet", "2020-07-08", "2020:07:09".
//! * [`resolve_relative`]: "today", "yesterday", "on Tuesday", "اليوم (الأربعاء)", "أمس الثلاثاء".
#![deny(missing_docs)]

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use khabar_text::normalize;

pub use chrono::NaiveDate as Date;

/// Month names, already in matching form (see `khabar_text::normalize`), with their number.
/// Two-word Levantine names come before their one-word prefixes so they win.
const MONTHS: &[(&str, u32)] = &[
    // Levantine / Iraqi series
    ("كانون الثاني", 1), ("شباط", 2), ("اذار", 3), ("نيسان", 4), ("ايار", 5), ("حزيران", 6),
    ("تموز", 7), ("اب", 8), ("ايلول", 9), ("تشرين الاول", 10), ("تشرين الثاني", 11), ("كانون الاول", 12),
    // Egyptian / Gulf series, with common spellings
    ("يناير", 1), ("فبراير", 2), ("مارس", 3), ("ابريل", 4), ("مايو", 5), ("يونيو", 6), ("يونيه", 6),
    ("يوليو", 7), ("يوليه", 7), ("اغسطس", 8), ("سبتمبر", 9), ("اكتوبر", 10), ("نوفمبر", 11), ("ديسمبر", 12),
    // Maghreb series
    ("جانفي", 1), ("فيفري", 2), ("افريل", 4), ("ماي", 5), ("جوان", 6), ("جويليه", 7), ("اوت", 8),
    // English
    ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6), ("july", 7),
    ("august", 8), ("september", 9), ("october", 10), ("november", 11), ("december", 12),
    ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9),
    ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
    // French
    ("janvier", 1), ("fevrier", 2), ("février", 2), ("mars", 3), ("avril", 4), ("mai", 5), ("juin", 6),
    ("juillet", 7), ("aout", 8), ("août", 8), ("septembre", 9), ("octobre", 10), ("novembre", 11),
    ("decembre", 12), ("décembre", 12),
    // Spanish
    ("enero", 1), ("febrero", 2), ("marzo", 3), ("abril", 4), ("mayo", 5), ("junio", 6), ("julio", 7),
    ("agosto", 8), ("septiembre", 9), ("setiembre", 9), ("octubre", 10), ("noviembre", 11), ("diciembre", 12),
    ("ene", 1), ("abr", 4), ("ago", 8), ("dic", 12),
];

/// Weekday names in matching form.
const WEEKDAYS: &[(&str, Weekday)] = &[
    ("الاثنين", Weekday::Mon), ("الاتنين", Weekday::Mon), ("الثلاثاء", Weekday::Tue), ("الاربعاء", Weekday::Wed),
    ("الخميس", Weekday::Thu), ("الجمعه", Weekday::Fri), ("السبت", Weekday::Sat), ("الاحد", Weekday::Sun),
    ("monday", Weekday::Mon), ("tuesday", Weekday::Tue), ("wednesday", Weekday::Wed), ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri), ("saturday", Weekday::Sat), ("sunday", Weekday::Sun),
    ("lundi", Weekday::Mon), ("mardi", Weekday::Tue), ("mercredi", Weekday::Wed), ("jeudi", Weekday::Thu),
    ("vendredi", Weekday::Fri), ("samedi", Weekday::Sat), ("dimanche", Weekday::Sun),
];

/// The number of a month name (any supported language and spelling), 1–12.
pub fn month_number(word: &str) -> Option<u32> {
    let n = normalize(word.trim_end_matches('.'));
    MONTHS.iter().find(|(m, _)| *m == n).map(|&(_, k)| k)
}

/// The weekday a name stands for ("الثلاثاء", "Tuesday", "(الأربعاء)").
pub fn weekday(word: &str) -> Option<Weekday> {
    let n = normalize(word.trim_matches(|c: char| !c.is_alphanumeric()));
    let n = n.strip_prefix("يوم ").unwrap_or(&n).to_string();
    WEEKDAYS
        .iter()
        .find(|(w, _)| *w == n || n.strip_prefix('و').is_some_and(|x| x == *w))
        .map(|&(_, d)| d)
}

/// Reads the first explicit date in a phrase. A missing year is taken from `anchor` (the
/// year of the anchor, or the year before if that would put the date well after the anchor).
///
/// ```
/// use khabar_time::{parse_date, Date};
/// assert_eq!(parse_date("دمشق 8 يوليو 2020 (شينخوا)", None), Date::from_ymd_opt(2020, 7, 8));
/// assert_eq!(parse_date("DAMASCUS, July 8 (Xinhua) --", Date::from_ymd_opt(2020, 7, 9)), Date::from_ymd_opt(2020, 7, 8));
/// ```
pub fn parse_date(text: &str, anchor: Option<NaiveDate>) -> Option<NaiveDate> {
    let norm = normalize(text);
    if let Some(d) = numeric_date(&norm) {
        return Some(d);
    }
    let words: Vec<&str> = norm
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '،' | '(' | ')' | '-' | '/'))
        .filter(|w| !w.is_empty())
        .collect();
    for i in 0..words.len() {
        // two-word month names first ("كانون الثاني")
        let (month, width) = if i + 1 < words.len() {
            match month_number(&format!("{} {}", words[i], words[i + 1])) {
                Some(m) => (Some(m), 2),
                None => (month_number(words[i]), 1),
            }
        } else {
            (month_number(words[i]), 1)
        };
        let Some(month) = month else { continue };
        let num = |w: Option<&&str>| w.and_then(|w| w.trim_end_matches(|c: char| !c.is_ascii_digit()).parse::<u32>().ok());
        let day_before = if i > 0 { num(words.get(i - 1)).filter(|d| (1..=31).contains(d)) } else { None };
        let after = num(words.get(i + width));
        let (day, year) = match (day_before, after) {
            (Some(d), Some(y)) if y > 31 => (d, Some(y as i32)),
            (Some(d), _) => (d, None),
            (None, Some(d)) if (1..=31).contains(&d) => {
                let y = num(words.get(i + width + 1)).filter(|y| *y > 31).map(|y| y as i32);
                (d, y)
            }
            _ => continue,
        };
        let year = match (year, anchor) {
            (Some(y), _) => y,
            (None, Some(a)) => {
                let guess = NaiveDate::from_ymd_opt(a.year(), month, day)?;
                if guess > a + Duration::days(31) { a.year() - 1 } else { a.year() }
            }
            (None, None) => continue,
        };
        if let Some(d) = NaiveDate::from_ymd_opt(year, month, day) {
            return Some(d);
        }
    }
    None
}

/// ISO-ish numeric dates: 2020-07-08, 2020/07/08, 2020:07:09, 2020.07.09.
fn numeric_date(norm: &str) -> Option<NaiveDate> {
    let b = norm.as_bytes();
    for i in 0..b.len().saturating_sub(9) {
        if i > 0 && b[i - 1].is_ascii_digit() {
            continue;
        }
        let s = &b[i..i + 10];
        let digits = |r: std::ops::Range<usize>| r.clone().all(|k| s[k].is_ascii_digit());
        if digits(0..4) && digits(5..7) && digits(8..10) && s[4] == s[7] && matches!(s[4], b'-' | b'/' | b':' | b'.') {
            let y = norm[i..i + 4].parse().ok()?;
            let m = norm[i + 5..i + 7].parse().ok()?;
            let d = norm[i + 8..i + 10].parse().ok()?;
            if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                return Some(date);
            }
        }
    }
    None
}

/// A date expression found in a sentence and what it resolved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// The resolved date.
    pub date: NaiveDate,
    /// How it was found: "explicit", "today", "yesterday", "weekday", …
    pub basis: &'static str,
}

/// Finds the date an event sentence refers to, relative to `anchor` (dateline or publication
/// date): an explicit date, "today/اليوم", "yesterday/أمس", "tomorrow/غدا", or a weekday name
/// ("on Tuesday", "الثلاثاء الماضي") taken as the latest such day on or before the anchor.
pub fn resolve_in_sentence(sentence: &str, anchor: NaiveDate) -> Option<Resolved> {
    if let Some(d) = parse_date(sentence, Some(anchor)) {
        return Some(Resolved { date: d, basis: "explicit" });
    }
    let norm = normalize(sentence);
    let words: Vec<&str> = norm
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(w) || w.strip_prefix('و').is_some_and(|x| list.contains(&x)));
    if has(&["امس", "yesterday", "hier", "ayer", "البارحه"]) {
        return Some(Resolved { date: anchor - Duration::days(1), basis: "yesterday" });
    }
    if has(&["غدا", "tomorrow", "demain", "mañana"]) {
        return Some(Resolved { date: anchor + Duration::days(1), basis: "tomorrow" });
    }
    if has(&["اليوم", "today", "tonight", "aujourd'hui", "hoy"]) {
        return Some(Resolved { date: anchor, basis: "today" });
    }
    for w in &words {
        if let Some(wd) = weekday(w) {
            let back = (anchor.weekday().num_days_from_monday() + 7 - wd.num_days_from_monday()) % 7;
            return Some(Resolved { date: anchor - Duration::days(back as i64), basis: "weekday" });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn arabic_month_series() {
        assert_eq!(parse_date("القاهرة 3 أغسطس 2021", None), Some(d(2021, 8, 3)));
        assert_eq!(parse_date("بيروت في 12 كانون الثاني 2019", None), Some(d(2019, 1, 12)));
        assert_eq!(parse_date("بغداد 5 تشرين الأول 2018", None), Some(d(2018, 10, 5)));
        assert_eq!(parse_date("1 آب 2020", None), Some(d(2020, 8, 1)));
    }

    #[test]
    fn english_french_spanish() {
        assert_eq!(parse_date("July 8, 2020", None), Some(d(2020, 7, 8)));
        assert_eq!(parse_date("PARIS, 8 juillet (AFP) -", Some(d(2020, 7, 9))), Some(d(2020, 7, 8)));
        assert_eq!(parse_date("MADRID, 8 jul (EFE).-", Some(d(2020, 7, 9))), Some(d(2020, 7, 8)));
    }

    #[test]
    fn missing_year_does_not_jump_into_the_future() {
        assert_eq!(parse_date("Dec. 30", Some(d(2021, 1, 2))), Some(d(2020, 12, 30)));
    }

    #[test]
    fn numeric_forms() {
        assert_eq!(parse_date("人民网 2020:07:09.10:11:09", None), Some(d(2020, 7, 9)));
        assert_eq!(parse_date("2019-02-28T10:00Z", None), Some(d(2019, 2, 28)));
    }

    #[test]
    fn relative_days() {
        let wed = d(2020, 7, 8);
        assert_eq!(resolve_in_sentence("وصل باقري إلى دمشق أمس الثلاثاء", wed).unwrap().date, d(2020, 7, 7));
        assert_eq!(resolve_in_sentence("وقعت إيران وسوريا اليوم (الأربعاء) اتفاقية", wed).unwrap().date, wed);
        assert_eq!(resolve_in_sentence("The ministers met on Monday.", wed).unwrap().date, d(2020, 7, 6));
        assert_eq!(resolve_in_sentence("Talks resume tomorrow.", wed).unwrap().date, d(2020, 7, 9));
        assert_eq!(resolve_in_sentence("No time here.", wed), None);
    }
}
