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
use gazeta::{Config, DEFAULT_MAX_TEXT_BYTES, ErrorCode, Output, Pipeline};
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

#[derive(Args)]
struct ExtractArgs {
    /// JSONL files, .txt files or directories of them (.gz and .zst read transparently); `-` or nothing: stdin.
    inputs: Vec<PathBuf>,
    /// Write the output here instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Worker threads (0: one per core).
    #[arg(short = 'j', long, default_value_t = 0)]
    threads: usize,
    /// JSONL field holding the article text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    text_field: String,
    /// JSONL field holding the article id (the line number when absent).
    #[arg(long, default_value = "id", value_name = "NAME")]
    id_field: String,
    /// JSONL field holding the publication date (YYYY-MM-DD).
    #[arg(long, default_value = "date", value_name = "NAME")]
    date_field: String,
    /// JSONL field holding the title (copied to the output).
    #[arg(long, default_value = "title", value_name = "NAME")]
    title_field: String,
    /// Publication date for records without one: relative dates are resolved against it.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    reference_date: Option<chrono::NaiveDate>,
    /// Texts over this many bytes become `too_large` error records.
    #[arg(long, default_value_t = DEFAULT_MAX_TEXT_BYTES, value_name = "BYTES")]
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
            format!("{} errors ({})", self.error_count(), by_code.join(", "))
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
    let threads =
        if args.threads == 0 { std::thread::available_parallelism().map_or(1, |n| n.get()) } else { args.threads };
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(pool) => pool,
        Err(e) => {
            eprintln!("gazeta: cannot start {threads} threads: {e}");
            return ExitCode::from(EXIT_IO);
        }
    };
    let out: Box<dyn Write + Send> = match &args.output {
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
    if !args.quiet {
        eprintln!("{}", summary.line(started.elapsed()));
    }
    // A closed pipe (`gazeta extract … | head`) is the reader's choice, not an error.
    if let Err(e) = written
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        eprintln!("gazeta: cannot write the output: {e}");
        return ExitCode::from(EXIT_IO);
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
                "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {msg}",
            )
            .expect("valid template"),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} [{elapsed_precise}] {bytes} {bytes_per_sec} {msg}")
                .expect("valid template"),
        ),
    };
    bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(4));
    bar
}
