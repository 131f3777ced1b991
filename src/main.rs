//! The `gazeta` command: argument parsing, progress and the summary. All analysis lives in the library.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use clap::{Args, Parser, Subcommand};
use gazeta::io::{Fields, InputOptions, Inputs};
use gazeta::{Config, ErrorCode, Output, Pipeline};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Exit status when some records became error records.
const EXIT_RECORD_ERRORS: u8 = 1;
/// Exit status when an input could not be read, or the output could not be written.
const EXIT_IO: u8 = 2;

#[derive(Parser)]
#[command(
    name = "gazeta",
    version,
    about = "News articles in, structured JSON out: language, sentences, entities, quotes, dates"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse articles and write one JSON line per input record, in input order.
    Extract(ExtractArgs),
    /// Print the JSON Schema of the output records.
    Schema,
}

const EXTRACT_HELP: &str = "\
Output: one JSON line per input record, in input order (`gazeta schema` prints the JSON Schema). A record that
cannot be analysed becomes {\"id\": …, \"error\": {\"code\", \"message\", \"line\"}} with code invalid_json,
missing_text, invalid_text, empty_text, invalid_utf8, too_large, truncated_input, unreadable_input or
internal_error (a bug in gazeta, caught; the batch goes on).
Ids: the record's id field, else its line number (JSONL) or its path (.txt files).

Exit status: 0 all records analysed (or --allow-errors); 1 some records became error records; 2 an input could
not be read, a compressed input was truncated, the output could not be written, or a bad command line.

Examples:
  gazeta extract dump.jsonl.gz -o out.jsonl
  gazeta extract --text-field body --date-field published news.jsonl
  cat *.jsonl | gazeta extract --reference-date 2025-07-03 > out.jsonl
  gazeta extract articles/ -j 2 --allow-errors -o out.jsonl";

#[derive(Args)]
#[command(after_help = EXTRACT_HELP)]
struct ExtractArgs {
    /// JSONL files, .txt files, or directories (walked for *.txt, *.txt.gz, *.txt.zst); `-` or nothing: stdin
    /// (JSONL). gzip and zstd are read transparently, whatever the name.
    inputs: Vec<PathBuf>,
    /// Write the output here instead of stdout (`-`: stdout).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Worker threads (0: one per core).
    #[arg(short = 'j', long, default_value_t = 0, value_parser = clap::value_parser!(u16).range(0..=256))]
    threads: u16,
    /// JSONL field holding the article text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    text_field: String,
    /// JSONL field holding the article id (the line number when absent).
    #[arg(long, default_value = "id", value_name = "NAME")]
    id_field: String,
    /// JSONL field holding the publication date (YYYY-MM-DD or an ISO 8601 date-time).
    #[arg(long, default_value = "date", value_name = "NAME")]
    date_field: String,
    /// JSONL field holding the title (copied to the output).
    #[arg(long, default_value = "title", value_name = "NAME")]
    title_field: String,
    /// Publication date for records without one: relative dates are resolved against it.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    reference_date: Option<chrono::NaiveDate>,
    /// Texts over this many bytes (suffixes K, M, G: powers of 1024) become `too_large` error records.
    #[arg(long, default_value = "64M", value_name = "BYTES", value_parser = parse_size)]
    max_text_bytes: usize,
    /// Exit 0 even when some records became error records.
    #[arg(long, conflicts_with = "fail_fast")]
    allow_errors: bool,
    /// Stop at the first error record (after writing it), exit 1.
    #[arg(long)]
    fail_fast: bool,
    /// No progress bar and no summary.
    #[arg(short, long)]
    quiet: bool,
}

/// Whether two paths name the same existing file.
fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// A byte count with an optional binary suffix: `1000000`, `512K`, `64M`, `64MiB`, `1G`.
fn parse_size(s: &str) -> Result<usize, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (digits, unit) = t.split_at(split);
    let n: usize = digits.parse().map_err(|_| format!("expected a byte count like 1000000 or 64M, not {s:?}"))?;
    let shift = match unit.to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => return Err(format!("unknown unit {unit:?}: use K, M or G (powers of 1024)")),
    };
    n.checked_mul(1 << shift).ok_or_else(|| format!("{s} is too large"))
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("expected YYYY-MM-DD: {e}"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Schema => {
            print!("{}", gazeta::OUTPUT_SCHEMA);
            ExitCode::SUCCESS
        }
        Command::Extract(args) => extract(args),
    }
}

/// What the summary line reports.
#[derive(Default)]
struct Summary {
    records: u64,
    text_bytes: u64,
    errors: BTreeMap<ErrorCode, u64>,
    langs: BTreeMap<String, u64>,
}

impl Summary {
    fn add(&mut self, output: &Output, text_len: usize) {
        self.records += 1;
        self.text_bytes += text_len as u64;
        match output {
            Ok(a) => {
                *self.langs.entry(a.lang.code.clone()).or_default() += 1;
            }
            Err(e) => *self.errors.entry(e.code).or_default() += 1,
        }
    }

    fn error_count(&self) -> u64 {
        self.errors.values().sum()
    }

    fn line(&self, elapsed: Duration) -> String {
        let secs = elapsed.as_secs_f64().max(1e-9);
        let mb = self.text_bytes as f64 / 1e6;
        let errors = if self.errors.is_empty() {
            "no errors".to_string()
        } else {
            let by_code: Vec<String> = self.errors.iter().map(|(c, n)| format!("{c} {n}")).collect();
            let n = self.error_count();
            format!("{n} error{} ({})", if n == 1 { "" } else { "s" }, by_code.join(", "))
        };
        let mut langs: Vec<(&String, &u64)> = self.langs.iter().collect();
        langs.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let langs: Vec<String> = langs.iter().map(|(l, n)| format!("{l} {n}")).collect();
        let peak = peak_rss_mb().map_or(String::new(), |mb| format!("; peak RSS {mb:.0} MB"));
        format!(
            "gazeta: {} records, {errors}; {mb:.2} MB of text in {secs:.2} s ({:.2} MB/s, {:.0} articles/s); languages: {}{peak}",
            self.records,
            mb / secs,
            self.records as f64 / secs,
            if langs.is_empty() { "none".to_string() } else { langs.join(", ") }
        )
    }
}

fn extract(args: ExtractArgs) -> ExitCode {
    let threads = match args.threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => usize::from(n),
    };
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(pool) => pool,
        Err(e) => {
            eprintln!("gazeta: cannot start {threads} threads: {e}");
            return ExitCode::from(EXIT_IO);
        }
    };
    if let Some(path) = args.output.as_deref().filter(|p| p.as_os_str() != "-")
        && let Some(input) = args.inputs.iter().find(|i| same_file(i, path))
    {
        eprintln!(
            "gazeta: the output {} is also an input ({}): refusing to overwrite it",
            path.display(),
            input.display()
        );
        return ExitCode::from(EXIT_IO);
    }
    let out: Box<dyn Write + Send> = match args.output.as_deref().filter(|p| p.as_os_str() != "-") {
        Some(path) => match File::create(path) {
            Ok(f) => Box::new(BufWriter::with_capacity(1 << 20, f)),
            Err(e) => {
                eprintln!("gazeta: cannot write {}: {e}", path.display());
                return ExitCode::from(EXIT_IO);
            }
        },
        None => Box::new(BufWriter::with_capacity(1 << 20, io::stdout())),
    };
    let config = Config { reference_date: args.reference_date, max_text_bytes: args.max_text_bytes };
    let fields = Fields { text: args.text_field, id: args.id_field, date: args.date_field, title: args.title_field };
    let inputs = Inputs::open(&args.inputs, InputOptions { fields, max_text_bytes: args.max_text_bytes });
    if !args.quiet {
        for dir in inputs.empty_directories() {
            eprintln!("gazeta: warning: no *.txt, *.txt.gz or *.txt.zst files under {}", dir.display());
        }
    }
    let bytes_read = inputs.bytes_read();
    let progress = progress_bar(args.quiet, inputs.total_bytes());
    let pipeline = Pipeline::new(config);

    let started = Instant::now();
    let mut summary = Summary::default();
    let mut unreadable = false;
    let written = pool.install(|| {
        pipeline.write_jsonl(inputs, out, |output, text_len| {
            summary.add(output, text_len);
            if summary.records % 32 == 0 {
                progress.set_position(bytes_read.load(Ordering::Relaxed));
                progress.set_message(format!("{} articles", summary.records));
            }
            match output {
                Err(e) => {
                    unreadable |= matches!(e.code, ErrorCode::UnreadableInput | ErrorCode::TruncatedInput);
                    if args.fail_fast { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
                }
                Ok(_) => ControlFlow::Continue(()),
            }
        })
    });
    progress.finish_and_clear();
    // A closed pipe (`gazeta extract … | head`) is the reader's choice, not an error.
    if let Err(e) = written
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        eprintln!("gazeta: cannot write the output: {e}");
        return ExitCode::from(EXIT_IO);
    }
    if !args.quiet {
        eprintln!("{}", summary.line(started.elapsed()));
    }
    if unreadable {
        ExitCode::from(EXIT_IO)
    } else if summary.error_count() > 0 && !args.allow_errors {
        ExitCode::from(EXIT_RECORD_ERRORS)
    } else {
        ExitCode::SUCCESS
    }
}

/// The process's peak resident memory in MB (Linux), for the summary.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn progress_bar(quiet: bool, total: Option<u64>) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = match total {
        Some(t) => ProgressBar::new(t).with_style(
            ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {wide_bar} {decimal_bytes}/{decimal_total_bytes} {decimal_bytes_per_sec} ETA {eta} {msg}",
            )
            .expect("valid template"),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} [{elapsed_precise}] {decimal_bytes} {decimal_bytes_per_sec} {msg}")
                .expect("valid template"),
        ),
    };
    bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(4));
    bar
}
