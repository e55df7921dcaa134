//! `specwright diff` on the real version pairs of the corpus
//! (`openapi/PAIRS.tsv`): a pair with removed operations reports at least
//! one breaking change, a version against itself reports nothing, and the
//! counts per level are held in `tests/snapshots/diff-pairs.txt`
//! (`SPECWRIGHT_UPDATE_SNAPSHOTS=1` rewrites them).

use specwright_diff::Level;
use specwright_spec::Loader;
use specwright_tests::corpus_dir;

/// `PAIRS.tsv`, the table of pairs, is the shared corpus's own.
#[test]
#[ignore = "needs the shared corpus: cargo xtask ci runs it"]
fn shared_corpus_real_version_pairs() {
    let dir = corpus_dir().join("openapi");
    let table = std::fs::read_to_string(dir.join("PAIRS.tsv")).expect("PAIRS.tsv");
    let mut counts = String::new();
    let mut pairs = 0;
    for line in table.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (old_id, new_id, old_file, new_file, removed_ops) = (cols[0], cols[1], cols[2], cols[3], cols[6]);
        if old_file == "-" || new_file == "-" {
            continue; // The corpus keeps no copy of these versions.
        }
        let load = |file: &str| {
            let loaded = Loader::new().load_file(dir.join(file)).expect("readable");
            assert!(!loaded.has_errors(), "{file} has errors");
            loaded
        };
        let (old, new) = (load(old_file), load(new_file));
        let changes = specwright_diff::diff(&old, &new);
        let count = |level| changes.iter().filter(|c| c.level == level).count();
        let breaking = count(Level::Breaking);
        if removed_ops.parse::<usize>().unwrap_or(0) > 0 {
            assert!(breaking > 0, "{old_id} → {new_id} removes operations but reports nothing breaking");
        }
        let itself = specwright_diff::diff(&old, &load(old_file));
        assert!(itself.is_empty(), "{old_id} against itself: {:?}", itself.first());
        counts.push_str(&format!(
            "{old_id} → {new_id}: {breaking} breaking, {} warning, {} info\n",
            count(Level::Warning),
            count(Level::Info)
        ));
        pairs += 1;
    }
    assert!(pairs >= 6, "only {pairs} pairs have both versions");
    let snapshot = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("snapshots/diff-pairs.txt");
    if std::env::var_os("SPECWRIGHT_UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&snapshot, &counts).unwrap();
    }
    let held = std::fs::read_to_string(&snapshot).unwrap_or_default();
    assert_eq!(held, counts, "counts changed; review with SPECWRIGHT_UPDATE_SNAPSHOTS=1 and git diff");
}

/// Every document of the corpus, OpenAPI and AsyncAPI, diffed against a
/// second load of itself reports nothing: no rule mistakes sameness for change.
#[test]
#[ignore = "needs the corpus: cargo xtask ci runs it"]
fn every_corpus_document_against_itself_is_unchanged() {
    let documents = specwright_tests::api_documents(&corpus_dir());
    // The npm registry's part of the corpus alone holds 54 documents.
    assert!(documents.len() >= 54, "only {} documents", documents.len());
    let mut changed = Vec::new();
    for path in &documents {
        let load = || Loader::new().load_file(path).expect("readable");
        let (a, b) = (load(), load());
        assert!(a.api.is_some(), "{} did not load", path.display());
        if let Some(first) = specwright_diff::diff(&a, &b).first() {
            changed.push(format!("{}: {} {}", path.display(), first.rule, first.message));
        }
    }
    assert!(changed.is_empty(), "{}", changed.join("\n"));
}
