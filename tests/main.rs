//! The integration tests, one module per feature.

mod support;

mod reader;
mod stats;
mod text;
