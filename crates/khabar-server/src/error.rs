//! What a request can get wrong, as the JSON body and status the client sees.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

/// An API error: `{"error": message, "param": name}` with status 400, 404 or 500.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// A query or path parameter is malformed or unknown (400).
    BadParam {
        /// The parameter's name.
        param: String,
        /// What is wrong with it.
        message: String,
    },
    /// No such event, story or route (404).
    NotFound(String),
    /// The store failed (500); the message is logged, not hidden.
    Internal(String),
}

impl ApiError {
    /// A 400 for parameter `param`.
    pub fn bad(param: &str, message: impl Into<String>) -> ApiError {
        ApiError::BadParam { param: param.to_string(), message: message.into() }
    }
}

impl From<khabar_store::StoreError> for ApiError {
    fn from(e: khabar_store::StoreError) -> Self {
        ApiError::Internal(e.to_string())
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> Self {
        ApiError::Internal(format!("database: {e}"))
    }
}

impl From<serde_json::Error> for ApiError {
    fn from(e: serde_json::Error) -> Self {
        ApiError::Internal(format!("stored event: {e}"))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, body) = match &self {
            ApiError::BadParam { param, message } => (StatusCode::BAD_REQUEST, json!({"error": message, "param": param})),
            ApiError::NotFound(what) => (StatusCode::NOT_FOUND, json!({"error": what})),
            ApiError::Internal(msg) => {
                eprintln!("khabar serve: {msg}");
                (StatusCode::INTERNAL_SERVER_ERROR, json!({"error": msg}))
            }
        };
        (status, Json(body)).into_response()
    }
}
