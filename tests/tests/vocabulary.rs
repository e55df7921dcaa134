//! Every keyword the model keeps is read by something: the generated code
//! (its types, the server's validation table, the examples test, the HTTP
//! plan) or the breaking-change checks. A keyword kept and read by nothing
//! would vanish silently; one JSON Schema defines and the model does not
//! keep is warned about as the spec is read (see the spec crate's tests).

use specwright_spec::ir::Keyword;

#[test]
fn every_keyword_the_model_keeps_is_read() {
    let unread: Vec<Keyword> = Keyword::ALL
        .into_iter()
        .filter(|&k| {
            specwright_codegen::keywords::uses(k).is_empty()
                && specwright_diff::comparison(k) == specwright_diff::Comparison::Not
        })
        .collect();
    assert!(unread.is_empty(), "kept, and read by nothing: {unread:?}");
}
