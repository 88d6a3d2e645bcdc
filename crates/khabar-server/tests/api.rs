//! The API against a store of the fixture (`tests/fixtures/store.jsonl`): every endpoint, every
//! filter, every bad request, the page's assets, and the store left unwritten.

#[path = "common/fixture.rs"]
mod fixture;

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use khabar_server::{router, Pool};
use serde_json::Value;
use tower::ServiceExt;

/// The fixture store, built once for all tests.
fn store() -> &'static Path {
    static DB: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = DB.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fixture.db");
        fixture::build_store(&fixture::fixture_path(), &path).unwrap();
        (dir, path)
    });
    path
}

async fn get_raw(db: &Path, uri: &str) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let app = router(Arc::new(Pool::open(db, 2).unwrap()), false);
    let res = app.oneshot(Request::get(uri).body(Body::empty()).unwrap()).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let body = axum::body::to_bytes(res.into_body(), 64 << 20).await.unwrap().to_vec();
    (status, headers, body)
}

async fn get(uri: &str) -> (StatusCode, Value) {
    let (status, headers, body) = get_raw(store(), uri).await;
    let ct = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    assert!(ct.contains("json"), "{uri}: content type {ct}");
    (status, serde_json::from_slice(&body).unwrap_or_else(|e| panic!("{uri}: {e}")))
}

async fn ok(uri: &str) -> Value {
    let (status, v) = get(uri).await;
    assert_eq!(status, StatusCode::OK, "{uri}: {v}");
    v
}

fn ids(v: &Value) -> Vec<i64> {
    v["events"].as_array().unwrap().iter().map(|e| e["id"].as_i64().unwrap()).collect()
}

#[tokio::test]
async fn stats_counts_the_fixture() {
    let v = ok("/api/v1/stats").await;
    assert_eq!(v["articles"], 13);
    assert_eq!(v["copies"], 1);
    assert_eq!(v["events"], 14);
    assert_eq!(v["first_date"], "2023-05-01");
    assert_eq!(v["last_date"], "2023-05-20");
}

#[tokio::test]
async fn codes_list_the_twenty_roots() {
    let v = ok("/api/v1/codes").await;
    let roots = v["roots"].as_array().unwrap();
    assert_eq!(roots.len(), 20);
    assert_eq!(roots[18]["root"], "19");
    assert_eq!(roots[18]["quad_class"], 4);
}

#[tokio::test]
async fn events_come_newest_first_and_cursors_walk_every_event_once() {
    let v = ok("/api/v1/events").await;
    assert_eq!(v["total"], 14);
    assert_eq!(v["events"][0]["date"], "2023-05-20");
    assert_eq!(v["events"][0]["place"]["name"], "Gaza");
    assert!(v["next_cursor"].is_null());
    let mut seen = Vec::new();
    let mut dates = Vec::new();
    let mut uri = "/api/v1/events?limit=4".to_string();
    loop {
        let page = ok(&uri).await;
        assert!(page["events"].as_array().unwrap().len() <= 4);
        seen.extend(ids(&page));
        dates.extend(page["events"].as_array().unwrap().iter().map(|e| e["date"].as_str().unwrap_or("").to_string()));
        match page["next_cursor"].as_str() {
            Some(c) => uri = format!("/api/v1/events?limit=4&cursor={c}"),
            None => break,
        }
    }
    let mut sorted = seen.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted, (1..=14).collect::<Vec<_>>(), "every event once: {seen:?}");
    // newest first, the undated event last
    assert_eq!(dates.last().map(String::as_str), Some(""));
    assert!(dates[..13].windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    // oldest first: the undated event first, then 2023-05-01; a cursor after the undated one
    let asc = ok("/api/v1/events?sort=date&limit=1").await;
    assert!(asc["events"][0]["date"].is_null());
    assert_eq!(asc["next_cursor"], ".14");
    let after = ok("/api/v1/events?sort=date&limit=1&cursor=.14").await;
    assert_eq!(after["events"][0]["date"], "2023-05-01");
    let tail = ok("/api/v1/events?limit=1&cursor=2023-05-01.11").await;
    assert_eq!(ids(&tail), vec![14], "after the oldest dated event comes the undated one");
    assert_eq!(ids(&ok("/api/v1/events?sort=id&limit=3").await), vec![1, 2, 3]);
    assert_eq!(ids(&ok("/api/v1/events?sort=-id&limit=2").await), vec![14, 13]);
    let next = ok("/api/v1/events?sort=id&limit=3&cursor=.3").await;
    assert_eq!(ids(&next), vec![4, 5, 6]);
}

#[tokio::test]
async fn every_filter_selects_its_events() {
    let total = |v: &Value| v["total"].as_i64().unwrap();
    // place or either actor of the country
    let lbn = ok("/api/v1/events?country=LBN").await;
    assert_eq!(total(&lbn), 1);
    assert_eq!(lbn["events"][0]["cameo"], "195");
    assert_eq!(total(&ok("/api/v1/events?country=irn").await), 2, "an actor's country counts");
    assert_eq!(total(&ok("/api/v1/events?from=2023-05-16&to=2023-05-17").await), 3);
    assert_eq!(total(&ok("/api/v1/events?from=2023-05-18").await), 2);
    assert_eq!(total(&ok("/api/v1/events?to=2023-05-03").await), 3);
    assert_eq!(total(&ok("/api/v1/events?actor=ISR").await), 2);
    assert_eq!(total(&ok("/api/v1/events?actor=ISRMIL").await), 2);
    assert_eq!(total(&ok("/api/v1/events?actor=SAUGOV").await), 2);
    assert_eq!(total(&ok("/api/v1/events?cameo=19").await), 3);
    assert_eq!(total(&ok("/api/v1/events?cameo=195").await), 1);
    assert_eq!(total(&ok("/api/v1/events?root=04").await), 3);
    assert_eq!(total(&ok("/api/v1/events?quadclass=4").await), 5, "195, 190, 190, 173, 163");
    let assault = ok("/api/v1/events?plover=assault").await;
    assert!(total(&assault) >= 3);
    assert!(assault["events"].as_array().unwrap().iter().all(|e| e["plover"] == "ASSAULT"));
    // text: the articles that mention the event, Arabic spelling folded (غارات / الغارات not needed)
    let raid = ok("/api/v1/events?q=%D8%BA%D8%A7%D8%B1%D8%A7%D8%AA").await;
    assert_eq!(ids(&raid), vec![2]);
    assert_eq!(ids(&ok("/api/v1/events?q=protesters").await), vec![8]);
    assert_eq!(ids(&ok("/api/v1/events?story=1").await), vec![1]);
    // all at once
    assert_eq!(total(&ok("/api/v1/events?country=SAU&root=04&quadclass=1&from=2023-05-05&to=2023-05-05&actor=KWT").await), 2);
    // text that looks like SQL is only text
    assert_eq!(total(&ok("/api/v1/events?q=x%27%20OR%201%3D1%20--").await), 0);
}

#[tokio::test]
async fn one_event_has_its_evidence_rule_explanation_and_sources() {
    let v = ok("/api/v1/events/1").await;
    assert_eq!(v["cameo"], "057");
    assert_eq!(v["source"]["code"], "EGY");
    assert_eq!(v["target"]["code"], "JOR");
    assert!(v["evidence"].as_str().unwrap().starts_with("وقعت مصر والأردن"));
    assert_eq!(v["rule"], "ar/verbs.toml:057-وقع-اتفاقية");
    assert!(v["explanation"].as_str().unwrap().contains("057"));
    assert_eq!(v["num_sources"], 2);
    let mentions = v["mentions"].as_array().unwrap();
    assert_eq!(mentions.len(), 2, "both outlets' sentences");
    assert!(mentions.iter().all(|m| m["lang"] == "ar" && m["text"].as_str().unwrap().contains("اتفاقية")));
    assert_eq!(v["story"]["outlets"], serde_json::json!(["الوطن", "الأخبار"]));
    assert_eq!(v["story"]["articles"].as_array().unwrap().len(), 2);
    // a copy under another URL is one of the story's sources
    let police = ok("/api/v1/events/8").await;
    assert_eq!(police["num_articles"], 2);
    let copies = &police["story"]["articles"][0]["copies"];
    assert_eq!(copies[0]["url"], "https://wire.example/2023/05/18/sao-paulo");
    assert_eq!(police["story"]["outlets"], serde_json::json!(["Globo Example", "Wire Example"]));
}

#[tokio::test]
async fn articles_are_searched_as_khabar_search_does() {
    let v = ok("/api/v1/articles?q=%D8%A7%D8%AA%D9%81%D8%A7%D9%82%D9%8A%D9%87").await; // اتفاقيه: ة/ه folded
    let hits = v["articles"].as_array().unwrap();
    assert_eq!(hits.len(), 2);
    assert!(hits.iter().all(|h| h["story"] == 1));
    let v = ok("/api/v1/articles?q=police&country=BRA&limit=1").await;
    assert_eq!(v["articles"].as_array().unwrap().len(), 1);
    assert_eq!(v["articles"][0]["doc_id"], "en-police");
}

#[tokio::test]
async fn stories_list_and_one_story() {
    let v = ok("/api/v1/stories?root=05").await;
    let stories = v["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 2);
    assert_eq!(stories[0]["id"], 1);
    assert_eq!(stories[0]["articles"], 2);
    let one = ok("/api/v1/stories/1").await;
    assert_eq!(one["events"], serde_json::json!([1]));
    assert_eq!(one["articles"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn aggregates_count_the_filtered_events() {
    let daily = ok("/api/v1/aggregates/daily").await;
    let days = daily["days"].as_array().unwrap();
    assert_eq!(days.iter().map(|d| d["total"].as_i64().unwrap()).sum::<i64>(), 13, "the undated event is on no day");
    let may16 = days.iter().find(|d| d["date"] == "2023-05-16").unwrap();
    assert_eq!(may16["quad"], serde_json::json!([1, 0, 0, 1]));
    let fights = ok("/api/v1/aggregates/daily?root=19").await;
    assert_eq!(fights["days"].as_array().unwrap().iter().map(|d| d["total"].as_i64().unwrap()).sum::<i64>(), 3);
    let countries = ok("/api/v1/aggregates/countries").await;
    assert_eq!(countries["countries"][0], serde_json::json!({"country": "SAU", "events": 2}));
    let roots = ok("/api/v1/aggregates/roots?from=2023-05-16").await;
    assert_eq!(roots["roots"].as_array().unwrap().iter().map(|r| r["events"].as_i64().unwrap()).sum::<i64>(), 5);
    let dyads = ok("/api/v1/aggregates/dyads?limit=2").await;
    let dyads = dyads["dyads"].as_array().unwrap();
    assert_eq!(dyads.len(), 2);
    assert_eq!((dyads[0]["source"].as_str(), dyads[0]["target"].as_str(), dyads[0]["events"].as_i64()), (Some("SAUGOV"), Some("KWTGOV"), Some(2)));
}

#[tokio::test]
async fn geojson_has_a_point_per_place_or_per_event() {
    let (status, headers, body) = get_raw(store(), "/api/v1/geojson").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "application/geo+json");
    let v: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    let features = v["features"].as_array().unwrap();
    assert_eq!(features.len(), 12, "12 places; the condemnation has none");
    let riyadh = features.iter().find(|f| f["properties"]["place"] == "Riyadh").unwrap();
    assert_eq!(riyadh["properties"]["events"], 2);
    assert_eq!(riyadh["geometry"]["coordinates"], serde_json::json!([46.72185, 24.68773]));
    let per_event = ok("/api/v1/geojson?group=event").await;
    assert_eq!(per_event["features"].as_array().unwrap().len(), 13);
    let lbn = ok("/api/v1/geojson?country=LBN").await;
    assert_eq!(lbn["features"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn exports_stream_the_filtered_set_in_each_format() {
    let (status, headers, body) = get_raw(store(), "/api/v1/export?format=csv").await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CONTENT_DISPOSITION].to_str().unwrap().contains("khabar-events.csv"));
    let text = String::from_utf8(body).unwrap();
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 15, "header + 14 events");
    assert!(lines[0].starts_with("event_id,story,num_mentions,num_sources,num_articles,"));
    let (_, _, body) = get_raw(store(), "/api/v1/export?format=gdelt&country=BRA").await;
    let text = String::from_utf8(body).unwrap();
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].len(), 61);
    assert_eq!(rows[0][0], "8");
    assert_eq!(rows[0][khabar_output::gdelt_column("NumArticles").unwrap()], "2");
    let (_, headers, body) = get_raw(store(), "/api/v1/export?format=jsonl&root=19").await;
    assert_eq!(headers[header::CONTENT_TYPE], "application/x-ndjson");
    let recs: Vec<Value> = String::from_utf8(body).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(recs.iter().map(|r| r["event_id"].as_i64().unwrap()).collect::<Vec<_>>(), vec![2, 4, 7]);
}

#[tokio::test]
async fn bad_requests_name_the_parameter() {
    for (uri, param) in [
        ("/api/v1/events?from=2023-02-30x", "from"),
        ("/api/v1/events?from=2023-02-30", "from"),
        ("/api/v1/events?to=tomorrow", "to"),
        ("/api/v1/events?from=2023-05-10&to=2023-05-01", "to"),
        ("/api/v1/events?country=EGYPT", "country"),
        ("/api/v1/events?country=EGY%27%20--", "country"),
        ("/api/v1/events?actor=SAU%25", "actor"),
        ("/api/v1/events?cameo=abc", "cameo"),
        ("/api/v1/events?root=00", "root"),
        ("/api/v1/events?quadclass=0", "quadclass"),
        ("/api/v1/events?plover=1", "plover"),
        ("/api/v1/events?q=%2A", "q"),
        ("/api/v1/events?story=first", "story"),
        ("/api/v1/events?sort=mentions", "sort"),
        ("/api/v1/events?cursor=abc", "cursor"),
        ("/api/v1/events?limit=-1", "limit"),
        ("/api/v1/events?limit=0", "limit"),
        ("/api/v1/events?colour=red", "colour"),
        ("/api/v1/events?root=01&root=02", "root"),
        ("/api/v1/events/abc", "id"),
        ("/api/v1/events/1?full=1", "full"),
        ("/api/v1/stories/x", "id"),
        ("/api/v1/stories?limit=many", "limit"),
        ("/api/v1/articles", "q"),
        ("/api/v1/articles?q=a&root=01", "root"),
        ("/api/v1/aggregates/daily?limit=5", "limit"),
        ("/api/v1/aggregates/dyads?limit=x", "limit"),
        ("/api/v1/geojson?group=country", "group"),
        ("/api/v1/export?format=xlsx", "format"),
        ("/api/v1/stats?verbose=1", "verbose"),
        ("/api/v1/codes?lang=ar", "lang"),
        // every endpoint that filters reads the same filters, and refuses them the same way
        ("/api/v1/export?format=csv&from=yesterday", "from"),
        ("/api/v1/geojson?country=EGYPT", "country"),
        ("/api/v1/aggregates/countries?quadclass=9", "quadclass"),
        ("/api/v1/aggregates/roots?cameo=x1", "cameo"),
        ("/api/v1/stories?root=zz", "root"),
        ("/api/v1/articles?q=a&limit=none", "limit"),
        ("/api/v1/geojson?limit=-5", "limit"),
        ("/api/v1/stories/1?colour=red", "colour"),
    ] {
        let (status, v) = get(uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}: {v}");
        assert_eq!(v["param"], param, "{uri}: {v}");
        assert!(!v["error"].as_str().unwrap().is_empty());
    }
}

#[tokio::test]
async fn unknown_ids_and_routes_are_404() {
    for uri in ["/api/v1/events/9999", "/api/v1/stories/9999", "/api/v1/aggregates/weekly", "/api/v1/nothing", "/api/v2/events"] {
        let (status, _, body) = get_raw(store(), uri).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
        if uri.starts_with("/api/v1/") {
            let v: Value = serde_json::from_slice(&body).unwrap();
            assert!(v["error"].is_string(), "{uri}");
        }
    }
}

#[tokio::test]
async fn page_sizes_are_capped() {
    let v = ok("/api/v1/events?limit=100000").await;
    assert_eq!(v["limit"], khabar_server::api::MAX_PAGE);
    let v = ok("/api/v1/aggregates/dyads?limit=100000").await;
    assert!(v["dyads"].as_array().unwrap().len() <= khabar_server::api::MAX_PAGE);
}

#[tokio::test]
async fn the_page_and_its_assets_are_served_with_a_same_origin_policy() {
    for (uri, ct) in [("/", "text/html"), ("/app.js", "text/javascript"), ("/style.css", "text/css"), ("/world.json", "application/json")] {
        let (status, headers, body) = get_raw(store(), uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert!(headers[header::CONTENT_TYPE].to_str().unwrap().starts_with(ct), "{uri}");
        assert!(headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap().starts_with("default-src 'self'"));
        assert!(!body.is_empty());
    }
    let (_, _, body) = get_raw(store(), "/").await;
    let html = String::from_utf8(body).unwrap();
    assert!(!html.contains("http://") && !html.contains("https://"), "the page links no other host");
    let (_, _, body) = get_raw(store(), "/world.json").await;
    let world: Value = serde_json::from_slice(&body).unwrap();
    assert!(world["countries"].as_array().unwrap().len() > 200);
}

#[tokio::test]
async fn the_server_cannot_write_the_store() {
    let pool = Arc::new(Pool::open(store(), 1).unwrap());
    let err = pool.run(|s| Ok(s.connection().execute("DELETE FROM events", [])?)).await.unwrap_err();
    assert!(matches!(err, khabar_server::ApiError::Internal(ref m) if m.contains("readonly") || m.contains("read-only") || m.contains("query_only")), "{err:?}");
    assert_eq!(ok("/api/v1/stats").await["events"], 14);
}

#[tokio::test]
async fn it_serves_while_an_ingest_writes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("live.db");
    fixture::build_store(&fixture::fixture_path(), &db).unwrap();
    let pool = Arc::new(Pool::open(&db, 2).unwrap());
    let app = router(pool, false);
    let count = |app: axum::Router| async move {
        let res = app.oneshot(Request::get("/api/v1/events?limit=1").body(Body::empty()).unwrap()).await.unwrap();
        let v: Value = serde_json::from_slice(&axum::body::to_bytes(res.into_body(), 1 << 20).await.unwrap()).unwrap();
        v["total"].as_i64().unwrap()
    };
    assert_eq!(count(app.clone()).await, 14);
    // a writer on the same file, while the server's connections are open
    let mut writer = khabar_store::Store::open(&db).unwrap();
    let article = khabar_core::Article {
        doc_id: "late".into(),
        url: Some("https://late.example/1".into()),
        text: "Kenya and Uganda signed a new border agreement in Nairobi on Sunday after long talks.".into(),
        paragraphs: vec!["Kenya and Uganda signed a new border agreement in Nairobi on Sunday after long talks.".into()],
        ..Default::default()
    };
    let code = khabar_core::cameo::lookup("057").unwrap();
    let mut ev = khabar_core::Event::of_code("late", 0, &article.text, "en", code, "test".into());
    ev.date = Some("2023-05-21".into());
    writer.write_batch(vec![khabar_store::Item::Article(Box::new(khabar_store::prepare("late", article, vec![ev])))]).unwrap();
    assert_eq!(count(app).await, 15, "the committed batch is seen at once");
}
