//! `#[derive(Event)]` refuses what it cannot honour with an error at the
//! place it is written: each file in `ui/event` and the error it gets.

#[test]
fn wrong_attributes_are_errors_where_they_are_written() {
    trybuild::TestCases::new().compile_fail("tests/ui/event/*.rs");
}
