//! stenogram: Russian political transcripts to statistics that compare how the speakers talk.
//!
//! The data flows down one way: [`transcript`] (files to meetings and speaker turns) and [`text`] (tokens, sentences,
//! stems) are leaves; `stats` groups tokens by speaker and meeting; `report` writes tables and charts.

pub mod lang;
pub mod report;
pub mod stats;
pub mod text;
pub mod transcript;
