//! MinHash signatures and LSH banding for grouping near-duplicate articles into stories.
//!
//! An article's shingles are its overlapping word 3-grams over the normalised text
//! (`khabar_text::normalize`, so hamza and taa marbuta spellings agree). A signature keeps, for
//! each of [`NUM_HASHES`] hash functions, the smallest hash over the shingles; the share of
//! equal positions between two signatures estimates the Jaccard similarity of their shingle
//! sets. LSH cuts a signature into [`BANDS`] bands of [`ROWS`] values: two articles become
//! candidates when any band agrees, which happens with probability `1 − (1 − J^ROWS)^BANDS`
//! (J = 0.8 → 0.998, J = 0.6 → 0.73, J = 0.4 → 0.08). Candidates are then checked against
//! [`NEAR_DUPLICATE`] on the full signature.

use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

/// Hash functions per signature.
pub const NUM_HASHES: usize = 120;
/// LSH bands.
pub const BANDS: usize = 20;
/// Signature values per band.
pub const ROWS: usize = NUM_HASHES / BANDS;
/// Estimated Jaccard similarity at or above which two articles tell the same story.
pub const NEAR_DUPLICATE: f32 = 0.6;
/// Words per shingle.
const SHINGLE: usize = 3;
/// Articles with fewer words than this get no signature (too short to compare reliably).
pub const MIN_WORDS: usize = 8;

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

fn seeds() -> &'static [u64; NUM_HASHES] {
    static SEEDS: std::sync::OnceLock<[u64; NUM_HASHES]> = std::sync::OnceLock::new();
    SEEDS.get_or_init(|| std::array::from_fn(|i| splitmix(0x6b68_6162_6172 ^ (i as u64).wrapping_mul(0x1000_0000_01b3))))
}

/// The MinHash signature of a normalised text, or `None` when it has fewer than [`MIN_WORDS`]
/// words.
pub fn signature(norm_text: &str) -> Option<Vec<u32>> {
    let words: Vec<u64> =
        norm_text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| xxh3_64(w.as_bytes())).collect();
    if words.len() < MIN_WORDS {
        return None;
    }
    let seeds = seeds();
    let mut mins = [u64::MAX; NUM_HASHES];
    for w in words.windows(SHINGLE) {
        let h = w[0] ^ w[1].rotate_left(21).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ w[2].rotate_left(42).wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
        for (m, s) in mins.iter_mut().zip(seeds.iter()) {
            let v = splitmix(h ^ s);
            if v < *m {
                *m = v;
            }
        }
    }
    Some(mins.iter().map(|m| (m >> 32) as u32).collect())
}

/// The [`BANDS`] bucket keys of a signature; the band number is hashed in, so buckets of
/// different bands never meet.
pub fn band_keys(sig: &[u32]) -> Vec<i64> {
    sig.chunks(ROWS)
        .enumerate()
        .map(|(b, rows)| {
            let bytes: Vec<u8> = rows.iter().flat_map(|r| r.to_le_bytes()).collect();
            xxh3_64_with_seed(&bytes, b as u64) as i64
        })
        .collect()
}

/// Estimated Jaccard similarity: the share of equal positions.
pub fn similarity(a: &[u32], b: &[u32]) -> f32 {
    if a.is_empty() || a.len() != b.len() {
        return 0.0;
    }
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f32 / a.len() as f32
}

/// Signature to bytes for storage (little-endian u32s).
pub fn to_bytes(sig: &[u32]) -> Vec<u8> {
    sig.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// Bytes from storage back to a signature.
pub fn from_bytes(bytes: &[u8]) -> Vec<u32> {
    bytes.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(n: usize, salt: &str) -> Vec<String> {
        (0..n).map(|i| format!("w{salt}{i}")).collect()
    }

    #[test]
    fn identical_texts_agree_fully() {
        let t = words(60, "a").join(" ");
        assert_eq!(similarity(&signature(&t).unwrap(), &signature(&t).unwrap()), 1.0);
    }

    #[test]
    fn estimate_tracks_true_jaccard() {
        // 200 shared words then 20 different ones on each side: 3-shingle Jaccard ≈ 198/242
        let base = words(200, "s");
        let a = [base.clone(), words(20, "a")].concat().join(" ");
        let b = [base, words(20, "b")].concat().join(" ");
        let s = similarity(&signature(&a).unwrap(), &signature(&b).unwrap());
        assert!((s - 0.82).abs() < 0.12, "{s}");
        let c = words(220, "c").join(" ");
        assert!(similarity(&signature(&a).unwrap(), &signature(&c).unwrap()) < 0.1);
    }

    #[test]
    fn near_duplicates_share_a_band_and_strangers_do_not() {
        let base = words(150, "s");
        let a = [base.clone(), words(10, "a")].concat().join(" ");
        let b = [words(5, "b"), base].concat().join(" ");
        let (ka, kb) = (band_keys(&signature(&a).unwrap()), band_keys(&signature(&b).unwrap()));
        assert!(ka.iter().any(|k| kb.contains(k)));
        let kc = band_keys(&signature(&words(160, "c").join(" ")).unwrap());
        assert!(!ka.iter().any(|k| kc.contains(k)));
    }

    #[test]
    fn short_texts_have_no_signature() {
        assert!(signature("one two three").is_none());
    }

    #[test]
    fn bytes_round_trip() {
        let s = signature(&words(30, "x").join(" ")).unwrap();
        assert_eq!(from_bytes(&to_bytes(&s)), s);
        assert_eq!(s.len(), NUM_HASHES);
    }
}
