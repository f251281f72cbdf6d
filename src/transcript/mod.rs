//! Transcript files to [`Meeting`]s: decoding, the kremlin.ru layout, speaker labels, editorial annotations and
//! canonical speakers. A leaf module: it knows nothing of tokens or statistics.
//!
//! - [`decode`]: bytes to text (UTF-8, UTF-16, cp1251, KOI8-R, …);
//! - [`label`]: which lines start a turn;
//! - [`annotate`]: spoken text apart from `[insertions]`, `(Stage directions.)` and `<…>`;
//! - [`lines`]: text to its non-blank, numbered lines, HTML markup removed;
//! - [`header`]: the title, date, place and source URL around the body;
//! - [`reader`]: text to blocks, with an audit of every line;
//! - [`speaker`]: one canonical speaker per person;
//! - [`names`]: speakers named by a user in options, found the way labels are read;
//! - [`person`]: the person an English label names, its titles dropped;
//! - [`page`]: a kremlin.ru page (HTML) to the text layout, its bold labels and italic titles made certain;
//! - [`source`]: paths to files, one file's bytes to a meeting, one bad file never losing the others;
//! - [`mod@ingest`]: the one read path of a corpus: files in parallel, merged in path order through a bounded window.

pub mod annotate;
pub mod decode;
pub mod header;
pub mod ingest;
pub mod label;
pub mod lines;
pub mod markup;
pub mod model;
pub mod names;
pub mod page;
pub mod person;
pub mod reader;
pub mod source;
pub mod speaker;

pub use ingest::{ingest, unique_ids, Ingested};
pub use label::{parse_label, Label};
pub use model::{Annotation, AnnotationKind, Block, Language, Meeting, Paragraph, Turn};
pub use names::{find_named, NameError};
pub use reader::{parse_text, Audit, DateRange, DateRangeError, ReadOptions, Warning, WarningKind};
pub use source::{
    collect_files, decode_named, is_page, read_bounded, read_bounded_stdin, read_bytes,
    read_corpus, read_file, read_page_bytes, read_page_file, read_text, FileWarning, ReadError,
    ReadFile, Transcripts,
};
pub use speaker::{AliasError, Aliases, SpeakerResolver};
