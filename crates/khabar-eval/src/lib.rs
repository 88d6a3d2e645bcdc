//! Scoring coded events against sentence gold sets.
//!
//! The definitions follow `score_events.py` (kept beside the gold data), so a researcher gets
//! the same numbers from `khabar eval` as from that script:
//! * tuple levels — type, type+source, type+source+target — as multiset P/R/F1 per record;
//!   a symmetric gold event with several sources and no target stands for every ordered pair;
//!   an empty gold target accepts any predicted target;
//! * detection records (`detect: {type, label}`) — a record is positive if any predicted
//!   event has the type; false positives on "difficult no" records are counted apart;
//! * span records (`source_any`/`target_any`) — type recall and actor agreement.
//! Actors compare by country (or first code chunk); CAMEO 01 events have no PLOVER type and
//! are not scored.
#![deny(missing_docs)]

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use serde_json::Value;

/// PLOVER type of a CAMEO root, as the scorer maps it when an event has no `plover` field.
fn plover_of_root(root: &str) -> Option<&'static str> {
    Some(match root {
        "02" | "10" => "REQUEST",
        "03" => "AGREE",
        "04" => "CONSULT",
        "05" => "SUPPORT",
        "06" => "COOPERATE",
        "07" => "AID",
        "08" => "CONCEDE",
        "09" | "11" => "ACCUSE",
        "12" => "REJECT",
        "13" => "THREATEN",
        "14" => "PROTEST",
        "15" => "MOBILIZE",
        "16" => "SANCTION",
        "17" => "COERCE",
        "18" | "19" | "20" => "ASSAULT",
        _ => return None,
    })
}

const NON_COUNTRY: &[&str] = &[
    "IGO", "NGO", "MNC", "IMG", "UAF", "REB", "GOV", "MIL", "OPP", "CVL", "COP", "BUS", "MED", "JUD", "LEG", "CRM",
    "EDU", "HLH", "REF", "SPY", "LAB", "AGR", "ELI", "ENV", "HRI", "RAD", "PTY", "REL", "MUS", "CHR", "JEW", "INS",
    "SEP", "MOD",
];

/// A predicted event as the scorer reads it.
#[derive(Debug, Clone)]
pub struct Pred {
    /// PLOVER type.
    pub plover: Option<String>,
    /// Source: (country or first chunk, roles).
    pub source: (Option<String>, Vec<String>),
    /// Target: (country or first chunk, roles).
    pub target: (Option<String>, Vec<String>),
}

fn actor(v: Option<&Value>) -> (Option<String>, Vec<String>) {
    let Some(v) = v.filter(|v| !v.is_null()) else { return (None, vec![]) };
    let (code, country, roles) = match v {
        Value::String(s) => (s.to_uppercase(), None, vec![]),
        Value::Object(o) => (
            o.get("code").and_then(Value::as_str).unwrap_or("").to_uppercase(),
            o.get("country").and_then(Value::as_str).map(str::to_string),
            o.get("roles").and_then(Value::as_array).map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect()).unwrap_or_default(),
        ),
        _ => return (None, vec![]),
    };
    let chunks: Vec<String> = code.as_bytes().chunks(3).map(|c| String::from_utf8_lossy(c).into_owned()).collect();
    let explicit_country = country.is_some();
    let country = country.or_else(|| chunks.first().cloned()).filter(|c| !c.is_empty());
    let mut roles = roles;
    roles.extend(chunks.iter().skip(1).cloned());
    if let Some(c) = &country {
        if NON_COUNTRY.contains(&c.as_str()) && !explicit_country {
            roles.push(c.clone());
        }
    }
    (country.map(|c| c.to_uppercase()), roles)
}

/// Reads one predicted event (a line of `khabar code` output).
pub fn pred_from_json(v: &Value) -> Pred {
    let plover = v.get("plover").and_then(Value::as_str).filter(|s| !s.is_empty()).map(str::to_uppercase).or_else(|| {
        let c = v.get("cameo").and_then(Value::as_str).unwrap_or("");
        plover_of_root(&c[..c.len().min(2)]).map(str::to_string)
    });
    Pred { plover, source: actor(v.get("source")), target: actor(v.get("target")) }
}

/// P/R/F1 with counts.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct Prf {
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// F1.
    pub f1: f64,
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    pub fn_: usize,
}

fn prf(tp: usize, fp: usize, fn_: usize) -> Prf {
    let p = if tp + fp > 0 { tp as f64 / (tp + fp) as f64 } else { 0.0 };
    let r = if tp + fn_ > 0 { tp as f64 / (tp + fn_) as f64 } else { 0.0 };
    let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    let round = |x: f64| (x * 1000.0).round() / 1000.0;
    Prf { p: round(p), r: round(r), f1: round(f1), tp, fp, fn_ }
}

/// Detection scores for one event type.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Detection {
    /// P/R/F1.
    pub score: Prf,
    /// True negatives.
    pub tn: usize,
    /// False positives on records labelled "difficult no".
    pub fp_on_difficult_no: usize,
}

/// Everything `khabar eval` reports.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Gold records read.
    pub records: usize,
    /// Tuple levels: "type", "type+source", "type+source+target".
    pub levels: BTreeMap<String, Prf>,
    /// Detection per event type.
    pub detect: BTreeMap<String, Detection>,
    /// Span records: type recall, source and target agreement.
    pub spans: BTreeMap<String, f64>,
}

type Tuple = (Option<String>, Option<String>, Option<String>);

fn gold_tuples(ev: &Value) -> Vec<Tuple> {
    let p = ev.get("plover").and_then(Value::as_str).map(str::to_string);
    let codes = |k: &str| -> Vec<Option<String>> {
        ev.get(k).and_then(Value::as_array).map(|a| a.iter().map(|x| x.get("code").and_then(Value::as_str).map(str::to_string)).collect()).unwrap_or_default()
    };
    let (srcs, tgts) = (codes("source"), codes("target"));
    let symmetric = ev.get("symmetric").and_then(Value::as_bool).unwrap_or(false);
    let mut out = Vec::new();
    if symmetric && srcs.len() > 1 && tgts.is_empty() {
        for (i, a) in srcs.iter().enumerate() {
            for (j, b) in srcs.iter().enumerate() {
                if i != j && a != b {
                    out.push((p.clone(), a.clone(), b.clone()));
                }
            }
        }
    } else {
        let srcs = if srcs.is_empty() { vec![None] } else { srcs };
        let tgts = if tgts.is_empty() { vec![None] } else { tgts };
        for s in &srcs {
            for t in &tgts {
                out.push((p.clone(), s.clone(), t.clone()));
            }
        }
    }
    out
}

fn multiset_overlap<K: std::hash::Hash + Eq + Clone>(gold: &[K], pred: &[K]) -> usize {
    let mut counts: HashMap<K, usize> = HashMap::new();
    for g in gold {
        *counts.entry(g.clone()).or_default() += 1;
    }
    let mut tp = 0;
    for p in pred {
        if let Some(c) = counts.get_mut(p) {
            if *c > 0 {
                *c -= 1;
                tp += 1;
            }
        }
    }
    tp
}

/// Scores predictions (grouped by record id) against sentence gold records.
pub fn score(gold: &[Value], preds: &HashMap<String, Vec<Pred>>) -> Report {
    let mut report = Report { records: gold.len(), ..Default::default() };
    let mut levels = [(0usize, 0usize, 0usize); 3];
    let mut det: BTreeMap<String, (usize, usize, usize, usize, usize)> = BTreeMap::new();
    let mut any: HashMap<&str, usize> = HashMap::new();
    let empty = Vec::new();
    for g in gold {
        let id = match g.get("id") {
            Some(Value::String(s)) => s.clone(),
            Some(v) => v.to_string(),
            None => continue,
        };
        let evs: Vec<&Pred> = preds.get(&id).unwrap_or(&empty).iter().filter(|e| e.plover.is_some()).collect();
        if let Some(d) = g.get("detect") {
            let t = d.get("type").and_then(Value::as_str).unwrap_or("").to_string();
            let label = d.get("label").and_then(Value::as_str).unwrap_or("");
            let hit = evs.iter().any(|e| e.plover.as_deref() == Some(t.as_str()));
            let c = det.entry(t).or_default();
            if label == "yes" {
                if hit { c.0 += 1 } else { c.2 += 1 }
            } else if hit {
                c.1 += 1;
                if label == "difficult no" {
                    c.4 += 1;
                }
            } else {
                c.3 += 1;
            }
            continue;
        }
        let gevs = g.get("events").and_then(Value::as_array).cloned().unwrap_or_default();
        if gevs.first().is_some_and(|e| e.get("source_any").is_some()) {
            for ge in &gevs {
                let t = ge.get("plover").and_then(Value::as_str).unwrap_or("");
                let cand: Vec<&&Pred> = evs.iter().filter(|e| e.plover.as_deref() == Some(t)).collect();
                *any.entry("gold").or_default() += 1;
                *any.entry("type_found").or_default() += usize::from(!cand.is_empty());
                for side in ["source", "target"] {
                    let alts = ge.get(format!("{side}_any")).and_then(Value::as_array).cloned().unwrap_or_default();
                    if alts.is_empty() {
                        continue;
                    }
                    *any.entry(if side == "source" { "source_gold" } else { "target_gold" }).or_default() += 1;
                    let ok = cand.iter().any(|e| {
                        let (c, roles) = if side == "source" { &e.source } else { &e.target };
                        alts.iter().any(|a| match (a.get("code").and_then(Value::as_str), a.get("role").and_then(Value::as_str)) {
                            (Some(code), _) if !code.is_empty() => c.as_deref() == Some(code),
                            (_, Some(role)) => roles.iter().any(|r| r == role),
                            _ => false,
                        })
                    });
                    *any.entry(if side == "source" { "source_match" } else { "target_match" }).or_default() += usize::from(ok);
                }
            }
            continue;
        }
        let gt: Vec<Tuple> = gevs.iter().flat_map(gold_tuples).collect();
        let pt: Vec<Tuple> = evs.iter().map(|e| (e.plover.clone(), e.source.0.clone(), e.target.0.clone())).collect();
        // type and type+source: multiset overlap
        for (level, key) in [(0usize, 1usize), (1, 2)] {
            let gk: Vec<Tuple> = gt.iter().map(|x| trunc(x, key)).collect();
            let pk: Vec<Tuple> = pt.iter().map(|x| trunc(x, key)).collect();
            let tp = multiset_overlap(&gk, &pk);
            let l = &mut levels[level];
            l.0 += tp;
            l.1 += pk.len() - tp;
            l.2 += gk.len() - tp;
        }
        // type+source+target: an empty gold target accepts any target
        let mut pool = pt.clone();
        let mut tp = 0;
        for x in &gt {
            if let Some(i) = pool.iter().position(|y| y.0 == x.0 && y.1 == x.1 && (x.2.is_none() || y.2 == x.2)) {
                pool.remove(i);
                tp += 1;
            }
        }
        let l = &mut levels[2];
        l.0 += tp;
        l.1 += pt.len() - tp;
        l.2 += gt.len() - tp;
    }
    if levels.iter().any(|l| l.0 + l.1 + l.2 > 0) {
        for (name, l) in ["type", "type+source", "type+source+target"].iter().zip(levels) {
            report.levels.insert(name.to_string(), prf(l.0, l.1, l.2));
        }
    }
    for (t, c) in det {
        report.detect.insert(t, Detection { score: prf(c.0, c.1, c.2), tn: c.3, fp_on_difficult_no: c.4 });
    }
    let gold_n = *any.get("gold").unwrap_or(&0);
    if gold_n > 0 {
        let round = |x: f64| (x * 1000.0).round() / 1000.0;
        report.spans.insert("type_recall".into(), round(*any.get("type_found").unwrap_or(&0) as f64 / gold_n as f64));
        for side in ["source", "target"] {
            let n = *any.get(if side == "source" { "source_gold" } else { "target_gold" }).unwrap_or(&0);
            if n > 0 {
                let m = *any.get(if side == "source" { "source_match" } else { "target_match" }).unwrap_or(&0);
                report.spans.insert(format!("{side}_agreement"), round(m as f64 / n as f64));
            }
        }
    }
    report
}

/// A float as Python prints it (1.0, not 1).
fn py(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.1}")
    } else {
        x.to_string()
    }
}

fn trunc(x: &Tuple, n: usize) -> Tuple {
    match n {
        1 => (x.0.clone(), None, None),
        2 => (x.0.clone(), x.1.clone(), None),
        _ => x.clone(),
    }
}

impl Report {
    /// The one-line summary `score_events.py` prints last.
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        for k in ["type", "type+source", "type+source+target"] {
            if let Some(l) = self.levels.get(k) {
                parts.push(format!("{k} F1 {}", py(l.f1)));
            }
        }
        for (t, d) in &self.detect {
            parts.push(format!("detect:{t} F1 {}", py(d.score.f1)));
        }
        if !self.spans.is_empty() {
            let spans: Vec<String> = ["type_recall", "source_agreement", "target_agreement"]
                .iter()
                .filter_map(|k| self.spans.get(*k).map(|v| format!("{k} {}", py(*v))))
                .collect();
            parts.push(format!("spans {}", spans.join(" ")));
        }
        if parts.is_empty() {
            "nothing scored".into()
        } else {
            parts.join("; ")
        }
    }
}

#[cfg(test)]
mod tests;
