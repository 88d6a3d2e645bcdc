use std::path::PathBuf;

/// Errors shared by khabar's stages. Each carries the record it is about, so a message on
/// stderr always names what failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input could not be read at all.
    #[error("{record}: cannot read: {source}")]
    Io {
        /// File name or record id.
        record: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The input was read but is not something khabar can take (binary, empty, bad gzip …).
    #[error("{record}: {reason}")]
    BadInput {
        /// File name or record id.
        record: String,
        /// Why it was refused, in words a user understands.
        reason: String,
    },
    /// A lexicon file has a malformed line.
    #[error("{file}:{line}: {reason}")]
    Lexicon {
        /// Lexicon file (relative to `lexicons/`).
        file: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
}

impl Error {
    /// Shorthand for [`Error::BadInput`].
    pub fn bad_input(record: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::BadInput { record: record.into(), reason: reason.into() }
    }
}

/// Result alias used across khabar's library crates.
pub type Result<T, E = Error> = std::result::Result<T, E>;
