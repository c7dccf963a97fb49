//! The generated `Cargo.toml` as cargo reads it: any service title or `sdkId` gives a manifest
//! cargo accepts with exactly the intended keys, and a package name cargo would refuse is an error.

use std::path::PathBuf;
use std::process::Command;

use codegen::{Model, ModelAssembler, Settings};

/// A model of one service, `ex#<service>`, with the given traits and one empty operation.
fn model(service: &str, traits: serde_json::Value) -> Model {
    let ast = serde_json::json!({
        "smithy": "2.0",
        "shapes": {
            format!("ex#{service}"): {
                "type": "service", "version": "1", "operations": [{"target": "ex#Ping"}], "traits": traits
            },
            "ex#Ping": {"type": "operation"}
        }
    });
    let mut assembler = ModelAssembler::new();
    assembler.add_json_ast("model.json", &ast.to_string());
    assembler.assemble().expect("the model loads")
}

fn sdk_id(id: &str) -> serde_json::Value {
    serde_json::json!({"aws.api#service": {"sdkId": id}})
}

#[test]
fn default_names_are_normalised_from_the_sdk_id_or_the_shape_name() {
    let cases = [
        ("Svc", sdk_id("S3 Control"), "s3-control"),
        ("Svc", sdk_id("Café Ünïcode"), "cafe-unicode"),
        ("Svc", sdk_id("Foo.Bar! (beta)"), "foo-bar-beta"),
        ("Svc", sdk_id("Lex Models V2"), "lex-models-v2"),
        // Nothing usable, a leading digit, a reserved name: the shape name is used instead.
        ("StorageService", sdk_id("!!!"), "storage-service"),
        ("ThreeDService", sdk_id("3D"), "three-d-service"),
        ("TestService", sdk_id("Test"), "test-service"),
        ("TypeService", sdk_id("type"), "type-service"),
        ("ImageBuilder", serde_json::json!({}), "image-builder"),
    ];
    for (service, traits, expected) in cases {
        let name = codegen::default_crate_name(&model(service, traits.clone()), None);
        assert_eq!(name.as_deref().map_err(ToString::to_string), Ok(expected), "{service} {traits}");
    }
}

#[test]
fn a_service_without_any_usable_name_is_an_error_naming_the_shape() {
    for (service, traits) in [("Test", sdk_id("123")), ("Std", serde_json::json!({})), ("Fn", sdk_id(""))] {
        let error = codegen::default_crate_name(&model(service, traits), None).expect_err(service).to_string();
        assert!(error.contains(&format!("model.json: ex#{service}: no package name can be made")), "{error}");
        assert!(error.contains("--crate-name"), "{error}");
        assert!(error.contains("shape name"), "{error}");
    }
}

#[test]
fn generation_refuses_a_package_name_cargo_would_refuse() {
    let model = model("Svc", serde_json::json!({}));
    for name in ["", "3d", "a b", "x\"\n[workspace]", "Upper", "test"] {
        let error = codegen::generate(&model, &Settings::new(name)).expect_err(name).to_string();
        assert!(error.contains("cannot be the package name"), "{name:?}: {error}");
    }
}

/// A scratch crate holding `files`, for cargo to read; outside the workspace, which cargo would
/// otherwise take it to belong to.
fn write_crate(name: &str, files: &codegen::Files) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("codegen-package-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files.iter() {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("scratch directory");
        std::fs::write(path, text).expect("write");
    }
    dir
}

#[test]
fn cargo_reads_the_manifest_with_titles_and_headers_that_look_like_toml() {
    let title = "Evil \"Title\"\n[dependencies]\nevil = \"1\"\\ \u{7}東京";
    let model = model("Svc", serde_json::json!({"smithy.api#title": title}));
    let settings = Settings::new("safe-name").generated_by("`x`\n[workspace]\nmembers = [\"..\"]");
    let files = codegen::generate(&model, &settings).expect("generates");
    let dir = write_crate("evil_title", &files);

    let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["metadata", "--no-deps", "--offline", "--format-version", "1", "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        .output()
        .expect("cargo runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).expect("cargo metadata prints JSON");
    let package = &metadata["packages"][0];
    assert_eq!(package["name"], "safe-name");
    assert_eq!(package["description"], format!("Rust types for {title}, generated from its Smithy model."));
    let dependencies: Vec<&str> =
        package["dependencies"].as_array().expect("a list").iter().filter_map(|d| d["name"].as_str()).collect();
    assert_eq!(dependencies, ["serde"], "nothing was added to [dependencies]");
    assert_eq!(metadata["workspace_members"].as_array().map(Vec::len), Some(1), "no [workspace] was added");
    std::fs::remove_dir_all(&dir).expect("clean up");
}
