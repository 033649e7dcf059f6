//! The story format: the model, dates, loading files into stories, checks and diagnostics.

pub mod across;
pub mod date;
pub mod diagnostic;
pub mod load;
pub mod locate;
pub mod model;
pub mod schema;
pub mod syntax;
pub mod validate;
pub mod yaml;

pub use date::{PartialDate, Precision};
pub use diagnostic::{Diagnostic, Location, Related, Severity};
pub use model::*;
