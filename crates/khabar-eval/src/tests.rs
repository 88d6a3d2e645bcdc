//! The fixture in `tests/fixtures` was written for this test; the expected figures are what
//! `python3 ../shared/tools/score_events.py --json crates/khabar-eval/tests/fixtures/gold.jsonl
//! crates/khabar-eval/tests/fixtures/pred.jsonl` prints for it, so both scorers agree.

use super::*;

fn load() -> Report {
    let gold: Vec<Value> = include_str!("../tests/fixtures/gold.jsonl").lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let mut preds: HashMap<String, Vec<Pred>> = HashMap::new();
    for l in include_str!("../tests/fixtures/pred.jsonl").lines() {
        let v: Value = serde_json::from_str(l).unwrap();
        preds.entry(v["doc_id"].as_str().unwrap().to_string()).or_default().push(pred_from_json(&v));
    }
    score(&gold, &preds)
}

#[test]
fn tuple_levels_match_the_reference_scorer() {
    let r = load();
    assert_eq!(r.records, 9);
    let l = |k: &str| r.levels[k];
    assert_eq!((l("type").tp, l("type").fp, l("type").fn_, l("type").f1), (4, 1, 0, 0.889));
    assert_eq!((l("type+source").tp, l("type+source").fp, l("type+source").fn_), (4, 1, 0));
    let t = l("type+source+target");
    assert_eq!((t.tp, t.fp, t.fn_, t.p, t.r, t.f1), (3, 2, 1, 0.6, 0.75, 0.667));
}

#[test]
fn detection_matches_the_reference_scorer() {
    let r = load();
    let a = &r.detect["ASSAULT"];
    assert_eq!((a.score.tp, a.score.fp, a.score.fn_, a.tn, a.fp_on_difficult_no, a.score.f1), (1, 1, 0, 1, 1, 0.667));
    let p = &r.detect["PROTEST"];
    assert_eq!((p.score.tp, p.score.fn_, p.score.f1), (0, 1, 0.0));
}

#[test]
fn spans_match_the_reference_scorer() {
    let r = load();
    assert_eq!(r.spans["type_recall"], 1.0);
    assert_eq!(r.spans["source_agreement"], 1.0);
    assert_eq!(r.spans["target_agreement"], 1.0);
}

#[test]
fn summary_line_has_the_reference_shape() {
    assert_eq!(
        load().summary(),
        "type F1 0.889; type+source F1 0.889; type+source+target F1 0.667; detect:ASSAULT F1 0.667; detect:PROTEST F1 0.0; spans type_recall 1.0 source_agreement 1.0 target_agreement 1.0"
    );
}
