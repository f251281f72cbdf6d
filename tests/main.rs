//! The integration tests, one module per feature.

mod support;

mod reader;
mod report;
mod stats;
mod text;
