//! `multipart/form-data` bodies built part by part: values as text (or JSON
//! for objects and arrays), files streamed as they are read.

use reqwest::multipart::{Form, Part};
use serde::Serialize;
use serde_json::Value;

use super::error::CallError;
use specwright_core::FilePart;

/// A multipart body under construction; a part that can't be written is
/// kept as an error that sending reports.
#[derive(Debug)]
pub struct FormBody {
    pub(crate) form: Form,
    pub(crate) error: Option<CallError>,
}

impl Default for FormBody {
    fn default() -> Self {
        FormBody { form: Form::new(), error: None }
    }
}

impl From<Form> for FormBody {
    fn from(form: Form) -> FormBody {
        FormBody { form, error: None }
    }
}

impl FormBody {
    pub fn new() -> FormBody {
        FormBody::default()
    }

    /// A value part: text for strings, numbers and booleans; JSON for
    /// objects and arrays; nothing for `None`.
    pub fn value(mut self, name: &str, value: &impl Serialize) -> FormBody {
        match serde_json::to_value(value) {
            Ok(Value::Null) => {}
            Ok(Value::String(text)) => self.form = self.form.text(name.to_string(), text),
            Ok(v @ (Value::Number(_) | Value::Bool(_))) => self.form = self.form.text(name.to_string(), v.to_string()),
            Ok(json) => {
                let part = Part::text(json.to_string()).mime_str("application/json").expect("a valid media type");
                self.form = self.form.part(name.to_string(), part);
            }
            Err(e) => {
                self.error.get_or_insert(CallError::InvalidRequest(format!("multipart part `{name}`: {e}")));
            }
        }
        self
    }

    /// File parts, one per file given.
    pub fn files(mut self, name: &str, files: impl IntoIterator<Item = FilePart>) -> FormBody {
        for file in files {
            let mut part = match file.body.as_bytes() {
                Some(bytes) => Part::bytes(bytes.to_vec()),
                None => Part::stream(reqwest::Body::wrap_stream(file.body.into_stream())),
            };
            if let Some(file_name) = file.file_name {
                part = part.file_name(file_name);
            }
            if let Some(media_type) = file.content_type {
                part = match part.mime_str(&media_type) {
                    Ok(p) => p,
                    Err(_) => {
                        self.error.get_or_insert(CallError::InvalidRequest(format!(
                            "multipart part `{name}`: `{media_type}` is not a media type"
                        )));
                        continue;
                    }
                };
            }
            self.form = self.form.part(name.to_string(), part);
        }
        self
    }
}
