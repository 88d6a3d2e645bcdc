//! `khabar serve`: a read-only HTTP server over a khabar store.
//!
//! * [`router`] is the whole application: the JSON API under `/api/v1` ([`api`], documented in
//!   docs/API.md) and the web page (`web/`, compiled into the binary, so nothing is fetched from
//!   another host).
//! * [`pool::Pool`] hands out read-only SQLite connections ([`khabar_store::Store::open_read`])
//!   to blocking tasks, so SQLite never runs on the async threads and an ingest can write the
//!   same file (WAL) while the server reads it.
//! * [`filter::Filter`] turns query parameters into a parameterised `WHERE` clause; a malformed
//!   parameter is a 400 naming it ([`error::ApiError`]).
//! * [`run`] binds, serves until Ctrl-C (or SIGTERM), and logs one line per request.
//!
//! ```no_run
//! let config = khabar_server::Config::new("khabar.db".into(), "127.0.0.1:8080".parse().unwrap());
//! khabar_server::run(config).unwrap();
//! ```
#![deny(missing_docs)]

pub mod api;
pub mod error;
pub mod export;
pub mod filter;
pub mod pool;
mod web;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use axum::Router;

pub use error::ApiError;
pub use pool::Pool;

/// Errors that stop the server.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The store could not be opened.
    #[error("{0}")]
    Store(#[from] khabar_store::StoreError),
    /// The store file does not exist.
    #[error("{0}: no such store (make one with `khabar ingest`)")]
    NoStore(String),
    /// Binding or serving failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// How to serve.
#[derive(Debug, Clone)]
pub struct Config {
    /// The store.
    pub db: PathBuf,
    /// Where to listen.
    pub addr: SocketAddr,
    /// Read connections open at once (SQLite work in flight).
    pub connections: usize,
    /// One line per request on stderr.
    pub log: bool,
}

impl Config {
    /// Serve `db` on `addr` with 8 read connections, logging requests.
    pub fn new(db: PathBuf, addr: SocketAddr) -> Config {
        Config { db, addr, connections: 8, log: true }
    }
}

/// The application over an open pool: the API and the page.
pub fn router(pool: Arc<Pool>, log: bool) -> Router {
    let app = Router::new().nest("/api/v1", api::routes(pool)).merge(web::routes());
    if log {
        app.layer(axum::middleware::from_fn(log_request))
    } else {
        app
    }
}

/// One line per request: method, path and query, status, milliseconds.
async fn log_request(req: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = req.method().clone();
    let uri = req.uri().clone();
    let res = next.run(req).await;
    eprintln!("{method} {uri} {} {:.1}ms", res.status().as_u16(), start.elapsed().as_secs_f64() * 1e3);
    res
}

/// Serves until Ctrl-C or SIGTERM, on a runtime of its own (the caller needs no async code).
pub fn run(config: Config) -> Result<(), ServeError> {
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(config.addr).await?;
        let addr = listener.local_addr()?;
        let app = app(&config)?;
        eprintln!("khabar serve: http://{addr}/ (store {}; Ctrl-C stops)", config.db.display());
        axum::serve(listener, app).with_graceful_shutdown(shutdown()).await?;
        eprintln!("khabar serve: stopped");
        Ok(())
    })
}

/// The router of a config: the store checked and its pool opened.
pub fn app(config: &Config) -> Result<Router, ServeError> {
    if !config.db.exists() {
        return Err(ServeError::NoStore(config.db.display().to_string()));
    }
    let pool = Arc::new(Pool::open(&config.db, config.connections)?);
    Ok(router(pool, config.log))
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
