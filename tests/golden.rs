//! Golden files: the bundled fixture articles and their reviewed output. After an intended change, regenerate
//! with `GAZETA_BLESS=1 cargo test --test golden` and review the diff of `fixtures/articles.expected.jsonl`.

mod common;

use common::{fixture_path, gazeta};

#[test]
fn fixture_output_matches_the_golden_file() {
    let input = std::fs::read(fixture_path("articles.jsonl")).unwrap();
    let run = gazeta(&["extract", "-q", "--threads", "2"], &input);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let actual = String::from_utf8(run.stdout).unwrap();
    let golden = fixture_path("articles.expected.jsonl");
    if std::env::var_os("GAZETA_BLESS").is_some() {
        std::fs::write(&golden, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&golden).expect("golden file exists: run with GAZETA_BLESS=1 to create it");
    for (n, (a, e)) in actual.lines().zip(expected.lines()).enumerate() {
        assert_eq!(a, e, "line {} of the output differs from {golden}", n + 1);
    }
    assert_eq!(actual.lines().count(), expected.lines().count(), "number of records");
}
