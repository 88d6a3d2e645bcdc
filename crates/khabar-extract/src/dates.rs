//! Dates as pages write them: machine stamps (`2020-07-08T10:00:00+02:00`,
//! `Sat, 19 Oct 2019 00:04:00 +0200`, `Tue Jan 28 15:28:56 CET 2020`) and the dates of bylines
//! ("23. Juli 2017", "November 22, 2011", "am 25.08.2015 22:30", "14 de enero de 2020",
//! "2020年2月19日"), with month names and the words that mark a publication or a modification
//! read from `lexicons/extract/dates.txt`.

use std::collections::HashMap;
use std::sync::OnceLock;

use khabar_time::Date;
use regex::Regex;

const DATES: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../lexicons/extract/dates.txt"));

struct Lists {
    months: HashMap<String, u32>,
    /// Day month year: "23. Juli 2017", "14 de enero de 2020", "19 Oct 2019".
    dmy: Regex,
    /// Month day year: "November 22, 2011", "Jan 18, 2019", "Jan 28 15:28:56 CET 2020".
    mdy: Regex,
    /// Numeric: "2020-07-08", "25.08.2015", "5/31/2012", "2020年2月19日".
    ymd: Regex,
    num_dmy: Regex,
    cjk: Regex,
    published: Vec<String>,
    modified: Vec<String>,
    /// The same lists as whole-word alternations (longest first).
    published_re: Regex,
    modified_re: Regex,
}

fn lists() -> &'static Lists {
    static L: OnceLock<Lists> = OnceLock::new();
    L.get_or_init(|| {
        let sections = crate::list_sections(DATES);
        let entries = |name: &str| sections.get(name).map(Vec::as_slice).unwrap_or_default();
        let mut months = HashMap::new();
        for line in entries("months") {
            let mut it = line.split_whitespace();
            let Some(n) = it.next().and_then(|n| n.parse::<u32>().ok()) else { continue };
            for name in it {
                months.entry(name.to_lowercase()).or_insert(n);
            }
        }
        let mut published: Vec<String> = entries("published").iter().map(|l| l.to_lowercase()).collect();
        let mut modified: Vec<String> = entries("modified").iter().map(|l| l.to_lowercase()).collect();
        let mut names: Vec<&String> = months.keys().collect();
        names.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
        let alt = names.iter().map(|n| regex::escape(n)).collect::<Vec<_>>().join("|");
        // longest first, so that "modified" words that contain "published" ones are seen first
        published.sort_by_key(|w| std::cmp::Reverse(w.len()));
        modified.sort_by_key(|w| std::cmp::Reverse(w.len()));
        Lists {
            dmy: Regex::new(&format!(r"(?i)(?:^|[^\p{{L}}\d])(\d{{1,2}})(?:\.|st|nd|rd|th|er|º|°)?\s*(?:de\s+|of\s+|-)?({alt})\.?(?:,?\s*|\s+de\s+|-)(\d{{4}})(?:[^\d]|$)")).expect("dmy"),
            mdy: Regex::new(&format!(r"(?i)(?:^|[^\p{{L}}\d])({alt})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+|\s+\d\d?:\d\d(?::\d\d)?\s+(?:[A-Z]{{2,5}}\s+)?)(\d{{4}})(?:[^\d]|$)")).expect("mdy"),
            ymd: Regex::new(r"(?:^|[^\d])(\d{4})([-/.])(\d{1,2})([-/.])(\d{1,2})(?:[^\d]|$)").expect("ymd"),
            num_dmy: Regex::new(r"(?:^|[^\d.])(\d{1,2})([./-])(\d{1,2})([./-])(\d{4})(?:[^\d]|$)").expect("num_dmy"),
            cjk: Regex::new(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日").expect("cjk"),
            published_re: words_re(&published),
            modified_re: words_re(&modified),
            months,
            published,
            modified,
        }
    })
}

/// A case-insensitive whole-word alternation of phrases.
fn words_re(words: &[String]) -> Regex {
    let mut alts: Vec<String> = words.iter().map(|w| regex::escape(w.trim_end_matches(':'))).collect();
    alts.sort_by_key(|w| std::cmp::Reverse(w.len()));
    alts.dedup();
    Regex::new(&format!(r"(?i)\b(?:{})\b", alts.join("|"))).expect("marker regex")
}

/// The month number of a month name or abbreviation in any of the listed languages.
pub fn month(name: &str) -> Option<u32> {
    lists().months.get(name.to_lowercase().trim_end_matches('.')).copied()
}

fn plausible(y: i32, m: u32, d: u32) -> Option<Date> {
    if !(1995..=2100).contains(&y) {
        return None;
    }
    Date::from_ymd_opt(y, m, d)
}

/// The first full date (day, month and year) written in `text`, and the byte offset where it
/// starts. `us` reads an ambiguous `5/6/2020` month first (English pages); otherwise day first.
pub fn find(text: &str, us: bool) -> Option<(Date, usize)> {
    let l = lists();
    let mut best: Option<(Date, usize)> = None;
    let mut take = |d: Option<Date>, at: usize| {
        if let Some(d) = d {
            if best.is_none_or(|(_, b)| at < b) {
                best = Some((d, at));
            }
        }
    };
    // every form has a four-digit year
    let has_year = text.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit));
    if has_year {
        if let Some(c) = l.ymd.captures(text) {
            if c[2] == c[4] {
                let g = |i: usize| c[i].parse::<u32>().ok();
                take(g(1).zip(g(3)).zip(g(5)).and_then(|((y, m), d)| plausible(y as i32, m, d)), c.get(1).map_or(0, |m| m.start()));
            }
        }
        if let Some(c) = l.num_dmy.captures(text) {
            if c[2] == c[4] {
                let g = |i: usize| c[i].parse::<u32>().unwrap_or(0);
                let (a, b, y) = (g(1), g(3), g(5) as i32);
                let d = if &c[2] == "/" && us && a <= 12 || b > 12 { plausible(y, a, b) } else { plausible(y, b, a) };
                take(d, c.get(1).map_or(0, |m| m.start()));
            }
        }
        if let Some(c) = l.dmy.captures(text) {
            let d = c[1].parse().ok().zip(month(&c[2])).zip(c[3].parse::<i32>().ok()).and_then(|((d, m), y)| plausible(y, m, d));
            take(d, c.get(1).map_or(0, |m| m.start()));
        }
        if let Some(c) = l.mdy.captures(text) {
            let d = month(&c[1]).zip(c[2].parse().ok()).zip(c[3].parse::<i32>().ok()).and_then(|((m, d), y)| plausible(y, m, d));
            take(d, c.get(1).map_or(0, |m| m.start()));
        }
        if text.contains('年') {
            if let Some(c) = l.cjk.captures(text) {
                let g = |i: usize| c[i].parse::<u32>().unwrap_or(0);
                take(plausible(g(1) as i32, g(2), g(3)), c.get(0).map_or(0, |m| m.start()));
            }
        }
    }
    best
}

/// A date with a two-digit year, as bylines under a headline write it ("31.10.23",
/// "14 Gennaio 20"; day and month of two digits each when numeric): read only in the few lines by the headline, where a number with two dots
/// is seldom anything else. The year is 20yy.
pub fn find_short_year(text: &str) -> Option<(Date, usize)> {
    static RE: OnceLock<(Regex, Regex)> = OnceLock::new();
    let (num, named) = RE.get_or_init(|| {
        (
            Regex::new(r"(?:^|[^\d.,])(\d{2})\.(\d{2})\.(\d{2})(?:[^\d.,]|$)").expect("short numeric date"),
            Regex::new(r"(?:^|[^\p{L}\d])(\d{1,2})\.?\s+(\p{L}{3,12})\.?\s+(\d{2})(?:[^\d.,:]|$)").expect("short named date"),
        )
    });
    let year = |y: &str| y.parse::<i32>().ok().map(|y| 2000 + y);
    if let Some(c) = num.captures(text) {
        if let Some(d) = year(&c[3]).and_then(|y| plausible(y, c[2].parse().ok()?, c[1].parse().ok()?)) {
            return Some((d, c.get(1).map_or(0, |m| m.start())));
        }
    }
    let c = named.captures(text)?;
    let d = plausible(year(&c[3])?, month(&c[2])?, c[1].parse().ok()?)?;
    Some((d, c.get(1).map_or(0, |m| m.start())))
}

/// Is this word (lower case) one of the publication or modification markers?
pub fn is_marker(word: &str) -> bool {
    let w = word.trim_end_matches(':');
    let l = lists();
    !w.is_empty() && (l.published.iter().any(|p| p.trim_end_matches(':') == w) || l.modified.iter().any(|p| p == w))
}

/// What the words before a date say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// "Published", "Veröffentlicht am", "Posted on".
    Published,
    /// "Updated", "Aktualisiert", "mis à jour".
    Modified,
    /// Nothing said.
    Plain,
}

/// Reads the words just before byte `at` of `text` (up to 40 characters) for a publication or
/// modification marker.
pub fn kind_before(text: &str, at: usize) -> Kind {
    let mut start = at.saturating_sub(48);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let before = &text[start..at];
    let l = lists();
    // where the last marker of each kind ends
    let last = |re: &Regex| re.find_iter(before).last().map(|m| m.end());
    match (last(&l.published_re), last(&l.modified_re)) {
        (Some(p), Some(m)) if m >= p => Kind::Modified,
        (Some(_), _) => Kind::Published,
        (None, Some(_)) => Kind::Modified,
        _ => Kind::Plain,
    }
}

/// A machine stamp from metadata (`2020-07-08T10:00:00Z`, `2020-07-08`, an RFC 2822 or ctime
/// date, `08.07.2020`, `07/08/2020` month first) as ISO 8601: the stamp itself when it already starts with `YYYY-MM-DD`,
/// else the day it names.
pub fn normalize_stamp(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    // every byte checked before slicing: `2020-07-` and then a non-ASCII character must not
    // be cut inside it
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
    if digits(0..4) && b.get(4) == Some(&b'-') && digits(5..7) && b.get(7) == Some(&b'-') && digits(8..10) {
        let y = s[..4].parse().ok()?;
        let m = s[5..7].parse().ok()?;
        let d = s[8..10].parse().ok()?;
        plausible(y, m, d)?;
        return Some(s.to_string());
    }
    // a compact stamp: 20200708 or 20200708T100000
    if b.len() >= 8 && b[..8].iter().all(u8::is_ascii_digit) && b.get(8).is_none_or(|c| !c.is_ascii_digit()) {
        let d = plausible(s[..4].parse().ok()?, s[4..6].parse().ok()?, s[6..8].parse().ok()?)?;
        return Some(d.to_string());
    }
    // a machine's `11/01/2023 12:43:42` is month first (en-US and .NET's invariant culture);
    // a day first page writes `01.11.2023`
    find(s, true).map(|(d, _)| d.to_string())
}

/// Does a stamp carry a time of day in UTC (`Z`, `+00:00`)? Its day may not be the publisher's.
pub fn is_utc_time(stamp: &str) -> bool {
    stamp.len() > 10 && stamp.as_bytes().get(10) == Some(&b'T') && (stamp.ends_with('Z') || stamp.ends_with("+00:00") || stamp.ends_with("+0000"))
}

/// Is a UTC stamp a local midnight one or two hours east of UTC (`T23:00:00Z`, `T22:00:00.000Z`,
/// `T23:00:00+00:00`)? Content systems store a day with no time as its local midnight; a story
/// published at that exact second in UTC is rare.
pub fn is_midnight_east_of_utc(stamp: &str) -> bool {
    if !is_utc_time(stamp) {
        return false;
    }
    let time = &stamp[11..];
    let rest = time.strip_prefix("23:00:00").or_else(|| time.strip_prefix("22:00:00"));
    rest.is_some_and(|r| r.trim_start_matches(['.', '0']).trim_start_matches('Z').trim_start_matches("+00:00").trim_start_matches("+0000").is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stamp_cut_inside_a_character_is_no_date_not_a_panic() {
        // found by fuzz/html: byte 8 began a three-byte character, and `s[8..10]` panicked
        assert_eq!(normalize_stamp("2020-07-\u{fffd}\u{fffd} +"), None);
        assert_eq!(normalize_stamp("2020-07-0\u{e9}"), None);
        assert_eq!(normalize_stamp("2020-07-08T10:00:00Z").as_deref(), Some("2020-07-08T10:00:00Z"));
    }

    fn d(s: &str) -> Option<String> {
        find(s, false).map(|(d, _)| d.to_string())
    }

    #[test]
    fn written_dates_in_several_languages() {
        assert_eq!(d("Published: 23. Juli 2017").as_deref(), Some("2017-07-23"));
        assert_eq!(d("Yngrid · November 22, 2011 ·").as_deref(), Some("2011-11-22"));
        assert_eq!(d("am 25.08.2015 22:30").as_deref(), Some("2015-08-25"));
        assert_eq!(d("Erstellt am Dienstag 6. Mai 2014 um 23:30").as_deref(), Some("2014-05-06"));
        assert_eq!(d("Publicado el 14 de enero de 2020").as_deref(), Some("2020-01-14"));
        assert_eq!(d("le 3 février 2019 à 10h").as_deref(), Some("2019-02-03"));
        assert_eq!(d("12 stycznia 2018").as_deref(), Some("2018-01-12"));
        assert_eq!(d("Apr 7, 2009").as_deref(), Some("2009-04-07"));
        assert_eq!(d("June 3rd, 2020").as_deref(), Some("2020-06-03"));
        assert_eq!(d("2020年2月19日 10:00").as_deref(), Some("2020-02-19"));
        assert_eq!(d("Stand: 28.04.2020 18:00 Uhr").as_deref(), Some("2020-04-28"));
        assert_eq!(d("posted 2019/11/18").as_deref(), Some("2019-11-18"));
        assert_eq!(find("5/6/2020", true).map(|(d, _)| d.to_string()).as_deref(), Some("2020-05-06"));
        assert_eq!(find("5/6/2020", false).map(|(d, _)| d.to_string()).as_deref(), Some("2020-06-05"));
        assert_eq!(d("13/5/2020").as_deref(), Some("2020-05-13"));
        assert_eq!(d("1.5 million in 2020"), None);
        assert_eq!(d("version 10.12.2 of 1900"), None);
    }

    #[test]
    fn every_month_name_of_the_lexicon_is_read_both_ways() {
        for (name, &m) in &lists().months {
            let want = format!("2020-{m:02}-05");
            assert_eq!(d(&format!("am 5. {name} 2020")).as_deref(), Some(want.as_str()), "{name}");
            assert_eq!(d(&format!("on {name} 5, 2020")).as_deref(), Some(want.as_str()), "{name}");
        }
        // a word that is no month before a date that is one
        assert_eq!(d("Kapitel 3 Teil 2020, dann am 5 Mai 2021").as_deref(), Some("2021-05-05"));
    }

    #[test]
    fn two_digit_years_by_a_headline() {
        let d = |s: &str| find_short_year(s).map(|(d, _)| d.to_string());
        assert_eq!(d("Von: Anna Muster | 31.10.23").as_deref(), Some("2023-10-31"));
        assert_eq!(d("( Roma, 14 Gennaio 20 )").as_deref(), Some("2020-01-14"));
        assert_eq!(d("3 March 21").as_deref(), Some("2021-03-03"));
        // a version, a price, a score or a time is no date
        assert_eq!(d("Version 1.2.10"), None);
        assert_eq!(d("1.250,00 Euro"), None);
        assert_eq!(d("32.13.22"), None);
        assert_eq!(d("12 Punkte 20"), None);
        assert_eq!(d("am 3 Mai 20:30"), None);
    }

    #[test]
    fn stamps() {
        assert_eq!(normalize_stamp("2021-03-03T10:00:00Z").as_deref(), Some("2021-03-03T10:00:00Z"));
        assert_eq!(normalize_stamp("Sat, 19 Oct 2019 00:04:00 +0200").as_deref(), Some("2019-10-19"));
        assert_eq!(normalize_stamp("Tue Jan 28 15:28:56 CET 2020").as_deref(), Some("2020-01-28"));
        assert_eq!(normalize_stamp("20200708").as_deref(), Some("2020-07-08"));
        assert_eq!(normalize_stamp("1988"), None);
        assert_eq!(normalize_stamp("11/01/2023 12:43:42").as_deref(), Some("2023-11-01"));
        assert_eq!(normalize_stamp("13/01/2023").as_deref(), Some("2023-01-13"));
        assert_eq!(normalize_stamp("01.11.2023").as_deref(), Some("2023-11-01"));
        assert!(is_utc_time("2020-02-25T02:25:54Z"));
        assert!(!is_utc_time("2020-02-24T21:25:54-05:00"));
        assert!(is_midnight_east_of_utc("2022-11-06T23:00:00.000Z"));
        assert!(is_midnight_east_of_utc("2022-06-06T22:00:00+00:00"));
        assert!(!is_midnight_east_of_utc("2022-11-06T23:00:01Z"));
        assert!(!is_midnight_east_of_utc("2022-11-06T23:00:00+01:00"));
        assert!(!is_midnight_east_of_utc("2022-11-06T21:00:00Z"));
    }

    #[test]
    fn markers() {
        let t = "Veröffentlicht am 16.08.2019";
        assert_eq!(kind_before(t, t.find("16").unwrap()), Kind::Published);
        let t = "Last updated 04 Jun 2020, originally created 17 Jun 2019";
        assert_eq!(kind_before(t, t.find("04").unwrap()), Kind::Modified);
        let t = "Aktualisiert: 11.04.2020";
        assert_eq!(kind_before(t, t.find("11").unwrap()), Kind::Modified);
        let t = "Von Moritz Wichmann 29.04.2020";
        assert_eq!(kind_before(t, t.find("29").unwrap()), Kind::Plain);
    }
}
