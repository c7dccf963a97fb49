//! Converts every documentation string of a sample of AWS models and reads the result with
//! pulldown-cmark as rustdoc would (tests; skipped when `../shared` is missing).

use std::path::Path;

use pulldown_cmark::{Event, Options, Parser, TagEnd};

use super::rustdoc_check::{problems, rustdoc_options};
use super::{html, to_markdown};

/// The models of the corpus check's sample (every protocol and shape kind), and S3, whose
/// documentation is the richest in placeholders such as `<bucket-name>`.
const MODELS: &[&str] = &[
    "accessanalyzer",
    "amplifybackend",
    "bedrock-runtime",
    "cloudwatch-logs",
    "dynamodb",
    "emr-serverless",
    "freetier",
    "glacier",
    "inspector-scan",
    "kinesis",
    "lex-runtime-v2",
    "rds-data",
    "route-53",
    "s3-control",
    "sqs",
    "sts",
    "sns",
    "s3",
];

/// Every `smithy.api#documentation` string in a JSON AST document, on shapes and members alike.
fn documentation<'a>(value: &'a serde_json::Value, out: &mut Vec<&'a str>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, value) in map {
                match value {
                    serde_json::Value::String(doc) if key == "smithy.api#documentation" => out.push(doc),
                    _ => documentation(value, out),
                }
            }
        }
        serde_json::Value::Array(values) => values.iter().for_each(|value| documentation(value, out)),
        _ => {}
    }
}

/// The documentation strings of the sample, or `None` when the models are not there.
fn sample_documentation() -> Option<Vec<(String, String)>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/models/aws");
    if !dir.is_dir() {
        eprintln!("skipped: {} is missing", dir.display());
        return None;
    }
    let mut docs = Vec::new();
    for model in MODELS {
        let path = dir.join(format!("{model}.json"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let json: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let mut strings = Vec::new();
        documentation(&json, &mut strings);
        docs.extend(strings.into_iter().map(|doc| (model.to_string(), doc.to_string())));
    }
    Some(docs)
}

/// The text a reader sees in `markdown` as rustdoc renders it: text and code, without markup or
/// link destinations.
fn rendered_text(markdown: &str) -> String {
    let mut text = String::new();
    for event in Parser::new_ext(markdown, rustdoc_options()) {
        match event {
            Event::Text(part) | Event::Code(part) => text.push_str(&part),
            // Inline markup joins the text around it (`` `Id`s `` reads `Ids`); blocks do not.
            Event::Start(tag) if !is_inline(&tag.to_end()) => text.push(' '),
            Event::End(end) if !is_inline(&end) => text.push(' '),
            Event::SoftBreak | Event::HardBreak | Event::Rule => text.push(' '),
            _ => {}
        }
    }
    text
}

/// The text of documentation as its author wrote it to be read: for HTML, the text of the
/// parsed tree (placeholders such as `<region>` are text there); for CommonMark, what
/// pulldown-cmark reads as text, code or inline HTML.
fn source_text(doc: &str) -> String {
    if html::looks_like_html(doc) {
        let mut text = String::new();
        html_text(&html::parse(doc), &mut text);
        text
    } else {
        let mut text = String::new();
        for event in Parser::new_ext(doc, Options::empty()) {
            match event {
                Event::Text(part) | Event::Code(part) | Event::InlineHtml(part) | Event::Html(part) => {
                    text.push_str(&part);
                }
                Event::Start(tag) if is_inline(&tag.to_end()) => {}
                Event::End(end) if is_inline(&end) => {}
                _ => text.push(' '),
            }
        }
        text
    }
}

fn is_inline(end: &TagEnd) -> bool {
    matches!(end, TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link | TagEnd::Image)
}

fn html_text(element: &html::Element, out: &mut String) {
    for child in &element.children {
        match child {
            html::Node::Text(text) => out.push_str(text),
            html::Node::Element(element) => {
                let inline = matches!(
                    element.tag,
                    html::Tag::Bold | html::Tag::Italic | html::Tag::Plain | html::Tag::Code | html::Tag::Anchor
                );
                if !inline {
                    out.push(' ');
                }
                html_text(element, out);
                if !inline {
                    out.push(' ');
                }
            }
        }
    }
}

/// The words of `text`: its runs of letters and digits.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty())
}

/// The placeholders in `text`: `<name>` where a name starts with a letter and holds letters,
/// digits, `-` and `_`, as in `https://<region>.example.com` or `<bucket-name>`.
fn placeholders(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    for (lt, _) in text.match_indices('<') {
        let rest = &text[lt + 1..];
        let len = rest.bytes().take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_')).count();
        if len > 0 && rest.as_bytes()[0].is_ascii_alphabetic() && rest.as_bytes().get(len) == Some(&b'>') {
            found.push(&text[lt..lt + len + 2]);
        }
    }
    found
}

/// Whether `needles` appear in `haystack` in order.
fn is_subsequence<'a>(needles: impl Iterator<Item = &'a str>, mut haystack: impl Iterator<Item = &'a str>) -> bool {
    let mut needles = needles;
    needles.all(|needle| haystack.any(|word| word == needle))
}

#[test]
fn aws_documentation_is_markdown_rustdoc_reads_as_meant() {
    let Some(docs) = sample_documentation() else { return };
    assert!(docs.len() > 5_000, "only {} documentation strings in the sample", docs.len());
    let mut failures = Vec::new();
    let mut placeholders_seen = 0;
    for (model, doc) in &docs {
        let markdown = to_markdown(doc);
        let mut found = problems(&markdown);
        let source = source_text(doc);
        let shown = rendered_text(&markdown);
        for placeholder in placeholders(&source) {
            placeholders_seen += 1;
            if !shown.contains(placeholder) {
                found.push(format!("placeholder {placeholder} is not shown as text"));
            }
        }
        if !is_subsequence(words(&source), words(&shown)) {
            let missing: Vec<&str> = words(&source).filter(|word| !shown.contains(word)).take(5).collect();
            found.push(format!("words lost, among them {missing:?}"));
        }
        if !found.is_empty() {
            failures.push(format!("{model}: {doc:?}\n→ {markdown:?}\n  {}", found.join("\n  ")));
        }
    }
    // The sample is chosen to hold placeholders; none found would mean the check checks nothing.
    assert!(placeholders_seen > 100, "only {placeholders_seen} placeholders in the sample");
    assert!(
        failures.is_empty(),
        "{} of {} documentation strings fail:\n\n{}",
        failures.len(),
        docs.len(),
        failures.iter().take(20).cloned().collect::<Vec<_>>().join("\n\n")
    );
}
