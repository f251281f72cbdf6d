//! Transcript files to [`Meeting`]s: decoding, the kremlin.ru layout, speaker labels, editorial annotations and
//! canonical speakers. A leaf module: it knows nothing of tokens or statistics.
//!
//! The files form a chain without cycles, each using only those listed before it:
//! - [`model`]: the meeting, its blocks and turns;
//! - [`warning`], [`audit`], [`options`]: what reading a file reports, and how to read it;
//! - [`decode`]: bytes to text (UTF-8, UTF-16, cp1251, KOI8-R, …);
//! - [`label`]: which lines start a turn;
//! - [`annotate`]: spoken text apart from `[insertions]`, `(Stage directions.)` and `<…>`;
//! - [`markup`]: HTML tags removed from the lines of a text file;
//! - [`lines`]: text to its non-blank, numbered lines, HTML markup removed;
//! - [`layout`]: the marks the header, body and page readers share (`* * *`, sentence ends, weak labels);
//! - [`header`]: the title, date, place and source URL around the body;
//! - [`body`]: a transcript's body, line by line;
//! - [`reader`]: text to blocks, with an audit of every line;
//! - [`page`]: a kremlin.ru page (HTML) to the text layout, its bold labels and italic titles made certain;
//! - [`person`]: the person an English label names, its titles dropped;
//! - [`speaker`]: one canonical speaker per person;
//! - [`names`]: speakers named by a user in options, found the way labels are read;
//! - [`source`]: one file's bytes read within limits and decoded, and what can go wrong reading a file;
//! - [`formats`]: the reader as a list of formats (the text layout, kremlin.ru pages, table corpora), each
//!   recognising its files and reading one into meetings;
//! - [`walk`]: paths to the files the formats read, report folders left out;
//! - [`mod@ingest`]: the one read path of a corpus: files in parallel, merged in path order through a bounded window;
//! - [`corpus`]: a whole corpus kept in memory, its speakers resolved.

pub mod annotate;
pub mod audit;
pub mod body;
pub mod corpus;
pub mod decode;
pub mod formats;
pub mod header;
pub mod info;
pub mod ingest;
pub mod label;
pub mod layout;
pub mod lines;
pub mod markup;
pub mod model;
pub mod names;
pub mod options;
pub mod page;
pub mod parlamint;
pub mod person;
pub mod reader;
pub mod source;
pub mod speaker;
pub mod walk;
pub mod warning;

pub use audit::Audit;
pub use corpus::{read_corpus, Transcripts};
pub use formats::page::{is_page, read_page_bytes, read_page_file};
pub use formats::table::read_table;
pub use formats::text::read_bytes;
pub use formats::{read_file, FileMeetings, Format, Reading, FORMATS};
pub use info::{parse_info, read_info, InfoError, InfoRow, InfoTable};
pub use ingest::{ingest, unique_ids, Ingested};
pub use label::{parse_label, Label};
pub use model::{
    Annotation, AnnotationKind, Block, Language, LanguageCode, Meeting, Paragraph, Turn,
};
pub use names::{find_named, NameError};
pub use options::{ColumnsError, DateRange, DateRangeError, ReadOptions, TableColumns};
pub use reader::parse_text;
pub use source::{
    decode_named, read_bounded, read_bounded_stdin, read_text, ReadError, ReadFile, TableError,
};
pub use speaker::{AliasError, Aliases, SpeakerResolver};
pub use walk::{collect, collect_files, Collected, Found, REPORT_MANIFEST};
pub use warning::{FileWarning, Warning, WarningKind};
