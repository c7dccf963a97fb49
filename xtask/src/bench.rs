//! `cargo xtask bench`: the project's benchmarks. Each prints medians over repeated runs; none is
//! a timed test.
//!
//! - `generate`: generation speed per model and for the whole corpus, by stage, against the floor of
//!   the chosen stack: syn and prettyplease alone parsing and printing the same output;
//! - `compile`: the compile time and peak memory of one generated crate against the crate AWS
//!   publishes for the same service, each alone with its dependencies already built.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use codegen::{ModelAssembler, Settings};

use crate::{corpus, files};

/// The median of some durations.
pub fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples.get(samples.len() / 2).copied().unwrap_or_default()
}

/// How long each stage of generating one model took, on one thread.
#[derive(Clone, Copy, Debug, Default)]
pub struct Stages {
    /// Reading the file and parsing its JSON.
    pub parse: Duration,
    /// Turning the JSON into the checked model.
    pub load: Duration,
    /// Checking the model against the Smithy rules.
    pub validate: Duration,
    /// Finding what the service reaches.
    pub index: Duration,
    /// Naming everything and building the IR (documentation included).
    pub ir: Duration,
    /// Building the token streams of every file.
    pub tokens: Duration,
    /// Parsing them with syn and printing them with prettyplease.
    pub format: Duration,
    /// Writing the files to disk.
    pub write: Duration,
}

impl Stages {
    fn total(&self) -> Duration {
        self.parse + self.load + self.validate + self.index + self.ir + self.tokens + self.format + self.write
    }

    fn add(&mut self, other: &Stages) {
        self.parse += other.parse;
        self.load += other.load;
        self.validate += other.validate;
        self.index += other.index;
        self.ir += other.ir;
        self.tokens += other.tokens;
        self.format += other.format;
        self.write += other.write;
    }

    /// Each stage's share of the total, in percent: `parse/load/validate/index/ir/tokens/format/write`.
    fn shares(&self) -> String {
        let total = self.total().as_secs_f64().max(1e-9);
        let stages = [self.parse, self.load, self.validate, self.index, self.ir, self.tokens, self.format, self.write];
        let shares: Vec<String> = stages.iter().map(|d| format!("{:.0}", d.as_secs_f64() * 100.0 / total)).collect();
        shares.join("/")
    }
}

/// One model generated on one thread: the time of each stage, the shapes and lines, and the floor.
pub struct Measured {
    /// The time of each stage.
    pub stages: Stages,
    /// Shapes in the model (prelude excluded).
    pub shapes: usize,
    /// Lines of Rust written.
    pub lines: usize,
    /// The floor of the chosen stack: syn parsing and prettyplease printing the files the generator
    /// formatted (the runtime modules, copied as text, are left out of both).
    pub floor: Duration,
}

/// Generates `model` into `out` on one thread, timing each stage, then measures the floor on the
/// same output.
pub fn generate_timed(model: &Path, out: &Path) -> Result<Measured, String> {
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

    let settings = Settings::new("bench").generated_by("`cargo xtask bench`").threads(1);
    let (generated, times) = codegen::generate_timed(&model, &settings).map_err(|d| d.to_string())?;
    stages.validate = times.validate;
    stages.index = times.index;
    stages.ir = times.ir;
    stages.tokens = times.tokens;
    stages.format = times.format;

    let started = Instant::now();
    files::write(&generated, out, &files::Options::default()).map_err(|e| e.to_string())?;
    stages.write = started.elapsed();
    let floor = format_floor(&generated)?;
    Ok(Measured { stages, shapes, lines: generated.line_count(), floor })
}

/// The time syn and prettyplease alone take to parse and print the files the generator formatted.
pub fn format_floor(generated: &codegen::Files) -> Result<Duration, String> {
    let mut elapsed = Duration::ZERO;
    for (path, text) in generated.formatted() {
        let started = Instant::now();
        let file = syn::parse_file(text).map_err(|e| format!("{path}: {e}"))?;
        let printed = prettyplease::unparse(&file);
        elapsed += started.elapsed();
        drop(printed);
    }
    Ok(elapsed)
}

/// The generation benchmark: medians over `runs` for each named model and for the whole corpus,
/// each beside the floor of the chosen stack (syn and prettyplease parsing and printing the same
/// output).
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
        "generation into empty directories on one thread, median of {runs} runs; the floor is syn + \
         prettyplease alone parsing and printing the same output\n\n\
         {:<16} {:>7} {:>6} {:>9} {:>9} {:>9} {:>8}  stages: parse/load/validate/index/ir/tokens/format/write %\n",
        "model", "shapes", "MB", "lines", "ms", "floor ms", "x floor"
    );
    for name in names {
        let model = models_dir.join(format!("{name}.json"));
        let size = fs::metadata(&model).map_err(|e| format!("{}: {e}", model.display()))?.len() as f64 / 1e6;
        let mut totals = Vec::new();
        let mut floors = Vec::new();
        let mut last = None;
        for run in 0..runs {
            let measured = generate_timed(&model, &out.join(format!("models-{run}")).join(name))?;
            totals.push(measured.stages.total());
            floors.push(measured.floor);
            last = Some(measured);
        }
        let last = last.ok_or("no run")?;
        let (total, floor) = (median(totals), median(floors));
        report.push_str(&format!(
            "{name:<16} {:>7} {size:>6.2} {:>9} {:>9.1} {:>9.1} {:>8.2}  {}\n",
            last.shapes,
            last.lines,
            total.as_secs_f64() * 1000.0,
            floor.as_secs_f64() * 1000.0,
            total.as_secs_f64() / floor.as_secs_f64().max(1e-9),
            last.stages.shares(),
        ));
    }

    let models = corpus::model_files(models_dir)?;
    let size: f64 = models.iter().filter_map(|m| fs::metadata(m).ok()).map(|m| m.len() as f64).sum::<f64>() / 1e6;
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let (mut walls, mut regenerations, mut sequential, mut floors) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut shapes, mut lines, mut stages) = (0, 0, Stages::default());
    for run in 0..runs {
        let dir = out.join(format!("corpus-{run}"));
        let started = Instant::now();
        let outcomes = corpus::generate_all(&models, &dir, false);
        walls.push(started.elapsed());
        if let Some(failed) = outcomes.iter().find(|o| o.generation_error.is_some()) {
            return Err(format!("{} does not generate", failed.name));
        }
        let started = Instant::now();
        corpus::generate_all(&models, &dir, false);
        regenerations.push(started.elapsed());
        // Stage shares and the floor come from a sequential run, where each time is its own.
        stages = Stages::default();
        let (mut floor, mut total_shapes, mut total_lines) = (Duration::ZERO, 0, 0);
        let dir = out.join(format!("stages-{run}"));
        for model in &models {
            let measured = generate_timed(model, &dir.join(model.file_stem().unwrap_or_default()))?;
            stages.add(&measured.stages);
            floor += measured.floor;
            total_shapes += measured.shapes;
            total_lines += measured.lines;
        }
        (shapes, lines) = (total_shapes, total_lines);
        sequential.push(stages.total());
        floors.push(floor);
    }
    let (wall, regeneration, one_thread, floor) =
        (median(walls), median(regenerations), median(sequential), median(floors));
    report.push_str(&format!(
        "\ncorpus: {} models, {shapes} shapes, {size:.1} MB of JSON, {lines} lines of Rust written\n\
         {:.2} s wall on {threads} threads: {:.0} models/s, {:.0} shapes/s, {:.0} lines/s\n\
         one thread: {:.2} s; the floor (syn + prettyplease on the same output, one thread): {:.2} s; \
         generation is {:.2}x the floor\n\
         stages on one thread: parse/load/validate/index/ir/tokens/format/write % {}\n\
         regenerating over its own output (every file compared, none written): {:.2} s wall\n",
        models.len(),
        wall.as_secs_f64(),
        models.len() as f64 / wall.as_secs_f64(),
        shapes as f64 / wall.as_secs_f64(),
        lines as f64 / wall.as_secs_f64(),
        one_thread.as_secs_f64(),
        floor.as_secs_f64(),
        one_thread.as_secs_f64() / floor.as_secs_f64().max(1e-9),
        stages.shares(),
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

/// The crates the compile benchmark builds, in a scratch workspace of its own.
struct CompileBench {
    /// Our crate's package name.
    ours: String,
    /// The published crate's package name.
    theirs: String,
    /// What is built, as labels and `cargo build` arguments.
    configs: Vec<(String, Vec<String>, String, Option<usize>)>,
}

/// Writes the scratch workspace: our crate for `service`, generated from its model, and a crate
/// depending on `aws-sdk-<service>`.
/// With `from`, our crate is the one in that directory (written by any version of the generator
/// with `--crate-name ours-<service>`), so that two generators' crates compare.
fn compile_bench(models_dir: &Path, service: &str, from: Option<&Path>, out: &Path) -> Result<CompileBench, String> {
    fs::create_dir_all(out).map_err(|e| e.to_string())?;
    let ours = format!("ours-{service}");
    let generated = match from {
        Some(dir) => read_crate(dir)?,
        None => {
            let model = service_model(models_dir, service)?;
            let loaded = crate::models::load(std::slice::from_ref(&model)).map_err(|d| d.to_string())?;
            let settings = Settings::new(ours.clone()).generated_by("`cargo xtask bench compile`");
            codegen::generate(&loaded, &settings).map_err(|d| d.to_string())?
        }
    };
    if from.is_some() && !generated.get("Cargo.toml").unwrap_or_default().contains(&format!("name = \"{ours}\"")) {
        return Err(format!("the crate to measure must be named `{ours}` (generate it with `--crate-name {ours}`)"));
    }
    let lines = generated.line_count();
    let dir = out.join(&ours);
    files::write(&generated, &dir, &files::Options::default()).map_err(|e| e.to_string())?;
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
    let theirs_lines = count_lines_of_package(out, &theirs);
    let args = |features: Option<&str>| {
        let mut args = vec!["-p".to_owned(), ours.clone()];
        args.extend(features.map(|f| ["--features".to_owned(), f.to_owned()]).into_iter().flatten());
        args
    };
    let mut configs = vec![
        (format!("{ours} (generated, no features)"), args(None), ours.clone(), Some(lines)),
        (format!("{ours} (generated, serde)"), args(Some("serde")), ours.clone(), Some(lines)),
    ];
    // With HTTP bindings, the crate does what the published one does short of sending: building
    // requests and reading responses.
    let manifest = generated.get("Cargo.toml").unwrap_or_default();
    if manifest.lines().any(|line| line.starts_with("http = [")) {
        configs.push((format!("{ours} (generated, http)"), args(Some("http")), ours.clone(), Some(lines)));
    }
    configs.push((format!("{theirs} (crates.io)"), vec!["-p".into(), "theirs".into()], theirs.clone(), theirs_lines));
    Ok(CompileBench { ours, theirs, configs })
}

/// The model of `service` in `models_dir`: `<service>.json`, or else the model whose service's
/// `sdkId` names the published crate `aws-sdk-<service>` (its `sdkId` in lower case without
/// spaces or dashes: `Secrets Manager` is `aws-sdk-secretsmanager`, in `secrets-manager.json`).
fn service_model(models_dir: &Path, service: &str) -> Result<PathBuf, String> {
    let named = models_dir.join(format!("{service}.json"));
    if named.is_file() {
        return Ok(named);
    }
    for model in corpus::model_files(models_dir)? {
        let Ok(text) = fs::read_to_string(&model) else { continue };
        let Ok(json) = serde_json::from_str::<serde_json::Value>(&text) else { continue };
        let shapes = json.get("shapes").and_then(|shapes| shapes.as_object()).into_iter().flatten();
        let mut crate_names = shapes.filter_map(|(_, shape)| {
            let sdk_id = shape.pointer("/traits/aws.api#service/sdkId")?.as_str()?;
            Some(sdk_id.to_lowercase().replace([' ', '-'], ""))
        });
        if crate_names.any(|name| name == service) {
            return Ok(model);
        }
    }
    Err(format!("no model in {} is {service}.json or has the sdkId of aws-sdk-{service}", models_dir.display()))
}

/// `Cargo.toml` and the Rust files under `src/` of the crate in `dir`.
fn read_crate(dir: &Path) -> Result<codegen::Files, String> {
    let mut files = codegen::Files::default();
    let read = |path: &Path| fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()));
    files.insert("Cargo.toml".into(), read(&dir.join("Cargo.toml"))?);
    let mut pending = vec![dir.join("src")];
    while let Some(current) = pending.pop() {
        for entry in fs::read_dir(&current).map_err(|e| format!("{}: {e}", current.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path.strip_prefix(dir).map_err(|e| e.to_string())?;
                files.insert(relative.to_string_lossy().into_owned(), read(&path)?);
            }
        }
    }
    Ok(files)
}

/// A `RUSTC_WRAPPER` script that runs `command` (a shell prefix) on the compilations of the two
/// measured crates, and runs every other compilation as it is.
fn write_wrapper(path: &Path, bench: &CompileBench, command: &str) -> Result<(), String> {
    fs::write(
        path,
        format!(
            "#!/bin/sh\ncase \"$*\" in\n  *--crate-name\\ {0}\\ *|*--crate-name\\ {1}\\ *) exec {command} \"$@\" ;;\n  *) exec \"$@\" ;;\nesac\n",
            bench.ours.replace('-', "_"),
            bench.theirs.replace('-', "_"),
        ),
    )
    .map_err(|e| e.to_string())?;
    make_executable(path)
}

/// The compile benchmark: our crate for `service` (without features, with `serde`, and with
/// `http` where the service has HTTP bindings) against
/// `aws-sdk-<service>` from crates.io, each compiled alone with its dependencies built.
pub fn compile(
    models_dir: &Path,
    service: &str,
    from: Option<&Path>,
    runs: usize,
    out: &Path,
) -> Result<String, String> {
    let bench = compile_bench(models_dir, service, from, out)?;
    let timing = out.join("rustc-times");
    let wrapper = out.join("time-rustc.sh");
    write_wrapper(&wrapper, &bench, &format!("/usr/bin/time -f '%e %M' -a -o {}", timing.display()))?;

    let mut report = format!(
        "compile time of one crate alone, dependencies built (`cargo build`, dev profile, not\n\
         incremental), median of {runs} runs\n\n\
         {:<48} {:>10} {:>12} {:>10}\n",
        "crate", "lines", "seconds", "peak MB"
    );
    let mut results = Vec::new();
    for (label, args, package, line_count) in &bench.configs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        cargo(out, &["build"], &args, None)?;
        let mut samples = Vec::new();
        for _ in 0..runs {
            cargo(out, &["clean"], &["-p", package], None)?;
            let _ = fs::remove_file(&timing);
            cargo(out, &["build"], &args, Some(&wrapper))?;
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

/// The compile benchmark counted in instructions: each crate's `rustc` runs once under valgrind
/// (`cachegrind` without its cache simulation), whose count of executed instructions does not
/// depend on the machine's load or clock, so two generators' crates compare within a fraction of
/// a percent where wall times, on a shared machine, vary by a tenth.
pub fn compile_instructions(
    models_dir: &Path,
    service: &str,
    from: Option<&Path>,
    out: &Path,
) -> Result<String, String> {
    let bench = compile_bench(models_dir, service, from, out)?;
    let log = out.join("valgrind.log");
    let wrapper = out.join("count-rustc.sh");
    write_wrapper(
        &wrapper,
        &bench,
        &format!(
            "valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null --log-file={}",
            log.display()
        ),
    )?;
    let mut report = format!(
        "instructions rustc executes to compile one crate alone, dependencies built (`cargo build`,\n\
         dev profile, not incremental), under valgrind\n\n{:<48} {:>10} {:>18}\n",
        "crate", "lines", "instructions"
    );
    let mut counts = Vec::new();
    for (label, args, package, line_count) in &bench.configs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        cargo(out, &["build"], &args, None)?;
        cargo(out, &["clean"], &["-p", package], None)?;
        let _ = fs::remove_file(&log);
        cargo(out, &["build"], &args, Some(&wrapper))?;
        let text = fs::read_to_string(&log).map_err(|e| format!("{}: {e} (is valgrind installed?)", log.display()))?;
        let count: u64 = text
            .lines()
            .find_map(|line| line.split_once("I   refs:").map(|(_, n)| n.trim().replace(',', "")))
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| format!("{}: no instruction count", log.display()))?;
        report.push_str(&format!(
            "{label:<48} {:>10} {:>18}\n",
            line_count.map_or_else(|| "?".to_owned(), |l| l.to_string()),
            count
        ));
        counts.push((label, count));
    }
    if let Some(((_, theirs), ours)) = counts.split_last() {
        report.push_str("\nours / theirs (instructions):\n");
        for (label, ours) in ours {
            report.push_str(&format!("  {label:<48} {:.3}\n", *ours as f64 / *theirs as f64));
        }
    }
    Ok(report)
}

fn cargo(dir: &Path, command: &[&str], args: &[&str], wrapper: Option<&Path>) -> Result<(), String> {
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    // Not incremental: the published crate never is, being a registry dependency, and neither is
    // a generated crate its users depend on from a registry.
    cmd.args(command)
        .args(args)
        .arg("--quiet")
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .env("CARGO_INCREMENTAL", "0");
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_service_is_found_by_its_file_name_or_by_the_sdk_id_of_its_published_crate() {
        let dir = std::env::temp_dir().join(format!("xtask-service-model-{}", std::process::id()));
        fs::create_dir_all(&dir).expect("temp dir");
        let model = |sdk_id: &str| {
            format!(
                r#"{{"smithy": "2.0", "shapes": {{"ex#S": {{"type": "service", "version": "1", "traits": {{"aws.api#service": {{"sdkId": "{sdk_id}"}}}}}}}}}}"#
            )
        };
        fs::write(dir.join("secrets-manager.json"), model("Secrets Manager")).expect("write");
        fs::write(dir.join("kinesis.json"), model("Kinesis")).expect("write");
        fs::write(dir.join("lex-v2.json"), model("Lex Runtime-V2")).expect("write");
        assert_eq!(service_model(&dir, "kinesis"), Ok(dir.join("kinesis.json")));
        assert_eq!(service_model(&dir, "secretsmanager"), Ok(dir.join("secrets-manager.json")));
        assert_eq!(service_model(&dir, "lexruntimev2"), Ok(dir.join("lex-v2.json")));
        assert!(service_model(&dir, "secrets").is_err());
        fs::remove_dir_all(&dir).expect("clean up");
    }
}
