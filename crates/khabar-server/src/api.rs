//! The JSON API under `/api/v1` (docs/API.md has every endpoint with an example).
//!
//! Each handler parses its parameters first (a 400 names the bad one), then runs its queries on a
//! pooled read-only connection. Every statement's values are bound parameters.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::Uri;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, OptionalExtension, Row};
use serde::Serialize;
use serde_json::{json, Value as Json_};

use crate::error::ApiError;
use crate::filter::{Filter, Params};
use crate::pool::Pool;

type Result<T> = std::result::Result<T, ApiError>;

/// Largest page of events, stories, dyads or GeoJSON features per request.
pub const MAX_PAGE: usize = 500;
/// Largest GeoJSON answer of single events.
pub const MAX_FEATURES: usize = 5000;

/// The `/api/v1` routes.
pub fn routes(pool: Arc<Pool>) -> Router {
    Router::new()
        .route("/stats", get(stats))
        .route("/codes", get(codes))
        .route("/events", get(events))
        .route("/events/{id}", get(event))
        .route("/articles", get(articles))
        .route("/stories", get(stories))
        .route("/stories/{id}", get(story))
        .route("/aggregates/{kind}", get(aggregate))
        .route("/geojson", get(geojson))
        .route("/export", get(crate::export::export))
        .fallback(|| async { ApiError::NotFound("no such endpoint (see docs/API.md)".into()) })
        .with_state(pool)
}

fn with(names: &[&'static str], extra: &[&'static str]) -> Vec<&'static str> {
    names.iter().chain(extra).copied().collect()
}

fn id_of(param: &str, raw: &str) -> Result<i64> {
    raw.parse::<i64>().map_err(|_| ApiError::bad(param, format!("{param} must be a whole number, not '{raw}'")))
}

/// An actor as the API shows it.
#[derive(Debug, Serialize)]
pub struct ActorOut {
    /// CAMEO actor code.
    pub code: String,
    /// Readable name.
    pub name: String,
    /// ISO3 country.
    pub country: Option<String>,
}

/// A place as the API shows it.
#[derive(Debug, Serialize)]
pub struct PlaceOut {
    /// Name (English).
    pub name: String,
    /// ISO3 country.
    pub country: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
}

/// The article an event was first seen in.
#[derive(Debug, Serialize)]
pub struct ArticleRef {
    /// Article row id.
    pub id: i64,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub site: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Publication date.
    pub published: Option<String>,
}

/// One event of a list.
#[derive(Debug, Serialize)]
pub struct EventOut {
    /// Event row id.
    pub id: i64,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// CAMEO code.
    pub cameo: String,
    /// Its CAMEO name.
    pub cameo_name: String,
    /// CAMEO root.
    pub cameo_root: String,
    /// The root's CAMEO name.
    pub root_name: String,
    /// PLOVER type.
    pub plover: Option<String>,
    /// QuadClass 1–4.
    pub quad_class: i64,
    /// Goldstein value.
    pub goldstein: f64,
    /// Confidence 0–1.
    pub confidence: f64,
    /// Who acted.
    pub source: Option<ActorOut>,
    /// To whom.
    pub target: Option<ActorOut>,
    /// Where.
    pub place: Option<PlaceOut>,
    /// The sentence it was coded from.
    pub evidence: String,
    /// Language of the sentence.
    pub lang: String,
    /// asserted, intended, reported, background.
    pub modality: String,
    /// The sentence denies it.
    pub negated: bool,
    /// GDELT NumMentions.
    pub num_mentions: i64,
    /// GDELT NumSources.
    pub num_sources: i64,
    /// GDELT NumArticles.
    pub num_articles: i64,
    /// Story id.
    pub story: i64,
    /// First article.
    pub article: ArticleRef,
}

/// The columns [`event_row`] reads, over [`EVENT_FROM`].
const EVENT_COLUMNS: &str = "e.id, e.date, e.cameo, e.cameo_root, e.plover, e.quad_class, e.goldstein, e.confidence,
    sa.code, sa.name, sa.country, ta.code, ta.name, ta.country, p.name, p.country, p.lat, p.lon,
    e.evidence, e.lang, e.modality, e.negated, e.num_mentions, e.num_sources, e.num_articles, e.story_id,
    a.id, a.title, s.name, a.url, a.published";
const EVENT_FROM: &str = "events e
    LEFT JOIN actors sa ON sa.id = e.source_actor
    LEFT JOIN actors ta ON ta.id = e.target_actor
    LEFT JOIN places p ON p.id = e.place_id
    JOIN articles a ON a.id = e.article_id
    LEFT JOIN sources s ON s.id = a.source_id";

fn cameo_name(code: &str) -> String {
    khabar_core::cameo::lookup(code).map(|c| c.name.to_string()).unwrap_or_default()
}

/// The store keeps confidences and Goldstein values as f32 widened to f64 (0.8600000143…):
/// three decimals are all they ever had.
fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn event_row(r: &Row) -> rusqlite::Result<EventOut> {
    let actor = |i: usize| -> rusqlite::Result<Option<ActorOut>> {
        Ok(r.get::<_, Option<String>>(i)?.map(|code| ActorOut { code, name: r.get::<_, Option<String>>(i + 1).ok().flatten().unwrap_or_default(), country: r.get(i + 2).ok().flatten() }))
    };
    let cameo: String = r.get(2)?;
    let root: String = r.get(3)?;
    Ok(EventOut {
        id: r.get(0)?,
        date: r.get(1)?,
        cameo_name: cameo_name(&cameo),
        root_name: cameo_name(&root),
        cameo,
        cameo_root: root,
        plover: r.get(4)?,
        quad_class: r.get(5)?,
        goldstein: round3(r.get(6)?),
        confidence: round3(r.get(7)?),
        source: actor(8)?,
        target: actor(11)?,
        place: r.get::<_, Option<String>>(14)?.map(|name| PlaceOut {
            name,
            country: r.get(15).ok().flatten(),
            lat: r.get(16).ok().flatten(),
            lon: r.get(17).ok().flatten(),
        }),
        evidence: r.get(18)?,
        lang: r.get(19)?,
        modality: r.get(20)?,
        negated: r.get::<_, i64>(21)? != 0,
        num_mentions: r.get(22)?,
        num_sources: r.get(23)?,
        num_articles: r.get(24)?,
        story: r.get(25)?,
        article: ArticleRef { id: r.get(26)?, title: r.get(27)?, site: r.get(28)?, url: r.get(29)?, published: r.get(30)? },
    })
}

/// `GET /stats`: the store's row counts and its first and last event dates. Sentences are left
/// out (`khabar stats` counts them): counting them reads every sentence's text, a quarter of a
/// second on SaudiNewsNet, and the page asks for this first.
async fn stats(State(pool): State<Arc<Pool>>, uri: Uri) -> Result<Response> {
    Params::parse(uri.query(), &[])?;
    let v = pool
        .run(|store| {
            let sql = "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM copies), (SELECT count(*) FROM stories),
                              (SELECT count(*) FROM events), (SELECT count(*) FROM mentions), (SELECT count(*) FROM sources),
                              (SELECT count(*) FROM actors), (SELECT count(*) FROM places), (SELECT count(*) FROM failures),
                              (SELECT min(date) FROM events), (SELECT max(date) FROM events)";
            let v = store.connection().query_row(sql, [], |r| {
                Ok(json!({
                    "articles": r.get::<_, i64>(0)?, "copies": r.get::<_, i64>(1)?, "stories": r.get::<_, i64>(2)?,
                    "events": r.get::<_, i64>(3)?, "mentions": r.get::<_, i64>(4)?, "sources": r.get::<_, i64>(5)?,
                    "actors": r.get::<_, i64>(6)?, "places": r.get::<_, i64>(7)?, "failures": r.get::<_, i64>(8)?,
                    "first_date": r.get::<_, Option<String>>(9)?, "last_date": r.get::<_, Option<String>>(10)?,
                }))
            })?;
            Ok(v)
        })
        .await?;
    Ok(Json(v).into_response())
}

/// `GET /codes`: the CAMEO roots with their names and QuadClass, for filter menus.
async fn codes(uri: Uri) -> Result<Response> {
    Params::parse(uri.query(), &[])?;
    let roots: Vec<Json_> = khabar_core::cameo::Codebook::get()
        .codes()
        .iter()
        .filter(|c| c.code.len() == 2)
        .map(|c| json!({"root": c.code, "name": c.name, "quad_class": c.quad_class}))
        .collect();
    Ok(Json(json!({"roots": roots})).into_response())
}

/// The order of an event list, and the keyset condition that continues after a cursor.
#[derive(Debug, Clone, Copy)]
enum Sort {
    DateDesc,
    DateAsc,
    IdAsc,
    IdDesc,
}

impl Sort {
    fn parse(p: &Params) -> Result<Sort> {
        Ok(match p.get("sort") {
            None | Some("-date") => Sort::DateDesc,
            Some("date") => Sort::DateAsc,
            Some("id") => Sort::IdAsc,
            Some("-id") => Sort::IdDesc,
            Some(v) => return Err(ApiError::bad("sort", format!("sort must be date, -date, id or -id, not '{v}'"))),
        })
    }
    /// `ORDER BY` as the store's `events_facets` index (date, id) runs it: no sort, and a page
    /// stops after its last row. SQLite puts NULL dates first going up, last going down.
    fn order(self) -> &'static str {
        match self {
            Sort::DateDesc => "e.date DESC, e.id DESC",
            Sort::DateAsc => "e.date ASC, e.id ASC",
            Sort::IdAsc => "e.id ASC",
            Sort::IdDesc => "e.id DESC",
        }
    }
    /// The condition "after the cursor" and its values.
    fn after(self, c: &Cursor) -> (&'static str, Vec<Value>) {
        let (d, id) = (Value::Text(c.date.clone()), Value::Integer(c.id));
        let dated = !c.date.is_empty();
        match self {
            Sort::DateDesc if dated => ("(e.date < ? OR (e.date = ? AND e.id < ?) OR e.date IS NULL)", vec![d.clone(), d, id]),
            Sort::DateDesc => ("(e.date IS NULL AND e.id < ?)", vec![id]),
            Sort::DateAsc if dated => ("(e.date > ? OR (e.date = ? AND e.id > ?))", vec![d.clone(), d, id]),
            Sort::DateAsc => ("(e.date IS NOT NULL OR e.id > ?)", vec![id]),
            Sort::IdAsc => ("e.id > ?", vec![id]),
            Sort::IdDesc => ("e.id < ?", vec![id]),
        }
    }
}

/// Where a page ended: the last event's date (empty when it has none) and id, written
/// `DATE.ID` (`2023-05-17.42`, `.42`).
#[derive(Debug, Clone, PartialEq)]
struct Cursor {
    date: String,
    id: i64,
}

impl Cursor {
    fn parse(s: &str) -> Result<Cursor> {
        let bad = || ApiError::bad("cursor", format!("cursor must be a next_cursor this API returned, not '{s}'"));
        let (date, id) = s.rsplit_once('.').ok_or_else(bad)?;
        let id = id.parse::<i64>().map_err(|_| bad())?;
        let ok_date = date.is_empty() || (date.len() == 10 && date.bytes().all(|b| b.is_ascii_digit() || b == b'-'));
        if !ok_date {
            return Err(bad());
        }
        Ok(Cursor { date: date.to_string(), id })
    }
    fn of(e: &EventOut) -> String {
        format!("{}.{}", e.date.as_deref().unwrap_or(""), e.id)
    }
}

/// `GET /events`: a page of events, the filtered total and the cursor of the next page.
async fn events(State(pool): State<Arc<Pool>>, uri: Uri) -> Result<Response> {
    let p = Params::parse(uri.query(), &with(Filter::PARAMS, &["sort", "cursor", "limit"]))?;
    let filter = Filter::from_params(&p)?;
    let sort = Sort::parse(&p)?;
    let cursor = p.get("cursor").map(Cursor::parse).transpose()?;
    let limit = p.limit(50, MAX_PAGE)?;
    let v = pool
        .run(move |store| {
            let conn = store.connection();
            let (clause, vals) = filter.clause();
            let total: i64 = conn
                .prepare_cached(&format!("SELECT count(*) FROM events e WHERE {clause}"))?
                .query_row(params_from_iter(vals.iter()), |r| r.get(0))?;
            let (mut sql_where, mut all) = (clause, vals);
            if let Some(c) = &cursor {
                let (cond, v) = sort.after(c);
                sql_where = format!("{sql_where} AND {cond}");
                all.extend(v);
            }
            all.push(Value::Integer(limit as i64 + 1));
            let sql = format!("SELECT {EVENT_COLUMNS} FROM {EVENT_FROM} WHERE {sql_where} ORDER BY {} LIMIT ?", sort.order());
            let mut st = conn.prepare_cached(&sql)?;
            let mut rows = st.query_map(params_from_iter(all.iter()), event_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
            let next = (rows.len() > limit).then(|| {
                rows.truncate(limit);
                rows.last().map(Cursor::of)
            });
            Ok(json!({"total": total, "limit": limit, "next_cursor": next.flatten(), "events": rows}))
        })
        .await?;
    Ok(Json(v).into_response())
}

/// `GET /events/{id}`: one event with every sentence that reports it, its rule, explanation,
/// confidence, first article and the other articles and outlets of its story.
async fn event(State(pool): State<Arc<Pool>>, Path(raw): Path<String>, uri: Uri) -> Result<Response> {
    Params::parse(uri.query(), &[])?;
    let id = id_of("id", &raw)?;
    let v = pool
        .run(move |store| {
            let conn = store.connection();
            let row = conn
                .prepare_cached(&format!("SELECT {EVENT_COLUMNS}, e.rule, e.json FROM {EVENT_FROM} WHERE e.id = ?"))?
                .query_row([id], |r| Ok((event_row(r)?, r.get::<_, String>(31)?, r.get::<_, String>(32)?)))
                .optional()?;
            let Some((ev, rule, json)) = row else {
                return Err(ApiError::NotFound(format!("no event {id}")));
            };
            let coded: khabar_core::Event = serde_json::from_str(&json)?;
            let mut mentions = Vec::new();
            {
                let mut st = conn.prepare_cached(
                    "SELECT m.article_id, a.title, s.name, a.url, a.published, m.sentence,
                            coalesce(sn.text, CASE WHEN m.sentence < 0 THEN a.title END, ''), m.confidence, a.lang
                     FROM mentions m
                     JOIN articles a ON a.id = m.article_id
                     LEFT JOIN sources s ON s.id = a.source_id
                     LEFT JOIN sentences sn ON sn.article_id = m.article_id AND sn.idx = m.sentence
                     WHERE m.event_id = ?
                     ORDER BY a.published, m.article_id, m.sentence",
                )?;
                let rows = st.query_map([id], |r| {
                    let sentence: i64 = r.get(5)?;
                    Ok(json!({
                        "article": {"id": r.get::<_, i64>(0)?, "title": r.get::<_, Option<String>>(1)?, "site": r.get::<_, Option<String>>(2)?,
                                    "url": r.get::<_, Option<String>>(3)?, "published": r.get::<_, Option<String>>(4)?},
                        "sentence": if sentence < 0 { Json_::Null } else { sentence.into() },
                        "headline": sentence < 0,
                        "text": r.get::<_, String>(6)?,
                        "confidence": round3(r.get::<_, f64>(7)?),
                        "lang": r.get::<_, Option<String>>(8)?,
                    }))
                })?;
                for m in rows {
                    mentions.push(m?);
                }
            }
            let story = story_json(conn, ev.story)?;
            let mut v = serde_json::to_value(&ev)?;
            v["rule"] = rule.into();
            v["explanation"] = coded.explanation.into();
            v["date_basis"] = coded.date_basis.into();
            v["place_basis"] = coded.location.map(|l| l.basis).into();
            v["root_event"] = coded.root_event.into();
            v["mentions"] = mentions.into();
            v["story"] = story;
            Ok(v)
        })
        .await?;
    Ok(Json(v).into_response())
}

/// A story: its title, its articles (with their copies under other URLs) and its outlets.
fn story_json(conn: &rusqlite::Connection, id: i64) -> Result<Json_> {
    let title: Option<Option<String>> =
        conn.prepare_cached("SELECT title FROM stories WHERE id = ?")?.query_row([id], |r| r.get(0)).optional()?;
    let Some(title) = title else {
        return Err(ApiError::NotFound(format!("no story {id}")));
    };
    let mut articles = Vec::new();
    let mut outlets: Vec<String> = Vec::new();
    let mut st = conn.prepare_cached(
        "SELECT a.id, a.title, s.name, a.url, a.published, a.lang FROM articles a LEFT JOIN sources s ON s.id = a.source_id
         WHERE a.story_id = ? ORDER BY a.published, a.id LIMIT 200",
    )?;
    let mut copies = conn.prepare_cached(
        "SELECT c.key, s.name FROM copies c LEFT JOIN sources s ON s.id = c.source_id WHERE c.article_id = ? ORDER BY c.key",
    )?;
    let rows = st.query_map([id], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, Option<String>>(1)?, r.get::<_, Option<String>>(2)?, r.get::<_, Option<String>>(3)?, r.get::<_, Option<String>>(4)?, r.get::<_, Option<String>>(5)?))
    })?;
    for row in rows {
        let (aid, t, site, url, published, lang) = row?;
        let cs = copies
            .query_map([aid], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for name in site.iter().chain(cs.iter().filter_map(|c| c.1.as_ref())) {
            if !outlets.contains(name) {
                outlets.push(name.clone());
            }
        }
        let cs: Vec<Json_> = cs.into_iter().map(|(url, site)| json!({"url": url, "site": site})).collect();
        articles.push(json!({"id": aid, "title": t, "site": site, "url": url, "published": published, "lang": lang, "copies": cs}));
    }
    Ok(json!({"id": id, "title": title, "outlets": outlets, "articles": articles}))
}

/// `GET /articles?q=`: full-text search of the articles, best first (as `khabar search`).
async fn articles(State(pool): State<Arc<Pool>>, uri: Uri) -> Result<Response> {
    let p = Params::parse(uri.query(), &["q", "from", "to", "country", "cameo", "limit"])?;
    let f = Filter::from_params(&p)?;
    let Some(text) = f.q.clone() else {
        return Err(ApiError::bad("q", "q (the words to search for) is required"));
    };
    let limit = p.limit(20, MAX_PAGE)?;
    let q = khabar_store::Query { text, from: f.from, to: f.to, country: f.country, cameo: f.cameo, limit };
    let hits = pool.run(move |store| Ok(store.search(&q)?)).await?;
    Ok(Json(json!({"articles": hits})).into_response())
}

/// `GET /stories`: the stories with the most filtered events.
async fn stories(State(pool): State<Arc<Pool>>, uri: Uri) -> Result<Response> {
    let p = Params::parse(uri.query(), &with(Filter::PARAMS, &["limit"]))?;
    let filter = Filter::from_params(&p)?;
    let limit = p.limit(50, MAX_PAGE)?;
    let v = pool
        .run(move |store| {
            let (clause, mut vals) = filter.clause();
            vals.push(Value::Integer(limit as i64));
            let sql = format!(
                "SELECT st.id, st.title, count(*) AS n, min(e.date), max(e.date),
                        (SELECT count(*) FROM articles a WHERE a.story_id = st.id)
                 FROM events e JOIN stories st ON st.id = e.story_id
                 WHERE {clause} GROUP BY st.id ORDER BY n DESC, st.id LIMIT ?"
            );
            let mut st = store.connection().prepare_cached(&sql)?;
            let rows = st
                .query_map(params_from_iter(vals.iter()), |r| {
                    Ok(json!({"id": r.get::<_, i64>(0)?, "title": r.get::<_, Option<String>>(1)?, "events": r.get::<_, i64>(2)?,
                              "first_date": r.get::<_, Option<String>>(3)?, "last_date": r.get::<_, Option<String>>(4)?,
                              "articles": r.get::<_, i64>(5)?}))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(json!({"stories": rows}))
        })
        .await?;
    Ok(Json(v).into_response())
}

/// `GET /stories/{id}`: a story's articles and outlets, and its events' ids.
async fn story(State(pool): State<Arc<Pool>>, Path(raw): Path<String>, uri: Uri) -> Result<Response> {
    Params::parse(uri.query(), &[])?;
    let id = id_of("id", &raw)?;
    let v = pool
        .run(move |store| {
            let conn = store.connection();
            let mut v = story_json(conn, id)?;
            let ids = conn
                .prepare_cached("SELECT id FROM events WHERE story_id = ? ORDER BY id LIMIT 1000")?
                .query_map([id], |r| r.get::<_, i64>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            v["events"] = ids.into();
            Ok(v)
        })
        .await?;
    Ok(Json(v).into_response())
}

/// `GET /aggregates/{daily|countries|roots|dyads}`: counts of the filtered events.
async fn aggregate(State(pool): State<Arc<Pool>>, Path(kind): Path<String>, uri: Uri) -> Result<Response> {
    let extra: &[&str] = if kind == "dyads" { &["limit"] } else { &[] };
    let p = Params::parse(uri.query(), &with(Filter::PARAMS, extra))?;
    let filter = Filter::from_params(&p)?;
    let limit = p.limit(20, MAX_PAGE)?;
    let kind = match kind.as_str() {
        "daily" | "countries" | "roots" | "dyads" => kind,
        _ => return Err(ApiError::NotFound(format!("no aggregate '{kind}' (daily, countries, roots, dyads)"))),
    };
    let v = pool.run(move |store| aggregate_query(store.connection(), &kind, &filter, limit)).await?;
    Ok(Json(v).into_response())
}

/// The aggregate `kind` of the events `filter` selects.
pub fn aggregate_query(conn: &rusqlite::Connection, kind: &str, filter: &Filter, limit: usize) -> Result<Json_> {
    let (clause, mut vals) = filter.clause();
    let v = match kind {
        "daily" => {
            let sql = format!(
                "SELECT e.date, e.quad_class, count(*) FROM events e WHERE {clause} AND e.date IS NOT NULL
                 GROUP BY e.date, e.quad_class ORDER BY e.date"
            );
            let mut st = conn.prepare_cached(&sql)?;
            let mut days: Vec<(String, [i64; 4])> = Vec::new();
            let rows = st.query_map(params_from_iter(vals.iter()), |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get::<_, i64>(2)?)))?;
            for row in rows {
                let (date, q, n) = row?;
                if days.last().map(|d| &d.0) != Some(&date) {
                    days.push((date, [0; 4]));
                }
                if let Some(slot) = days.last_mut().and_then(|d| d.1.get_mut((q as usize).wrapping_sub(1))) {
                    *slot += n;
                }
            }
            let days: Vec<Json_> = days
                .into_iter()
                .map(|(date, q)| json!({"date": date, "quad": q, "total": q.iter().sum::<i64>()}))
                .collect();
            json!({"days": days})
        }
        "countries" => {
            let sql = format!(
                "SELECT p.country, count(*) AS n FROM events e JOIN places p ON p.id = e.place_id
                 WHERE {clause} AND p.country IS NOT NULL GROUP BY p.country ORDER BY n DESC, p.country"
            );
            let mut st = conn.prepare_cached(&sql)?;
            let rows = st
                .query_map(params_from_iter(vals.iter()), |r| Ok(json!({"country": r.get::<_, String>(0)?, "events": r.get::<_, i64>(1)?})))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            json!({"countries": rows})
        }
        "roots" => {
            let sql = format!("SELECT e.cameo_root, count(*) AS n FROM events e WHERE {clause} GROUP BY e.cameo_root ORDER BY e.cameo_root");
            let mut st = conn.prepare_cached(&sql)?;
            let rows = st
                .query_map(params_from_iter(vals.iter()), |r| {
                    let root: String = r.get(0)?;
                    Ok(json!({"name": cameo_name(&root), "root": root, "events": r.get::<_, i64>(1)?}))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            json!({"roots": rows})
        }
        _ => {
            vals.push(Value::Integer(limit as i64));
            let sql = format!(
                "SELECT sa.code, ta.code, count(*) AS n, min(sa.name), min(ta.name), sum(e.num_mentions)
                 FROM events e JOIN actors sa ON sa.id = e.source_actor JOIN actors ta ON ta.id = e.target_actor
                 WHERE {clause} GROUP BY sa.code, ta.code ORDER BY n DESC, sa.code, ta.code LIMIT ?"
            );
            let mut st = conn.prepare_cached(&sql)?;
            let rows = st
                .query_map(params_from_iter(vals.iter()), |r| {
                    Ok(json!({"source": r.get::<_, String>(0)?, "target": r.get::<_, String>(1)?, "events": r.get::<_, i64>(2)?,
                              "source_name": r.get::<_, String>(3)?, "target_name": r.get::<_, String>(4)?,
                              "mentions": r.get::<_, i64>(5)?}))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            json!({"dyads": rows})
        }
    };
    Ok(v)
}

/// `GET /geojson`: the filtered events as GeoJSON points, one per place with its counts per
/// QuadClass (`group=place`, the default: what a map draws), or one per event (`group=event`).
async fn geojson(State(pool): State<Arc<Pool>>, uri: Uri) -> Result<Response> {
    let p = Params::parse(uri.query(), &with(Filter::PARAMS, &["group", "limit"]))?;
    let filter = Filter::from_params(&p)?;
    let by_event = match p.get("group") {
        None | Some("place") => false,
        Some("event") => true,
        Some(v) => return Err(ApiError::bad("group", format!("group must be place or event, not '{v}'"))),
    };
    let limit = p.limit(if by_event { 1000 } else { MAX_FEATURES }, MAX_FEATURES)?;
    let v = pool
        .run(move |store| {
            let conn = store.connection();
            let (clause, mut vals) = filter.clause();
            vals.push(Value::Integer(limit as i64));
            let point = |lon: f64, lat: f64| json!({"type": "Point", "coordinates": [lon, lat]});
            let features: Vec<Json_> = if by_event {
                let sql = format!(
                    "SELECT e.id, e.date, e.cameo, e.quad_class, p.name, p.country, p.lat, p.lon
                     FROM events e JOIN places p ON p.id = e.place_id
                     WHERE {clause} AND p.lat IS NOT NULL AND p.lon IS NOT NULL ORDER BY e.id LIMIT ?"
                );
                let mut st = conn.prepare_cached(&sql)?;
                let rows = st.query_map(params_from_iter(vals.iter()), |r| {
                    Ok(json!({"type": "Feature", "id": r.get::<_, i64>(0)?, "geometry": point(r.get(7)?, r.get(6)?),
                              "properties": {"event": r.get::<_, i64>(0)?, "date": r.get::<_, Option<String>>(1)?, "cameo": r.get::<_, String>(2)?,
                                             "quad_class": r.get::<_, i64>(3)?, "place": r.get::<_, String>(4)?, "country": r.get::<_, Option<String>>(5)?}}))
                })?;
                rows.collect::<rusqlite::Result<Vec<_>>>()?
            } else {
                let sql = format!(
                    "SELECT p.id, p.name, p.country, p.lat, p.lon, count(*) AS n,
                            sum(e.quad_class = 1), sum(e.quad_class = 2), sum(e.quad_class = 3), sum(e.quad_class = 4)
                     FROM events e JOIN places p ON p.id = e.place_id
                     WHERE {clause} AND p.lat IS NOT NULL AND p.lon IS NOT NULL
                     GROUP BY p.id ORDER BY n DESC, p.id LIMIT ?"
                );
                let mut st = conn.prepare_cached(&sql)?;
                let rows = st.query_map(params_from_iter(vals.iter()), |r| {
                    Ok(json!({"type": "Feature", "id": r.get::<_, i64>(0)?, "geometry": point(r.get(4)?, r.get(3)?),
                              "properties": {"place": r.get::<_, String>(1)?, "country": r.get::<_, Option<String>>(2)?,
                                             "events": r.get::<_, i64>(5)?,
                                             "quad": [r.get::<_, i64>(6)?, r.get::<_, i64>(7)?, r.get::<_, i64>(8)?, r.get::<_, i64>(9)?]}}))
                })?;
                rows.collect::<rusqlite::Result<Vec<_>>>()?
            };
            Ok(json!({"type": "FeatureCollection", "features": features}))
        })
        .await?;
    Ok(([(axum::http::header::CONTENT_TYPE, "application/geo+json")], Json(v)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_reject_junk() {
        assert_eq!(Cursor::parse("2023-05-17.42").unwrap(), Cursor { date: "2023-05-17".into(), id: 42 });
        assert_eq!(Cursor::parse(".7").unwrap(), Cursor { date: String::new(), id: 7 });
        for bad in ["42", "2023-05-17", "x.1", "2023-05-17.x", "2023-05-17'--.1"] {
            assert!(Cursor::parse(bad).is_err(), "{bad}");
        }
    }
}
