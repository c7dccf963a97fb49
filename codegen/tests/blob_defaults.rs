//! A blob's `@default` is base64 text; the generator accepts exactly the text the generated crate's
//! `Blob::from_base64` accepts, because it decodes it with the same function, and refuses the
//! rest with a diagnostic naming the member.

use codegen::{ModelAssembler, Settings};
use codegen_runtime::primitives::Blob;

/// The generated files of a service whose input has one blob member with `default` as its
/// `@default`, or the problems reported.
fn generate(default: &str) -> Result<Vec<String>, String> {
    let model = serde_json::json!({
        "smithy": "2.0",
        "shapes": {
            "example#Service": {
                "type": "service",
                "version": "1",
                "operations": [{ "target": "example#Op" }]
            },
            "example#Op": {
                "type": "operation",
                "input": { "target": "example#OpInput" },
                "output": { "target": "smithy.api#Unit" }
            },
            "example#OpInput": {
                "type": "structure",
                "members": {
                    "data": {
                        "target": "smithy.api#Blob",
                        "traits": { "smithy.api#default": default }
                    }
                }
            }
        }
    });
    let mut assembler = ModelAssembler::new();
    assembler.add_json_value("model.json", model);
    let model = assembler.assemble().expect("the model loads");
    let files = codegen::generate(&model, &Settings::new("example")).map_err(|d| d.to_string())?;
    Ok(files.iter().map(|(_, text)| text.to_owned()).collect())
}

/// What the generated builder fills the member with: the decoded bytes, if any.
fn written_default(files: &[String]) -> Option<String> {
    files.iter().find_map(|text| {
        let start = text.find("Blob::new(b\"")? + "Blob::new(b\"".len();
        let len = text[start..].find('"')?;
        Some(text[start..start + len].to_owned())
    })
}

#[test]
fn the_generator_accepts_exactly_what_the_runtime_accepts() {
    // Padded, unpadded, non-zero pad bits, too much padding, whitespace, another alphabet.
    for text in ["Zm9v", "Zm8=", "Zg==", "Zm8", "Zg", "Zm9=", "Zh==", "Zg===", "Zm9v\n", " Zm9v", "Zm-_"] {
        match Blob::from_base64(text) {
            Some(blob) => {
                let expected = String::from_utf8(blob.into_inner()).unwrap();
                let files = generate(text).unwrap_or_else(|problems| panic!("{text:?}: {problems}"));
                assert_eq!(written_default(&files), Some(expected), "{text:?}");
            }
            None => {
                let problems = generate(text).err().unwrap_or_else(|| panic!("{text:?} was accepted"));
                assert!(problems.contains("example#OpInput$data"), "{text:?}: {problems}");
            }
        }
    }
}
