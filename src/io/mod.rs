//! Reading article dumps: JSONL files, `.txt` files and directories of them, standard input; gzip and zstd
//! anywhere, told by magic bytes. Everything streams: memory holds one line (or one text file) per reader.
//!
//! Every input record yields exactly one item, an [`Article`] or a [`RecordError`]; an input that cannot be
//! opened yields one `unreadable_input` error, a compressed stream that ends early one `truncated_input` error
//! after the records read before it.

mod compress;
mod jsonl;

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

pub use jsonl::Fields;

use crate::article::{Article, ErrorCode, RecordError};
use compress::{Encoding, decode};
use jsonl::JsonlReader;

/// How inputs are read.
#[derive(Debug, Clone)]
pub struct InputOptions {
    /// JSONL field names.
    pub fields: Fields,
    /// Texts over this many bytes become `too_large` errors (and are not kept in memory).
    pub max_text_bytes: usize,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions { fields: Fields::default(), max_text_bytes: crate::pipeline::DEFAULT_MAX_TEXT_BYTES }
    }
}

/// One input named on the command line.
#[derive(Debug, Clone)]
enum Source {
    Stdin,
    Jsonl(PathBuf),
    Text(PathBuf),
    /// A directory and the text files found below it when the inputs were opened.
    Directory(PathBuf, Result<Vec<PathBuf>, String>),
    Missing(PathBuf, String),
}

/// The records of a list of inputs, in order. An `Iterator` of `Result<Article, RecordError>`.
///
/// ```no_run
/// use gazeta::io::{InputOptions, Inputs};
///
/// let inputs = Inputs::open(&["dump.jsonl.gz".into()], InputOptions::default());
/// for record in inputs {
///     match record {
///         Ok(article) => println!("{}", article.text.len()),
///         Err(error) => eprintln!("{error}"),
///     }
/// }
/// ```
pub struct Inputs {
    sources: VecDeque<Source>,
    pending_files: VecDeque<PathBuf>,
    current: Option<Box<dyn Iterator<Item = Result<Article, RecordError>> + Send>>,
    options: InputOptions,
    bytes_read: Arc<AtomicU64>,
    total_bytes: Option<u64>,
}

impl Inputs {
    /// Opens the inputs lazily; `-` (or an empty list) is standard input.
    pub fn open(paths: &[PathBuf], options: InputOptions) -> Self {
        let mut sources = VecDeque::new();
        let mut total = Some(0u64);
        let paths: Vec<PathBuf> = if paths.is_empty() { vec![PathBuf::from("-")] } else { paths.to_vec() };
        for path in paths {
            let source = if path.as_os_str() == "-" {
                Source::Stdin
            } else {
                match std::fs::metadata(&path) {
                    Ok(m) if m.is_dir() => {
                        let files = text_files(&path).map_err(|e| e.to_string());
                        Source::Directory(path, files)
                    }
                    Ok(_) if is_text_file(&path) => Source::Text(path),
                    Ok(_) => Source::Jsonl(path),
                    Err(e) => Source::Missing(path, e.to_string()),
                }
            };
            total = match (&source, total) {
                (Source::Stdin, _) | (_, None) => None,
                (Source::Jsonl(p) | Source::Text(p), Some(t)) => Some(t + file_size(p)),
                (Source::Directory(_, Ok(files)), Some(t)) => Some(t + files.iter().map(|f| file_size(f)).sum::<u64>()),
                (Source::Directory(_, Err(_)), t) => t,
                (Source::Missing(..), t) => t,
            };
            sources.push_back(source);
        }
        Inputs {
            sources,
            pending_files: VecDeque::new(),
            current: None,
            options,
            bytes_read: Arc::new(AtomicU64::new(0)),
            total_bytes: total,
        }
    }

    /// A counter of the input bytes read so far (compressed bytes for compressed input), for progress.
    pub fn bytes_read(&self) -> Arc<AtomicU64> {
        Arc::clone(&self.bytes_read)
    }

    /// The directories among the inputs that hold no text file.
    pub fn empty_directories(&self) -> Vec<&Path> {
        self.sources
            .iter()
            .filter_map(|s| match s {
                Source::Directory(path, Ok(files)) if files.is_empty() => Some(path.as_path()),
                _ => None,
            })
            .collect()
    }

    /// The total size of the inputs in bytes, when every input is a file.
    pub fn total_bytes(&self) -> Option<u64> {
        self.total_bytes
    }

    fn counted<R: Read>(&self, reader: R) -> CountingReader<R> {
        CountingReader { inner: reader, count: Arc::clone(&self.bytes_read) }
    }

    fn open_jsonl(
        &self,
        name: String,
        reader: impl Read + Send + 'static,
    ) -> Box<dyn Iterator<Item = Result<Article, RecordError>> + Send> {
        match decode(self.counted(reader)) {
            Ok((reader, _)) => {
                Box::new(JsonlReader::new(reader, name, self.options.fields.clone(), self.options.max_text_bytes))
            }
            Err(e) => Box::new(std::iter::once(Err(unreadable(&name, &e)))),
        }
    }

    fn read_text_file(&self, path: &Path) -> Result<Article, RecordError> {
        let name = path.display().to_string();
        let file = File::open(path).map_err(|e| unreadable(&name, &e))?;
        let (reader, encoding) = decode(self.counted(file)).map_err(|e| unreadable(&name, &e))?;
        let limit = self.options.max_text_bytes;
        let mut bytes = Vec::new();
        reader.take(limit as u64 + 1).read_to_end(&mut bytes).map_err(|e| {
            let code = if encoding == Encoding::Plain { ErrorCode::UnreadableInput } else { ErrorCode::TruncatedInput };
            RecordError::new(name.clone(), code, format!("{name}: {e}"))
        })?;
        if bytes.len() > limit {
            return Err(RecordError::new(
                name,
                ErrorCode::TooLarge,
                format!("text is over the limit of {limit} bytes"),
            ));
        }
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        let mut article = Article::new(name, String::new());
        article.text = match simdutf8::basic::from_utf8(body) {
            Ok(s) => s.to_string(),
            Err(_) => {
                article.warnings.push("invalid UTF-8 replaced with U+FFFD".to_string());
                String::from_utf8_lossy(body).into_owned()
            }
        };
        Ok(article)
    }
}

impl Iterator for Inputs {
    type Item = Result<Article, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(current) = &mut self.current {
                match current.next() {
                    Some(item) => return Some(item),
                    None => self.current = None,
                }
            }
            if let Some(path) = self.pending_files.pop_front() {
                return Some(self.read_text_file(&path));
            }
            match self.sources.pop_front()? {
                Source::Stdin => self.current = Some(self.open_jsonl("-".into(), io::stdin())),
                Source::Jsonl(path) => {
                    let name = path.display().to_string();
                    match File::open(&path) {
                        Ok(f) => self.current = Some(self.open_jsonl(name, f)),
                        Err(e) => return Some(Err(unreadable(&name, &e))),
                    }
                }
                Source::Text(path) => return Some(self.read_text_file(&path)),
                Source::Directory(path, files) => match files {
                    Ok(files) => self.pending_files.extend(files),
                    Err(e) => {
                        let name = path.display().to_string();
                        return Some(Err(RecordError::new(
                            name.clone(),
                            ErrorCode::UnreadableInput,
                            format!("{name}: {e}"),
                        )));
                    }
                },
                Source::Missing(path, e) => {
                    let name = path.display().to_string();
                    return Some(Err(RecordError::new(
                        name.clone(),
                        ErrorCode::UnreadableInput,
                        format!("{name}: {e}"),
                    )));
                }
            }
        }
    }
}

fn unreadable(name: &str, e: &io::Error) -> RecordError {
    RecordError::new(name, ErrorCode::UnreadableInput, format!("{name}: {e}"))
}

/// `*.txt`, `*.txt.gz` and `*.txt.zst` files are single articles; everything else is JSONL.
fn is_text_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    [".txt", ".txt.gz", ".txt.zst"].iter().any(|ext| name.ends_with(ext))
}

fn file_size(path: &Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len())
}

/// The text files under `dir`, walked recursively in sorted path order. Symbolic links to directories are
/// not followed (they could loop).
fn text_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<io::Result<_>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            out.extend(text_files(&path)?);
        } else if is_text_file(&path) && (kind.is_file() || path.is_file()) {
            out.push(path);
        }
    }
    Ok(out)
}

/// Counts the bytes read through it.
struct CountingReader<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}
