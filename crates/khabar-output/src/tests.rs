use super::*;
use khabar_core::{Actor, Location, Modality};

fn event() -> Event {
    Event {
        doc_id: "d1".into(),
        sentence: 0,
        evidence: "Peru and Chile signed a border treaty in Lima.".into(),
        lang: "en".into(),
        cameo: "057".into(),
        cameo_root: "05".into(),
        cameo_name: "Sign formal agreement".into(),
        plover: Some("SUPPORT".into()),
        goldstein: 8.0,
        quad_class: 1,
        source: Some(Actor { text: "Peru".into(), name: "Peru".into(), code: "PERGOV".into(), country: Some("PER".into()), roles: vec!["GOV".into()] }),
        target: Some(Actor { text: "Chile".into(), name: "Chile".into(), code: "CHL".into(), country: Some("CHL".into()), roles: vec![] }),
        date: Some("2021-03-03".into()),
        date_basis: Some("dateline".into()),
        location: Some(Location { name: "Lima".into(), country: Some("PER".into()), adm1: Some("PE.15".into()), lat: Some(-12.04), lon: Some(-77.03), geonameid: Some(3936456), basis: "sentence".into() }),
        modality: Modality::Asserted,
        negated: false,
        confidence: 0.9,
        rule: "en/verbs.toml:sign-agreement".into(),
        explanation: "test".into(),
        headline: false,
        root_event: false,
        mentions: Vec::new(),
        held_back: None,
    }
}

fn article() -> Article {
    Article { doc_id: "d1".into(), url: Some("https://news.example/a".into()), published: Some("2021-03-04T10:00".into()), ..Default::default() }
}

#[test]
fn gdelt_rows_have_61_columns_in_order() {
    let mut w = EventWriter::new(Format::Gdelt, Vec::new());
    w.write(&article(), &[event()]).unwrap();
    let out = String::from_utf8(w.finish().unwrap()).unwrap();
    let cols: Vec<&str> = out.trim_end_matches('\n').split('\t').collect();
    assert_eq!(cols.len(), 61);
    let col = |name: &str| cols[GDELT_COLUMNS.iter().position(|c| *c == name).unwrap()];
    assert_eq!(col("SQLDATE"), "20210303");
    assert_eq!(col("Actor1Code"), "PERGOV");
    assert_eq!(col("Actor1CountryCode"), "PER");
    assert_eq!(col("Actor1Type1Code"), "GOV");
    assert_eq!(col("Actor2Code"), "CHL");
    assert_eq!(col("EventCode"), "057");
    assert_eq!(col("EventRootCode"), "05");
    assert_eq!(col("QuadClass"), "1");
    assert_eq!(col("GoldsteinScale"), "8.0");
    assert_eq!(col("ActionGeo_Type"), "4");
    assert_eq!(col("ActionGeo_CountryCode"), "PE");
    assert_eq!(col("ActionGeo_ADM1Code"), "PE15");
    assert_eq!(col("ActionGeo_FeatureID"), "3936456");
    assert_eq!(col("Actor2Geo_Type"), "1", "Chile is not where the event happened: its country centre");
    assert_eq!(col("DATEADDED"), "20210304100000");
    assert_eq!(col("SOURCEURL"), "https://news.example/a");
}

#[test]
fn json_lines_round_trip() {
    let mut w = EventWriter::new(Format::Json, Vec::new());
    w.write(&article(), &[event(), event()]).unwrap();
    let out = String::from_utf8(w.finish().unwrap()).unwrap();
    let lines: Vec<Event> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines, vec![event(), event()]);
}

#[test]
fn csv_has_one_header_and_quotes_evidence() {
    let mut w = EventWriter::new(Format::Csv, Vec::new());
    w.write(&article(), &[event()]).unwrap();
    w.write(&article(), &[event()]).unwrap();
    let out = String::from_utf8(w.finish().unwrap()).unwrap();
    let mut r = csv::Reader::from_reader(out.as_bytes());
    assert_eq!(r.headers().unwrap().len(), CSV_HEADER.len());
    let rows: Vec<_> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][3], "057");
}

#[test]
fn empty_csv_still_has_a_header() {
    let w = EventWriter::new(Format::Csv, Vec::new());
    let out = String::from_utf8(w.finish().unwrap()).unwrap();
    assert!(out.starts_with("doc_id,"));
}
