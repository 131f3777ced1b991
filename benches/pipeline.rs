//! Throughput per stage and end to end on the bundled fixture articles (`cargo bench`). Criterion reports MB/s
//! (bytes of UTF-8 text). For whole-corpus figures with both cores and peak memory, see `scripts/throughput.sh`.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use gazeta::stages::{self, Prepared};
use gazeta::{Article, Config, Pipeline};

fn fixture_articles() -> Vec<Article> {
    include_str!("../fixtures/articles.jsonl")
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| {
            let mut a = Article::new(v["id"].clone(), v["text"].as_str()?);
            a.date = v["date"].as_str().map(str::to_string);
            Some(a)
        })
        .collect()
}

fn russian(articles: &[Article]) -> Vec<&Article> {
    articles.iter().filter(|a| stages::detect(&a.text) == "ru").collect()
}

fn text_bytes<'a>(articles: impl IntoIterator<Item = &'a Article>) -> u64 {
    articles.into_iter().map(|a| a.text.len() as u64).sum()
}

fn load(c: &mut Criterion) {
    c.bench_function("load/pipeline_new", |b| b.iter(|| Pipeline::new(Config::default())));
}

fn per_stage(c: &mut Criterion) {
    let articles = fixture_articles();
    let ru = russian(&articles);
    let prepared: Vec<Prepared> = ru.iter().map(|a| Prepared::new(&a.text)).collect();
    let pipeline = Pipeline::new(Config::default());

    let mut group = c.benchmark_group("stage");
    group.throughput(Throughput::Bytes(text_bytes(ru.iter().copied())));
    group.bench_function("lang", |b| b.iter(|| ru.iter().map(|a| stages::detect(&a.text).len()).sum::<usize>()));
    group.bench_function("segment", |b| b.iter(|| ru.iter().map(|a| stages::segment(&a.text, "ru")).sum::<usize>()));
    group.bench_function("entities", |b| {
        b.iter(|| prepared.iter().map(|p| stages::entities(&pipeline, p)).sum::<usize>())
    });
    group.bench_function("entities+quotes", |b| {
        b.iter(|| prepared.iter().map(|p| stages::quotes(&pipeline, p)).sum::<usize>())
    });
    group.bench_function("dates", |b| b.iter(|| prepared.iter().map(|p| stages::dates(&pipeline, p)).sum::<usize>()));
    group.finish();
}

fn end_to_end(c: &mut Criterion) {
    let articles = fixture_articles();
    let pipeline = Pipeline::new(Config::default());
    let mut group = c.benchmark_group("end_to_end");
    group.throughput(Throughput::Bytes(text_bytes(&articles)));
    group.bench_function(BenchmarkId::new("analyze", "fixtures"), |b| {
        b.iter(|| articles.iter().filter_map(|a| pipeline.analyze(a).ok()).map(|r| r.sentences.len()).sum::<usize>())
    });
    group.bench_function(BenchmarkId::new("analyze+json", "fixtures"), |b| {
        let mut buf = Vec::with_capacity(1 << 20);
        b.iter(|| {
            buf.clear();
            for a in &articles {
                gazeta::write_output(&pipeline.analyze(a), &mut buf);
            }
            buf.len()
        })
    });
    group.finish();
}

criterion_group!(benches, load, per_stage, end_to_end);
criterion_main!(benches);
