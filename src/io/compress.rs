//! Transparent decompression: gzip (every member) and zstd (every frame), told by their magic bytes.

use std::io::{self, BufRead, BufReader, Read};

const GZIP_MAGIC: &[u8] = &[0x1f, 0x8b];
const ZSTD_MAGIC: &[u8] = &[0x28, 0xb5, 0x2f, 0xfd];

/// How an input stream is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Encoding {
    Plain,
    Gzip,
    Zstd,
}

/// Wraps `reader` in the decoder its first bytes call for.
pub(crate) fn decode(reader: impl Read + Send + 'static) -> io::Result<(Box<dyn BufRead + Send>, Encoding)> {
    let mut buffered = BufReader::with_capacity(1 << 16, reader);
    let head = buffered.fill_buf()?;
    Ok(if head.starts_with(GZIP_MAGIC) {
        let decoder = flate2::bufread::MultiGzDecoder::new(buffered);
        (Box::new(BufReader::with_capacity(1 << 16, decoder)), Encoding::Gzip)
    } else if head.starts_with(ZSTD_MAGIC) {
        let decoder = zstd::stream::read::Decoder::with_buffer(buffered)?;
        (Box::new(BufReader::with_capacity(1 << 16, decoder)), Encoding::Zstd)
    } else {
        (Box::new(buffered), Encoding::Plain)
    })
}
