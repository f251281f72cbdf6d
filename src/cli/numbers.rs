//! Numbers in options and messages as a person types and reads them: the library's ([`stenogram::run`]), which
//! the Python package shares.

pub use stenogram::run::{count, whole};
