//! Date expressions in a sentence: explicit dates (Gregorian in Arabic, English, French and
//! Spanish; numeric; Hijri) and relative ones, each resolved against an anchor date.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use khabar_text::{tokens, Token};

use crate::hijri::{gregorian_to_hijri, hijri_to_gregorian, HIJRI_MONTHS};
use crate::{infer_year, month_number, numeric_date, weekday, Resolved};

/// How much of the calendar an expression names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    /// One day.
    Day,
    /// A week (Monday to Sunday); dated by its Monday.
    Week,
    /// A month; dated by its first day.
    Month,
    /// A year; dated by 1 January.
    Year,
}

/// One date expression of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expression {
    /// Byte offset of the first word in the sentence.
    pub start: usize,
    /// Byte offset just past the last word.
    pub end: usize,
    /// The date (the first day of the period for a week, month or year).
    pub date: NaiveDate,
    /// Day, week, month or year.
    pub precision: Precision,
    /// Kind: "explicit", "numeric", "hijri", "today", "yesterday", "day_before_yesterday",
    /// "tomorrow", "weekday", "days_ago", "last_week", "this_week", "next_week", "last_month",
    /// "this_month", "next_month", "last_year", "this_year", "next_year".
    pub basis: &'static str,
    /// The expression opens or closes a span ("since March 2011", "منذ", "until", "حتى"): it
    /// does not say when an event happened.
    pub span_edge: bool,
    /// What was reconciled, when the words and the anchor disagreed ("أمس الثلاثاء" read against
    /// a Thursday anchor: the weekday wins).
    pub note: Option<String>,
}

/// Words that make the date after them the edge of a span, not the event's date.
const SPAN_WORDS: &[&str] = &["منذ", "حتي", "since", "until", "till", "depuis", "desde", "hasta"];
/// Parts of the day that may stand before a day word ("مساء السبت", "Tuesday night").
const DAY_PARTS: &[&str] = &["مساء", "صباح", "ليل", "ليله", "فجر", "ظهر", "عصر", "ظهيره", "صبيحه", "morning", "evening", "afternoon", "night"];
/// Words that may stand between a month and its year ("مارس عام 2011", "March of 2011").
const YEAR_FILLERS: &[&str] = &["عام", "العام", "سنه", "من", "of"];

struct W<'a> {
    t: &'a Token,
    /// The matching form without a leading conjunction و (Arabic) or a possessive 's.
    w: String,
    upper: bool,
}

fn words(text: &str) -> (Vec<Token>, Vec<(String, bool)>) {
    let toks = tokens(text);
    let info = toks
        .iter()
        .map(|t| {
            let n = t.norm.as_str();
            let n = n.strip_suffix("'s").unwrap_or(n);
            let arabic = n.chars().next().is_some_and(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
            let n = if arabic && n.chars().count() > 3 { n.strip_prefix('و').unwrap_or(n) } else { n };
            let upper = text[t.start..].chars().next().is_some_and(char::is_uppercase);
            (n.to_string(), upper)
        })
        .collect();
    (toks, info)
}

fn num(w: &W) -> Option<u32> {
    if w.w.chars().all(|c| c.is_ascii_digit()) && w.w.len() <= 4 {
        w.w.parse().ok()
    } else {
        None
    }
}

fn is_latin(w: &W) -> bool {
    w.w.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
}

/// A Gregorian month name at `i` (two-word Levantine names first). A Latin-script name must
/// be capitalised ("May", not the verb "may") unless `after_day` (French "8 juillet").
fn month_at(ws: &[W], i: usize, after_day: bool) -> Option<(u32, usize)> {
    if i + 1 < ws.len() {
        if let Some(m) = month_number(&format!("{} {}", ws[i].w, ws[i + 1].w)) {
            return Some((m, 2));
        }
    }
    let w = ws.get(i)?;
    if is_latin(w) && !w.upper && !after_day {
        return None;
    }
    month_number(&w.w).map(|m| (m, 1))
}

fn hijri_month_at(ws: &[W], i: usize) -> Option<(u32, usize)> {
    let find = |s: &str| HIJRI_MONTHS.iter().find(|(m, _)| *m == s).map(|&(_, k)| k);
    if i + 1 < ws.len() {
        if let Some(m) = find(&format!("{} {}", ws[i].w, ws[i + 1].w)) {
            return Some((m, 2));
        }
    }
    let w = ws.get(i)?;
    if is_latin(w) && !w.upper {
        return None;
    }
    find(&w.w).map(|m| (m, 1))
}

fn is(w: Option<&W>, list: &[&str]) -> bool {
    w.is_some_and(|w| list.contains(&w.w.as_str()))
}

fn expr(ws: &[W], a: usize, b: usize, date: NaiveDate, precision: Precision, basis: &'static str) -> Expression {
    Expression { start: ws[a].t.start, end: ws[b - 1].t.end, date, precision, basis, span_edge: false, note: None }
}

/// Explicit dates only (no anchor needed unless a year is missing).
pub(crate) fn explicit_dates(text: &str, anchor: Option<NaiveDate>) -> Vec<Expression> {
    scan(text, anchor, false, false)
}

/// Every date expression of a sentence, in order, resolved against `anchor`. `future` dates a
/// bare weekday forward ("will meet on Tuesday": the next Tuesday) instead of back.
pub fn find_expressions(sentence: &str, anchor: NaiveDate, future: bool) -> Vec<Expression> {
    scan(sentence, Some(anchor), future, true)
}

/// The date expression that dates an event: among the sentence's expressions that are not the
/// edge of a span, the one nearest byte offset `at` (the event's trigger), or the first when
/// `at` is `None`. A Hijri date followed by its Gregorian equivalent ("الموافق …") gives way to
/// it.
pub fn resolve_near(sentence: &str, anchor: NaiveDate, at: Option<usize>, future: bool) -> Option<Resolved> {
    // an offset inside a character (or past the end) is taken as the character's start
    let at = at.map(|at| (0..=at.min(sentence.len())).rev().find(|&i| sentence.is_char_boundary(i)).unwrap_or(0));
    let all = find_expressions(sentence, anchor, future);
    let usable: Vec<&Expression> = all
        .iter()
        .filter(|e| !e.span_edge)
        .filter(|e| {
            e.basis != "hijri"
                || !all.iter().any(|g| matches!(g.basis, "explicit" | "numeric") && g.start >= e.end && sentence[e.end..g.start].chars().count() <= 16)
        })
        .collect();
    let best = match at {
        None => usable.first().copied(),
        Some(at) => usable.iter().copied().min_by_key(|e| {
            let (a, b) = if at < e.start { (at, e.start) } else { (e.end.min(at), at) };
            // a clause boundary between the trigger and the expression counts as distance
            let between = &sentence[a.min(b)..b];
            let boundary = between.contains([',', '،', ';', '؛']) || between.contains(" and ") || between.contains(" but ") || between.contains(" و");
            b - a + if boundary { 40 } else { 0 }
        }),
    }?;
    let mut words = sentence[best.start..best.end].to_string();
    if let Some(n) = &best.note {
        words = format!("{words} ({n})");
    }
    Some(Resolved { date: best.date, basis: best.basis, precision: best.precision, words })
}

fn scan(text: &str, anchor: Option<NaiveDate>, future: bool, relative: bool) -> Vec<Expression> {
    let (toks, info) = words(text);
    let ws: Vec<W> = toks.iter().zip(info).map(|(t, (w, upper))| W { t, w, upper }).collect();
    let mut out: Vec<Expression> = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let found = explicit_at(text, &ws, i, anchor).or_else(|| if relative { anchor.and_then(|a| relative_at(&ws, i, a, future)) } else { None });
        match found {
            Some((mut e, next)) => {
                let first = ws.iter().position(|w| w.t.start == e.start).unwrap_or(i);
                e.span_edge = (first.saturating_sub(6)..first).any(|k| SPAN_WORDS.contains(&ws[k].w.as_str()) && !(e.basis == "days_ago" && k + 1 == first));
                out.push(e);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// An explicit date starting at (or, for "July 8", with its month at) token `i`; returns the
/// expression and the index of the next token to look at.
fn explicit_at(text: &str, ws: &[W], i: usize, anchor: Option<NaiveDate>) -> Option<(Expression, usize)> {
    let w = &ws[i];
    // ISO-like numeric tokens: 2020-07-08, 2020.07.08
    if w.w.len() >= 8 && w.w.starts_with(|c: char| c.is_ascii_digit()) {
        if let Some(d) = numeric_date(&w.w) {
            return Some((expr(ws, i, i + 1, d, Precision::Day, "numeric"), i + 1));
        }
        if let Some(d) = day_month_year(&w.w.split(['.', '-']).collect::<Vec<_>>()) {
            return Some((expr(ws, i, i + 1, d, Precision::Day, "numeric"), i + 1));
        }
    }
    // 8/7/2020: three numbers joined by slashes
    if num(w).is_some() && i + 2 < ws.len() {
        let sep = |a: usize| text[ws[a].t.end..ws[a + 1].t.start].trim() == "/";
        if sep(i) && sep(i + 1) && num(&ws[i + 1]).is_some() && num(&ws[i + 2]).is_some() {
            if let Some(d) = day_month_year(&[&ws[i].w, &ws[i + 1].w, &ws[i + 2].w]) {
                return Some((expr(ws, i, i + 3, d, Precision::Day, "numeric"), i + 3));
            }
        }
    }
    // day before a month name: "8 يوليو 2020", "15 رمضان 1441 هـ", "8 juillet"
    if let Some(day) = num(w).filter(|d| (1..=31).contains(d)) {
        if let Some((month, width)) = month_at(ws, i + 1, true) {
            let mut j = i + 1 + width;
            // paired names: "8 تموز/يوليو 2020", "8 يوليو (تموز)"
            if let Some((m2, w2)) = month_at(ws, j, true) {
                if m2 == month {
                    j += w2;
                }
            }
            let (year, next) = year_after(ws, j);
            let d = day_date(year, anchor, month, day)?;
            return Some((expr(ws, i, next, d, Precision::Day, "explicit"), next));
        }
        if let Some((month, width)) = hijri_month_at(ws, i + 1) {
            let j = i + 1 + width;
            let (year, mut next) = year_after(ws, j);
            let marked = is(ws.get(next), &["ه", "هجري", "هجريه", "ah", "a.h"]);
            if marked {
                next += 1;
            }
            // "3 صفر" is as often a score as a date: صفر needs its year
            if month == 2 && !(year.is_some() && marked) {
                return None;
            }
            let year = match (year, anchor) {
                (Some(y), _) if (1..2000).contains(&y) => y,
                (Some(_), _) => return None,
                (None, Some(a)) => {
                    let (hy, _, _) = gregorian_to_hijri(a);
                    let guess = hijri_to_gregorian(hy, month, day.min(29))?;
                    if guess > a + Duration::days(31) { hy - 1 } else { hy }
                }
                (None, None) => return None,
            };
            let d = hijri_to_gregorian(year, month, day)?;
            return Some((expr(ws, i, next, d, Precision::Day, "hijri"), next));
        }
    }
    // month name first: "July 8, 2020", "March 2011", "مارس عام 2011"
    if let Some((month, width)) = month_at(ws, i, false) {
        // Arabic "يوليو 8" is rare; a number before the month was handled above
        let j = i + width;
        if let Some(day) = ws.get(j).and_then(num).filter(|d| (1..=31).contains(d) && is_latin(w)) {
            let (year, next) = year_after(ws, j + 1);
            let d = day_date(year, anchor, month, day)?;
            return Some((expr(ws, i, next, d, Precision::Day, "explicit"), next));
        }
        let mut j = j;
        if let Some((m2, w2)) = month_at(ws, j, true) {
            if m2 == month {
                j += w2;
            }
        }
        if let (Some(y), next) = year_after(ws, j) {
            let d = NaiveDate::from_ymd_opt(y, month, 1)?;
            return Some((expr(ws, i, next, d, Precision::Month, "explicit"), next));
        }
    }
    None
}

/// A four-digit year at `j`, perhaps after "عام" or "of"; returns it and the index after it.
fn year_after(ws: &[W], j: usize) -> (Option<i32>, usize) {
    let mut k = j;
    while k < ws.len() && k < j + 2 && YEAR_FILLERS.contains(&ws[k].w.as_str()) {
        k += 1;
    }
    match ws.get(k).and_then(num) {
        Some(y) if (1000..=2999).contains(&y) || (1300..=1600).contains(&y) => (Some(y as i32), k + 1),
        _ => (None, j),
    }
}

/// Day, month, year numbers written day first (8/7/2020); month first only when the first
/// number cannot be a month (7/28/2020 is read as July 28).
fn day_month_year(parts: &[&str]) -> Option<NaiveDate> {
    if parts.len() != 3 || parts[2].len() != 4 {
        return None;
    }
    let a: u32 = parts[0].parse().ok()?;
    let b: u32 = parts[1].parse().ok()?;
    let y: i32 = parts[2].parse().ok()?;
    if b > 12 && a <= 12 {
        NaiveDate::from_ymd_opt(y, a, b)
    } else {
        NaiveDate::from_ymd_opt(y, b, a)
    }
}

fn monday(d: NaiveDate) -> NaiveDate {
    d - Duration::days(d.weekday().num_days_from_monday() as i64)
}

fn first_of_month(d: NaiveDate, months_back: i32) -> NaiveDate {
    let m0 = d.year() * 12 + d.month0() as i32 - months_back;
    NaiveDate::from_ymd_opt(m0.div_euclid(12), m0.rem_euclid(12) as u32 + 1, 1).unwrap_or(d)
}

/// The latest `wd` on or before `anchor` (strictly before when `strict`).
fn back_to(anchor: NaiveDate, wd: Weekday, strict: bool) -> NaiveDate {
    let mut back = (anchor.weekday().num_days_from_monday() + 7 - wd.num_days_from_monday()) % 7;
    if strict && back == 0 {
        back = 7;
    }
    anchor - Duration::days(back as i64)
}

/// The earliest `wd` on or after `anchor` (strictly after when `strict`).
fn forward_to(anchor: NaiveDate, wd: Weekday, strict: bool) -> NaiveDate {
    let mut fwd = (wd.num_days_from_monday() + 7 - anchor.weekday().num_days_from_monday()) % 7;
    if strict && fwd == 0 {
        fwd = 7;
    }
    anchor + Duration::days(fwd as i64)
}

const NUMBER_WORDS: &[(&str, i64)] = &[
    ("يومين", 2), ("ثلاثه", 3), ("اربعه", 4), ("خمسه", 5), ("سته", 6), ("سبعه", 7), ("عشره", 10),
    ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("ten", 10),
];

fn count(w: Option<&W>) -> Option<i64> {
    let w = w?;
    num(w).map(i64::from).filter(|n| *n <= 60).or_else(|| NUMBER_WORDS.iter().find(|(s, _)| *s == w.w).map(|&(_, n)| n))
}

/// A weekday name at `i`, not the dual "الاثنين" ("the two") after بين or كلا.
fn weekday_at(ws: &[W], i: usize) -> Option<Weekday> {
    let w = ws.get(i)?;
    if w.w == "الاثنين" && i > 0 && is(ws.get(i - 1), &["بين", "كلا", "هذين"]) {
        return None;
    }
    if w.w == "يوم" {
        return None;
    }
    weekday(&w.w)
}

/// A relative expression at token `i`.
fn relative_at(ws: &[W], i: usize, anchor: NaiveDate, future: bool) -> Option<(Expression, usize)> {
    let w = ws[i].w.as_str();
    let next = ws.get(i + 1).map(|w| w.w.as_str()).unwrap_or("");
    let day = |basis, date: NaiveDate, end: usize| Some((expr(ws, i, end, date, Precision::Day, basis), end));
    let period = |basis, date: NaiveDate, precision, start: usize, end: usize| Some((expr(ws, start, end, date, precision, basis), end));
    // a weekday written next to "today"/"yesterday"/"tomorrow" is the stronger evidence:
    // a publication-date anchor is often a day late
    let with_weekday = |basis: &'static str, date: NaiveDate, end: usize| -> Option<(Expression, usize)> {
        let (wd_at, wd) = match (weekday_at(ws, end), i.checked_sub(1).and_then(|k| weekday_at(ws, k))) {
            (Some(wd), _) => (Some(end), wd),
            (None, Some(wd)) => (None, wd),
            (None, None) => return day(basis, date, end),
        };
        let end = wd_at.map_or(end, |k| k + 1);
        let mut e = expr(ws, i, end, date, Precision::Day, basis);
        if date.weekday() != wd {
            let fixed = match basis {
                "tomorrow" => forward_to(anchor, wd, true),
                "today" => back_to(anchor, wd, false),
                _ => back_to(anchor, wd, true),
            };
            e.note = Some(format!("{basis} of the anchor {anchor} would be {}, but the text says {wd:?}: {fixed}", date.format("%a %Y-%m-%d")));
            e.date = fixed;
        }
        Some((e, end))
    };
    match w {
        // the day before yesterday
        "اول" if next == "امس" => return day("day_before_yesterday", anchor - Duration::days(2), i + 2),
        "امس" if next == "الاول" => return day("day_before_yesterday", anchor - Duration::days(2), i + 2),
        "the" if next == "day" && ws.get(i + 2).is_some_and(|w| w.w == "before") && ws.get(i + 3).is_some_and(|w| w.w == "yesterday") => {
            return day("day_before_yesterday", anchor - Duration::days(2), i + 4)
        }
        "بعد" if next == "غد" => return day("day_after_tomorrow", anchor + Duration::days(2), i + 2),
        "امس" | "البارحه" | "yesterday" | "hier" | "ayer" => return with_weekday("yesterday", anchor - Duration::days(1), i + 1),
        "last" if next == "night" => return day("yesterday", anchor - Duration::days(1), i + 2),
        "غدا" | "tomorrow" | "demain" => return with_weekday("tomorrow", anchor + Duration::days(1), i + 1),
        "اليوم" | "today" | "tonight" | "الليله" | "aujourd'hui" | "hoy" => {
            // "اليوم التالي" (the next day), "اليوم العالمي" (a world day), "اليوم الثالث"
            if is(ws.get(i + 1), &["التالي", "الاول", "الثاني", "الثالث", "الرابع", "الخامس", "الاخير", "العالمي", "الوطني", "الدولي", "نفسه", "ذاته"]) {
                return None;
            }
            return with_weekday("today", anchor, i + 1);
        }
        "this" if matches!(next, "morning" | "afternoon" | "evening") => return day("today", anchor, i + 2),
        "earlier" | "later" if next == "today" => return day("today", anchor, i + 2),
        _ => {}
    }
    // "قبل يومين", "منذ ثلاثة أيام", "قبل أسبوع", "two days ago", "a week ago"
    if matches!(w, "قبل" | "منذ") {
        if next == "يومين" {
            return day("days_ago", anchor - Duration::days(2), i + 2);
        }
        if next == "اسبوع" || next == "اسبوعين" {
            let n = if next == "اسبوع" { 7 } else { 14 };
            return day("days_ago", anchor - Duration::days(n), i + 2);
        }
        if let Some(n) = count(ws.get(i + 1)) {
            if is(ws.get(i + 2), &["ايام", "يوما", "يوم"]) {
                return day("days_ago", anchor - Duration::days(n), i + 3);
            }
        }
    }
    if let Some(n) = count(ws.get(i)).or(if w == "a" { Some(1) } else { None }) {
        let unit = ws.get(i + 1).map(|w| w.w.as_str());
        if matches!(unit, Some("days" | "week" | "weeks")) && is(ws.get(i + 2), &["ago"]) {
            let n = if unit == Some("days") { n } else { n * 7 };
            return day("days_ago", anchor - Duration::days(n), i + 3);
        }
    }
    // periods: "الأسبوع الماضي", "last week", "earlier this week", "الشهر الماضي", "العام المقبل"
    const PAST: &[&str] = &["الماضي", "الماضيه", "المنصرم", "المنصرمه", "الفائت", "الفائته", "السابق"];
    const THIS: &[&str] = &["الجاري", "الجاريه", "الحالي", "الحاليه"];
    const NEXT: &[&str] = &["المقبل", "المقبله", "القادم", "القادمه"];
    let unit = |s: &str| match s {
        "الاسبوع" | "week" => Some(Precision::Week),
        "الشهر" | "month" => Some(Precision::Month),
        "العام" | "السنه" | "year" => Some(Precision::Year),
        _ => None,
    };
    let dated = |p: Precision, rel: i32| -> (NaiveDate, &'static str) {
        match p {
            Precision::Week => (monday(anchor) + Duration::days(7 * rel as i64), ["last_week", "this_week", "next_week"][(rel + 1) as usize]),
            Precision::Month => (first_of_month(anchor, -rel), ["last_month", "this_month", "next_month"][(rel + 1) as usize]),
            _ => (NaiveDate::from_ymd_opt(anchor.year() + rel, 1, 1).unwrap_or(anchor), ["last_year", "this_year", "next_year"][(rel + 1) as usize]),
        }
    };
    // Arabic: unit then qualifier ("الأسبوع الماضي"); "هذا الأسبوع", "مطلع الأسبوع"
    if let Some(p) = unit(w).filter(|_| !is_latin(&ws[i])) {
        let rel = if PAST.contains(&next) {
            Some(-1)
        } else if THIS.contains(&next) {
            Some(0)
        } else if NEXT.contains(&next) {
            Some(1)
        } else {
            None
        };
        let start = if i > 0 && is(ws.get(i - 1), &["هذا", "هذه", "مطلع", "بدايه", "اوائل", "اواخر", "نهايه", "منتصف", "اول"]) { i - 1 } else { i };
        match rel {
            Some(rel) => {
                let (d, basis) = dated(p, rel);
                return period(basis, d, p, start, i + 2);
            }
            None if start < i => {
                let (d, basis) = dated(p, 0);
                return period(basis, d, p, start, i + 1);
            }
            None => {}
        }
    }
    // English: qualifier then unit ("last week", "earlier this month", "next year", "past week")
    if matches!(w, "last" | "past" | "this" | "next") {
        if let Some(p) = unit(next) {
            let rel = match w {
                "last" | "past" => -1,
                "this" => 0,
                _ => 1,
            };
            let start = if i > 0 && is(ws.get(i - 1), &["earlier", "later"]) { i - 1 } else { i };
            let (d, basis) = dated(p, rel);
            return period(basis, d, p, start, i + 2);
        }
    }
    // weekdays: "الثلاثاء", "يوم الثلاثاء", "مساء السبت", "on Tuesday", "last Tuesday",
    // "الثلاثاء الماضي", "next Monday", "ليل السبت الأحد" (the night from Saturday to Sunday)
    if let Some(wd) = weekday_at(ws, i) {
        let mut start = i;
        while start > 0 && (is(ws.get(start - 1), DAY_PARTS) || is(ws.get(start - 1), &["يوم"])) && start + 2 > i {
            start -= 1;
        }
        let mut end = i + 1;
        if weekday_at(ws, end).is_some() {
            end += 1;
        }
        let before = if i > 0 { ws[i - 1].w.as_str() } else { "" };
        let after = ws.get(end).map(|w| w.w.as_str()).unwrap_or("");
        let date = if PAST.contains(&after) || before == "last" {
            end += usize::from(PAST.contains(&after));
            start = start.min(i.saturating_sub(usize::from(before == "last")));
            back_to(anchor, wd, true)
        } else if NEXT.contains(&after) || before == "next" {
            end += usize::from(NEXT.contains(&after));
            start = start.min(i.saturating_sub(usize::from(before == "next")));
            forward_to(anchor, wd, true)
        } else if future {
            forward_to(anchor, wd, false)
        } else {
            back_to(anchor, wd, false)
        };
        if is(ws.get(end), DAY_PARTS) && is_latin(&ws[i]) {
            end += 1;
        }
        return period("weekday", date, Precision::Day, start, end);
    }
    None
}

/// A Gregorian day of `month`: in the year written, else the year the anchor implies.
fn day_date(year: Option<i32>, anchor: Option<NaiveDate>, month: u32, day: u32) -> Option<NaiveDate> {
    let year = match (year, anchor) {
        (Some(y), _) => y,
        (None, Some(a)) => infer_year(a, month, day)?,
        (None, None) => return None,
    };
    NaiveDate::from_ymd_opt(year, month, day)
}
