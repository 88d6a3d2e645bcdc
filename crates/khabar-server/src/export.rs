//! `GET /api/v1/export`: the filtered events as CSV, GDELT TSV or JSON lines, streamed.
//!
//! A blocking task walks the rows in id order and sends chunks of about 64 KiB over a bounded
//! channel, so memory stays flat whatever the size of the selection and a client that stops
//! reading stops the query. The rows are written by `khabar_output`'s stored-event writers, the
//! ones `khabar export` uses, so both give the same bytes.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, Uri};
use axum::response::{IntoResponse, Response};
use khabar_core::Article;
use khabar_store::StoredEvent;
use rusqlite::params_from_iter;

use crate::error::ApiError;
use crate::filter::{Filter, Params};
use crate::pool::Pool;

/// An export format: its file extension, media type and how a row is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// The flat CSV of `khabar export --format csv`, with a header.
    Csv,
    /// The 61 GDELT 2.0 event columns, tab-separated, no header.
    Gdelt,
    /// One JSON object a line, as `khabar export --format jsonl`.
    Jsonl,
}

impl ExportFormat {
    fn parse(p: &Params) -> Result<ExportFormat, ApiError> {
        Ok(match p.get("format") {
            None | Some("csv") => ExportFormat::Csv,
            Some("gdelt") | Some("tsv") => ExportFormat::Gdelt,
            Some("jsonl") | Some("json") => ExportFormat::Jsonl,
            Some(v) => return Err(ApiError::bad("format", format!("format must be csv, gdelt or jsonl, not '{v}'"))),
        })
    }
    fn media_type(self) -> &'static str {
        match self {
            ExportFormat::Csv => "text/csv; charset=utf-8",
            ExportFormat::Gdelt => "text/tab-separated-values; charset=utf-8",
            ExportFormat::Jsonl => "application/x-ndjson",
        }
    }
    fn file_name(self) -> &'static str {
        match self {
            ExportFormat::Csv => "khabar-events.csv",
            ExportFormat::Gdelt => "khabar-events.gdelt.tsv",
            ExportFormat::Jsonl => "khabar-events.jsonl",
        }
    }
    /// The bytes of one event.
    fn write(self, se: &StoredEvent, out: &mut Vec<u8>) -> Result<(), ApiError> {
        match self {
            ExportFormat::Csv => out.extend(khabar_output::stored_csv_record(se).map_err(|e| ApiError::Internal(e.to_string()))?),
            ExportFormat::Gdelt => {
                out.extend(khabar_output::stored_gdelt_row(se).join("\t").as_bytes());
                out.push(b'\n');
            }
            ExportFormat::Jsonl => {
                serde_json::to_writer(&mut *out, &khabar_output::stored_json(se)?)?;
                out.push(b'\n');
            }
        }
        Ok(())
    }
}

const CHUNK: usize = 64 * 1024;

/// The handler.
pub async fn export(State(pool): State<Arc<Pool>>, uri: Uri) -> Result<Response, ApiError> {
    let allowed: Vec<&str> = Filter::PARAMS.iter().copied().chain(["format"]).collect();
    let p = Params::parse(uri.query(), &allowed)?;
    let filter = Filter::from_params(&p)?;
    let format = ExportFormat::parse(&p)?;
    let opener = pool.lend().await?;
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Vec<u8>, std::io::Error>>(4);
    tokio::task::spawn_blocking(move || {
        let result = (|| -> Result<(), ApiError> {
            let store = opener.open()?;
            let (clause, vals) = filter.clause();
            let sql = format!(
                "SELECT e.id, e.story_id, e.json, e.num_mentions, e.num_sources, e.num_articles,
                        a.doc_id, a.url, a.title, a.published, s.name, a.lang
                 FROM events e JOIN articles a ON a.id = e.article_id LEFT JOIN sources s ON s.id = a.source_id
                 WHERE {clause} ORDER BY e.id"
            );
            let mut st = store.connection().prepare(&sql)?;
            let mut rows = st.query(params_from_iter(vals.iter()))?;
            let mut buf = Vec::with_capacity(CHUNK + 4096);
            if format == ExportFormat::Csv {
                buf.extend(khabar_output::stored_csv_header().map_err(|e| ApiError::Internal(e.to_string()))?);
            }
            while let Some(r) = rows.next()? {
                let json: String = r.get(2)?;
                let se = StoredEvent {
                    id: r.get(0)?,
                    story: r.get(1)?,
                    event: serde_json::from_str(&json)?,
                    num_mentions: r.get(3)?,
                    num_sources: r.get(4)?,
                    num_articles: r.get(5)?,
                    article: Article {
                        doc_id: r.get(6)?,
                        url: r.get(7)?,
                        title: r.get(8)?,
                        published: r.get(9)?,
                        site: r.get(10)?,
                        lang: r.get(11)?,
                        ..Article::default()
                    },
                };
                format.write(&se, &mut buf)?;
                if buf.len() >= CHUNK && tx.blocking_send(Ok(std::mem::take(&mut buf))).is_err() {
                    return Ok(()); // the client went away
                }
            }
            if !buf.is_empty() {
                let _ = tx.blocking_send(Ok(buf));
            }
            Ok(())
        })();
        if let Err(e) = result {
            // the status line is gone by now: end the body with an error so the client sees a broken transfer
            eprintln!("khabar serve: export: {e:?}");
            let _ = tx.blocking_send(Err(std::io::Error::other(format!("{e:?}"))));
        }
    });
    let stream = futures_util::stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|item| (item, rx)) });
    Ok((
        [
            (header::CONTENT_TYPE, format.media_type().to_string()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{}\"", format.file_name())),
        ],
        Body::from_stream(stream),
    )
        .into_response())
}
