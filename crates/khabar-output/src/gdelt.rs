//! The GDELT 2.0 tables: the event table (61 tab-separated columns per event) and the mentions
//! table (16 columns per mention), each column filled as the GDELT 2.0 Event Codebook (V2.0,
//! 2015) defines it, and left empty where khabar does not know the value, as GDELT does.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Timelike};
use khabar_core::{Actor, Article, Event, Location};
use khabar_geo::Gazetteer;

/// Column names of the event table, in GDELT 2.0 order.
pub const GDELT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
];

/// Column names of the mentions table, in GDELT 2.0 order.
pub const GDELT_MENTION_COLUMNS: [&str; 16] = [
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier",
    "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence",
    "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
];

/// Index of a column of [`GDELT_COLUMNS`] (`"NumMentions"` → 31).
pub fn gdelt_column(name: &str) -> Option<usize> {
    GDELT_COLUMNS.iter().position(|c| *c == name)
}

/// Role codes (everything in a CAMEO actor code that is a type, not a group).
const TYPES: &[&str] = &[
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "LEG", "CVL", "BUS", "MED", "EDU", "REL", "SPY", "LAB",
    "HLH", "REF", "ELI", "CRM", "UAF", "IGO", "NGO", "MNC", "IMG", "AGR", "ENV", "HRI", "RAD", "MOD", "INS", "SEP",
];

/// A stable id for an event of `khabar code` (which has no store to number it): FNV-1a over
/// the document, sentence, code and actors, 63 bits.
pub fn gdelt_event_id(e: &Event) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    let key = format!(
        "{}|{}|{}|{}|{}",
        e.doc_id,
        e.sentence,
        e.cameo,
        e.source.as_ref().map(|a| a.code.as_str()).unwrap_or(""),
        e.target.as_ref().map(|a| a.code.as_str()).unwrap_or("")
    );
    for b in key.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h >> 1
}

/// A field as GDELT's tab-separated files can hold it: no tab, newline or carriage return.
fn clean(s: &str) -> String {
    if s.contains(['\t', '\n', '\r']) {
        s.replace(['\t', '\n', '\r'], " ")
    } else {
        s.to_string()
    }
}

fn actor_cols(a: Option<&Actor>) -> Vec<String> {
    let Some(a) = a else { return vec![String::new(); 10] };
    let chunks: Vec<&str> = if a.code.is_ascii() { (0..a.code.len() / 3).map(|i| &a.code[i * 3..i * 3 + 3]).collect() } else { Vec::new() };
    let types: Vec<&str> = chunks.iter().copied().filter(|c| TYPES.contains(c)).collect();
    let group = chunks.iter().copied().skip(usize::from(a.country.is_some())).find(|c| !TYPES.contains(c)).unwrap_or("");
    vec![
        a.code.clone(),
        a.name.to_uppercase(),
        a.country.clone().unwrap_or_default(),
        group.to_string(),
        String::new(),
        String::new(),
        String::new(),
        types.first().map(|s| s.to_string()).unwrap_or_default(),
        types.get(1).map(|s| s.to_string()).unwrap_or_default(),
        types.get(2).map(|s| s.to_string()).unwrap_or_default(),
    ]
}

/// GDELT's Geo_Type of a location: 1 country, 2 US state, 3 US city, 4 world city, 5 world
/// state (ADM1).
pub fn geo_type(l: &Location) -> u8 {
    let us = l.country.as_deref() == Some("USA");
    match (l.geonameid.is_some(), l.adm1.as_deref().is_some_and(known_adm1)) {
        (true, _) if us => 3,
        (true, _) => 4,
        (false, true) if us => 2,
        (false, true) => 5,
        (false, false) => 1,
    }
}

/// A GeoNames ADM1 code that names a region ("SY.13"; not "SY.00", GeoNames' "no region").
fn known_adm1(a: &str) -> bool {
    a.split_once('.').is_some_and(|(_, code)| !code.is_empty() && code != "00")
}

/// GDELT's ADM1Code: the FIPS 10-4 country code followed by the region's code ("SY13",
/// "USVA"), the country code alone for a country (as GDELT writes it), empty when unknown.
pub fn adm1_code(l: &Location) -> String {
    let gaz = Gazetteer::get();
    let fips = l.country.as_deref().and_then(|c| gaz.country(c)).map(|c| c.fips).unwrap_or("");
    if fips.is_empty() {
        return String::new();
    }
    match l.adm1.as_deref().filter(|a| known_adm1(a)).and_then(|a| a.split_once('.')) {
        Some((_, code)) => format!("{fips}{code}"),
        None if geo_type(l) == 1 => fips.to_string(),
        None => String::new(),
    }
}

/// GDELT geo columns: type, full name ("Damascus, Dimashq, Syria"), FIPS country, ADM1, ADM2
/// (empty: not kept), lat, lon, feature id (the GeoNames id of a city, the FIPS code of a
/// country, as GDELT does).
fn geo_cols(loc: Option<&Location>) -> Vec<String> {
    let Some(l) = loc else { return vec![String::new(); 8] };
    let gaz = Gazetteer::get();
    let country = l.country.as_deref().and_then(|c| gaz.country(c));
    let fips = country.map(|c| c.fips).unwrap_or("");
    let country_name = country.map(|c| c.name).unwrap_or("");
    let kind = geo_type(l);
    let adm1_name = l.geonameid.and_then(|g| gaz.by_id(g)).map(|p| p.adm1_name).unwrap_or("");
    let full = if kind == 1 {
        if country_name.is_empty() { l.name.clone() } else { country_name.to_string() }
    } else {
        let mut parts = vec![l.name.as_str()];
        if !adm1_name.is_empty() && adm1_name != l.name {
            parts.push(adm1_name);
        }
        if !country_name.is_empty() {
            parts.push(country_name);
        }
        parts.join(", ")
    };
    let num = |v: Option<f64>| v.map(|x| format!("{x:.4}")).unwrap_or_default();
    vec![
        kind.to_string(),
        clean(&full),
        fips.to_string(),
        adm1_code(l),
        String::new(),
        num(l.lat),
        num(l.lon),
        match l.geonameid {
            Some(g) => g.to_string(),
            None if kind == 1 => fips.to_string(),
            None => String::new(),
        },
    ]
}

/// The location GDELT gives an actor: the event's place if the actor is from that country, else
/// the actor's country.
fn actor_geo(a: Option<&Actor>, action: Option<&Location>) -> Option<Location> {
    let a = a?;
    let country = a.country.as_deref()?;
    if let Some(l) = action {
        if l.country.as_deref() == Some(country) {
            return Some(l.clone());
        }
    }
    Gazetteer::get().country_location(country, "actor country")
}

/// A date or date-time of the page as GDELT's `YYYYMMDDHHMMSS` in UTC: ISO 8601 with or
/// without time, seconds, fraction and offset (`2021-03-04`, `2021-03-04 10:00`,
/// `2021-03-04T10:00:00+03:00`, `…Z`). `None` when it is none of these.
pub fn utc_stamp(s: &str) -> Option<String> {
    let s = s.trim();
    let fmt = |t: NaiveDateTime| t.format("%Y%m%d%H%M%S").to_string();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(fmt(t.naive_utc()));
    }
    for f in ["%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%dT%H:%M%z", "%Y-%m-%d %H:%M:%S%.f%z", "%Y-%m-%d %H:%M%z", "%Y-%m-%dT%H:%M:%S%.f%:z", "%Y-%m-%dT%H:%M%:z"] {
        if let Ok(t) = DateTime::parse_from_str(s, f) {
            return Some(fmt(t.naive_utc()));
        }
    }
    let plain = s.trim_end_matches('Z');
    for f in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(plain, f) {
            return Some(fmt(t.with_nanosecond(0).unwrap_or(t)));
        }
    }
    let day = s.get(..10).unwrap_or(s);
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok().and_then(|d| d.and_hms_opt(0, 0, 0)).map(fmt)
}

/// DATEADDED of an event: when the article was published (UTC), else the event's own date at
/// midnight; empty when neither is known.
pub fn date_added(article: &Article, e: &Event) -> String {
    article.published.as_deref().and_then(utc_stamp).or_else(|| e.date.as_deref().and_then(utc_stamp)).unwrap_or_default()
}

/// The event date (else the publication date) as a calendar date.
fn event_day(article: &Article, e: &Event) -> Option<NaiveDate> {
    let d = e.date.as_deref().or(article.published.as_deref())?;
    NaiveDate::parse_from_str(d.get(..10).unwrap_or(d), "%Y-%m-%d").ok()
}

/// GDELT's EventCode: the CAMEO code, with a root's `0` ("05" → "050", as GDELT never writes
/// two-digit codes).
pub fn event_code(cameo: &str) -> String {
    if cameo.len() == 2 {
        format!("{cameo}0")
    } else {
        cameo.to_string()
    }
}

/// One event as the 61 GDELT columns. `NumSources` and `NumArticles` are 1 (one article);
/// a store replaces them and the id with its own (see `khabar export`).
pub fn gdelt_row(article: &Article, e: &Event) -> Vec<String> {
    let day = event_day(article, e);
    let mut row = match day {
        Some(d) => {
            // YYYY.FFFF: the share of the year gone by that day, 0 to 0.9999
            let fraction = d.year() as f64 + ((d.ordinal0() as f64) / 365.0).min(0.9999);
            vec![
                gdelt_event_id(e).to_string(),
                d.format("%Y%m%d").to_string(),
                d.format("%Y%m").to_string(),
                d.format("%Y").to_string(),
                format!("{fraction:.4}"),
            ]
        }
        None => vec![gdelt_event_id(e).to_string(), String::new(), String::new(), String::new(), String::new()],
    };
    row.extend(actor_cols(e.source.as_ref()));
    row.extend(actor_cols(e.target.as_ref()));
    let code = event_code(&e.cameo);
    row.extend([
        // events from before the document stage (no mentions) count their lead sentence as root
        u8::from(e.root_event || (e.mentions.is_empty() && e.sentence == 0)).to_string(),
        code.clone(),
        code[..code.len().min(3)].to_string(),
        e.cameo_root.clone(),
        e.quad_class.to_string(),
        format!("{:.1}", e.goldstein),
        e.mentions.len().max(1).to_string(),
        "1".into(),
        "1".into(),
        // tone is not computed: empty, not a made-up 0
        String::new(),
    ]);
    row.extend(geo_cols(actor_geo(e.source.as_ref(), e.location.as_ref()).as_ref()));
    row.extend(geo_cols(actor_geo(e.target.as_ref(), e.location.as_ref()).as_ref()));
    row.extend(geo_cols(e.location.as_ref()));
    row.push(date_added(article, e));
    row.push(article.url.clone().unwrap_or_default());
    debug_assert_eq!(row.len(), 61);
    row.into_iter().map(|c| clean(&c)).collect()
}

/// One mention, as the GDELT mentions table needs it.
#[derive(Debug, Clone, Default)]
pub struct MentionRow<'a> {
    /// The event's GLOBALEVENTID.
    pub event_id: String,
    /// The event's DATEADDED.
    pub event_time: String,
    /// When the mentioning article was published (`YYYYMMDDHHMMSS`, UTC), empty if unknown.
    pub mention_time: String,
    /// The outlet (site, else the URL's host).
    pub source_name: &'a str,
    /// The article's URL, else its doc id.
    pub identifier: &'a str,
    /// 0-based body sentence; `None` for the headline.
    pub sentence: Option<usize>,
    /// The sentence's text.
    pub evidence: &'a str,
    /// The article's text, for character offsets and length.
    pub doc_text: &'a str,
    /// The words that name the source and the target in the first sentence that reported the event.
    pub actor1: Option<&'a str>,
    /// See `actor1`.
    pub actor2: Option<&'a str>,
    /// 0–1.
    pub confidence: f32,
}

/// Character (not byte) offset of `needle` in `hay` after byte `from`, as a byte and a char position.
fn find_chars(hay: &str, needle: &str, from: usize) -> Option<(usize, usize)> {
    if needle.is_empty() {
        return None;
    }
    let b = hay.get(from..)?.find(needle)? + from;
    Some((b, hay[..b].chars().count()))
}

/// A mention as the 16 columns of the GDELT mentions table. Offsets count characters (Unicode
/// scalar values) of the article text; −1 when the words are not found there (always for the
/// headline, whose SentenceID is 0; body sentences count from 1). ActionCharOffset is −1: the
/// trigger's position is not kept.
pub fn gdelt_mention_row(m: &MentionRow) -> Vec<String> {
    let sentence_at = m.sentence.and_then(|_| find_chars(m.doc_text, m.evidence, 0));
    let actor = |words: Option<&str>| -> String {
        match (sentence_at, words) {
            (Some((b, _)), Some(w)) => match find_chars(m.doc_text, w, b) {
                Some((wb, c)) if wb < b + m.evidence.len() => c.to_string(),
                _ => "-1".into(),
            },
            _ => "-1".into(),
        }
    };
    let row = vec![
        m.event_id.clone(),
        m.event_time.clone(),
        m.mention_time.clone(),
        "1".into(),
        m.source_name.to_string(),
        m.identifier.to_string(),
        m.sentence.map_or(0, |s| s + 1).to_string(),
        actor(m.actor1),
        actor(m.actor2),
        "-1".into(),
        "1".into(),
        ((m.confidence.clamp(0.0, 1.0) * 100.0).round() as u32).to_string(),
        m.doc_text.chars().count().to_string(),
        String::new(),
        String::new(),
        String::new(),
    ];
    row.into_iter().map(|c| clean(&c)).collect()
}

/// The host of a URL, `www.` dropped.
pub fn url_host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?.split(':').next()?;
    let host = host.trim_start_matches("www.").to_ascii_lowercase();
    (!host.is_empty()).then_some(host)
}

/// The mentions-table rows of one event of `khabar code`: one per sentence the document stage
/// merged into it (the event's own sentence when it has none), so their number is the event's
/// NumMentions.
pub fn gdelt_mention_rows(article: &Article, e: &Event) -> Vec<Vec<String>> {
    let host = article.url.as_deref().and_then(url_host);
    let source_name = article.site.as_deref().or(host.as_deref()).unwrap_or("");
    let identifier = article.url.as_deref().unwrap_or(&article.doc_id);
    let base = MentionRow {
        event_id: gdelt_event_id(e).to_string(),
        event_time: date_added(article, e),
        mention_time: article.published.as_deref().and_then(utc_stamp).unwrap_or_default(),
        source_name,
        identifier,
        sentence: Some(e.sentence),
        evidence: &e.evidence,
        doc_text: &article.text,
        actor1: e.source.as_ref().map(|a| a.text.as_str()),
        actor2: e.target.as_ref().map(|a| a.text.as_str()),
        confidence: e.confidence,
    };
    if e.mentions.is_empty() {
        return vec![gdelt_mention_row(&base)];
    }
    e.mentions
        .iter()
        .map(|m| gdelt_mention_row(&MentionRow { sentence: m.sentence, evidence: &m.evidence, confidence: m.confidence, ..base.clone() }))
        .collect()
}

#[cfg(test)]
mod geo_tests {
    use super::*;

    #[test]
    fn city_and_country_geo_columns() {
        let gaz = Gazetteer::get();
        let city = gaz.location(gaz.by_id(170654).unwrap(), "sentence");
        let c = geo_cols(Some(&city));
        assert_eq!((c[0].as_str(), c[2].as_str(), c[3].as_str(), c[7].as_str()), ("4", "SY", "SY13", "170654"));
        assert!(c[1].starts_with("Damascus, ") && c[1].ends_with(", Syria") && c[1].matches(", ").count() == 2, "{}", c[1]);
        let country = gaz.country_location("SYR", "country").unwrap();
        let c = geo_cols(Some(&country));
        assert_eq!((c[0].as_str(), c[1].as_str(), c[2].as_str(), c[3].as_str(), c[7].as_str()), ("1", "Syria", "SY", "SY", "SY"));
        // an actor of the event's country is placed with the event; another at its country
        let actor = |c: &str| Actor { text: String::new(), name: String::new(), code: c.into(), country: Some(c.into()), roles: vec![] };
        assert_eq!(actor_geo(Some(&actor("SYR")), Some(&city)).unwrap().geonameid, Some(170654));
        assert_eq!(actor_geo(Some(&actor("IRN")), Some(&city)).unwrap().country.as_deref(), Some("IRN"));
    }

    #[test]
    fn fips_differs_from_iso_and_us_places_have_us_types() {
        let gaz = Gazetteer::get();
        // Iraq is IQ in ISO, IZ in FIPS 10-4; GeoNames' Baghdad region "IQ.07" becomes "IZ07"
        let baghdad = gaz.places().iter().find(|p| p.iso3 == "IRQ" && p.name == "Baghdad").unwrap();
        let c = geo_cols(Some(&gaz.location(baghdad, "sentence")));
        assert_eq!(c[2], "IZ");
        assert!(c[3].starts_with("IZ") && c[3].len() == 4, "{}", c[3]);
        let us = gaz.places().iter().find(|p| p.iso3 == "USA" && p.adm1 == "US.VA").unwrap();
        let c = geo_cols(Some(&gaz.location(us, "sentence")));
        assert_eq!((c[0].as_str(), c[2].as_str(), c[3].as_str()), ("3", "US", "USVA"));
        assert!(c[1].contains(", Virginia, "), "{}", c[1]);
        // a region without a GeoNames ADM1 code has an empty ADM1Code, not a made-up one
        let mut unknown = gaz.location(baghdad, "sentence");
        unknown.adm1 = Some("IQ.00".into());
        assert_eq!(adm1_code(&unknown), "");
        unknown.adm1 = None;
        assert_eq!(adm1_code(&unknown), "");
        // an ADM1-level place is a world state (5), a US state (2)
        let state = Location { name: "Virginia".into(), country: Some("USA".into()), adm1: Some("US.VA".into()), ..Default::default() };
        assert_eq!(geo_type(&state), 2);
        let region = Location { name: "Baghdad".into(), country: Some("IRQ".into()), adm1: Some("IQ.07".into()), ..Default::default() };
        assert_eq!(geo_type(&region), 5);
    }

    #[test]
    fn utc_stamps() {
        assert_eq!(utc_stamp("2021-03-04").as_deref(), Some("20210304000000"));
        assert_eq!(utc_stamp("2021-03-04T10:00").as_deref(), Some("20210304100000"));
        assert_eq!(utc_stamp("2015-07-21 10:59:04").as_deref(), Some("20150721105904"));
        assert_eq!(utc_stamp("2021-03-04T10:00:00+03:00").as_deref(), Some("20210304070000"));
        assert_eq!(utc_stamp("2021-03-04T01:30:00-02:00").as_deref(), Some("20210304033000"));
        assert_eq!(utc_stamp("2021-03-03T23:30:00.250Z").as_deref(), Some("20210303233000"));
        assert_eq!(utc_stamp("2021-03-04T10:00+0300").as_deref(), Some("20210304070000"));
        assert_eq!(utc_stamp("yesterday"), None);
        assert_eq!(utc_stamp("2021-02-30"), None);
    }

    #[test]
    fn event_codes_have_three_digits_at_least() {
        assert_eq!(event_code("05"), "050");
        assert_eq!(event_code("057"), "057");
        assert_eq!(event_code("0331"), "0331");
    }

    #[test]
    fn mention_offsets_count_characters() {
        let text = "عنوان\n\nقال الوزير، إن مصر وقعت.\tاتفاقا مع الأردن.";
        let m = MentionRow {
            event_id: "7".into(),
            sentence: Some(1),
            evidence: "اتفاقا مع الأردن.",
            doc_text: text,
            actor1: Some("مصر"),
            actor2: Some("الأردن"),
            confidence: 0.855,
            ..Default::default()
        };
        let row = gdelt_mention_row(&m);
        assert_eq!(row.len(), 16);
        let at = |w: &str| text.char_indices().position(|(b, _)| text[b..].starts_with(w)).unwrap().to_string();
        assert_eq!(row[6], "2", "SentenceID counts from 1");
        assert_eq!(row[7], "-1", "the source is named in another sentence");
        assert_eq!(row[8], at("الأردن"));
        assert_eq!(row[11], "86");
        assert_eq!(row[12], text.chars().count().to_string());
        let headline = gdelt_mention_row(&MentionRow { sentence: None, ..m.clone() });
        assert_eq!((headline[6].as_str(), headline[8].as_str()), ("0", "-1"));
    }
}
