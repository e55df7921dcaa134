//! What stops a build, written so that cargo's output shows where.

use std::fmt;
use std::path::PathBuf;

use specwright_codegen::settings::SettingsError;

/// Why generation failed. Its `Display` (and `Debug`, which is what a
/// `build.rs` returning `Result` prints) is the whole story: each problem
/// with its file, line and column, and the lines of the spec around it.
pub enum Error {
    /// A spec could not be read.
    Read { path: PathBuf, source: specwright_spec::LoadError },
    /// A spec, or the code generated from it, has errors.
    Spec { spec: PathBuf, rendered: String },
    /// The settings file, or a builder method, asks for something wrong.
    Settings(Box<SettingsError>),
    /// The builder was asked for something it cannot do.
    Usage(String),
    /// The generated code uses crates the including crate does not depend on.
    Dependencies { manifest: PathBuf, missing: Vec<String> },
    /// The generated file could not be written.
    Write(specwright_codegen::WriteError),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Read { path, source } => write!(f, "{}: {source}", path.display()),
            Error::Spec { spec, rendered } => write!(f, "{} has errors:\n{rendered}", spec.display()),
            Error::Settings(e) => write!(f, "{}", render(&e.to_report())),
            Error::Usage(message) => write!(f, "{message}"),
            Error::Dependencies { manifest, missing } => {
                writeln!(f, "the generated code uses crates that {} does not depend on; add:", manifest.display())?;
                writeln!(f, "[dependencies]")?;
                for line in missing {
                    writeln!(f, "{line}")?;
                }
                Ok(())
            }
            Error::Write(e) => write!(f, "{e}"),
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Read { source, .. } => Some(source),
            Error::Write(e) => Some(e),
            Error::Spec { .. } | Error::Settings(_) | Error::Usage(_) | Error::Dependencies { .. } => None,
        }
    }
}

/// A report as text, without colors: cargo shows a build script's output as
/// it was written, and a log may not be a terminal.
pub(crate) fn render(report: &miette::Report) -> String {
    let mut out = String::new();
    let handler = miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor());
    match handler.render_report(&mut out, report.as_ref()) {
        Ok(()) => out,
        Err(_) => format!("{report}"),
    }
}
