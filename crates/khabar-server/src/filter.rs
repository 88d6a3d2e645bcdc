//! Query parameters: parsed strictly (an unknown, repeated or malformed parameter is a 400 that
//! names it) and turned into a `WHERE` clause over `events e` whose values are all bound
//! parameters: the SQL text is made only of the fixed fragments below.

use rusqlite::types::Value;

use crate::error::ApiError;

/// The parameters of a request, checked against the names an endpoint takes.
#[derive(Debug, Default)]
pub struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    /// Parses a query string; `allowed` are the names this endpoint takes.
    pub fn parse(raw: Option<&str>, allowed: &[&str]) -> Result<Params, ApiError> {
        let pairs: Vec<(String, String)> =
            serde_urlencoded::from_str(raw.unwrap_or("")).map_err(|e| ApiError::bad("query", format!("malformed query string: {e}")))?;
        for (i, (k, _)) in pairs.iter().enumerate() {
            if !allowed.contains(&k.as_str()) {
                return Err(ApiError::bad(k, format!("unknown parameter '{k}' (this endpoint takes: {})", allowed.join(", "))));
            }
            if pairs[..i].iter().any(|(k2, _)| k2 == k) {
                return Err(ApiError::bad(k, format!("parameter '{k}' given twice")));
            }
        }
        Ok(Params { pairs })
    }

    /// A parameter's value; an empty value counts as absent (a cleared form field).
    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.trim()).filter(|v| !v.is_empty())
    }

    /// A page size: `default` when absent, at most `max` (larger asks are capped), at least 1.
    pub fn limit(&self, default: usize, max: usize) -> Result<usize, ApiError> {
        match self.get("limit") {
            None => Ok(default),
            Some(v) => match v.parse::<usize>() {
                Ok(0) | Err(_) => Err(ApiError::bad("limit", format!("limit must be a whole number from 1 (at most {max} are returned), not '{v}'"))),
                Ok(n) => Ok(n.min(max)),
            },
        }
    }
}

/// Which events a request is about. Every field is optional; all given ones must hold.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Event date on or after (`YYYY-MM-DD`).
    pub from: Option<String>,
    /// Event date on or before (`YYYY-MM-DD`).
    pub to: Option<String>,
    /// ISO3 country of the event's place or of either actor.
    pub country: Option<String>,
    /// CAMEO actor code prefix of the source or the target ("SAU" finds SAUGOV).
    pub actor: Option<String>,
    /// CAMEO event code prefix ("19", "190", "1951").
    pub cameo: Option<String>,
    /// CAMEO root, two digits ("01" to "20").
    pub root: Option<String>,
    /// GDELT QuadClass, 1 to 4.
    pub quadclass: Option<u8>,
    /// PLOVER event type ("ASSAULT").
    pub plover: Option<String>,
    /// Full-text query over the articles that mention the event (as `khabar search` reads it).
    pub q: Option<String>,
    /// Story id.
    pub story: Option<i64>,
}

/// A real calendar day written `YYYY-MM-DD` (2023-02-30 is not one).
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit()) {
        return false;
    }
    let (y, m, d): (u32, u32, u32) = (s[..4].parse().unwrap_or(0), s[5..7].parse().unwrap_or(0), s[8..].parse().unwrap_or(0));
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

impl Filter {
    /// The parameter names of a filter.
    pub const PARAMS: &'static [&'static str] = &["from", "to", "country", "actor", "cameo", "root", "quadclass", "plover", "q", "story"];

    /// Reads and checks the filter parameters.
    pub fn from_params(p: &Params) -> Result<Filter, ApiError> {
        let date = |k: &str| -> Result<Option<String>, ApiError> {
            match p.get(k) {
                Some(v) if !is_date(v) => Err(ApiError::bad(k, format!("{k} must be a date YYYY-MM-DD, not '{v}'"))),
                v => Ok(v.map(str::to_string)),
            }
        };
        let code = |k: &str, ok: fn(&str) -> bool, what: &str| -> Result<Option<String>, ApiError> {
            match p.get(k) {
                Some(v) if !ok(v) => Err(ApiError::bad(k, format!("{k} must be {what}, not '{v}'"))),
                v => Ok(v.map(|s| s.to_ascii_uppercase())),
            }
        };
        let f = Filter {
            from: date("from")?,
            to: date("to")?,
            country: code("country", |v| v.len() == 3 && v.bytes().all(|b| b.is_ascii_alphabetic()), "an ISO 3166 alpha-3 code (EGY)")?,
            actor: code(
                "actor",
                |v| (1..=32).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_alphanumeric()),
                "a CAMEO actor code or its start (SAU, SAUGOV)",
            )?,
            cameo: code("cameo", |v| (2..=4).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_digit()), "2 to 4 digits of a CAMEO code")?,
            root: code(
                "root",
                |v| v.len() == 2 && v.parse::<u8>().is_ok_and(|n| (1..=20).contains(&n)),
                "a CAMEO root from 01 to 20",
            )?,
            quadclass: match p.get("quadclass") {
                None => None,
                Some(v) => match v.parse::<u8>() {
                    Ok(n @ 1..=4) => Some(n),
                    _ => return Err(ApiError::bad("quadclass", format!("quadclass must be 1, 2, 3 or 4, not '{v}'"))),
                },
            },
            plover: code(
                "plover",
                |v| (1..=40).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_alphabetic() || b == b'_' || b == b'-'),
                "a PLOVER event type (ASSAULT)",
            )?,
            q: match p.get("q") {
                None => None,
                Some(v) if khabar_store::fts_match(v).is_empty() => {
                    return Err(ApiError::bad("q", "q has no word to search for"));
                }
                Some(v) if v.chars().count() > 500 => return Err(ApiError::bad("q", "q is longer than 500 characters")),
                Some(v) => Some(v.to_string()),
            },
            story: match p.get("story") {
                None => None,
                Some(v) => Some(v.parse::<i64>().map_err(|_| ApiError::bad("story", format!("story must be a story id (a whole number), not '{v}'")))?),
            },
        };
        if let (Some(a), Some(b)) = (&f.from, &f.to) {
            if a > b {
                return Err(ApiError::bad("to", format!("to ({b}) is before from ({a})")));
            }
        }
        Ok(f)
    }

    /// The same filter over all dates (the timeline shows the whole range it brushes over).
    pub fn without_dates(&self) -> Filter {
        Filter { from: None, to: None, ..self.clone() }
    }

    /// The conditions over `events e`, joined by AND ("1" when there are none), and their values
    /// in placeholder order.
    pub fn clause(&self) -> (String, Vec<Value>) {
        let mut sql: Vec<&'static str> = Vec::new();
        let mut vals: Vec<Value> = Vec::new();
        let text = |s: &String| Value::Text(s.clone());
        if let Some(v) = &self.from {
            sql.push("e.date >= ?");
            vals.push(text(v));
        }
        if let Some(v) = &self.to {
            sql.push("e.date <= ?");
            vals.push(text(v));
        }
        if let Some(v) = &self.country {
            sql.push(
                "(e.place_id IN (SELECT id FROM places WHERE country = ?) \
                 OR e.source_actor IN (SELECT id FROM actors WHERE country = ?) \
                 OR e.target_actor IN (SELECT id FROM actors WHERE country = ?))",
            );
            vals.extend([text(v), text(v), text(v)]);
        }
        if let Some(v) = &self.actor {
            // the code is letters and digits only (checked), so LIKE sees no wildcard of the user's
            sql.push(
                "(e.source_actor IN (SELECT id FROM actors WHERE code LIKE ? || '%') \
                 OR e.target_actor IN (SELECT id FROM actors WHERE code LIKE ? || '%'))",
            );
            vals.extend([text(v), text(v)]);
        }
        if let Some(v) = &self.cameo {
            sql.push("e.cameo LIKE ? || '%'");
            vals.push(text(v));
        }
        if let Some(v) = &self.root {
            sql.push("e.cameo_root = ?");
            vals.push(text(v));
        }
        if let Some(v) = self.quadclass {
            sql.push("e.quad_class = ?");
            vals.push(Value::Integer(v as i64));
        }
        if let Some(v) = &self.plover {
            sql.push("e.plover = ?");
            vals.push(text(v));
        }
        if let Some(v) = &self.q {
            sql.push(
                "e.id IN (SELECT m.event_id FROM mentions m WHERE m.article_id IN \
                 (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?))",
            );
            vals.push(Value::Text(khabar_store::fts_match(v)));
        }
        if let Some(v) = self.story {
            sql.push("e.story_id = ?");
            vals.push(Value::Integer(v));
        }
        if sql.is_empty() {
            ("1".to_string(), vals)
        } else {
            (sql.join(" AND "), vals)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter(q: &str) -> Result<Filter, ApiError> {
        Filter::from_params(&Params::parse(Some(q), Filter::PARAMS)?)
    }

    fn param_of(e: ApiError) -> String {
        match e {
            ApiError::BadParam { param, .. } => param,
            other => panic!("not a 400: {other:?}"),
        }
    }

    #[test]
    fn every_malformed_parameter_is_named() {
        for (q, param) in [
            ("from=2023-13-01", "from"),
            ("from=2023-02-29", "from"),
            ("from=2023-04-31", "from"),
            ("to=yesterday", "to"),
            ("from=2023-05-10&to=2023-05-01", "to"),
            ("country=EG", "country"),
            ("country=E1Y", "country"),
            ("actor=SAU%25", "actor"),
            ("cameo=1a", "cameo"),
            ("cameo=19012", "cameo"),
            ("root=21", "root"),
            ("root=1", "root"),
            ("quadclass=5", "quadclass"),
            ("plover=DROP%20TABLE", "plover"),
            ("q=%22%22", "q"),
            ("story=abc", "story"),
            ("contry=EGY", "contry"),
            ("root=01&root=02", "root"),
        ] {
            assert_eq!(param_of(filter(q).unwrap_err()), param, "{q}");
        }
    }

    #[test]
    fn values_are_bound_not_written_into_the_sql() {
        let f = filter("country=egy&actor=sau&cameo=19&q=%D8%BA%D8%A7%D8%B1%D8%A9&from=2023-05-01").unwrap();
        assert_eq!(f.country.as_deref(), Some("EGY"));
        let (sql, vals) = f.clause();
        assert!(!sql.contains("EGY") && !sql.contains("SAU") && !sql.contains("2023"), "{sql}");
        assert_eq!(sql.matches('?').count(), vals.len());
    }

    #[test]
    fn leap_days_are_days() {
        assert!(is_date("2024-02-29") && is_date("2000-02-29") && is_date("2023-12-31"));
        assert!(!is_date("1900-02-29") && !is_date("2023-00-10") && !is_date("2023-1-10"));
    }

    #[test]
    fn empty_values_are_absent_and_no_filter_is_true() {
        let f = filter("country=&from=").unwrap();
        assert_eq!(f, Filter::default());
        assert_eq!(f.clause().0, "1");
    }

    #[test]
    fn page_sizes_are_capped() {
        let p = Params::parse(Some("limit=100000"), &["limit"]).unwrap();
        assert_eq!(p.limit(50, 500).unwrap(), 500);
        let p = Params::parse(Some("limit=0"), &["limit"]).unwrap();
        assert_eq!(param_of(p.limit(50, 500).unwrap_err()), "limit");
    }
}
