//! Bad input never crashes a batch and never loses a record: one output line per input record, in order.

mod common;

use common::{gazeta, gazeta_in};
use serde_json::Value;
use std::io::Write;

fn codes(records: &[Value]) -> Vec<&str> {
    records.iter().map(|r| r["error"]["code"].as_str().unwrap_or("ok")).collect()
}

#[test]
fn four_bad_records_of_six_give_six_lines() {
    let mut input = Vec::new();
    input.extend_from_slice(
        "{\"id\": \"good-1\", \"text\": \"Аким Алматы провел совещание. Оно прошло в среду.\"}\n".as_bytes(),
    );
    input.extend_from_slice(b"{\"id\": \"broken\", \"text\": \"unterminated\n");
    input.extend_from_slice(b"{\"id\": \"no-text\", \"title\": \"Headline only\"}\n");
    input.extend_from_slice(b"{\"id\": \"empty\", \"text\": \"  \\n \"}\n");
    input.extend_from_slice(b"{\"id\": \"bad-utf8\", \"text\": \"\xd0\xbf\xff\xfe\"}\n");
    input.extend_from_slice(b"{\"id\": \"good-2\", \"text\": \"The minister arrived in Astana on Monday.\"}\n");
    let run = gazeta(&["extract", "-q"], &input);
    let records = run.records();
    assert_eq!(codes(&records), ["ok", "invalid_json", "missing_text", "empty_text", "invalid_utf8", "ok"]);
    assert_eq!(records[0]["id"], "good-1");
    assert_eq!(records[0]["lang"]["code"], "ru");
    assert_eq!(records[0]["sentences"].as_array().unwrap().len(), 2);
    assert_eq!(records[5]["id"], "good-2");
    assert_eq!(records[5]["lang"]["code"], "en");
    // Ids that could be read are kept; lines are physical line numbers.
    assert_eq!(records[2]["id"], "no-text");
    assert_eq!(records[1]["id"], 2);
    assert_eq!(records[1]["error"]["line"], 2);
    assert_eq!(records[3]["error"]["line"], 4);
    assert_eq!(records[4]["error"]["line"], 5);
    assert_eq!(run.status, 1, "record errors exit 1");
    assert!(run.stderr.is_empty(), "-q prints nothing: {}", run.stderr);

    let allowed = gazeta(&["extract", "--allow-errors"], &input);
    assert_eq!(allowed.status, 0);
    assert_eq!(allowed.stdout, run.stdout);
    assert!(allowed.stderr.contains("4 errors"), "summary counts errors: {}", allowed.stderr);
    assert!(allowed.stderr.contains("invalid_json 1"), "summary counts by code: {}", allowed.stderr);
}

#[test]
fn binary_junk_and_odd_json_become_error_records() {
    let mut input = Vec::new();
    let junk: Vec<u8> =
        (0u32..4000).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).filter(|&b| b != b'\n').collect();
    input.extend_from_slice(&junk);
    input.push(b'\n');
    input.extend_from_slice(b"[1, 2, 3]\n");
    input.extend_from_slice(b"\"just a string\"\n");
    input.extend_from_slice(b"{\"text\": 42}\n");
    input.extend_from_slice(b"{\"text\": {\"nested\": true}}\n");
    input.extend_from_slice(format!("{{\"text\": {}{}}}\n", "[".repeat(50_000), "]".repeat(50_000)).as_bytes());
    input.extend_from_slice(b"{\"text\": \"ok \\ud800 surrogate\"}\n");
    input.extend_from_slice(b"\x00\x00\x00\n");
    let run = gazeta(&["extract", "-q"], &input);
    let records = run.records();
    assert_eq!(
        codes(&records),
        [
            "invalid_utf8",
            "invalid_json",
            "invalid_json",
            "invalid_text",
            "invalid_text",
            "invalid_json",
            "ok",
            "invalid_json"
        ]
    );
    assert_eq!(records[6]["warnings"].as_array().unwrap().len(), 1, "a lone surrogate is a warning");
    assert!(records[6]["sentences"].is_array());
}

#[test]
fn blank_lines_bom_crlf_and_line_separators() {
    let input = "\u{feff}{\"text\": \"Первая строка.\"}\r\n\r\n   \n{\"id\": 10, \"text\": \"Текст\u{2028}с разделителем.\"}\r\n{\"text\": \"Третья.\"}";
    let run = gazeta(&["extract", "-q"], input.as_bytes());
    let records = run.records();
    assert_eq!(records.len(), 3, "blank lines are not records");
    assert_eq!(records[0]["id"], 1);
    assert_eq!(records[1]["id"], 10, "a numeric id stays a number");
    assert_eq!(records[2]["id"], 5, "a record without id gets its physical line number");
    assert_eq!(run.status, 0);
}

#[test]
fn oversized_articles_are_refused_and_large_ones_analysed() {
    // 50 MB of text over a 10 MB limit: refused, without the batch stopping.
    let sentence = "Правительство Казахстана утвердило план развития транспорта на 2025 год. ";
    let big: String = sentence.repeat(50_000_000 / sentence.len() + 1);
    let mut input = Vec::new();
    serde_json::to_writer(&mut input, &serde_json::json!({"id": "huge", "text": big})).unwrap();
    input.extend_from_slice("\n{\"id\": \"after\", \"text\": \"Встреча прошла в Астане.\"}\n".as_bytes());
    let run = gazeta(&["extract", "-q", "--max-text-bytes", "10000000"], &input);
    let records = run.records();
    assert_eq!(codes(&records), ["too_large", "ok"]);
    assert_eq!(records[0]["error"]["line"], 1);

    // The same 50 MB as a text file: also refused at the limit.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("huge.txt"), &big).unwrap();
    let run = gazeta_in(Some(dir.path()), &["extract", "-q", "--max-text-bytes", "10000000", "huge.txt"], b"");
    assert_eq!(codes(&run.records()), ["too_large"]);

    // 2 MB is analysed in full.
    let large: String = sentence.repeat(2_000_000 / sentence.len());
    let run = gazeta(&["extract", "-q"], &common::jsonl(&[&large]));
    let records = run.records();
    assert_eq!(codes(&records), ["ok"]);
    assert_eq!(records[0]["sentences"].as_array().unwrap().len(), 2_000_000 / sentence.len());
}

#[test]
fn invalid_utf8_text_files_are_read_lossily() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        b"\xef\xbb\xbf\xd0\x9c\xd1\x8d\xd1\x80 \xff\xfe \xd0\xbf\xd1\x80\xd0\xb8\xd0\xb1\xd1\x8b\xd0\xbb.",
    )
    .unwrap();
    let run = gazeta_in(Some(dir.path()), &["extract", "-q", "a.txt"], b"");
    let records = run.records();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["id"], "a.txt");
    assert_eq!(records[0]["warnings"][0], "invalid UTF-8 replaced with U+FFFD");
    assert_eq!(run.status, 0);
}

#[test]
fn unreadable_inputs_give_an_error_record_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ok.jsonl"), "{\"text\": \"Всё хорошо.\"}\n").unwrap();
    let run = gazeta_in(Some(dir.path()), &["extract", "-q", "missing.jsonl", "ok.jsonl"], b"");
    let records = run.records();
    assert_eq!(codes(&records), ["unreadable_input", "ok"]);
    assert_eq!(records[0]["id"], "missing.jsonl");
    assert_eq!(run.status, 2);
}

#[test]
fn truncated_compressed_input_keeps_what_was_read() {
    let mut lines = String::new();
    for i in 0..2000 {
        lines.push_str(&format!(
            "{{\"id\": {i}, \"text\": \"Новость номер {i}: аким города провел встречу с жителями.\"}}\n"
        ));
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(lines.as_bytes()).unwrap();
    let full = gz.finish().unwrap();
    let cut = &full[..full.len() * 2 / 3];
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("cut.jsonl.gz"), cut).unwrap();
    let run = gazeta_in(Some(dir.path()), &["extract", "-q", "cut.jsonl.gz"], b"");
    let records = run.records();
    let last = records.last().unwrap();
    assert_eq!(last["error"]["code"], "truncated_input");
    assert_eq!(last["id"], "cut.jsonl.gz");
    let good = &records[..records.len() - 1];
    assert!(good.len() > 100 && good.len() < 2000, "{} records before the cut", good.len());
    for (i, r) in good.iter().enumerate() {
        assert_eq!(r["id"], i, "records before the cut are intact and in order");
    }
    assert_ne!(run.status, 0);
}

#[test]
fn fail_fast_stops_after_the_first_error() {
    let input = "{\"text\": \"Первая.\"}\n{\"text\": 1}\n{\"text\": \"Третья.\"}\n";
    let run = gazeta(&["extract", "-q", "--fail-fast"], input.as_bytes());
    assert_eq!(codes(&run.records()), ["ok", "invalid_text"]);
    assert_eq!(run.status, 1);
}
