//! What is known of the speakers and meetings besides their words ([`Metadata`] from `--speaker-info` and
//! `--meeting-info`), and how the turns are grouped ([`About`], kept in the corpus); see [`super::groups`].

use std::collections::BTreeMap;

/// What the user says of speakers and meetings besides the transcripts (`--speaker-info`, `--meeting-info`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// Attributes by canonical speaker name, as (name, value) pairs, names lowercase.
    pub speakers: BTreeMap<String, Vec<(String, String)>>,
    /// Attributes by meeting id.
    pub meetings: BTreeMap<String, Vec<(String, String)>>,
}

/// What is known of the speakers and meetings besides their words, and how the turns are grouped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct About {
    /// What the user said of speakers and meetings.
    pub metadata: Metadata,
    /// What each speaker is said to be: `(speaker, attribute, value)` ([`super::groups::speaker_attributes`]).
    pub speakers: Vec<(String, String, String)>,
    /// The attributes the turns are grouped by; empty (or `speaker`) when the speakers are compared.
    pub group_by: Vec<String>,
    /// Each group with each speaker in it, sorted; empty when the speakers are compared.
    pub groups: Vec<(String, String)>,
}
