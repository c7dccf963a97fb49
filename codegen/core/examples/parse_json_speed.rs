//! The cost of reading JSON strictly: `parse_json` against plain `serde_json::from_str` on the
//! largest AWS models of `../shared/models/aws`, interleaved run by run so that both see the
//! same machine load. `cargo run --release -p smithy-core --example parse_json_speed -- 20`
//! reads each model 20 times (default 10) with each and prints the medians.

use std::time::{Duration, Instant};

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples.get(samples.len() / 2).copied().unwrap_or_default()
}

fn main() {
    let runs: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(10).max(1);
    let models = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/models/aws");
    println!("{:<16} {:>8} {:>12} {:>12} {:>8}", "model", "MB", "serde_json", "parse_json", "ratio");
    for name in ["sagemaker", "quicksight", "s3", "connect", "rds"] {
        let path = models.join(format!("{name}.json"));
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("note: {} is absent; skipped", path.display());
            continue;
        };
        let (mut loose, mut strict) = (Vec::new(), Vec::new());
        for _ in 0..runs {
            let started = Instant::now();
            let value: serde_json::Value = serde_json::from_str(&text).expect("the model is JSON");
            loose.push(started.elapsed());
            drop(value);
            let started = Instant::now();
            let value = smithy_core::parse_json(&text).expect("the model has no repeated keys");
            strict.push(started.elapsed());
            drop(value);
        }
        let (loose, strict) = (median(loose), median(strict));
        println!(
            "{name:<16} {:>8.2} {:>9.1} ms {:>9.1} ms {:>8.2}",
            text.len() as f64 / 1e6,
            loose.as_secs_f64() * 1e3,
            strict.as_secs_f64() * 1e3,
            strict.as_secs_f64() / loose.as_secs_f64().max(1e-9)
        );
    }
}
