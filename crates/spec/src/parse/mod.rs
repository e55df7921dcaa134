//! Text to [`serde_json::Value`], with duplicate keys, depth and size refused
//! where they are found.

mod json;
mod yaml;

pub(crate) use yaml::relax_flow_indentation;

use crate::source::{Format, Pos, SourceFile};
use serde_json::Value;

/// How deep objects and arrays may nest. Real specs stay under 40; the limit
/// keeps hostile input from overflowing the stack.
pub const MAX_DEPTH: usize = 128;

/// How many nodes YAML aliases may add in all, so that an alias bomb is
/// refused quickly and in bounded memory.
pub const MAX_ALIAS_NODES: usize = 1_000_000;

#[derive(Debug, Clone)]
pub struct ParseError {
    pub message: String,
    pub pos: Pos,
}

/// A parsed document, with a note when it could be read only leniently.
#[derive(Debug)]
pub struct Parsed {
    pub value: Value,
    pub lenient: Option<ParseError>,
}

/// Parses a file's text in its format.
pub fn parse(file: &SourceFile) -> Result<Parsed, ParseError> {
    let text = file.text.strip_prefix('\u{feff}').unwrap_or(&file.text);
    if text.trim().is_empty() {
        return Err(ParseError { message: "the document is empty".into(), pos: file.pos_at(0) });
    }
    match file.format {
        Format::Json => json::parse(file, text).map(|value| Parsed { value, lenient: None }),
        Format::Yaml => yaml::parse(file, text).map(|(value, lenient)| Parsed { value, lenient }),
    }
}

/// Checks that bytes are UTF-8 text. When they are not, gives a message naming
/// the first bad byte, the text with bad bytes replaced, and the byte's offset.
pub fn decode(bytes: Vec<u8>) -> Result<String, (String, String, usize)> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let message = format!("the file is not UTF-8 text (byte 0x{:02x} at offset {at})", e.as_bytes()[at]);
        (message, String::from_utf8_lossy(e.as_bytes()).into_owned(), at)
    })
}
