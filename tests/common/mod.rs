//! Helpers shared by the integration tests: run the CLI, read its JSON lines, check spans.
#![allow(dead_code)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// The result of one `gazeta` run.
pub struct Run {
    pub status: i32,
    pub stdout: Vec<u8>,
    pub stderr: String,
}

impl Run {
    /// Stdout as parsed JSON lines (panics on a line that is not JSON: the output contract).
    pub fn records(&self) -> Vec<Value> {
        String::from_utf8(self.stdout.clone())
            .expect("output is UTF-8")
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("output line is not JSON ({e}): {l}")))
            .collect()
    }
}

/// Runs `gazeta ARGS` with `stdin` as standard input.
pub fn gazeta(args: &[&str], stdin: &[u8]) -> Run {
    gazeta_in(None, args, stdin)
}

/// Runs `gazeta ARGS` in directory `dir`.
pub fn gazeta_in(dir: Option<&Path>, args: &[&str], stdin: &[u8]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gazeta"));
    cmd.args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    if let Some(dir) = dir {
        cmd.current_dir(dir);
    }
    let mut child = cmd.spawn().expect("gazeta starts");
    let mut input = child.stdin.take().expect("stdin");
    let data = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let Output { status, stdout, stderr } = child.wait_with_output().expect("gazeta runs");
    feeder.join().unwrap();
    Run { status: status.code().unwrap_or(-1), stdout, stderr: String::from_utf8_lossy(&stderr).into_owned() }
}

/// The fixture articles bundled with the repository.
pub fn fixture_path(name: &str) -> String {
    format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// Code points `[start, end)` of `text`.
pub fn slice(text: &str, start: u64, end: u64) -> String {
    text.chars().skip(start as usize).take((end - start) as usize).collect()
}

/// Asserts that every span of `record` lies inside `text` and that every `text` field equals its slice.
pub fn assert_spans_match(record: &Value, text: &str) {
    let len = text.chars().count() as u64;
    let check = |span: &Value, what: &str| {
        let (s, e) = (span["start"].as_u64().unwrap(), span["end"].as_u64().unwrap());
        assert!(s <= e && e <= len, "{what} [{s}, {e}) out of the text (length {len})");
        if let Some(t) = span.get("text") {
            assert_eq!(t.as_str().unwrap(), slice(text, s, e), "{what} text differs from its slice");
        }
    };
    for s in record["sentences"].as_array().unwrap() {
        check(s, "sentence");
    }
    for m in record["mentions"].as_array().unwrap() {
        check(m, "mention");
    }
    for q in record["quotes"].as_array().unwrap() {
        check(q, "quote");
        for part in ["cue", "speaker"] {
            if !q[part].is_null() {
                check(&q[part], part);
            }
        }
    }
    for d in record["dates"].as_array().unwrap() {
        check(d, "date");
    }
}

/// Writes `lines` as a JSONL file of records `{"id": i, "text": …}`.
pub fn jsonl(texts: &[&str]) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        serde_json::to_writer(&mut out, &serde_json::json!({"id": i + 1, "text": t})).unwrap();
        out.push(b'\n');
    }
    out
}
