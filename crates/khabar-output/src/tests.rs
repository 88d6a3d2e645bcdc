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
        reacts_to: None,
        aimed_at_unnamed: false,
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
    assert_eq!(col("EventBaseCode"), "057");
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

fn merged_event() -> Event {
    let mut e = event();
    e.evidence = "Peru and Chile signed a border treaty in Lima.".into();
    e.mentions = vec![
        khabar_core::Mention { sentence: None, evidence: "Peru, Chile sign treaty".into(), rule: e.rule.clone(), confidence: 0.8 },
        khabar_core::Mention { sentence: Some(0), evidence: e.evidence.clone(), rule: e.rule.clone(), confidence: 0.9 },
        khabar_core::Mention { sentence: Some(2), evidence: "The treaty was signed by Peru and Chile.".into(), rule: e.rule.clone(), confidence: 0.7 },
    ];
    e.root_event = true;
    e
}

fn merged_article() -> Article {
    Article {
        text: "Peru and Chile signed a border treaty in Lima.\n\nIt ends a long dispute. The treaty was signed by Peru and Chile.".into(),
        site: Some("News Example".into()),
        published: Some("2021-03-04T10:00:00+02:00".into()),
        ..article()
    }
}

#[test]
fn gdelt_codebook_domains() {
    let mut e = merged_event();
    e.cameo = "0331".into();
    e.cameo_root = "03".into();
    e.source.as_mut().unwrap().name = "Peru\tgovernment".into();
    let row = gdelt_row(&merged_article(), &e);
    let col = |name: &str| row[gdelt_column(name).unwrap()].as_str();
    assert_eq!(col("EventCode"), "0331");
    assert_eq!(col("EventBaseCode"), "033", "EventBaseCode is the first three digits");
    assert_eq!(col("EventRootCode"), "03");
    assert_eq!(col("IsRootEvent"), "1");
    assert_eq!(col("NumMentions"), "3");
    assert_eq!(col("AvgTone"), "", "no tone is computed: empty, not 0");
    assert_eq!(col("DATEADDED"), "20210304080000", "DATEADDED is UTC");
    assert_eq!(col("FractionDate"), format!("{:.4}", 2021.0 + 61.0 / 365.0));
    assert_eq!(col("Actor1Name"), "PERU GOVERNMENT", "no tab inside a field");
    assert!(row.iter().all(|c| !c.contains(['\t', '\n', '\r'])));
    let mut stmt = event();
    stmt.cameo = "01".into();
    stmt.cameo_root = "01".into();
    let row = gdelt_row(&article(), &stmt);
    assert_eq!((row[26].as_str(), row[27].as_str()), ("010", "010"));
}

#[test]
fn gdelt_mentions_are_one_row_per_mention_with_the_event_id() {
    let mut w = EventWriter::new(Format::GdeltMentions, Vec::new());
    let e = merged_event();
    let other = Event { sentence: 1, ..event() };
    w.write(&merged_article(), &[e.clone(), other]).unwrap();
    let out = String::from_utf8(w.finish().unwrap()).unwrap();
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert!(rows.iter().all(|r| r.len() == GDELT_MENTION_COLUMNS.len()));
    let id = gdelt_event_id(&e).to_string();
    let of_e: Vec<_> = rows.iter().filter(|r| r[0] == id).collect();
    assert_eq!(of_e.len().to_string(), gdelt_row(&merged_article(), &e)[31], "as many rows as NumMentions");
    assert_eq!(rows.len(), 4, "an event without merged mentions has one row");
    // the headline, then body sentences 1 and 3 (SentenceID counts from 1)
    assert_eq!(of_e.iter().map(|r| r[6]).collect::<Vec<_>>(), ["0", "1", "3"]);
    assert_eq!(of_e[0][1], "20210304080000");
    assert_eq!(of_e[0][4], "News Example");
    assert_eq!(of_e[0][5], "https://news.example/a");
    // "Chile" in the third sentence, counted in characters of the article text
    let text = &merged_article().text;
    let third = text.find("The treaty").unwrap();
    let chile = text[third..].find("Chile").unwrap() + third;
    assert_eq!(of_e[2][8], text[..chile].chars().count().to_string());
    assert_eq!(of_e[1][7], "0", "Peru opens the article");
    assert_eq!(of_e[2][11], "70");
}

#[test]
fn plover_records_use_codebook_values() {
    let mut w = EventWriter::new(Format::Plover, Vec::new());
    let mut protest = event();
    protest.cameo = "141".into();
    let mut statement = event();
    statement.cameo = "010".into();
    w.write(&merged_article(), &[merged_event(), protest, statement]).unwrap();
    let out = String::from_utf8(w.finish().unwrap()).unwrap();
    let recs: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(recs.len(), 2, "a statement has no PLOVER type");
    assert_eq!(recs[0]["event_type"], "SUPPORT");
    assert_eq!(recs[0]["attributes"]["ACTOR"][0]["code"], "PERGOV");
    assert_eq!(recs[0]["attributes"]["ACTOR"][0]["code_1"], "GOV");
    assert_eq!(recs[0]["attributes"]["RECIP"][0]["country"], "CHL");
    assert_eq!(recs[0]["event_geolocation"]["geo"]["geonameid"], "3936456");
    assert_eq!(recs[0]["date"], "2021-03-03");
    assert_eq!(recs[0]["pub_date"], "2021-03-04");
    assert_eq!(recs[1]["event_type"], "PROTEST");
    assert_eq!(recs[1]["event_mode"], serde_json::json!([]), "CAMEO2PLOVER's 'demo' is no PLOVER mode");
    let book = PloverCodebook::get();
    for r in &recs {
        for c in r["contexts"].as_array().unwrap() {
            assert!(book.contexts.contains(c.as_str().unwrap()));
        }
    }
}

#[test]
fn csv_is_rfc4180_for_arabic_text_full_of_separators() {
    let mut e = event();
    e.evidence = "قال \"الوزير\"،\tإن مصر, والأردن\nوقعتا اتفاقا\r\nأمس".into();
    e.location = None;
    let mut w = EventWriter::new(Format::Csv, Vec::new());
    w.write(&article(), &[e.clone()]).unwrap();
    let out = w.finish().unwrap();
    assert!(out.windows(2).filter(|w| w == b"\r\n").count() >= 2, "records end in CRLF");
    let mut r = csv::Reader::from_reader(&out[..]);
    let header = r.headers().unwrap().clone();
    let rows: Vec<_> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].len(), header.len());
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(&rows[0][at("evidence")], e.evidence);
    assert_eq!(&rows[0][at("location_name")], "", "null is empty");
    assert_eq!(&rows[0][at("lat")], "");
}

#[cfg(feature = "arrow")]
#[test]
fn an_arrow_row_of_a_coded_event_has_content_ids_and_one_articles_counts() {
    use crate::arrow::{batch, days, schema, story_id, Row};
    use arrow_array::{Array, Date32Array, Int64Array, StructArray, TimestampMillisecondArray};
    let (a, e) = (article(), event());
    let untargeted = Event { target: None, ..event() };
    let schema = std::sync::Arc::new(schema());
    let b = batch(&schema, &[Row::coded(&a, &e), Row::coded(&a, &untargeted)]).unwrap();
    assert_eq!(b.num_rows(), 2);
    let ids = b.column(0).as_any().downcast_ref::<Int64Array>().unwrap();
    assert_eq!(ids.value(0), gdelt_event_id(&e) as i64);
    let story = b.column(1).as_any().downcast_ref::<Int64Array>().unwrap();
    assert_eq!(story.value(0), story_id("d1"));
    let date = b.column(10).as_any().downcast_ref::<Date32Array>().unwrap();
    assert_eq!(date.value(0), days("2021-03-03").unwrap());
    assert_eq!(days("1970-01-02"), Some(1));
    let published = b.column(7).as_any().downcast_ref::<TimestampMillisecondArray>().unwrap();
    assert_eq!(published.value(0), 1_614_852_000_000);
    let target = b.column(20).as_any().downcast_ref::<StructArray>().unwrap();
    assert!(target.is_valid(0) && target.is_null(1), "no target: a null struct");
}
