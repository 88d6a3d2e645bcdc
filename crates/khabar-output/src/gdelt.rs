//! The GDELT 2.0 event table: 61 tab-separated columns per event.

use khabar_core::{Actor, Article, Event, Location};
use khabar_geo::Gazetteer;

/// Column names, in GDELT 2.0 order.
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

/// Role codes (everything in a CAMEO actor code that is a type, not a group).
const TYPES: &[&str] = &[
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "LEG", "CVL", "BUS", "MED", "EDU", "REL", "SPY", "LAB",
    "HLH", "REF", "ELI", "CRM", "UAF", "IGO", "NGO", "MNC", "IMG", "AGR", "ENV", "HRI", "RAD", "MOD", "INS", "SEP",
];

/// A stable id for an event: FNV-1a over the document, sentence, code and actors.
fn event_id(e: &Event) -> u64 {
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

fn actor_cols(a: Option<&Actor>) -> Vec<String> {
    let Some(a) = a else { return vec![String::new(); 10] };
    let chunks: Vec<&str> = (0..a.code.len() / 3).map(|i| &a.code[i * 3..i * 3 + 3]).collect();
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

/// GDELT geo columns: type (1 country, 4 world city), full name, FIPS country, ADM1 (FIPS
/// country + admin code; the FIPS country alone for a country), ADM2, lat, lon, feature id (the
/// GeoNames id of a city, the FIPS code of a country, as GDELT does).
fn geo_cols(loc: Option<&Location>) -> Vec<String> {
    let Some(l) = loc else { return vec![String::new(); 8] };
    let gaz = Gazetteer::get();
    let fips = l.country.as_deref().and_then(|c| gaz.country(c)).map(|c| c.fips).unwrap_or("");
    let country_name = l.country.as_deref().and_then(|c| gaz.country(c)).map(|c| c.name).unwrap_or("");
    let city = l.geonameid.is_some();
    let adm1 = l.adm1.as_deref().and_then(|a| a.split_once('.')).map(|(_, code)| format!("{fips}{code}")).unwrap_or_else(|| fips.to_string());
    let full = if city && !country_name.is_empty() { format!("{}, {}", l.name, country_name) } else { l.name.clone() };
    let num = |v: Option<f64>| v.map(|x| format!("{x:.4}")).unwrap_or_default();
    vec![
        if city { "4" } else { "1" }.to_string(),
        full,
        fips.to_string(),
        adm1,
        String::new(),
        num(l.lat),
        num(l.lon),
        // GDELT's feature id is the GeoNames id of a city, the FIPS code of a country
        l.geonameid.map(|g| g.to_string()).unwrap_or_else(|| fips.to_string()),
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

/// One event as the 61 GDELT columns.
pub fn gdelt_row(article: &Article, e: &Event) -> Vec<String> {
    let date = e.date.clone().or_else(|| article.published.as_ref().map(|p| p[..10.min(p.len())].to_string())).unwrap_or_default();
    let ymd: String = date.chars().filter(char::is_ascii_digit).collect();
    let (year, month, day) = if ymd.len() == 8 {
        (ymd[..4].parse::<i32>().unwrap_or(0), ymd[4..6].parse::<u32>().unwrap_or(1), ymd[6..8].parse::<u32>().unwrap_or(1))
    } else {
        (0, 1, 1)
    };
    let fraction = year as f64 + ((month - 1) as f64 * 30.4375 + day as f64) / 365.25;
    let mut row = vec![
        event_id(e).to_string(),
        ymd.clone(),
        if ymd.len() == 8 { ymd[..6].to_string() } else { String::new() },
        if ymd.len() == 8 { ymd[..4].to_string() } else { String::new() },
        if ymd.len() == 8 { format!("{fraction:.4}") } else { String::new() },
    ];
    row.extend(actor_cols(e.source.as_ref()));
    row.extend(actor_cols(e.target.as_ref()));
    let base = &e.cameo[..e.cameo.len().min(3)];
    row.extend([
        // events from before the document stage (no mentions) count their lead sentence as root
        u8::from(e.root_event || (e.mentions.is_empty() && e.sentence == 0)).to_string(),
        e.cameo.clone(),
        base.to_string(),
        e.cameo_root.clone(),
        e.quad_class.to_string(),
        format!("{:.1}", e.goldstein),
        e.mentions.len().max(1).to_string(),
        "1".into(),
        "1".into(),
        "0".into(),
    ]);
    row.extend(geo_cols(actor_geo(e.source.as_ref(), e.location.as_ref()).as_ref()));
    row.extend(geo_cols(actor_geo(e.target.as_ref(), e.location.as_ref()).as_ref()));
    row.extend(geo_cols(e.location.as_ref()));
    let added: String = article.published.as_deref().unwrap_or(&date).chars().filter(char::is_ascii_digit).collect();
    row.push(format!("{:0<14}", &added[..added.len().min(14)]));
    row.push(article.url.clone().unwrap_or_default());
    debug_assert_eq!(row.len(), 61);
    row
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
        assert_eq!(c[1], "Damascus, Syria");
        let country = gaz.country_location("SYR", "country").unwrap();
        let c = geo_cols(Some(&country));
        assert_eq!((c[0].as_str(), c[1].as_str(), c[2].as_str(), c[3].as_str(), c[7].as_str()), ("1", "Syria", "SY", "SY", "SY"));
        // an actor of the event's country is placed with the event; another at its country
        let actor = |c: &str| Actor { text: String::new(), name: String::new(), code: c.into(), country: Some(c.into()), roles: vec![] };
        assert_eq!(actor_geo(Some(&actor("SYR")), Some(&city)).unwrap().geonameid, Some(170654));
        assert_eq!(actor_geo(Some(&actor("IRN")), Some(&city)).unwrap().country.as_deref(), Some("IRN"));
    }
}
