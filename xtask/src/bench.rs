//! `cargo xtask bench`: the project's benchmarks. Each prints medians over repeated runs; none is
//! a timed test.
//!
//! - `generate`: generation speed per model and for the whole corpus, by stage, against the floor of
//!   only parsing the same JSON;
//! - `compile`: the compile time and peak memory of one generated crate against the crate AWS
//!   publishes for the same service, each alone with its dependencies already built.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use codegen::{ModelAssembler, ServiceIndex, Settings, Symbols};

use crate::{corpus, files};

/// The median of some durations.
pub fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples.get(samples.len() / 2).copied().unwrap_or_default()
}

/// How long each stage of generating one model took.
#[derive(Clone, Copy, Debug, Default)]
pub struct Stages {
    /// Reading the file and parsing its JSON.
    pub parse: Duration,
    /// Turning the JSON into the checked model.
    pub load: Duration,
    /// Finding what the service reaches.
    pub index: Duration,
    /// Naming everything.
    pub name: Duration,
    /// Writing the Rust text of every file.
    pub render: Duration,
    /// Writing changed files to disk (comparing with what is there).
    pub write: Duration,
}

impl Stages {
    fn total(&self) -> Duration {
        self.parse + self.load + self.index + self.name + self.render + self.write
    }

    fn add(&mut self, other: &Stages) {
        self.parse += other.parse;
        self.load += other.load;
        self.index += other.index;
        self.name += other.name;
        self.render += other.render;
        self.write += other.write;
    }
}

/// Generates `model` into `out`, timing each stage; also returns the shape count and lines.
pub fn generate_timed(model: &Path, out: &Path) -> Result<(Stages, usize, usize), String> {
    let mut stages = Stages::default();
    let started = Instant::now();
    let text = fs::read_to_string(model).map_err(|e| format!("{}: {e}", model.display()))?;
    // Read as `cargo xtask codegen` reads it: strictly, refusing repeated keys.
    let value = smithy_core::parse_json(&text).map_err(|e| format!("{}: {e}", model.display()))?;
    stages.parse = started.elapsed();

    let started = Instant::now();
    let mut assembler = ModelAssembler::new();
    assembler.add_json_value(&model.display().to_string(), value);
    let model = assembler.assemble().map_err(|d| d.to_string())?;
    stages.load = started.elapsed();
    let shapes = model.shapes().filter(|s| !s.id.is_prelude()).count();

    let settings = Settings::new("bench").generated_by("`cargo xtask bench`");
    let started = Instant::now();
    let index = ServiceIndex::new(&model, None).map_err(|d| d.to_string())?;
    stages.index = started.elapsed();
    let started = Instant::now();
    let symbols = Symbols::new(&index).map_err(|d| d.to_string())?;
    stages.name = started.elapsed();
    let started = Instant::now();
    let generated = codegen::render(&index, &symbols, &settings).map_err(|d| d.to_string())?;
    stages.render = started.elapsed();

    let started = Instant::now();
    let changes = files::plan(&generated, out).map_err(|e| e.to_string())?;
    files::apply(&generated, out, &changes).map_err(|e| e.to_string())?;
    stages.write = started.elapsed();
    Ok((stages, shapes, generated.line_count()))
}

/// Only parsing the model's JSON with plain `serde_json`: the floor no generator reading JSON
/// can go under.
pub fn parse_only(model: &Path) -> Result<Duration, String> {
    let text = fs::read_to_string(model).map_err(|e| format!("{}: {e}", model.display()))?;
    let started = Instant::now();
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    let elapsed = started.elapsed();
    drop(value);
    Ok(elapsed)
}

/// The generation benchmark: medians over `runs` for each named model and for the whole corpus.
///
/// Every run generates into directories of its own that start empty, so each figure includes
/// writing every file; the corpus is then generated once more over its own output, which is what
/// `cargo xtask codegen` does when little has changed. `out` is emptied before and after.
pub fn generation(models_dir: &Path, names: &[&str], runs: usize, out: &Path) -> Result<String, String> {
    let runs = runs.max(1);
    remove_dir(out)?;
    let result = generation_runs(models_dir, names, runs, out);
    remove_dir(out)?;
    result
}

fn generation_runs(models_dir: &Path, names: &[&str], runs: usize, out: &Path) -> Result<String, String> {
    let mut report = format!(
        "generation into empty directories, median of {runs} runs (one thread per model; the corpus on every core)\n\n\
         {:<16} {:>7} {:>8} {:>9} {:>9} {:>9} {:>8} {:>9} {:>8}  stages: parse/load/index/name/render/write %\n",
        "model", "shapes", "MB", "ms", "floor ms", "x floor", "MB/s", "parse ms", "load ms"
    );
    for name in names {
        let model = models_dir.join(format!("{name}.json"));
        let size = fs::metadata(&model).map_err(|e| format!("{}: {e}", model.display()))?.len() as f64 / 1e6;
        let mut totals = Vec::new();
        let mut floors = Vec::new();
        let mut parses = Vec::new();
        let mut loads = Vec::new();
        let mut last = (Stages::default(), 0, 0);
        for run in 0..runs {
            let timed = generate_timed(&model, &out.join(format!("models-{run}")).join(name))?;
            totals.push(timed.0.total());
            parses.push(timed.0.parse);
            loads.push(timed.0.load);
            floors.push(parse_only(&model)?);
            last = timed;
        }
        let (total, floor) = (median(totals), median(floors));
        let (parse, load) = (median(parses), median(loads));
        let stages = last.0;
        let share = |d: Duration| d.as_secs_f64() * 100.0 / stages.total().as_secs_f64().max(1e-9);
        report.push_str(&format!(
            "{name:<16} {:>7} {size:>8.2} {:>9.1} {:>9.1} {:>9.1} {:>8.1} {:>9.1} {:>8.1}  {:.0}/{:.0}/{:.0}/{:.0}/{:.0}/{:.0}\n",
            last.1,
            total.as_secs_f64() * 1000.0,
            floor.as_secs_f64() * 1000.0,
            total.as_secs_f64() / floor.as_secs_f64().max(1e-9),
            size / total.as_secs_f64(),
            parse.as_secs_f64() * 1000.0,
            load.as_secs_f64() * 1000.0,
            share(stages.parse),
            share(stages.load),
            share(stages.index),
            share(stages.name),
            share(stages.render),
            share(stages.write),
        ));
    }

    let models = corpus::model_files(models_dir)?;
    let size: f64 = models.iter().filter_map(|m| fs::metadata(m).ok()).map(|m| m.len() as f64).sum::<f64>() / 1e6;
    let mut walls = Vec::new();
    let mut regenerations = Vec::new();
    let mut floors = Vec::new();
    let mut sequential = Vec::new();
    let mut shapes = 0;
    let mut lines = 0;
    let mut stages = Stages::default();
    for run in 0..runs {
        let dir = out.join(format!("corpus-{run}"));
        let started = Instant::now();
        let outcomes = corpus::generate_all(&models, &dir, false);
        walls.push(started.elapsed());
        if let Some(failed) = outcomes.iter().find(|o| o.generation_error.is_some()) {
            return Err(format!("{} does not generate", failed.name));
        }
        shapes = outcomes.iter().map(|o| o.shapes).sum();
        lines = outcomes.iter().map(|o| o.lines).sum();
        let started = Instant::now();
        corpus::generate_all(&models, &dir, false);
        regenerations.push(started.elapsed());
        let started = Instant::now();
        for model in &models {
            parse_only(model)?;
        }
        floors.push(started.elapsed());
        // Stage shares come from a sequential run, where each stage's time is its own.
        stages = Stages::default();
        let dir = out.join(format!("stages-{run}"));
        for model in &models {
            stages.add(&generate_timed(model, &dir.join(model.file_stem().unwrap_or_default()))?.0);
        }
        sequential.push(stages.total());
    }
    let (wall, regeneration, floor, one_thread) =
        (median(walls), median(regenerations), median(floors), median(sequential));
    let share = |d: Duration| d.as_secs_f64() * 100.0 / stages.total().as_secs_f64().max(1e-9);
    report.push_str(&format!(
        "\ncorpus: {} models, {shapes} shapes, {size:.1} MB of JSON, {lines} lines of Rust written\n\
         {:.2} s wall on {} threads: {:.0} models/s, {:.0} shapes/s, {:.1} MB/s\n\
         floor (parse only, one thread): {:.2} s; generation is {:.1}x the floor in wall time\n\
         one thread: {:.2} s, {:.1}x the floor; stages: parse {:.0}%, load {:.0}%, index {:.0}%, name {:.0}%, \
         render {:.0}%, write {:.0}%\n\
         regenerating over its own output (every file compared, none written): {:.2} s wall\n",
        models.len(),
        wall.as_secs_f64(),
        std::thread::available_parallelism().map_or(1, usize::from),
        models.len() as f64 / wall.as_secs_f64(),
        shapes as f64 / wall.as_secs_f64(),
        size / wall.as_secs_f64(),
        floor.as_secs_f64(),
        wall.as_secs_f64() / floor.as_secs_f64(),
        one_thread.as_secs_f64(),
        one_thread.as_secs_f64() / floor.as_secs_f64(),
        share(stages.parse),
        share(stages.load),
        share(stages.index),
        share(stages.name),
        share(stages.render),
        share(stages.write),
        regeneration.as_secs_f64(),
    ));
    Ok(report)
}

fn remove_dir(dir: &Path) -> Result<(), String> {
    match fs::remove_dir_all(dir) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(format!("{}: {e}", dir.display())),
        _ => Ok(()),
    }
}

/// One measured compilation: wall time and peak memory of the crate's own `rustc`.
#[derive(Clone, Copy, Debug)]
pub struct Compile {
    /// Wall time of the crate's `rustc`.
    pub time: Duration,
    /// Peak resident memory of that `rustc`, in kilobytes.
    pub max_rss_kb: u64,
}

/// The compile benchmark: our crate for `service` (without features, with `serde`, and with
/// `http` where the service has HTTP bindings) against
/// `aws-sdk-<service>` from crates.io, each compiled alone with its dependencies built.
pub fn compile(models_dir: &Path, service: &str, runs: usize, out: &Path) -> Result<String, String> {
    fs::create_dir_all(out).map_err(|e| e.to_string())?;
    let ours = format!("ours-{service}");
    let model = models_dir.join(format!("{service}.json"));
    let loaded = crate::models::load(std::slice::from_ref(&model)).map_err(|d| d.to_string())?;
    let settings = Settings::new(ours.clone()).generated_by("`cargo xtask bench compile`");
    let generated = codegen::generate(&loaded, &settings).map_err(|d| d.to_string())?;
    let lines = generated.line_count();
    let dir = out.join(&ours);
    let changes = files::plan(&generated, &dir).map_err(|e| e.to_string())?;
    files::apply(&generated, &dir, &changes).map_err(|e| e.to_string())?;
    let theirs = format!("aws-sdk-{service}");
    let wrapper_dir = out.join("theirs");
    fs::create_dir_all(wrapper_dir.join("src")).map_err(|e| e.to_string())?;
    fs::write(
        wrapper_dir.join("Cargo.toml"),
        format!("[package]\nname = \"theirs\"\nversion = \"0.1.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\n{theirs} = \"1\"\n"),
    )
    .map_err(|e| e.to_string())?;
    fs::write(wrapper_dir.join("src/lib.rs"), "//! Builds the published crate.\n").map_err(|e| e.to_string())?;
    fs::write(
        out.join("Cargo.toml"),
        format!("# Written by `cargo xtask bench compile`.\n[workspace]\nresolver = \"2\"\nmembers = [\"{ours}\", \"theirs\"]\n"),
    )
    .map_err(|e| e.to_string())?;
    let timing = out.join("rustc-times");
    let wrapper = out.join("time-rustc.sh");
    // Cargo runs the wrapper as `wrapper rustc args…`; it times the crate being measured only.
    fs::write(
        &wrapper,
        format!(
            "#!/bin/sh\ncase \"$*\" in\n  *--crate-name\\ {0}\\ *|*--crate-name\\ {1}\\ *) exec /usr/bin/time -f '%e %M' -a -o {2} \"$@\" ;;\n  *) exec \"$@\" ;;\nesac\n",
            ours.replace('-', "_"),
            theirs.replace('-', "_"),
            timing.display()
        ),
    )
    .map_err(|e| e.to_string())?;
    make_executable(&wrapper)?;

    let mut report = format!(
        "compile time of one crate alone, dependencies built (`cargo build`, dev profile), median of {runs} runs\n\n\
         {:<48} {:>10} {:>12} {:>10}\n",
        "crate", "lines", "seconds", "peak MB"
    );
    let theirs_lines = count_lines_of_package(out, &theirs);
    let mut configs: Vec<(String, Vec<&str>, String, Option<usize>)> = vec![
        (format!("{ours} (generated, no features)"), vec!["-p", &ours], ours.clone(), Some(lines)),
        (format!("{ours} (generated, serde)"), vec!["-p", &ours, "--features", "serde"], ours.clone(), Some(lines)),
    ];
    // With HTTP bindings (restJson1 services), the crate does what the published one does short
    // of sending: building requests and reading responses.
    let manifest = generated.get("Cargo.toml").unwrap_or_default();
    if manifest.lines().any(|line| line.starts_with("http = [")) {
        configs.push((
            format!("{ours} (generated, http)"),
            vec!["-p", &ours, "--features", "http"],
            ours.clone(),
            Some(lines),
        ));
    }
    configs.push((format!("{theirs} (crates.io)"), vec!["-p", "theirs"], theirs.clone(), theirs_lines));
    let mut results = Vec::new();
    for (label, args, package, line_count) in &configs {
        cargo(out, &["build"], args, None)?;
        let mut samples = Vec::new();
        for _ in 0..runs {
            cargo(out, &["clean"], &["-p", package], None)?;
            let _ = fs::remove_file(&timing);
            cargo(out, &["build"], args, Some(&wrapper))?;
            samples.push(read_timing(&timing)?);
        }
        let time = median(samples.iter().map(|s| s.time).collect());
        let mut rss: Vec<u64> = samples.iter().map(|s| s.max_rss_kb).collect();
        rss.sort_unstable();
        let max_rss_kb = rss.get(rss.len() / 2).copied().unwrap_or_default();
        report.push_str(&format!(
            "{label:<48} {:>10} {:>12.2} {:>10.0}\n",
            line_count.map_or_else(|| "?".to_owned(), |l| l.to_string()),
            time.as_secs_f64(),
            max_rss_kb as f64 / 1024.0
        ));
        results.push((label, Compile { time, max_rss_kb }));
    }
    if let Some(((_, theirs), ours)) = results.split_last() {
        report.push_str("\nours / theirs (time, peak memory):\n");
        for (label, ours) in ours {
            report.push_str(&format!(
                "  {label:<48} {:.2}, {:.2}\n",
                ours.time.as_secs_f64() / theirs.time.as_secs_f64(),
                ours.max_rss_kb as f64 / theirs.max_rss_kb as f64,
            ));
        }
    }
    Ok(report)
}

fn cargo(dir: &Path, command: &[&str], args: &[&str], wrapper: Option<&Path>) -> Result<(), String> {
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cmd.args(command).args(args).arg("--quiet").current_dir(dir).env("CARGO_TARGET_DIR", dir.join("target"));
    match wrapper {
        Some(wrapper) => cmd.env("RUSTC_WRAPPER", wrapper),
        None => cmd.env_remove("RUSTC_WRAPPER"),
    };
    let status = cmd.status().map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() { Ok(()) } else { Err(format!("cargo {} {} failed", command.join(" "), args.join(" "))) }
}

fn read_timing(path: &Path) -> Result<Compile, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e} (was the crate rebuilt?)", path.display()))?;
    let line = text.lines().rfind(|l| !l.trim().is_empty()).ok_or("no timing recorded")?;
    let mut parts = line.split_whitespace();
    let seconds: f64 = parts.next().and_then(|s| s.parse().ok()).ok_or("bad timing")?;
    let max_rss_kb: u64 = parts.next().and_then(|s| s.parse().ok()).ok_or("bad timing")?;
    Ok(Compile { time: Duration::from_secs_f64(seconds), max_rss_kb })
}

/// Lines of Rust in a registry package's source, if cargo has fetched it.
fn count_lines_of_package(dir: &Path, package: &str) -> Option<usize> {
    let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["metadata", "--format-version", "1"])
        .current_dir(dir)
        .output()
        .ok()?;
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).ok()?;
    let manifest = metadata["packages"]
        .as_array()?
        .iter()
        .find(|p| p["name"] == package)?
        .get("manifest_path")?
        .as_str()?
        .to_owned();
    let root = PathBuf::from(manifest).parent()?.join("src");
    let mut lines = 0;
    let mut pending = vec![root];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).ok()? {
            let path = entry.ok()?.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                lines += fs::read_to_string(&path).ok()?.lines().count();
            }
        }
    }
    Some(lines)
}

#[cfg(unix)]
fn make_executable(path: &Path) -> Result<(), String> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(0o755)).map_err(|e| e.to_string())
}

#[cfg(not(unix))]
fn make_executable(_: &Path) -> Result<(), String> {
    Ok(())
}
