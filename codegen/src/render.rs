//! Turns the IR into the files of a crate.
//!
//! One renderer per kind of item (`structure`, `builder`, `enumeration`, `union`, `error`,
//! `operation`), chosen by one `match` in [`render_item`]; `modules` writes the module tree that
//! re-exports the items; `runtime` adds the support modules every crate carries, as text.
//! Renderers return token streams; each file is parsed by syn (so a renderer bug that makes
//! invalid Rust fails generation instead of reaching a user's compiler) and printed by
//! prettyplease. Files are rendered and formatted in parallel: token streams cannot cross
//! threads, so each worker renders and formats whole files.

mod aws_json;
mod builder;
mod cbor;
mod customize;
mod enumeration;
mod error;
mod http;
mod modules;
mod operation;
mod protocol;
mod query;
mod rpc_v2;
mod runtime;
mod serde;
mod structure;
mod tokens;
mod union;
mod xml;

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use proc_macro2::TokenStream;

pub(crate) use builder::{document_expression, float_expression};
pub(crate) use customize::Dependency;
pub(crate) use customize::s3 as s3_customization;
pub(crate) use protocol::{SERDE_MODEL_JSON, Wire, wire};
pub(crate) use tokens::{Std, builder_path, ident, lit, module_path, path};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::ir::{Crate, Item, ItemKind, Module, Operation};
use crate::{Files, Settings};

/// Everything a renderer may read.
pub(crate) struct Context<'a> {
    /// The crate being rendered.
    pub krate: &'a Crate,
    /// What to generate, besides the model.
    pub settings: &'a Settings,
}

/// How long rendering took, summed over the files (on however many threads).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct RenderTimes {
    /// Building token streams.
    pub tokens: Duration,
    /// Parsing them with syn and printing them with prettyplease.
    pub format: Duration,
}

/// One Rust source file to render: its path and how to make its tokens.
enum Job<'a> {
    Item(&'a Item),
    OperationModule(&'a Operation),
    OperationBuilders(&'a Operation),
    OperationInput(&'a Operation),
    OperationOutput(&'a Operation),
    Module(modules::ModuleFile),
}

impl Job<'_> {
    fn path(&self) -> String {
        match self {
            Job::Item(item) => item_file(&item.named.module, &item.named.file),
            Job::OperationModule(op) => format!("src/operation/{}.rs", op.module),
            Job::OperationBuilders(op) => format!("src/operation/{}/builders.rs", op.module),
            Job::OperationInput(op) => item_file(&op.input.named.module, &op.input.named.file),
            Job::OperationOutput(op) => item_file(&op.output.named.module, &op.output.named.file),
            Job::Module(file) => file.path().to_owned(),
        }
    }

    /// What the file is generated from, for messages about it.
    fn subject(&self) -> String {
        match self {
            Job::Item(item) => format!("the item `{}`", item.named.name),
            Job::OperationModule(op) | Job::OperationBuilders(op) => format!("the operation `{}`", op.shape_name),
            Job::OperationInput(op) => format!("the input of `{}`", op.shape_name),
            Job::OperationOutput(op) => format!("the output of `{}`", op.shape_name),
            Job::Module(file) => format!("the module file `{}`", file.path()),
        }
    }

    fn render(&self, cx: &Context<'_>) -> TokenStream {
        match self {
            Job::Item(item) => render_item(cx, item),
            Job::OperationModule(op) => operation::module(cx, op),
            Job::OperationBuilders(op) => operation::builders(op),
            Job::OperationInput(op) => operation::input(cx, op),
            Job::OperationOutput(op) => operation::output(cx, op),
            Job::Module(file) => modules::render(cx, *file),
        }
    }
}

/// Renders one item of `crate::types` or `crate::types::error`: the one exhaustive match over
/// item kinds.
fn render_item(cx: &Context<'_>, item: &Item) -> TokenStream {
    let mut tokens = match &item.kind {
        ItemKind::Structure(structure) => structure::structure(cx, item, structure),
        ItemKind::Union(union) => union::union(cx, item, union),
        ItemKind::Enum(enumeration) => enumeration::enumeration(item, enumeration),
    };
    tokens.extend(protocol::item_codecs(cx, item));
    if let ItemKind::Structure(structure) = &item.kind
        && let crate::ir::Role::Error(info) = &structure.role
    {
        tokens.extend(error::exception(item, structure, info, structure::carries_request_id(cx, structure)));
        // Errors that travel only inside event streams are never read from a response.
        if info.in_responses {
            tokens.extend(protocol::read_parts(cx, item, structure));
        }
    }
    tokens
}

/// Renders the whole crate: `Cargo.toml` and every source file, formatted on `threads` threads.
pub(crate) fn render_crate(krate: &Crate, settings: &Settings, times: &mut RenderTimes) -> Result<Files, Diagnostics> {
    let cx = Context { krate, settings };
    let mut jobs: Vec<Job<'_>> = krate.items.iter().map(Job::Item).collect();
    for op in &krate.operations {
        jobs.extend([
            Job::OperationModule(op),
            Job::OperationBuilders(op),
            Job::OperationInput(op),
            Job::OperationOutput(op),
        ]);
    }
    jobs.extend(modules::files(krate).into_iter().map(Job::Module));

    let header = header(settings, "//");
    let results = run_parallel(&jobs, settings.threads, |job| {
        let started = Instant::now();
        let tokens = job.render(&cx);
        let rendered = Instant::now();
        let text = format_file(&header, tokens).map_err(|problem| {
            Diagnostic::new(format!(
                "internal error: the code generated for {} is not valid Rust ({problem}); please report this",
                job.subject()
            ))
        });
        (job.path(), text, rendered - started, rendered.elapsed())
    });

    let mut files = Files::default();
    let mut diagnostics = Diagnostics::new();
    for (path, text, tokens_time, format_time) in results {
        times.tokens += tokens_time;
        times.format += format_time;
        match text {
            Ok(text) => files.insert(path, text),
            Err(diagnostic) => diagnostics.push(diagnostic),
        }
    }
    for (path, text) in runtime::files(&cx) {
        files.insert_copied(path, text);
    }
    files.insert(
        "Cargo.toml".to_owned(),
        crate::package::cargo_toml(
            settings,
            &krate.service.title,
            protocol::crate_wire(&cx).as_ref(),
            &customize::dependencies(krate),
        ),
    );
    diagnostics.into_result(files)
}

/// Runs `work` on every job, on up to `threads` threads (0: one per core), in job order.
fn run_parallel<'a, T: Send>(jobs: &'a [Job<'a>], threads: usize, work: impl Fn(&Job<'a>) -> T + Sync) -> Vec<T> {
    let threads = match threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    }
    .min(jobs.len().max(1));
    if threads <= 1 {
        return jobs.iter().map(work).collect();
    }
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<T>>> = Mutex::new((0..jobs.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = jobs.get(i) else { break };
                    let result = work(job);
                    results.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(result);
                }
            });
        }
    });
    let results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    results.into_iter().map(|r| r.expect("every job ran")).collect()
}

/// Parses `tokens` as a file and prints it, after `header`.
pub(crate) fn format_file(header: &str, tokens: TokenStream) -> Result<String, String> {
    let file: syn::File = syn::parse2(tokens).map_err(|e| e.to_string())?;
    let printed = prettyplease::unparse(&file);
    let mut text = String::with_capacity(header.len() + printed.len() + printed.len() / 16);
    text.push_str(header);
    space_items(&printed, &mut text);
    Ok(text)
}

/// Copies prettyplease's output into `out` with blank lines where a person would put them
/// (prettyplease keeps none): between items at the top level and inside `impl` blocks, after a
/// block or between runs of different declarations (`mod`s, `use`s, other items).
fn space_items(printed: &str, out: &mut String) {
    let lines: Vec<&str> = printed.lines().collect();
    // The kind of item each line starts, attributes and documentation taking their item's kind.
    let mut kinds: Vec<Option<Kind>> = vec![None; lines.len()];
    for i in (0..lines.len()).rev() {
        let (indent, trimmed) = indented(lines[i]);
        if indent > 4 || !starts_item(trimmed) {
            continue;
        }
        let attribute = trimmed.starts_with("#[") || trimmed.starts_with("///");
        let next_indent = lines.get(i + 1).map(|next| indented(next).0);
        kinds[i] = match (attribute, kinds.get(i + 1).copied().flatten()) {
            (true, Some(kind)) if next_indent == Some(indent) => Some(kind),
            _ => Some(kind(trimmed)),
        };
    }
    let mut previous: Option<(usize, Kind)> = None;
    for (line, item_kind) in lines.iter().zip(&kinds) {
        let (indent, trimmed) = indented(line);
        if let (Some(kind), Some((previous_indent, previous_kind))) = (item_kind, previous)
            && previous_indent == indent
            && (previous_kind == Kind::Block || previous_kind != *kind)
        {
            out.push('\n');
        }
        previous = if trimmed == "}" || trimmed == "};" || (starts_item(trimmed) && trimmed.ends_with("{}")) {
            Some((indent, Kind::Block))
        } else if starts_item(trimmed) && trimmed.ends_with(';') {
            item_kind.map(|kind| (indent, kind))
        } else {
            None
        };
        out.push_str(line);
        out.push('\n');
    }
}

/// A line's indentation and the rest of it. prettyplease indents with spaces only.
fn indented(line: &str) -> (usize, &str) {
    let indent = line.bytes().take_while(|&b| b == b' ').count();
    (indent, &line[indent..])
}

/// What ends a line, for deciding where blank lines go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Block,
    Mod,
    Use,
    Other,
}

fn kind(line: &str) -> Kind {
    let line = line.strip_prefix("pub(crate) ").or_else(|| line.strip_prefix("pub ")).unwrap_or(line);
    if line.starts_with("mod ") {
        Kind::Mod
    } else if line.starts_with("use ") {
        Kind::Use
    } else {
        Kind::Other
    }
}

/// Whether a line starts an item (or its attributes or documentation).
fn starts_item(line: &str) -> bool {
    const STARTS: &[&str] =
        &["#[", "///", "pub ", "pub(", "fn ", "impl ", "impl<", "struct ", "enum ", "const ", "mod ", "use ", "type "];
    STARTS.iter().any(|start| line.starts_with(start))
}

/// The source file that defines an item, relative to the crate root.
pub(crate) fn item_file(module: &Module, file: &str) -> String {
    format!("src/{}/{file}.rs", module_dir(module))
}

/// The directory of a public module's private files, relative to `src/`.
pub(crate) fn module_dir(module: &Module) -> String {
    match module {
        Module::Types => "types".to_owned(),
        Module::TypesError => "types/error".to_owned(),
        Module::Operation(name) => format!("operation/{name}"),
    }
}

/// The comment that opens every generated file.
pub(crate) fn header(settings: &Settings, comment: &str) -> String {
    format!("{comment} Code generated by {}. DO NOT EDIT.\n", settings.generated_by)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_spaced_but_statements_are_not() {
        let printed = "mod a;\nmod b;\nuse a;\nstruct A {}\nimpl A {\n    fn a() {\n        let x = 1;\n    }\n    fn b() {}\n    fn c() {\n    }\n    #[doc = \"\"]\n    fn d() {}\n}\nimpl B {}\n";
        let mut out = String::new();
        space_items(printed, &mut out);
        assert_eq!(
            out,
            "mod a;\nmod b;\n\nuse a;\n\nstruct A {}\n\nimpl A {\n    fn a() {\n        let x = 1;\n    }\n\n    fn b() {}\n\n    fn c() {\n    }\n\n    #[doc = \"\"]\n    fn d() {}\n}\n\nimpl B {}\n"
        );
    }

    #[test]
    fn documentation_reads_as_written_whatever_quotes_and_hashes_it_holds() {
        let hashes = "#".repeat(300);
        let lines = [
            "plain".to_owned(),
            "a \"quoted\" word and a backslash \\ and \\n".to_owned(),
            "ends with a quote\"".to_owned(),
            "\"# \"## \"### quote-hash runs".to_owned(),
            format!("a long run, which a raw string still holds: \"{} done", &hashes[..100]),
            format!("a run longer than any raw string takes: \"{hashes} done"),
            "`code`, <tags>, {braces}, r#\"raw\"#, \u{1F600} and \u{e9}".to_owned(),
        ];
        let docs = tokens::docs(&lines.join("\n"));
        let printed = format_file("", quote::quote! { #docs pub struct Documented; }).expect("formats");
        let expected: String = lines.iter().map(|line| format!("/// {line}\n")).collect();
        assert_eq!(printed, format!("{expected}pub struct Documented;\n"));
    }

    #[test]
    fn invalid_tokens_are_an_error_not_text() {
        let tokens: TokenStream = "let x = 1;".parse().expect("lexes");
        assert!(format_file("", tokens).is_err());
    }
}
