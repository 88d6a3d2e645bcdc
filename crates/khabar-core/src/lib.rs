//! The data model every khabar stage speaks, and the CAMEO/PLOVER codebook.
//!
//! * [`Article`]: what extraction makes of a page — main text plus news metadata.
//! * [`Event`]: one coded event, with the actors, date, place and the evidence sentence.
//! * [`cameo`]: the CAMEO event codebook (name, Goldstein, QuadClass) and the CAMEO→PLOVER table,
//!   compiled in from `lexicons/cameo/codes.tsv`.
//!
//! This crate depends on nothing heavy so that every other crate can use it.
#![deny(missing_docs)]

pub mod cameo;
mod error;
mod model;

pub use error::{Error, Result};
pub use model::{Actor, Article, Dateline, Event, Location, Mention, Modality, PageOf};
