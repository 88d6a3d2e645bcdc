//! Dates as news text writes them, resolved against an anchor date (the dateline's or the
//! publication's).
//!
//! * [`month_number`]: month names in Arabic (both the Egyptian/Gulf series يناير… and the
//!   Levantine/Iraqi series كانون الثاني…), English, French and Spanish, with abbreviations.
//! * [`parse_date`]: "8 يوليو 2020", "July 8, 2020", "8 juillet", "2020-07-08", "2020:07:09".
//! * [`hijri_to_gregorian`]: the tabular Islamic calendar ("15 رمضان 1441 هـ"), right to ±1 day.
//! * [`find_expressions`] and [`resolve_near`]: every date expression of a sentence (explicit,
//!   Hijri, "today", "yesterday", "on Tuesday", "اليوم (الأربعاء)", "أمس الثلاثاء", "مساء السبت",
//!   "last week", "الشهر الماضي", "earlier this week", "two days ago") resolved against an anchor
//!   date, and the one that dates an event at a given position.
//!
//! A resolved date is always a whole day (`YYYY-MM-DD`); an expression naming a week, a month
//! or a year is dated by the period's first day (weeks start on Monday) and says its
//! [`Precision`], so a reader can truncate.
#![deny(missing_docs)]

mod hijri;
mod scan;

pub use chrono::Datelike;
use chrono::{Duration, NaiveDate, Weekday};
use khabar_text::normalize;

pub use chrono::NaiveDate as Date;

pub use hijri::{gregorian_to_hijri, hijri_to_gregorian, month_length as hijri_month_length};
pub use scan::{find_expressions, resolve_near, Expression, Precision};

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

/// Reads the first explicit date in a phrase (Gregorian day and month in any supported
/// language, an ISO-like numeric date, or a Hijri date). A missing year is taken from `anchor`
/// (the year of the anchor, or the year before if that would put the date well after the
/// anchor).
///
/// ```
/// use khabar_time::{parse_date, Date};
/// assert_eq!(parse_date("دمشق 8 يوليو 2020 (شينخوا)", None), Date::from_ymd_opt(2020, 7, 8));
/// assert_eq!(parse_date("DAMASCUS, July 8 (Xinhua) --", Date::from_ymd_opt(2020, 7, 9)), Date::from_ymd_opt(2020, 7, 8));
/// ```
pub fn parse_date(text: &str, anchor: Option<NaiveDate>) -> Option<NaiveDate> {
    if let Some(d) = numeric_date(&normalize(text)) {
        return Some(d);
    }
    scan::explicit_dates(text, anchor).into_iter().find(|e| e.precision == Precision::Day).map(|e| e.date)
}

/// Year for a day and month written without one: the anchor's year, or the year before if
/// that would put the date more than a month after the anchor.
pub(crate) fn infer_year(anchor: NaiveDate, month: u32, day: u32) -> Option<i32> {
    let guess = NaiveDate::from_ymd_opt(anchor.year(), month, day).or_else(|| NaiveDate::from_ymd_opt(anchor.year(), month, 28))?;
    Some(if guess > anchor + Duration::days(31) { anchor.year() - 1 } else { anchor.year() })
}

/// ISO-ish numeric dates: 2020-07-08, 2020/07/08, 2020:07:09, 2020.07.09.
pub(crate) fn numeric_date(norm: &str) -> Option<NaiveDate> {
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
    /// The resolved date (the first day of the period for a week, month or year).
    pub date: NaiveDate,
    /// How it was found: "explicit", "hijri", "today", "yesterday", "weekday", "last_month", …
    pub basis: &'static str,
    /// Day, week, month or year.
    pub precision: Precision,
    /// The words that said so, as written.
    pub words: String,
}

/// Finds the date a sentence refers to, relative to `anchor` (dateline or publication date):
/// the first date expression of the sentence (see [`resolve_near`] to pick the one nearest an
/// event's trigger, and to date future events forward).
pub fn resolve_in_sentence(sentence: &str, anchor: NaiveDate) -> Option<Resolved> {
    resolve_near(sentence, anchor, None, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_trigger_offset_inside_a_character_is_its_start_not_a_panic() {
        // found by fuzz/dates: byte 10 of "٨ تموز ٢٠٢٠" is inside ز
        let got = resolve_near("٨ تموز ٢٠٢٠", d(2020, 7, 9), Some(10), false);
        assert_eq!(got.map(|r| r.date), Some(d(2020, 7, 8)));
        assert!(resolve_near("8 July 2020", d(2020, 7, 9), Some(999), false).is_some());
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

    /// Resolves one sentence against an anchor: (date, basis).
    fn at(sentence: &str, anchor: NaiveDate) -> (NaiveDate, &'static str) {
        let r = resolve_in_sentence(sentence, anchor).unwrap_or_else(|| panic!("no date in {sentence:?}"));
        (r.date, r.basis)
    }

    #[test]
    fn today_and_yesterday_with_their_weekday() {
        let thu = d(2023, 3, 16);
        assert_eq!(at("افتتح المحافظ اليوم (الخميس) مستشفى جديدا في المدينة", thu), (thu, "today"));
        assert_eq!(at("وعقد المجلس جلسته أمس الأربعاء برئاسة نائبه", thu), (d(2023, 3, 15), "yesterday"));
        assert_eq!(at("Police said the bridge reopened yesterday.", thu), (d(2023, 3, 15), "yesterday"));
        assert_eq!(at("The mayor spoke to reporters today.", thu), (thu, "today"));
        assert_eq!(at("وغادر الوفد أول أمس متوجها إلى عمان", thu), (d(2023, 3, 14), "day_before_yesterday"));
    }

    #[test]
    fn a_weekday_beats_a_late_anchor() {
        // published on Friday, written on Thursday: "اليوم (الخميس)" is Thursday, not Friday
        let fri = d(2023, 3, 17);
        let r = resolve_in_sentence("أعلنت الوزارة اليوم (الخميس) نتائج المسابقة", fri).unwrap();
        assert_eq!(r.date, d(2023, 3, 16));
        assert!(r.words.contains("Thu"), "{}", r.words);
        assert_eq!(at("وصل الوفد أمس الأربعاء", fri).0, d(2023, 3, 15));
    }

    #[test]
    fn weekdays_with_parts_of_day_and_qualifiers() {
        let wed = d(2021, 11, 10);
        assert_eq!(at("اندلع حريق كبير مساء السبت في سوق الخضار", wed), (d(2021, 11, 6), "weekday"));
        assert_eq!(at("وكان الرئيس قد استقبل الوفد يوم الاثنين الماضي", wed).0, d(2021, 11, 8));
        assert_eq!(at("ويصل الوزير الأحد المقبل إلى العاصمة", wed).0, d(2021, 11, 14));
        assert_eq!(at("Rescuers reached the village late on Sunday night.", wed).0, d(2021, 11, 7));
        assert_eq!(at("Voters go to the polls next Monday.", wed).0, d(2021, 11, 15));
        assert_eq!(at("The committee met last Wednesday.", wed).0, d(2021, 11, 3));
        // a future event on a bare weekday goes forward
        let r = resolve_near("The envoy will travel to the region on Friday.", wed, None, true).unwrap();
        assert_eq!(r.date, d(2021, 11, 12));
        // the dual "الاثنين" (the two) is not Monday
        assert_eq!(resolve_in_sentence("وتبادل الاثنين الاتهامات بين الاثنين", wed).map(|r| r.date), Some(d(2021, 11, 8)));
        assert_eq!(resolve_in_sentence("اتفاق بين الاثنين على التهدئة", wed), None);
    }

    #[test]
    fn weeks_months_years() {
        let wed = d(2021, 11, 10);
        let r = resolve_in_sentence("تراجعت أسعار الذهب خلال الأسبوع الماضي", wed).unwrap();
        assert_eq!((r.date, r.basis, r.precision), (d(2021, 11, 1), "last_week", Precision::Week));
        assert_eq!(at("Prices fell sharply last week.", wed), (d(2021, 11, 1), "last_week"));
        assert_eq!(at("The strike began earlier this week.", wed), (d(2021, 11, 8), "this_week"));
        let r = resolve_in_sentence("وأقر البرلمان القانون الشهر الماضي بأغلبية كبيرة", wed).unwrap();
        assert_eq!((r.date, r.basis, r.precision), (d(2021, 10, 1), "last_month", Precision::Month));
        assert_eq!(at("Parliament passed the law last month.", wed), (d(2021, 10, 1), "last_month"));
        assert_eq!(at("ستجرى الانتخابات الشهر المقبل", wed), (d(2021, 12, 1), "next_month"));
        assert_eq!(at("افتتح المعرض مطلع الشهر الجاري", wed), (d(2021, 11, 1), "this_month"));
        assert_eq!(at("The plant closed last year.", wed), (d(2020, 1, 1), "last_year"));
        assert_eq!(at("وشهدت المدينة فيضانات العام الماضي", wed), (d(2020, 1, 1), "last_year"));
        // January: last month is in the previous year
        assert_eq!(at("Sales dropped last month.", d(2022, 1, 5)).0, d(2021, 12, 1));
    }

    #[test]
    fn days_ago() {
        let wed = d(2021, 11, 10);
        assert_eq!(at("وكانت الشرطة قد أوقفت المشتبه به قبل يومين", wed), (d(2021, 11, 8), "days_ago"));
        assert_eq!(at("أغلقت الحدود منذ ثلاثة أيام", wed).0, d(2021, 11, 7));
        assert_eq!(at("The ship sank three days ago.", wed).0, d(2021, 11, 7));
    }

    #[test]
    fn explicit_dates_in_sentences() {
        let anchor = d(2021, 11, 10);
        assert_eq!(at("وقعت الحادثة في 3 تشرين الثاني 2021 قرب الحدود", anchor), (d(2021, 11, 3), "explicit"));
        assert_eq!(at("The accord was signed on October 28 in a small ceremony.", anchor), (d(2021, 10, 28), "explicit"));
        assert_eq!(at("La réunion a eu lieu le 2 novembre à huis clos.", anchor).0, d(2021, 11, 2));
        assert_eq!(at("وأعلن في 5 تموز/يوليو 2021 عن التشكيلة", anchor).0, d(2021, 7, 5));
        assert_eq!(at("صدر القرار بتاريخ 7/11/2021 عن المحكمة", anchor), (d(2021, 11, 7), "numeric"));
        // a month and a year only: month precision
        let r = resolve_in_sentence("بدأت الأشغال في مارس عام 2019", anchor).unwrap();
        assert_eq!((r.date, r.precision), (d(2019, 3, 1), Precision::Month));
        // the verb "may" is not May
        assert_eq!(resolve_in_sentence("The talks may 2 weeks", anchor).map(|r| r.basis), None);
    }

    #[test]
    fn the_edge_of_a_span_does_not_date_an_event() {
        let anchor = d(2021, 11, 10);
        assert_eq!(resolve_in_sentence("ويعاني البلد من أزمة منذ بداية الحرب في مارس 2011", anchor), None);
        assert_eq!(resolve_in_sentence("The border has been closed since Tuesday", anchor), None);
        // "منذ يومين" is "two days ago", not a span
        assert_eq!(at("وصل الوفد منذ يومين", anchor).0, d(2021, 11, 8));
    }

    #[test]
    fn hijri_dates() {
        let anchor = d(2020, 5, 10);
        let r = resolve_in_sentence("أقيمت المأدبة في 15 رمضان 1441 هـ بحضور الأمير", anchor).unwrap();
        assert_eq!((r.date, r.basis), (d(2020, 5, 8), "hijri"));
        // Umm al-Qura dates 1 Dhu al-Hijja 1440 to 2 August 2019; the tabular calendar a day later
        let near = |got: Option<NaiveDate>, want: NaiveDate| got.is_some_and(|g| (g - want).num_days().abs() <= 1);
        assert!(near(parse_date("الرياض 1 ذو الحجة 1440 هـ", None), d(2019, 8, 2)));
        // year from the anchor
        assert!(near(resolve_in_sentence("وصل الحجاج يوم 8 ذي الحجة", d(2019, 8, 12)).map(|r| r.date), d(2019, 8, 9)));
        // the Gregorian equivalent wins when given
        let r = resolve_in_sentence("في 15 رمضان 1441 هـ الموافق 7 مايو 2020", anchor).unwrap();
        assert_eq!((r.date, r.basis), (d(2020, 5, 7), "explicit"));
        // "3 صفر" is a score
        assert_eq!(resolve_in_sentence("فاز الفريق 3 صفر على ضيفه", anchor), None);
    }

    #[test]
    fn the_expression_nearest_the_event() {
        let wed = d(2021, 11, 10);
        let s = "Ministers met on Monday and will sign the deal tomorrow.";
        assert_eq!(resolve_near(s, wed, s.find("met"), false).unwrap().date, d(2021, 11, 8));
        assert_eq!(resolve_near(s, wed, s.find("sign"), true).unwrap().date, d(2021, 11, 11));
    }
}
