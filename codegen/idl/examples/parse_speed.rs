//! Measures read speed: assembles every protocol-test and trait-definition file of
//! `../shared/smithy` N times (default 20) and prints MB/s.
//!
//! `cargo run --release -p smithy-idl --example parse_speed -- [N]`

use std::time::Instant;

fn main() {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/smithy");
    let mut files = Vec::new();
    for dir in ["protocol-tests", "trait-defs"] {
        let mut stack = vec![shared.join(dir)];
        while let Some(dir) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                eprintln!("{} is absent", dir.display());
                return;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "smithy") {
                    let text = std::fs::read_to_string(&path).expect("readable file");
                    files.push((path.display().to_string(), text));
                }
            }
        }
    }
    let bytes: usize = files.iter().map(|(_, text)| text.len()).sum();
    let rounds: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(20);
    let mut assembler = smithy_idl::Assembler::new();
    for (path, text) in &files {
        assembler.add_idl(path.clone(), text.clone());
    }
    assembler.assemble().expect("the files assemble");

    let start = Instant::now();
    for _ in 0..rounds {
        assembler.assemble().expect("the files assemble");
    }
    let seconds = start.elapsed().as_secs_f64();
    let megabytes = (bytes * rounds) as f64 / 1_000_000.0;
    println!(
        "assembled {} files ({:.2} MB) {rounds} times in {seconds:.2} s: {:.1} MB/s",
        files.len(),
        bytes as f64 / 1_000_000.0,
        megabytes / seconds
    );

    let start = Instant::now();
    for _ in 0..rounds {
        for (path, text) in &files {
            // Files read alone may refer to others; only the time matters here.
            let _ = smithy_idl::parse_file(path, text);
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    println!("parsed each file alone {rounds} times: {:.1} MB/s", megabytes / seconds);
}
