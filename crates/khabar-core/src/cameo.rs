//! The CAMEO event codebook and the CAMEO→PLOVER table.
//!
//! Compiled in from `lexicons/cameo/codes.tsv`, which `tools/lexgen.py` derives from the CAMEO
//! codebook (Goldstein and QuadClass as GDELT uses them) and the PLOVER project's CAMEO2PLOVER
//! table. See NOTICE for attribution.

use std::collections::HashMap;
use std::sync::OnceLock;

const CODES_TSV: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../lexicons/cameo/codes.tsv"));

/// One CAMEO event code with everything an event needs from the codebook.
#[derive(Debug, Clone, PartialEq)]
pub struct CameoCode {
    /// The code ("057").
    pub code: &'static str,
    /// Depth: 1 for a root ("05"), 2 for three digits, 3 for four.
    pub level: u8,
    /// Two-digit root.
    pub root: &'static str,
    /// Codebook name ("Sign formal agreement").
    pub name: &'static str,
    /// Goldstein conflict–cooperation value, −10 … +10.
    pub goldstein: f32,
    /// GDELT QuadClass, 1–4.
    pub quad_class: u8,
    /// PLOVER event type, `None` for statements (root 01).
    pub plover: Option<&'static str>,
    /// PLOVER mode, if any.
    pub plover_mode: Option<&'static str>,
    /// PLOVER context, if any.
    pub plover_context: Option<&'static str>,
}

/// The whole codebook, parsed once.
pub struct Codebook {
    codes: Vec<CameoCode>,
    by_code: HashMap<&'static str, usize>,
}

impl Codebook {
    /// The compiled-in codebook.
    pub fn get() -> &'static Codebook {
        static BOOK: OnceLock<Codebook> = OnceLock::new();
        BOOK.get_or_init(|| Codebook::parse(CODES_TSV).expect("lexicons/cameo/codes.tsv is valid"))
    }

    fn parse(text: &'static str) -> Result<Codebook, String> {
        let mut codes = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.starts_with("code\t") || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&'static str> = line.split('\t').collect();
            if f.len() < 6 {
                return Err(format!("codes.tsv:{}: expected at least 6 columns", i + 1));
            }
            let opt = |k: usize| f.get(k).map(|s| s.trim()).filter(|s| !s.is_empty());
            codes.push(CameoCode {
                code: f[0],
                level: f[1].parse().map_err(|_| format!("codes.tsv:{}: bad level", i + 1))?,
                root: f[2],
                name: f[3],
                goldstein: f[4].parse().map_err(|_| format!("codes.tsv:{}: bad goldstein", i + 1))?,
                quad_class: f[5].parse().map_err(|_| format!("codes.tsv:{}: bad quad_class", i + 1))?,
                plover: opt(6),
                plover_mode: opt(7),
                plover_context: opt(8),
            });
        }
        let by_code = codes.iter().enumerate().map(|(i, c)| (c.code, i)).collect();
        Ok(Codebook { codes, by_code })
    }

    /// Looks a code up ("057", "0332", "19").
    pub fn lookup(&self, code: &str) -> Option<&CameoCode> {
        self.by_code.get(code).map(|&i| &self.codes[i])
    }

    /// Every code, in codebook order.
    pub fn codes(&self) -> &[CameoCode] {
        &self.codes
    }
}

/// Shorthand for `Codebook::get().lookup(code)`.
pub fn lookup(code: &str) -> Option<&'static CameoCode> {
    Codebook::get().lookup(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_formal_agreement() {
        let c = lookup("057").unwrap();
        assert_eq!(c.name, "Sign formal agreement");
        assert_eq!(c.goldstein, 8.0);
        assert_eq!(c.quad_class, 1);
        assert_eq!(c.root, "05");
        assert_eq!(c.plover, Some("SUPPORT"));
    }

    #[test]
    fn aerial_weapons_are_assault() {
        let c = lookup("195").unwrap();
        assert_eq!(c.plover, Some("ASSAULT"));
        assert_eq!(c.quad_class, 4);
        assert!(c.goldstein <= -9.0);
    }

    #[test]
    fn statements_have_no_plover_type() {
        assert_eq!(lookup("010").unwrap().plover, None);
    }

    #[test]
    fn every_root_is_present_and_quad_classes_are_valid() {
        for r in 1..=20 {
            assert!(lookup(&format!("{r:02}")).is_some(), "root {r:02}");
        }
        let book = Codebook::get();
        assert!(book.codes().len() > 250);
        assert!(book.codes().iter().all(|c| (1..=4).contains(&c.quad_class)));
    }

    #[test]
    fn unknown_code_is_none() {
        assert!(lookup("999").is_none());
    }
}
