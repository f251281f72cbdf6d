//! stenogram: Russian political transcripts to statistics that compare how the speakers talk.
//!
//! The data flows down one way: [`transcript`] (files to meetings and speaker turns) and [`text`] (tokens, sentences,
//! stems, lemmas) are leaves; [`corpus`] tokenizes the meetings into one analysed corpus with a vocabulary per view;
//! [`stats`] measures it by speaker and meeting; [`report`] writes tables and charts; [`run`] makes whole runs of
//! the subcommands from typed options (shared by the binary's `cli`, which reads the command line, and the Python
//! package).

pub mod columnar;
pub mod corpus;
pub mod lang;
pub mod report;
pub mod run;
pub mod stats;
pub mod text;
pub mod transcript;
