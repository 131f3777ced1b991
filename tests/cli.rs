//! The `gazeta` command end to end: inputs of every kind, output order, determinism, the schema.

mod common;

use std::io::Write;

use common::{assert_spans_match, fixture_path, gazeta, gazeta_in, jsonl};
use serde_json::Value;

const RU: &str =
    "Аким Алматы Ерболат Досаев провел совещание в среду. «Мы завершим ремонт дорог к осени», — сказал он.";
const EN: &str = "The mayor of Almaty met reporters on Wednesday. \"We will finish the roads by autumn,\" he said.";

fn ids(records: &[Value]) -> Vec<Value> {
    records.iter().map(|r| r["id"].clone()).collect()
}

#[test]
fn reads_stdin_and_dash() {
    let input = jsonl(&[RU, EN]);
    for args in [&["extract", "-q"][..], &["extract", "-q", "-"][..]] {
        let run = gazeta(args, &input);
        assert_eq!(run.status, 0, "{}", run.stderr);
        let records = run.records();
        assert_eq!(ids(&records), [1, 2]);
        assert_eq!(records[0]["lang"]["code"], "ru");
        assert_eq!(records[1]["lang"]["code"], "en");
    }
}

#[test]
fn reads_files_directories_and_compressed_input() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("plain.jsonl"), jsonl(&[RU])).unwrap();

    // Two gzip members and two zstd frames, concatenated: every one is read.
    let mut gz = Vec::new();
    for text in [RU, EN] {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(&jsonl(&[text])).unwrap();
        gz.extend(enc.finish().unwrap());
    }
    std::fs::write(root.join("two.jsonl.gz"), gz).unwrap();
    let mut zst = Vec::new();
    for text in [EN, RU] {
        zst.extend(zstd::encode_all(&jsonl(&[text])[..], 3).unwrap());
    }
    std::fs::write(root.join("two.jsonl.zst"), zst).unwrap();
    // Compression is told by magic bytes, not by name.
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(&jsonl(&[EN])).unwrap();
    std::fs::write(root.join("misnamed.jsonl"), enc.finish().unwrap()).unwrap();

    std::fs::create_dir_all(root.join("texts/b")).unwrap();
    std::fs::write(root.join("texts/b/z.txt"), RU).unwrap();
    std::fs::write(root.join("texts/a.txt"), EN).unwrap();
    std::fs::write(root.join("texts/ignored.md"), "not an article").unwrap();
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(RU.as_bytes()).unwrap();
    std::fs::write(root.join("texts/c.txt.gz"), enc.finish().unwrap()).unwrap();
    std::fs::write(root.join("texts/d.txt.zst"), zstd::encode_all(EN.as_bytes(), 3).unwrap()).unwrap();

    let run = gazeta_in(
        Some(root),
        &["extract", "-q", "plain.jsonl", "two.jsonl.gz", "two.jsonl.zst", "misnamed.jsonl", "texts"],
        b"",
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    let records = run.records();
    let langs: Vec<&str> = records.iter().map(|r| r["lang"]["code"].as_str().unwrap()).collect();
    assert_eq!(langs, ["ru", "ru", "en", "en", "ru", "en", "en", "ru", "ru", "en"]);
    let text_ids: Vec<&str> = records[6..].iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(text_ids, ["texts/a.txt", "texts/b/z.txt", "texts/c.txt.gz", "texts/d.txt.zst"]);
}

#[test]
fn writes_to_a_file_with_configured_field_names() {
    let dir = tempfile::tempdir().unwrap();
    let input = format!(
        "{{\"uid\": \"x1\", \"body\": \"{RU}\", \"published\": \"2025-07-03\", \"headline\": \"Дороги\", \"text\": \"ignored\"}}\n"
    );
    std::fs::write(dir.path().join("in.jsonl"), input).unwrap();
    let args = [
        "extract",
        "-q",
        "in.jsonl",
        "-o",
        "out.jsonl",
        "--text-field",
        "body",
        "--id-field",
        "uid",
        "--date-field",
        "published",
        "--title-field",
        "headline",
    ];
    let run = gazeta_in(Some(dir.path()), &args, b"");
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stdout.is_empty());
    let out = std::fs::read_to_string(dir.path().join("out.jsonl")).unwrap();
    let record: Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(record["id"], "x1");
    assert_eq!(record["title"], "Дороги");
    assert_eq!(record["date"], "2025-07-03");
    assert!(record["sentences"].as_array().unwrap().len() >= 2);
}

#[test]
fn reference_date_applies_to_records_without_a_date() {
    let input = "{\"id\": 1, \"text\": \"Встреча прошла в среду.\"}\n{\"id\": 2, \"date\": \"2024-01-10\", \"text\": \"Встреча прошла в среду.\"}\n{\"id\": 3, \"date\": \"10 января\", \"text\": \"Встреча.\"}\n";
    let run = gazeta(&["extract", "-q", "--reference-date", "2025-07-03"], input.as_bytes());
    let records = run.records();
    assert_eq!(records[0]["date"], "2025-07-03");
    assert_eq!(records[1]["date"], "2024-01-10", "the record's own date comes first");
    assert_eq!(records[2]["date"], "2025-07-03");
    assert!(records[2]["warnings"][0].as_str().unwrap().contains("not a YYYY-MM-DD date"));
    let bad = gazeta(&["extract", "--reference-date", "03.07.2025"], b"");
    assert_eq!(bad.status, 2, "a malformed option is a usage error");
}

/// Many articles, as a few hundred records with distinct ids, to exercise chunking.
fn many_articles() -> Vec<u8> {
    let fixtures = std::fs::read_to_string(fixture_path("articles.jsonl")).unwrap();
    let texts: Vec<String> = fixtures
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    let mut out = Vec::new();
    for i in 0..1200 {
        let text = &texts[i % texts.len()];
        let record = serde_json::json!({"id": format!("a{i}"), "text": text, "date": if i % 2 == 0 { Value::from("2025-07-03") } else { Value::Null }});
        serde_json::to_writer(&mut out, &record).unwrap();
        out.push(b'\n');
        if i % 97 == 0 {
            out.extend_from_slice(b"{\"id\": \"bad\", \"text\": \n");
        }
    }
    out
}

#[test]
fn output_is_identical_whatever_the_thread_count() {
    let input = many_articles();
    let one = gazeta(&["extract", "-q", "--allow-errors", "--threads", "1"], &input);
    let two = gazeta(&["extract", "-q", "--allow-errors", "--threads", "2"], &input);
    let four = gazeta(&["extract", "-q", "--allow-errors", "--threads", "4"], &input);
    assert_eq!(one.status, 0);
    assert_eq!(one.records().len(), 1200 + 13);
    assert!(one.stdout == two.stdout, "1 and 2 threads differ");
    assert!(one.stdout == four.stdout, "1 and 4 threads differ");
}

#[test]
fn every_span_is_its_code_point_slice() {
    let input = std::fs::read(fixture_path("articles.jsonl")).unwrap();
    let texts: Vec<String> = String::from_utf8(input.clone())
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["text"].as_str().unwrap().to_string())
        .collect();
    let run = gazeta(&["extract", "-q"], &input);
    let records = run.records();
    assert_eq!(records.len(), texts.len());
    for (record, text) in records.iter().zip(&texts) {
        assert_spans_match(record, text);
        // Sentences are ordered, disjoint and trimmed.
        let mut last_end = 0;
        for s in record["sentences"].as_array().unwrap() {
            let (start, end) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
            assert!(start >= last_end && end > start);
            let sentence = common::slice(text, start, end);
            assert_eq!(sentence.trim(), sentence, "sentence is trimmed");
            last_end = end;
        }
    }
}

#[test]
fn output_validates_against_the_schema() {
    let schema_text = gazeta(&["schema"], b"");
    assert_eq!(schema_text.status, 0);
    let printed: Value = serde_json::from_slice(&schema_text.stdout).unwrap();
    let kept: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture_path("../schema/gazeta.schema.json")).unwrap()).unwrap();
    assert_eq!(printed, kept, "`gazeta schema` prints the file the repository keeps");
    let validator = jsonschema::validator_for(&kept).expect("the schema is valid JSON Schema");

    let mut input = std::fs::read(fixture_path("articles.jsonl")).unwrap();
    input.extend_from_slice(b"{\"id\": \"broken\"\n{\"text\": \"\"}\n");
    let run = gazeta(&["extract", "-q", "--reference-date", "2025-07-03", "-"], &input);
    let dir_run = gazeta(&["extract", "-q", &fixture_path("texts")], b"");
    let records: Vec<Value> = run.records().into_iter().chain(dir_run.records()).collect();
    assert!(records.len() > 10);
    for record in &records {
        let errors: Vec<String> =
            validator.iter_errors(record).map(|e| format!("{e} at {}", e.instance_path())).collect();
        assert!(errors.is_empty(), "record {} does not validate: {errors:?}", record["id"]);
    }
}

#[test]
fn refuses_to_overwrite_an_input_and_writes_dash_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("same.jsonl"), jsonl(&[RU])).unwrap();
    let run = gazeta_in(Some(dir.path()), &["extract", "-q", "same.jsonl", "-o", "./same.jsonl"], b"");
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("also an input"), "{}", run.stderr);
    assert_eq!(std::fs::read(dir.path().join("same.jsonl")).unwrap(), jsonl(&[RU]), "the input is untouched");

    let run = gazeta_in(Some(dir.path()), &["extract", "-q", "same.jsonl", "-o", "-"], b"");
    assert_eq!(run.status, 0);
    assert_eq!(run.records().len(), 1);
    assert!(!dir.path().join("-").exists());
}

#[test]
fn options_are_checked() {
    assert_eq!(gazeta(&["extract", "-j", "100000"], b"").status, 2, "thread count is bounded");
    let text = "Слово. ".repeat(300);
    let run = gazeta(&["extract", "-q", "--max-text-bytes", "1K"], &jsonl(&[&text]));
    assert_eq!(run.records()[0]["error"]["code"], "too_large");
    assert_eq!(gazeta(&["extract", "--max-text-bytes", "10 parsecs"], b"").status, 2);
}

#[test]
fn summary_and_warnings_speak_plainly() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("notes")).unwrap();
    std::fs::write(dir.path().join("notes/a.md"), "not an article").unwrap();
    let input = "{\"text\": null}\n\u{feff}{\"text\": \"Статья из второго файла, склеенного через cat.\"}\n";
    std::fs::write(dir.path().join("in.jsonl"), input).unwrap();
    let run = gazeta_in(Some(dir.path()), &["extract", "in.jsonl", "notes"], b"");
    let records = run.records();
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["error"]["message"], "`text` is null");
    assert!(records[1]["error"].is_null(), "a BOM opening a later line is skipped too");
    assert!(run.stderr.contains("no *.txt"), "{}", run.stderr);
    assert!(run.stderr.contains("1 error (missing_text 1)"), "{}", run.stderr);
}
