//! The story format: the model, dates, finding story files, reading and parsing one
//! file into a story, checks and diagnostics. Nothing here names a layer above it:
//! loading many files into a corpus, through the parsed-corpus cache, is the
//! corpus's loader (`corpus::load`).

pub mod across;
pub mod date;
pub mod diagnostic;
pub mod discover;
pub mod load;
pub mod locate;
pub mod model;
pub mod outline;
pub mod parse;
pub mod schema;
pub mod skim;
pub mod syntax;
pub mod text;
pub mod validate;
pub mod yaml;

pub use date::{PartialDate, Precision};
pub use diagnostic::{Diagnostic, Location, Related, Severity};
pub use load::{FileResult, LoadOptions};
pub use model::*;
