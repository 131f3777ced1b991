//! End-to-end and per-stage throughput on the bundled fixtures. See README "Performance".
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gazeta::{Article, Config, Pipeline};

fn fixture_articles() -> Vec<Article> {
    let data = include_str!("../fixtures/articles.jsonl");
    data.lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| Some(Article::new(v["id"].clone(), v["text"].as_str()?)))
        .collect()
}

fn end_to_end(c: &mut Criterion) {
    let articles = fixture_articles();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let pipeline = Pipeline::new(Config::default());
    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("analyze_fixtures", |b| {
        b.iter(|| articles.iter().map(|a| pipeline.analyze(a).map(|r| r.sentences.len()).unwrap_or(0)).sum::<usize>())
    });
    group.finish();
}

criterion_group!(benches, end_to_end);
criterion_main!(benches);
