//! The tabular (arithmetic) Islamic calendar.
//!
//! Months alternate 30 and 29 days, and 11 of every 30 years are leap years (Dhu al-Hijja of
//! 30 days) in the common "type II" cycle (leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26 and 29),
//! counted from the civil epoch, 1 Muharram 1 AH = 16 July 622 (Julian).
//!
//! **Caveat:** the calendars people actually date by (Saudi Umm al-Qura, or a month begun by
//! sighting the new moon) differ from the tabular one by a day, occasionally two. A converted
//! date is therefore right to ±1 day; when an article gives the Gregorian date too
//! ("الموافق 8 مايو 2020") that one is used instead.

use chrono::NaiveDate;

/// Julian day number of 1 Muharram 1 AH in the civil (Friday) epoch.
const EPOCH_JDN: i64 = 1_948_440;
/// Julian day number of 0001-01-01 (proleptic Gregorian) minus one, so `jdn - OFFSET` is
/// chrono's day count from the common era.
const CE_OFFSET: i64 = 1_721_425;

/// Hijri month names in matching form (see `khabar_text::normalize`), with common spellings.
/// Two-word names are listed whole; "ذي" is the genitive of "ذو" ("في 10 ذي الحجة").
pub(crate) const HIJRI_MONTHS: &[(&str, u32)] = &[
    ("محرم", 1), ("المحرم", 1), ("صفر", 2), ("ربيع الاول", 3), ("ربيع الثاني", 4), ("ربيع الاخر", 4),
    ("جمادي الاولي", 5), ("جمادي الاول", 5), ("جمادي الثانيه", 6), ("جمادي الاخره", 6), ("جمادي الاخر", 6),
    ("رجب", 7), ("شعبان", 8), ("رمضان", 9), ("شوال", 10),
    ("ذو القعده", 11), ("ذي القعده", 11), ("ذو الحجه", 12), ("ذي الحجه", 12),
    ("muharram", 1), ("safar", 2), ("rabi al-awwal", 3), ("rabi al-thani", 4), ("jumada al-awwal", 5),
    ("jumada al-thani", 6), ("rajab", 7), ("shaban", 8), ("sha'ban", 8), ("ramadan", 9), ("shawwal", 10),
    ("dhu al-qadah", 11), ("dhu al-hijjah", 12),
];

fn is_leap(year: i64) -> bool {
    (14 + 11 * year).rem_euclid(30) < 11
}

/// Days in a Hijri month of the tabular calendar.
pub fn month_length(year: i32, month: u32) -> u32 {
    if month % 2 == 1 || (month == 12 && is_leap(year as i64)) {
        30
    } else {
        29
    }
}

fn to_jdn(year: i64, month: i64, day: i64) -> i64 {
    day + (59 * (month - 1) + 1) / 2 + (year - 1) * 354 + (3 + 11 * year).div_euclid(30) + EPOCH_JDN - 1
}

/// A Hijri date (year AH, month 1–12, day 1–30) in the Gregorian calendar, by the tabular
/// calendar (±1 day against the calendar a country observes; see the module notes).
///
/// ```
/// use khabar_time::{hijri_to_gregorian, Date};
/// // 15 Ramadan 1441 AH
/// assert_eq!(hijri_to_gregorian(1441, 9, 15), Date::from_ymd_opt(2020, 5, 8));
/// ```
pub fn hijri_to_gregorian(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    if year < 1 || !(1..=12).contains(&month) || day < 1 || day > month_length(year, month) {
        return None;
    }
    let jdn = to_jdn(year as i64, month as i64, day as i64);
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(jdn - CE_OFFSET).ok()?)
}

/// A Gregorian date in the tabular Hijri calendar: (year AH, month, day).
pub fn gregorian_to_hijri(date: NaiveDate) -> (i32, u32, u32) {
    use chrono::Datelike;
    let jdn = date.num_days_from_ce() as i64 + CE_OFFSET;
    let mut year = (30 * (jdn - EPOCH_JDN) + 10_646).div_euclid(10_631);
    if to_jdn(year, 1, 1) > jdn {
        year -= 1;
    }
    let mut month = 12;
    while month > 1 && to_jdn(year, month, 1) > jdn {
        month -= 1;
    }
    let day = jdn - to_jdn(year, month, 1) + 1;
    (year as i32, month as u32, day as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn epoch_and_known_days() {
        // 1 Muharram 1 AH = 16 July 622 Julian = 19 July 622 proleptic Gregorian
        assert_eq!(hijri_to_gregorian(1, 1, 1), Some(d(622, 7, 19)));
        // 1 Muharram 1442 (tabular) = 20 August 2020
        assert_eq!(hijri_to_gregorian(1442, 1, 1), Some(d(2020, 8, 20)));
        // 1 Shawwal 1444 (Eid al-Fitr, observed 21 April 2023 in most countries)
        let eid = hijri_to_gregorian(1444, 10, 1).unwrap();
        assert!((eid - d(2023, 4, 21)).num_days().abs() <= 1, "{eid}");
    }

    #[test]
    fn round_trip_over_three_centuries() {
        let mut day = d(1900, 1, 1);
        while day < d(2200, 1, 1) {
            let (y, m, dd) = gregorian_to_hijri(day);
            assert_eq!(hijri_to_gregorian(y, m, dd), Some(day), "{day} -> {y}-{m}-{dd}");
            day += chrono::Duration::days(13);
        }
    }

    #[test]
    fn impossible_days_are_refused() {
        assert_eq!(hijri_to_gregorian(1441, 2, 30), None);
        assert_eq!(hijri_to_gregorian(1441, 13, 1), None);
    }
}
