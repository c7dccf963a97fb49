//! Generates a crate for every model in a directory, then checks and lints the crates in one
//! scratch workspace: the proof that the generator handles models nobody here wrote.

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use codegen::Settings;

use crate::{files, models};

/// Services checked by `--check sample`: small enough for CI, and together covering recursion,
/// unions, documents, timestamps, blobs, streaming blobs and event streams, members named after
/// keywords, `@enum` strings, resources, and each of the five protocols in the corpus.
pub const SAMPLE: &[&str] = &[
    "accessanalyzer",  // restJson1; unions, resources, timestamps, `@enum` strings, a `type` member
    "amplifybackend",  // restJson1; the project's own service
    "bedrock-runtime", // restJson1; documents, event streams, blobs, `match` and `type` members
    "cloudwatch-logs", // awsJson1_1; event streams, unions
    "dynamodb",        // awsJson1_0; the recursive AttributeValue union, blobs
    "emr-serverless",  // restJson1; recursion, `@enum` strings, resources
    "freetier",        // awsJson1_0; recursive expression structures
    "glacier",         // restJson1; streaming blobs, `type` and `Use` members
    "inspector-scan",  // restJson1; documents
    "kinesis",         // awsJson1_1; an event stream, blobs, timestamps
    "lex-runtime-v2",  // restJson1; streaming blobs, event streams, recursion
    "rds-data",        // restJson1; recursive unions, `@enum` strings, blobs
    "route-53",        // restXml; timestamps, a `Type` member
    "s3-control",      // restXml; unions, timestamps
    "sqs",             // awsJson1_0 with awsQuery compatibility; blobs
    "sts",             // awsQuery; timestamps
    "sns",             // awsQuery; blobs, timestamps
];

/// What to check after generating.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Check {
    /// Generate only.
    None,
    /// Check every generated crate.
    All,
    /// Check the services named.
    Only(Vec<String>),
}

/// The outcome for one model.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// The model file's stem, which names its crate.
    pub name: String,
    /// Shapes defined in the model (prelude excluded).
    pub shapes: usize,
    /// Lines of Rust generated.
    pub lines: usize,
    /// Time to load the model and generate its files, without writing them.
    pub generation: Duration,
    /// Why generation failed, if it did.
    pub generation_error: Option<String>,
    /// The check result: `None` when not checked.
    pub check: Option<CheckResult>,
}

/// The result of checking one crate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CheckResult {
    /// Compiles with no warning and no clippy lint.
    Clean,
    /// Does not compile: the first error.
    Error(String),
    /// Compiles, with warnings or lints that `-D warnings` rejects: the first of them.
    Warning(String),
}

/// The model files of `dir`, sorted.
pub fn model_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut found: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    found.sort();
    Ok(found)
}

/// Generates every model into `out/<name>/`, on every core, reporting progress on stderr when
/// `progress` is set.
pub fn generate_all(models: &[PathBuf], out: &Path, progress: bool) -> Vec<Outcome> {
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let outcomes = Mutex::new(Vec::with_capacity(models.len()));
    let workers = std::thread::available_parallelism().map_or(1, usize::from).min(models.len().max(1));
    // The largest models first, so that the workers finish together rather than one of them
    // starting a large model when the others have nothing left to do.
    let mut order: Vec<(u64, &PathBuf)> =
        models.iter().map(|m| (fs::metadata(m).map_or(0, |meta| meta.len()), m)).collect();
    order.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                while let Some(&(_, model)) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let outcome = generate_one(model, out);
                    let finished = done.fetch_add(1, Ordering::Relaxed) + 1;
                    let status = if outcome.generation_error.is_some() { "FAILED" } else { "ok" };
                    if progress {
                        eprintln!(
                            "[{finished}/{}] generated {} ({} lines, {:.0} ms) {status}",
                            models.len(),
                            outcome.name,
                            outcome.lines,
                            outcome.generation.as_secs_f64() * 1000.0
                        );
                    }
                    outcomes.lock().unwrap_or_else(|e| e.into_inner()).push(outcome);
                }
            });
        }
    });
    let mut outcomes = outcomes.into_inner().unwrap_or_else(|e| e.into_inner());
    outcomes.sort_by(|a, b| a.name.cmp(&b.name));
    outcomes
}

fn generate_one(model: &Path, out: &Path) -> Outcome {
    let name = model.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let mut outcome = Outcome {
        name: name.clone(),
        shapes: 0,
        lines: 0,
        generation: Duration::ZERO,
        generation_error: None,
        check: None,
    };
    let started = Instant::now();
    let result = models::load(&[model.to_path_buf()]).and_then(|model| {
        outcome.shapes = model.shapes().filter(|s| !s.id.is_prelude()).count();
        // Models are generated in parallel already, one per core; each renders on one thread.
        let settings =
            Settings::new(name.clone()).generated_by(format!("`cargo xtask corpus` from `{name}.json`")).threads(1);
        codegen::generate(&model, &settings)
    });
    outcome.generation = started.elapsed();
    match result {
        Ok(generated) => {
            outcome.lines = generated.line_count();
            let dir = out.join(&name);
            let written = files::write(&generated, &dir, &files::Options::default());
            if let Err(error) = written {
                outcome.generation_error = Some(format!("writing {}: {error}", dir.display()));
            }
        }
        Err(diagnostics) => {
            outcome.generation_error = Some(diagnostics.iter().next().map_or_else(String::new, ToString::to_string));
        }
    }
    outcome
}

/// Checks and lints the crates `names` under `out` in one cargo workspace; returns each crate's
/// result and the time the build took.
///
/// One `cargo clippy` build gives both results: clippy runs `cargo check`'s analysis, so an error
/// means the crate does not compile, and any warning (rustc's or clippy's) is what
/// `cargo clippy -- -D warnings` would reject. Crates are built with all features (`serde`,
/// `http`), whose code includes everything the plain build compiles.
pub fn check(out: &Path, names: &[String]) -> Result<(BTreeMap<String, CheckResult>, Duration), String> {
    let members: Vec<String> = names.iter().map(|n| format!("    \"{n}\",")).collect();
    let manifest = format!(
        "# Written by `cargo xtask corpus`: the generated crates it checks.\n\
         [workspace]\nresolver = \"2\"\nmembers = [\n{}\n]\n",
        members.join("\n")
    );
    fs::write(out.join("Cargo.toml"), manifest).map_err(|e| format!("{}: {e}", out.display()))?;
    let started = Instant::now();
    let mut child = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        // With every feature: the serde and http code is a superset of the plain build.
        .args(["clippy", "--workspace", "--all-features", "--message-format=json", "--quiet"])
        .current_dir(out)
        .env("CARGO_TARGET_DIR", out.join("target"))
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    let stdout = child.stdout.take().ok_or("no cargo output")?;
    let mut results: BTreeMap<String, CheckResult> = BTreeMap::new();
    let mut finished = 0;
    for line in BufReader::new(stdout).lines() {
        let Ok(line) = line else { break };
        let Ok(message) = serde_json::from_str::<serde_json::Value>(&line) else { continue };
        let package = message["target"]["name"].as_str().unwrap_or_default().replace('_', "-");
        match message["reason"].as_str() {
            Some("compiler-message") => {
                let level = message["message"]["level"].as_str().unwrap_or_default();
                let rendered = message["message"]["rendered"].as_str().unwrap_or_default().trim().to_owned();
                let entry = results.entry(package).or_insert(CheckResult::Clean);
                match (level, &*entry) {
                    ("error", CheckResult::Error(_)) => {}
                    ("error", _) => *entry = CheckResult::Error(rendered),
                    ("warning", CheckResult::Clean) => *entry = CheckResult::Warning(rendered),
                    _ => {}
                }
            }
            Some("compiler-artifact") if names.contains(&package) => {
                finished += 1;
                eprintln!("[{finished}/{}] checked {package}", names.len());
                results.entry(package).or_insert(CheckResult::Clean);
            }
            _ => {}
        }
    }
    let status = child.wait().map_err(|e| format!("cargo: {e}"))?;
    let elapsed = started.elapsed();
    for name in names {
        // A crate whose dependencies failed never reports; cargo's own failure explains it.
        results.entry(name.clone()).or_insert_with(|| {
            CheckResult::Error(format!("cargo clippy exited with {status} before checking this crate"))
        });
    }
    Ok((results, elapsed))
}

/// The table and the summary line.
pub fn report(outcomes: &[Outcome], generation_wall: Duration, check_time: Option<Duration>) -> (String, bool) {
    let mut text = format!("{:<36} {:>7} {:>9} {:>8}  {}\n", "service", "shapes", "lines", "gen ms", "check");
    let (mut passed, mut failed) = (0, 0);
    let mut first_failure = None;
    for outcome in outcomes {
        let result = match (&outcome.generation_error, &outcome.check) {
            (Some(error), _) => Err(format!("generation failed: {error}")),
            (None, None) => Ok("not checked"),
            (None, Some(CheckResult::Clean)) => Ok("ok (check, clippy)"),
            (None, Some(CheckResult::Error(error))) => Err(format!("check failed: {error}")),
            (None, Some(CheckResult::Warning(warning))) => Err(format!("clippy failed: {warning}")),
        };
        let cell = match &result {
            Ok(cell) => (*cell).to_owned(),
            Err(error) => error.split(':').next().unwrap_or("failed").to_owned(),
        };
        text.push_str(&format!(
            "{:<36} {:>7} {:>9} {:>8.1}  {cell}\n",
            outcome.name,
            outcome.shapes,
            outcome.lines,
            outcome.generation.as_secs_f64() * 1000.0
        ));
        match result {
            Ok(_) => passed += 1,
            Err(error) => {
                failed += 1;
                first_failure.get_or_insert((outcome.name.clone(), error));
            }
        }
    }
    let shapes: usize = outcomes.iter().map(|o| o.shapes).sum();
    let lines: usize = outcomes.iter().map(|o| o.lines).sum();
    let generation: Duration = outcomes.iter().map(|o| o.generation).sum();
    text.push_str(&format!(
        "\n{} models, {shapes} shapes, {lines} lines generated; generation {:.2} s wall ({:.2} s summed over models){}\n",
        outcomes.len(),
        generation_wall.as_secs_f64(),
        generation.as_secs_f64(),
        check_time.map_or_else(String::new, |t| format!("; check and clippy {:.1} s", t.as_secs_f64())),
    ));
    if let Some((name, error)) = &first_failure {
        text.push_str(&format!("\nfirst failure: {name}\n{error}\n"));
    }
    text.push_str(&format!("{passed} passed, {failed} failed\n"));
    (text, failed == 0)
}
