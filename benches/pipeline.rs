//! Throughput per stage and end to end (`cargo bench`); criterion reports MB/s of UTF-8 text. The articles are the
//! bundled fixtures, or any JSONL file with a `text` field named by `GAZETA_BENCH_CORPUS` (e.g. the factRuEval dev
//! set: `GAZETA_BENCH_CORPUS=../shared/eval/dev/factru-dev.gold.jsonl cargo bench`). Per-stage figures are warm:
//! the same articles are analysed many times. For whole-corpus figures with both cores and peak memory, see
//! `scripts/throughput.sh`.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use gazeta::stages::{self, Prepared};
use gazeta::{Article, Config, Pipeline};

fn fixture_articles() -> Vec<Article> {
    let corpus = match std::env::var("GAZETA_BENCH_CORPUS") {
        Ok(path) => std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("GAZETA_BENCH_CORPUS {path}: {e}")),
        Err(_) => include_str!("../fixtures/articles.jsonl").to_string(),
    };
    corpus
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
    group.throughput(Throughput::BytesDecimal(text_bytes(ru.iter().copied())));
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

/// The splitter on article-sized text in other scripts (the generic rules, CJK and Arabic punctuation).
fn segment_scripts(c: &mut Criterion) {
    let samples = [
        ("en", "Mr. Smith met Dr. Jones in Washington, D.C. on Monday. \"We agreed,\" he said. Shares rose 3.5%.\n"),
        ("zh", "习近平主席今天会见了托卡耶夫总统。双方讨论了“一带一路”合作！会谈持续了两个小时。\n"),
        ("ar", "وصل الرئيس إلى المدينة. بدأ الاجتماع في الساعة العاشرة؟ نعم، وانتهى بعد ساعتين.\n"),
    ];
    let mut group = c.benchmark_group("segment_script");
    for (lang, sample) in samples {
        let text = sample.repeat(4000 / sample.len() + 1);
        group.throughput(Throughput::BytesDecimal(text.len() as u64));
        group.bench_function(lang, |b| b.iter(|| stages::segment(&text, lang)));
    }
    group.finish();
}

fn end_to_end(c: &mut Criterion) {
    let articles = fixture_articles();
    let pipeline = Pipeline::new(Config::default());
    let corpus = std::env::var("GAZETA_BENCH_CORPUS").map_or("fixtures".to_string(), |p| {
        std::path::Path::new(&p).file_name().map_or(p.clone(), |n| n.to_string_lossy().into_owned())
    });
    let mut group = c.benchmark_group("end_to_end");
    group.throughput(Throughput::BytesDecimal(text_bytes(&articles)));
    group.bench_function(BenchmarkId::new("analyze", &corpus), |b| {
        b.iter(|| articles.iter().filter_map(|a| pipeline.analyze(a).ok()).map(|r| r.sentences.len()).sum::<usize>())
    });
    group.bench_function(BenchmarkId::new("analyze+json", &corpus), |b| {
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

criterion_group!(benches, load, per_stage, segment_scripts, end_to_end);
criterion_main!(benches);
