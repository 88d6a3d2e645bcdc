//! The web page: HTML, CSS, JavaScript and the country outlines, compiled into the binary so the
//! server needs no files beside it and the page fetches nothing from another host (the
//! Content-Security-Policy says so to the browser too).

use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

const INDEX: &str = include_str!("../web/index.html");
const APP_JS: &str = include_str!("../web/app.js");
const STYLE: &str = include_str!("../web/style.css");
/// Natural Earth 1:50m countries, converted by `tools/worldmap.py` (NOTICE has the attribution).
const WORLD: &str = include_str!("../web/world.json");

const CSP: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

fn asset(body: &'static str, media_type: &'static str, cache: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, media_type),
            (header::CACHE_CONTROL, cache),
            (header::CONTENT_SECURITY_POLICY, CSP),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        body,
    )
        .into_response()
}

/// `/`, `/app.js`, `/style.css`, `/world.json`.
pub fn routes() -> Router {
    Router::new()
        .route("/", get(|| async { asset(INDEX, "text/html; charset=utf-8", "no-cache") }))
        .route("/app.js", get(|| async { asset(APP_JS, "text/javascript; charset=utf-8", "no-cache") }))
        .route("/style.css", get(|| async { asset(STYLE, "text/css; charset=utf-8", "no-cache") }))
        .route("/world.json", get(|| async { asset(WORLD, "application/json", "max-age=86400") }))
}
