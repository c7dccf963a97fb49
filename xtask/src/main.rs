//! The project's command line: `cargo xtask <task>`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use codegen::{Diagnostics, Settings, ShapeId};

/// Token trees and syn's syntax trees are many small allocations; mimalloc serves them at about
/// half the cost of the system allocator (measured in BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use lexopt::ValueExt;
use xtask::corpus::{self, Check};
use xtask::{GENERATED_DIR, MODEL_DIR, files, models, project_settings, workspace_root};

const USAGE: &str = "\
usage: cargo xtask <task> [options]

tasks:
  codegen                 regenerate generated/ from model/
  codegen --check         report stale files in generated/ without writing anything
  codegen --model PATH --out DIR [--crate-name NAME] [--service ID] [--operations A,B,...] [--force] [--check]
                          generate a standalone crate from any model file or directory.
                          DIR must be new, empty, or a crate generated earlier (it lists its
                          files in .generated-files or, from before that list, every file
                          has the generated header); regenerating replaces the crate whole
                          (written beside it, then swapped) and deletes only files that list
                          names. Whatever else is there (target/, Cargo.lock, .git, your
                          notes) is kept. DIR may not contain another crate, be or contain the
                          workspace or your home directory, or be a symlink.
                          --force  also generate into a directory holding files the generator
                                   did not write; they are kept, and one at a path the
                                   generator writes is still refused
                          --crate-name  a package name cargo accepts, in lower case (default:
                                   the service's sdkId, else its shape name, in kebab case)
  protocol-tests [--shared DIR] [--out DIR] [--protocols A,B,...]
                          generate Smithy's protocol-test services with their compliance tests
                          (default out: target/protocol-tests), run them and report each case;
                          --protocols runs only those protocols' (restXml, awsQuery …)
  moto-tests [--models DIR] [--out DIR]
                          round trips of generated crates against moto_server on a loopback port
                          (default out: target/moto); needs `pip install 'moto[server]'`
  bench generate [--models DIR] [--runs N]
                          generation speed for the biggest models and the whole corpus, by stage
  bench compile [--models DIR] [--service NAME] [--runs N] [--instructions] [--from DIR]
                          compile time and peak memory of a generated crate and its aws-sdk-NAME
                          peer (the model is NAME.json, or the one whose sdkId names that crate);
                          --instructions counts rustc's instructions under valgrind instead (one
                          run, unaffected by the machine's load); --from measures the crate in DIR
                          (generated with --crate-name ours-NAME) instead of generating one
  ast FILE_OR_DIR...      print the JSON AST of the assembled model (Smithy IDL or JSON AST files)
  corpus DIR [--out DIR] [--check all|sample|none] [--services A,B,...]
                          generate a crate for every model in DIR into a scratch workspace
                          (default target/corpus), then check and lint them (default: all)
";

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(Failure::Model(diagnostics)) => {
            eprintln!("{diagnostics}");
            ExitCode::FAILURE
        }
        Err(Failure::Usage(message)) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Why a task failed: the model is bad (every problem found), or the command line or the file
/// system is.
enum Failure {
    Model(Diagnostics),
    Usage(String),
}

impl From<String> for Failure {
    fn from(message: String) -> Self {
        Failure::Usage(message)
    }
}

impl From<&str> for Failure {
    fn from(message: &str) -> Self {
        Failure::Usage(message.to_owned())
    }
}

impl From<Diagnostics> for Failure {
    fn from(diagnostics: Diagnostics) -> Self {
        Failure::Model(diagnostics)
    }
}

fn run() -> Result<ExitCode, Failure> {
    // `--help` anywhere (`cargo xtask corpus --help`) and `cargo xtask help` print the usage.
    let wants_help = std::env::args_os().skip(1).any(|arg| arg == "-h" || arg == "--help");
    if wants_help || std::env::args_os().nth(1).is_some_and(|task| task == "help") {
        print!("{USAGE}");
        return Ok(ExitCode::SUCCESS);
    }
    let mut parser = lexopt::Parser::from_env();
    let task = match parser.next().map_err(|e| e.to_string())? {
        Some(lexopt::Arg::Value(task)) => task.string().map_err(|e| e.to_string())?,
        Some(lexopt::Arg::Short('h') | lexopt::Arg::Long("help")) | None => {
            print!("{USAGE}");
            return Ok(ExitCode::SUCCESS);
        }
        Some(other) => return Err(other.unexpected().to_string().into()),
    };
    match task.as_str() {
        "codegen" => codegen(parser),
        "corpus" => corpus(parser),
        "ast" => ast(parser),
        "protocol-tests" => protocol_tests(parser),
        "moto-tests" => moto_tests(parser),
        "bench" => bench(parser),
        other => Err(format!("unknown task `{other}`\n\n{USAGE}").into()),
    }
}

struct CodegenArgs {
    check: bool,
    models: Vec<PathBuf>,
    out: Option<PathBuf>,
    crate_name: Option<String>,
    operations: Option<Vec<String>>,
    service: Option<String>,
    force: bool,
}

fn parse_codegen(mut parser: lexopt::Parser) -> Result<CodegenArgs, lexopt::Error> {
    use lexopt::prelude::*;
    let mut args = CodegenArgs {
        check: false,
        models: Vec::new(),
        out: None,
        crate_name: None,
        operations: None,
        service: None,
        force: false,
    };
    while let Some(arg) = parser.next()? {
        match arg {
            Long("check") => args.check = true,
            Long("force") => args.force = true,
            Long("model") => args.models.push(parser.value()?.into()),
            Long("out") => args.out = Some(parser.value()?.into()),
            Long("crate-name") => args.crate_name = Some(parser.value()?.string()?),
            Long("service") => args.service = Some(parser.value()?.string()?),
            Long("operations") => {
                args.operations = Some(parser.value()?.string()?.split(',').map(str::to_owned).collect());
            }
            _ => return Err(arg.unexpected()),
        }
    }
    Ok(args)
}

fn codegen(parser: lexopt::Parser) -> Result<ExitCode, Failure> {
    let args = parse_codegen(parser).map_err(|e| format!("{e}\n\n{USAGE}"))?;
    let root = workspace_root();
    let project = args.models.is_empty();
    let (model_paths, out, mut settings, fix_command) = if project {
        if args.out.is_some()
            || args.crate_name.is_some()
            || args.service.is_some()
            || args.operations.is_some()
            || args.force
        {
            return Err("--out, --crate-name, --service, --operations and --force go with --model".into());
        }
        (vec![root.join(MODEL_DIR)], root.join(GENERATED_DIR), project_settings(), "cargo xtask codegen".to_owned())
    } else {
        let out = args.out.clone().ok_or("--model needs --out DIR")?;
        if let Some(name) = &args.crate_name {
            codegen::check_package_name(name).map_err(|refused| format!("--crate-name: {refused}"))?;
        }
        let names: Vec<String> = args.models.iter().map(|p| p.display().to_string()).collect();
        let settings = Settings::new(args.crate_name.clone().unwrap_or_default())
            .generated_by(format!("`cargo xtask codegen` from `{}`", file_names(&args.models)));
        let command = format!("cargo xtask codegen --model {} --out {}", names.join(" --model "), out.display());
        (args.models.clone(), out, settings, command)
    };
    if let Some(service) = &args.service {
        settings = settings.service(ShapeId::parse(service).map_err(|e| format!("--service: {e}"))?);
    }
    if let Some(operations) = &args.operations {
        settings = settings.operations(operations.iter().cloned());
    }

    let started = Instant::now();
    let model = models::load(&model_paths)?;
    if settings.crate_name.is_empty() {
        settings.crate_name = codegen::default_crate_name(&model, settings.service.as_ref())?;
    }
    let files = codegen::generate(&model, &settings)?;
    let elapsed = started.elapsed();

    let options = files::Options { force: args.force, ..files::Options::default() };
    let plan = files::plan(&files, &out, &options).map_err(|e| e.to_string())?;
    let changes = plan.changes();
    if args.check {
        if changes.is_empty() {
            eprintln!("{} is up to date ({} files)", out.display(), files.len());
            return Ok(ExitCode::SUCCESS);
        }
        for change in changes {
            eprintln!("{change}");
        }
        eprintln!("run `{fix_command}` to update");
        return Ok(ExitCode::FAILURE);
    }
    files::apply(&plan).map_err(|e| e.to_string())?;
    eprintln!(
        "generated {} files, {} lines, in {:.1} ms; {} changed",
        files.len(),
        files.line_count(),
        elapsed.as_secs_f64() * 1000.0,
        changes.len()
    );
    Ok(ExitCode::SUCCESS)
}

/// The models' file names, for the header of every generated file: a control character (a line
/// break would end the header comment) is written escaped.
fn file_names(paths: &[PathBuf]) -> String {
    let names: Vec<String> = paths
        .iter()
        .map(|p| p.file_name().map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned()))
        .map(|name| {
            name.chars().map(|c| if c.is_control() { c.escape_default().to_string() } else { c.to_string() }).collect()
        })
        .collect();
    names.join("`, `")
}

struct CorpusArgs {
    models: PathBuf,
    out: PathBuf,
    check: Check,
}

fn parse_corpus(mut parser: lexopt::Parser) -> Result<CorpusArgs, lexopt::Error> {
    use lexopt::prelude::*;
    let (mut models, mut out, mut check) = (None, None, Check::All);
    while let Some(arg) = parser.next()? {
        match arg {
            Value(dir) if models.is_none() => models = Some(PathBuf::from(dir)),
            Long("out") => out = Some(PathBuf::from(parser.value()?)),
            Long("check") => {
                check = match parser.value()?.string()?.as_str() {
                    "all" => Check::All,
                    "none" => Check::None,
                    "sample" => Check::Only(corpus::SAMPLE.iter().map(|s| (*s).to_owned()).collect()),
                    other => return Err(format!("--check takes all, sample or none, not `{other}`").into()),
                }
            }
            Long("services") => {
                check = Check::Only(parser.value()?.string()?.split(',').map(str::to_owned).collect());
            }
            _ => return Err(arg.unexpected()),
        }
    }
    let models = models.ok_or("corpus needs the directory of models")?;
    let out = out.unwrap_or_else(|| workspace_root().join("target/corpus"));
    Ok(CorpusArgs { models, out, check })
}

fn corpus(parser: lexopt::Parser) -> Result<ExitCode, Failure> {
    let args = parse_corpus(parser).map_err(|e| format!("{e}\n\n{USAGE}"))?;
    let model_files = corpus::model_files(&args.models)?;
    if model_files.is_empty() {
        return Err(format!("{}: no `.json` models", args.models.display()).into());
    }
    std::fs::create_dir_all(&args.out).map_err(|e| format!("{}: {e}", args.out.display()))?;
    let started = Instant::now();
    let mut outcomes = corpus::generate_all(&model_files, &args.out, true);
    let generation_wall = started.elapsed();

    let generated: Vec<String> =
        outcomes.iter().filter(|o| o.generation_error.is_none()).map(|o| o.name.clone()).collect();
    let to_check: Vec<String> = match &args.check {
        Check::None => Vec::new(),
        Check::All => generated.clone(),
        Check::Only(names) => {
            if let Some(unknown) = names.iter().find(|n| !outcomes.iter().any(|o| &o.name == *n)) {
                return Err(format!("`{unknown}` is not a model in {}", args.models.display()).into());
            }
            names.iter().filter(|n| generated.contains(n)).cloned().collect()
        }
    };
    let mut check_time = None;
    if !to_check.is_empty() {
        let (results, elapsed) = corpus::check(&args.out, &to_check)?;
        check_time = Some(elapsed);
        for outcome in &mut outcomes {
            outcome.check = results.get(&outcome.name).cloned();
        }
    }
    let (table, ok) = corpus::report(&outcomes, generation_wall, check_time);
    print!("{table}");
    Ok(if ok { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

fn ast(mut parser: lexopt::Parser) -> Result<ExitCode, Failure> {
    use lexopt::prelude::*;
    let mut paths = Vec::new();
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Value(path) => paths.push(PathBuf::from(path)),
            _ => return Err(format!("{}\n\n{USAGE}", arg.unexpected()).into()),
        }
    }
    if paths.is_empty() {
        return Err(format!("ast needs at least one file or directory\n\n{USAGE}").into());
    }
    let ast = models::json_ast(&paths)?;
    let text = serde_json::to_string_pretty(&ast).map_err(|e| e.to_string())?;
    println!("{text}");
    Ok(ExitCode::SUCCESS)
}

fn protocol_tests(mut parser: lexopt::Parser) -> Result<ExitCode, Failure> {
    use lexopt::prelude::*;
    let mut shared = workspace_root().join("../shared");
    let mut out = xtask::protocol::default_out();
    let mut only: Option<Vec<String>> = None;
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("shared") => shared = PathBuf::from(parser.value().map_err(|e| e.to_string())?),
            Long("out") => out = PathBuf::from(parser.value().map_err(|e| e.to_string())?),
            Long("protocols") => {
                let list = parser.value().map_err(|e| e.to_string())?.string().map_err(|e| e.to_string())?;
                only = Some(list.split(',').map(str::to_owned).collect());
            }
            _ => return Err(format!("{}\n\n{USAGE}", arg.unexpected()).into()),
        }
    }
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let results = xtask::protocol::run(&shared, &out, only.as_deref())?;
    let (report, ok) = xtask::protocol::report(&results);
    print!("{report}");
    Ok(if ok { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

fn moto_tests(mut parser: lexopt::Parser) -> Result<ExitCode, Failure> {
    use lexopt::prelude::*;
    let mut models = workspace_root().join("../shared/models/aws");
    let mut out = xtask::moto::default_out();
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("models") => models = PathBuf::from(parser.value().map_err(|e| e.to_string())?),
            Long("out") => out = PathBuf::from(parser.value().map_err(|e| e.to_string())?),
            _ => return Err(format!("{}\n\n{USAGE}", arg.unexpected()).into()),
        }
    }
    let outcomes = xtask::moto::run(&models, &out)?;
    let (report, ok) = xtask::moto::report(&outcomes);
    print!("{report}");
    Ok(if ok { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

fn bench(mut parser: lexopt::Parser) -> Result<ExitCode, Failure> {
    use lexopt::prelude::*;
    let which = match parser.next().map_err(|e| e.to_string())? {
        Some(Value(which)) => which.string().map_err(|e| e.to_string())?,
        _ => return Err(format!("bench needs `generate` or `compile`\n\n{USAGE}").into()),
    };
    let mut models = workspace_root().join("../shared/models/aws");
    let mut runs = 5;
    let mut service = "amplifybackend".to_owned();
    let mut instructions = false;
    let mut from = None;
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("instructions") => instructions = true,
            Long("from") => from = Some(PathBuf::from(parser.value().map_err(|e| e.to_string())?)),
            Long("models") => models = PathBuf::from(parser.value().map_err(|e| e.to_string())?),
            Long("runs") => {
                runs = parser.value().map_err(|e| e.to_string())?.parse().map_err(|e: lexopt::Error| e.to_string())?
            }
            Long("service") => {
                service = parser.value().map_err(|e| e.to_string())?.string().map_err(|e| e.to_string())?
            }
            _ => return Err(format!("{}\n\n{USAGE}", arg.unexpected()).into()),
        }
    }
    let out = workspace_root().join("target/bench");
    let report = match which.as_str() {
        "generate" => xtask::bench::generation(
            &models,
            &["amplifybackend", "sagemaker", "quicksight", "s3", "connect"],
            runs,
            &out.join("generate"),
        )?,
        "compile" if instructions => {
            xtask::bench::compile_instructions(&models, &service, from.as_deref(), &out.join("compile"))?
        }
        "compile" => xtask::bench::compile(&models, &service, from.as_deref(), runs, &out.join("compile"))?,
        other => return Err(format!("unknown benchmark `{other}`\n\n{USAGE}").into()),
    };
    print!("{report}");
    Ok(ExitCode::SUCCESS)
}
