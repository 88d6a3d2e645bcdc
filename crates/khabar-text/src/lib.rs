//! The text layer: which language a text is in, how it splits into sentences and tokens, and
//! the normalised form dictionaries are matched against.
//!
//! Normalisation is for *matching* only: events keep the original sentence as evidence.
//! Arabic loses diacritics and tatweel, alef/hamza forms fold to bare alef, alef maqsura to ya,
//! taa marbuta to ha; Latin script is lower-cased. [`tokens`] keeps byte offsets into the original
//! so a match can always be shown in the text the user gave.
#![deny(missing_docs)]

mod lang;
mod normalize;
mod sentences;
mod tokens;

pub use lang::{detect_language, script_of, Script};
pub use normalize::{normalize, normalize_arabic_char, search_form, strip_arabic_prefixes, Stems};
pub use sentences::split_sentences;
pub use tokens::{tokens, Token};
