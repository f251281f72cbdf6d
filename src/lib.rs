//! stenogram: Russian political transcripts to statistics that compare how the speakers talk.
//!
//! The data flows down one way: [`transcript`] (files to meetings and speaker turns) and [`text`] (tokens, sentences,
//! stems, lemmas) are leaves; [`corpus`] tokenizes the meetings into one analysed corpus with a vocabulary per view;
//! [`stats`] measures it by speaker and meeting; [`report`] writes tables and charts; the binary's `cli` reads the
//! options.

pub mod corpus;
pub mod lang;
pub mod report;
pub mod stats;
pub mod text;
pub mod transcript;
