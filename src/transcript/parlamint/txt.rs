//! ParlaMint's plain-text form: `ParlaMint-XX_….txt`, one utterance a line (`utterance-id<TAB>text`), read with its
//! meta file ([`super::meta`]), which names each utterance's speaker. Each line is a turn of one paragraph; `[[…]]`
//! additions are annotations ([`super::text`]). A line without a tab is counted as unclassified and told; an
//! utterance the meta file does not list is read with [`super::UNKNOWN_SPEAKER`] and told.

use std::path::Path;

use super::super::audit::Audit;
use super::super::model::Block;
use super::super::options::ReadOptions;
use super::super::source::{ReadError, ReadFile};
use super::super::warning::{Warning, WarningKind};
use super::meta::{find_meta, read_meta};
use super::text::split_notes;
use super::{
    corpus_language, decode_sitting, id_of, looked_for, sitting_meeting, utterance_turn,
    FORMAT_TXT, UNKNOWN_SPEAKER,
};

/// The most lines whose problem is told one by one; the rest are told as a count.
const TOLD: usize = 10;

/// Reads a ParlaMint text (`path` names it and gives the sitting id; its meta file is looked for beside it).
pub fn read_parlamint_txt(
    path: &Path,
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<(ReadFile, Vec<Warning>), ReadError> {
    let shown = path.to_string_lossy().into_owned();
    let (decoded, mut warnings) = decode_sitting(&shown, bytes)?;
    let id = id_of(path, None);
    let Some(meta_path) = find_meta(path, &id) else {
        return Err(ReadError::NoMeta {
            looked: looked_for(path, &id),
            path: shown,
        });
    };
    let (meta, meta_warnings) = read_meta(&meta_path, corpus_language(&id))?;
    warnings.extend(meta_warnings);
    let mut audit = Audit {
        file: shown.clone(),
        ..Audit::default()
    };
    let mut blocks = Vec::new();
    let mut told = Told::default();
    for (i, line) in decoded.text.lines().enumerate() {
        let number = i + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        audit.lines += 1;
        let Some((utterance, text)) = line.split_once('\t').filter(|(u, _)| !u.trim().is_empty())
        else {
            audit.unclassified += 1;
            told.tell(
                number,
                "not a ParlaMint text line (an utterance id, a tab, the text); left out"
                    .to_string(),
            );
            blocks.push(Block::Unclassified {
                line: number,
                text: line.to_string(),
            });
            continue;
        };
        let utterance = utterance.trim();
        audit.turn_lines += 1;
        let paragraph = split_notes(number, text.trim());
        let turn = match meta.utterance(utterance) {
            Some(u) => utterance_turn(
                number,
                &u.speaker,
                u.attributes.clone(),
                u.language,
                vec![paragraph],
            ),
            None => {
                told.tell(
                    number,
                    format!(
                        "utterance {utterance} is not in {}; its speaker is unknown",
                        meta.path
                    ),
                );
                utterance_turn(
                    number,
                    UNKNOWN_SPEAKER,
                    Vec::new(),
                    corpus_language(&id),
                    vec![paragraph],
                )
            }
        };
        blocks.push(Block::Turn(turn));
    }
    warnings.extend(told.into_warnings());
    let mut meeting = sitting_meeting(
        &id,
        &shown,
        decoded.encoding,
        FORMAT_TXT,
        meta.attributes.clone(),
        blocks,
        options,
    );
    meeting.title = meta.title.clone();
    meeting.date = meta.date.or(meeting.date);
    Ok((ReadFile { meeting, audit }, warnings))
}

/// Problems of a file's lines: the first few told one by one, the rest counted.
#[derive(Default)]
pub(super) struct Told {
    warnings: Vec<Warning>,
    more: usize,
}

impl Told {
    /// Tells a problem of line `line`.
    pub(super) fn tell(&mut self, line: usize, message: String) {
        if self.warnings.len() < TOLD {
            self.warnings.push(Warning {
                line: Some(line),
                kind: WarningKind::ParlaMint,
                message,
            });
        } else {
            self.more += 1;
        }
    }

    /// The warnings, the count of those not told last.
    pub(super) fn into_warnings(mut self) -> Vec<Warning> {
        if self.more > 0 {
            self.warnings.push(Warning {
                line: None,
                kind: WarningKind::ParlaMint,
                message: format!("{} more lines or utterances like those above", self.more),
            });
        }
        self.warnings
    }
}
