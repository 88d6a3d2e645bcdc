//! `khabar lexicon --coverage`: which CAMEO codes the compiled-in event patterns can give, per
//! language, counting hand-written (`lexicons/<lang>/verbs.toml`) and generated patterns
//! (`verbs-petrarch.toml`) apart, and flagging the codes and roots no pattern gives.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write;

use khabar_core::cameo::Codebook;
use khabar_lexicon::Pattern;

#[derive(clap::Args)]
#[command(after_help = "Examples:
  khabar lexicon --coverage --format md > docs/COVERAGE.md
  khabar lexicon --coverage --lang ar --format tsv")]
pub(crate) struct Args {
    /// Print, per CAMEO code and language, the patterns that give it (hand-written and generated
    /// separately) and flag the codes and roots that none gives.
    #[arg(long)]
    coverage: bool,
    /// One language (`ar` or `en`); both by default.
    #[arg(long)]
    lang: Option<String>,
    /// `md` (a Markdown report, as in docs/COVERAGE.md) or `tsv` (one row per language and code).
    #[arg(long, default_value = "md")]
    format: String,
}

/// The languages with compiled-in lexicons.
const LANGS: &[&str] = &["ar", "en"];

/// The patterns of one language that give one code.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Cell {
    /// Ids of hand-written patterns (`<lang>/verbs.toml`) whose code this is.
    pub hand: Vec<String>,
    /// Ids of generated patterns (any other verbs file) whose code this is.
    pub generated: Vec<String>,
    /// Ids of patterns (either kind) that give this code for an intended event (`intent`).
    pub intent: Vec<String>,
}

impl Cell {
    fn is_empty(&self) -> bool {
        self.hand.is_empty() && self.generated.is_empty()
    }
}

/// Coverage of one language: code → the patterns giving it.
#[derive(Debug, Default)]
pub(crate) struct Coverage {
    pub lang: String,
    pub cells: BTreeMap<String, Cell>,
    /// Roots ("01" … "20") for which no code of the root has a pattern.
    pub bare_roots: Vec<String>,
    /// Patterns whose code is not in the codebook (the loader should prevent these).
    pub unknown: Vec<String>,
}

/// Is a pattern from its language's hand-written file? `origin` is `file:id`.
fn hand_written(lang: &str, p: &Pattern) -> bool {
    p.origin.rsplit_once(':').is_some_and(|(file, _)| file == format!("{lang}/verbs.toml"))
}

/// Tallies the patterns of `lang` against the codebook.
pub(crate) fn coverage(lang: &str, patterns: &[Pattern]) -> Coverage {
    let book = Codebook::get();
    let mut cov = Coverage { lang: lang.to_string(), ..Default::default() };
    for c in book.codes() {
        cov.cells.insert(c.code.to_string(), Cell::default());
    }
    for p in patterns {
        match cov.cells.get_mut(&p.cameo) {
            Some(cell) if hand_written(lang, p) => cell.hand.push(p.id.clone()),
            Some(cell) => cell.generated.push(p.id.clone()),
            None => cov.unknown.push(p.origin.clone()),
        }
        if let Some(cell) = p.intent.as_ref().and_then(|i| cov.cells.get_mut(i)) {
            cell.intent.push(p.id.clone());
        }
    }
    for c in book.codes().iter().filter(|c| c.level == 1) {
        if cov.cells.iter().filter(|(code, _)| code.starts_with(c.root)).all(|(_, cell)| cell.is_empty()) {
            cov.bare_roots.push(c.root.to_string());
        }
    }
    cov
}

/// The flag of a code with no pattern: its whole root has none, or only the code. A root's own
/// two-digit code is flagged only with its root: patterns give its leaves.
fn flag(cov: &Coverage, code: &str, cell: &Cell) -> &'static str {
    if !cell.is_empty() {
        ""
    } else if cov.bare_roots.iter().any(|r| code.starts_with(r.as_str())) {
        "root uncovered"
    } else if code.len() == 2 {
        ""
    } else {
        "uncovered"
    }
}

/// One row per language and code: `lang code level name hand generated intent hand_ids
/// generated_ids intent_ids flag`.
pub(crate) fn tsv(covs: &[Coverage]) -> String {
    let book = Codebook::get();
    let mut out = String::from("lang\tcode\tlevel\tname\thand\tgenerated\tintent\thand_ids\tgenerated_ids\tintent_ids\tflag\n");
    for cov in covs {
        for c in book.codes() {
            let cell = &cov.cells[c.code];
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                cov.lang,
                c.code,
                c.level,
                c.name,
                cell.hand.len(),
                cell.generated.len(),
                cell.intent.len(),
                cell.hand.join(","),
                cell.generated.join(","),
                cell.intent.join(","),
                flag(cov, c.code, cell)
            );
        }
    }
    out
}

/// A Markdown report: a summary per language, then one table per language.
pub(crate) fn markdown(covs: &[Coverage]) -> String {
    let book = Codebook::get();
    let mut out = String::new();
    out.push_str("# Pattern coverage of the CAMEO codebook\n\n");
    out.push_str("Generated by `khabar lexicon --coverage --format md > docs/COVERAGE.md`; do not edit by hand,\n");
    out.push_str("run the command again after changing a `lexicons/<lang>/verbs*.toml`.\n\n");
    out.push_str("Per CAMEO code (`lexicons/cameo/codes.tsv`) and language: how many event patterns give the code,\n");
    out.push_str("hand-written (`lexicons/<lang>/verbs.toml`) and generated (`lexicons/en/verbs-petrarch.toml`,\n");
    out.push_str("`tools/verbgen.py`) counted apart, with their ids; \"intent\" counts the patterns that give the code\n");
    out.push_str("for an announced or intended event. A code no pattern gives is flagged *uncovered*, and every code\n");
    out.push_str("of a root none of whose codes has a pattern *root uncovered* (a root's own two-digit code is flagged\n");
    out.push_str("only then: patterns give its leaves).\n\n");
    out.push_str("| language | patterns (hand / generated) | codes with a pattern | codes with a hand-written pattern | roots with no pattern |\n|---|---|---|---|---|\n");
    for cov in covs {
        let hand: usize = cov.cells.values().map(|c| c.hand.len()).sum();
        let generated: usize = cov.cells.values().map(|c| c.generated.len()).sum();
        let covered = cov.cells.values().filter(|c| !c.is_empty()).count();
        let by_hand = cov.cells.values().filter(|c| !c.hand.is_empty()).count();
        let bare = if cov.bare_roots.is_empty() { "none".to_string() } else { cov.bare_roots.join(", ") };
        let _ = writeln!(out, "| {} | {hand} / {generated} | {covered} of {} | {by_hand} | {bare} |", cov.lang, cov.cells.len());
    }
    for cov in covs {
        let _ = write!(out, "\n## {}\n\n", cov.lang);
        if !cov.unknown.is_empty() {
            let _ = writeln!(out, "Patterns with a code not in the codebook: {}\n", cov.unknown.join(", "));
        }
        out.push_str("| code | name | hand | generated | intent | hand-written patterns | generated patterns | flag |\n|---|---|---|---|---|---|---|---|\n");
        for c in book.codes() {
            let cell = &cov.cells[c.code];
            let code = if c.level == 1 { format!("**{}**", c.code) } else { c.code.to_string() };
            let ids = |v: &[String]| v.iter().map(|i| format!("`{i}`")).collect::<Vec<_>>().join(" ");
            let _ = writeln!(
                out,
                "| {code} | {} | {} | {} | {} | {} | {} | {} |",
                c.name.replace('|', "/"),
                cell.hand.len(),
                cell.generated.len(),
                cell.intent.len(),
                ids(&cell.hand),
                ids(&cell.generated),
                flag(cov, c.code, cell)
            );
        }
    }
    out
}

pub(crate) fn run(args: Args) -> anyhow::Result<bool> {
    anyhow::ensure!(args.coverage, "nothing to do: `khabar lexicon --coverage [--lang ar|en] [--format md|tsv]`");
    let langs: Vec<&str> = match args.lang.as_deref() {
        None => LANGS.to_vec(),
        Some(l) if LANGS.contains(&l) => vec![l],
        Some(l) => anyhow::bail!("no lexicon for language {l:?} (ar, en)"),
    };
    let covs: Vec<Coverage> = langs
        .iter()
        .map(|&l| coverage(l, &khabar_lexicon::get(l).expect("a compiled-in language").patterns))
        .collect();
    let text = match args.format.as_str() {
        "md" => markdown(&covs),
        "tsv" => tsv(&covs),
        f => anyhow::bail!("unknown format {f:?} (md, tsv)"),
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en() -> Coverage {
        coverage("en", &khabar_lexicon::get("en").unwrap().patterns)
    }

    #[test]
    fn counts_a_known_pattern_by_its_file() {
        let cov = en();
        // `sign-agreement` is hand-written and gives 057 (and 0311 when intended)
        assert!(cov.cells["057"].hand.contains(&"sign-agreement".to_string()));
        assert!(!cov.cells["057"].generated.contains(&"sign-agreement".to_string()));
        assert!(cov.cells["0311"].intent.contains(&"sign-agreement".to_string()));
        // the generated file has its own patterns for 057 too
        assert!(!cov.cells["057"].generated.is_empty());
        assert!(cov.unknown.is_empty(), "{:?}", cov.unknown);
        let rows = tsv(&[en()]);
        let row = rows.lines().find(|l| l.starts_with("en\t057\t")).unwrap();
        assert!(row.contains("sign-agreement") && row.ends_with('\t'), "{row}");
    }

    #[test]
    fn flags_an_uncovered_code_and_root() {
        // a made-up lexicon with a single pattern: everything else is uncovered
        let lex = khabar_lexicon::get("en").unwrap();
        let one: Vec<Pattern> = lex.patterns.iter().filter(|p| p.id == "sign-agreement").cloned().collect();
        let cov = coverage("en", &one);
        assert_eq!(flag(&cov, "057", &cov.cells["057"]), "");
        assert_eq!(flag(&cov, "051", &cov.cells["051"]), "uncovered");
        assert_eq!(flag(&cov, "195", &cov.cells["195"]), "root uncovered");
        assert_eq!(flag(&cov, "05", &cov.cells["05"]), "");
        assert!(cov.bare_roots.contains(&"19".to_string()) && !cov.bare_roots.contains(&"05".to_string()));
        let md = markdown(&[cov]);
        assert!(md.contains("| 051 | Praise or endorse | 0 | 0 | 0 |  |  | uncovered |"), "{md}");
        // the real English lexicon: every root has a pattern
        assert!(en().bare_roots.is_empty(), "{:?}", en().bare_roots);
    }
}
