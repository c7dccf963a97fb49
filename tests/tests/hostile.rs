//! The `hostile` golden crate, used as a client would: sensitive values stay out of everything
//! it prints, including the errors it makes of malformed responses and inputs; values and names
//! chosen to break generated code (bidirectional controls, quotes, the names of the generated
//! code's own helpers and of std items) work like any other. That the crate compiles, lints and
//! documents cleanly is checked by building the workspace.

use golden_hostile::error::BuildError;
use golden_hostile::operation::get_thing::{GetThingError, GetThingOutput};
use golden_hostile::operation::put_thing::{PutThingError, PutThingInput, PutThingOutput};
use golden_hostile::types::{Direction, Level, Secret};

/// Sent by the "service" in every place a sensitive value can travel.
const SECRET: &str = "hunter2";

fn response(status: u16, headers: &[(&str, &str)], body: &str) -> http::Response<Vec<u8>> {
    let mut builder = http::Response::builder().status(status);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    builder.body(body.as_bytes().to_vec()).expect("a valid response")
}

/// Everything a caller may print of a value: `Display` where there is one, `Debug`, and
/// `Debug` pretty-printed.
fn printed<T: std::fmt::Debug>(value: &T, display: Option<&dyn std::fmt::Display>) -> String {
    let mut text = format!("{value:?}\n{value:#?}");
    if let Some(display) = display {
        text.push('\n');
        text.push_str(&display.to_string());
    }
    text
}

fn assert_hidden(text: &str) {
    assert!(!text.contains(SECRET), "a sensitive value is printed: {text}");
}

#[test]
fn a_sensitive_enum_shows_its_value_neither_in_debug_nor_in_display() {
    for value in [Secret::Alpha, Secret::from(SECRET)] {
        let text = printed(&value, Some(&value));
        assert_hidden(&text);
        assert!(!text.contains("alpha") && !text.contains("Alpha"), "{text}");
    }
    // The value is there for whoever asks for it.
    assert_eq!(Secret::from(SECRET).as_str(), SECRET);
    let level = Level::from(2);
    let text = printed(&level, Some(&level));
    assert!(!text.contains('2') && !text.contains("High"), "{text}");
    assert_eq!(level, Level::High);
}

#[test]
fn an_unhandled_error_prints_the_size_of_the_body_not_the_body() {
    let body = format!("{{\"__type\": \"Mystery\", \"detail\": \"{SECRET}\"}}");
    let error = GetThingOutput::from_http_response(&response(503, &[], &body)).unwrap_err();
    let GetThingError::Unhandled(unhandled) = &error else { panic!("expected Unhandled, got {error:?}") };
    assert_eq!(unhandled.code(), Some("Mystery"));
    assert_eq!(unhandled.body(), body.as_bytes());
    assert_hidden(&printed(&error, Some(&error)));
    assert!(format!("{error:?}").contains(&format!("{} bytes", body.len())), "{error:?}");
}

#[test]
fn a_modeled_error_hides_its_sensitive_message() {
    let body = format!("{{\"message\": \"{SECRET}\"}}");
    let error = GetThingOutput::from_http_response(&response(500, &[("x-amzn-errortype", "E")], &body)).unwrap_err();
    let GetThingError::E(e) = &error else { panic!("expected E, got {error:?}") };
    assert_eq!(e.message(), Some(SECRET));
    assert_hidden(&printed(&error, Some(&error)));
}

/// serde's messages quote the value they did not expect (`invalid type: string "hunter2",
/// expected a boolean`); the crate's do not, whether or not the member is sensitive.
#[test]
fn a_body_value_of_the_wrong_type_is_reported_without_the_value() {
    for body in [
        format!("{{\"secretFlag\": \"{SECRET}\"}}"),
        format!("{{\"level\": \"{SECRET}\"}}"),
        format!("{{\"s\": {{\"state\": \"{SECRET}\"}}}}"),
        format!("{{\"option\": {{\"{SECRET}\": 1, \"Some\": 2}}}}"),
        format!("{{\"string\": {{\"value\": [\"{SECRET}\"]}}}}"),
    ] {
        let error = GetThingOutput::from_http_response(&response(200, &[], &body)).unwrap_err();
        let GetThingError::Unhandled(unhandled) = &error else { panic!("expected Unhandled, got {error:?}") };
        assert!(unhandled.message().is_some_and(|m| m.starts_with("the response could not be read")), "{error}");
        assert_hidden(&printed(&error, Some(&error)));
    }
    // The same holds for an error response whose body does not fit its shape.
    let body = format!("{{\"secretFlag\": \"{SECRET}\"}}");
    let error = GetThingOutput::from_http_response(&response(400, &[("x-amzn-errortype", "Visitor")], &body));
    let error = error.unwrap_err();
    assert!(matches!(error, GetThingError::Unhandled(_)), "{error:?}");
    assert_hidden(&printed(&error, Some(&error)));
}

#[test]
fn a_malformed_header_is_reported_by_name_without_its_value() {
    for (name, value) in [
        ("X-Hidden-Number", SECRET.to_owned()),
        ("X-Number", SECRET.to_owned()),
        ("X-Flag", SECRET.to_owned()),
        ("X-When", SECRET.to_owned()),
        ("X-Epoch", SECRET.to_owned()),
        ("X-Numbers", format!("1, {SECRET}")),
        ("X-Dates", SECRET.to_owned()),
    ] {
        let error = GetThingOutput::from_http_response(&response(200, &[(name, &value)], "")).unwrap_err();
        let text = printed(&error, Some(&error));
        assert_hidden(&text);
        assert!(text.to_lowercase().contains(&name.to_lowercase()), "the header is not named: {text}");
    }
}

#[test]
fn a_sensitive_header_read_into_an_output_is_not_printed() {
    let headers = [("X-Secret", SECRET), ("X-Hidden-Number", "42"), ("X-Secret-Token", SECRET)];
    let output = GetThingOutput::from_http_response(&response(200, &headers, "{}")).unwrap();
    assert_eq!(output.secret().map(Secret::as_str), Some(SECRET));
    assert_eq!(output.secret_headers().and_then(|h| h.get("token")).map(String::as_str), Some(SECRET));
    let text = printed(&output, None);
    assert_hidden(&text);
    assert!(!text.contains("42"), "{text}");
}

#[test]
fn an_invalid_sensitive_header_in_an_input_is_refused_without_its_key_or_value() {
    let inputs = [
        PutThingInput::builder().id("a").secret_headers(format!("{SECRET} key"), "v").build(),
        PutThingInput::builder().id("a").secret_headers(format!("Key-{SECRET}\n"), "v").build(),
        PutThingInput::builder().id("a").secret_headers("Key", format!("{SECRET}\n")).build(),
        PutThingInput::builder().id("a").secret(Secret::from(format!("{SECRET}\r\n"))).build(),
    ];
    for input in inputs {
        let error: BuildError = input.to_http_request().unwrap_err();
        assert_hidden(&printed(&error, Some(&error)));
        assert_hidden(&printed(&input, None));
    }
}

#[test]
fn enum_values_with_bidirectional_controls_and_quotes_travel_unchanged() {
    let expected = [
        (Direction::LeftToRight, "\u{202A}LRE"),
        (Direction::Override, "\u{202E}evil"),
        (Direction::Isolate, "\u{2066}isolate\u{2069}"),
        (Direction::Quote, "say \"hi\"\\n"),
        (Direction::Ticks, "a`[b]`c"),
    ];
    for (variant, text) in expected {
        assert_eq!(variant.as_str(), text);
        assert_eq!(Direction::from(text), variant);
        let json = serde_json::to_string(&variant).unwrap();
        assert_eq!(serde_json::from_str::<Direction>(&json).unwrap(), variant);
    }
    let request = PutThingInput::builder().id("a").direction(Direction::Isolate).build().to_http_request().unwrap();
    assert_eq!(request.uri(), "/things/a?direction=%E2%81%A6isolate%E2%81%A9");
}

#[test]
fn a_title_with_quotes_backslashes_and_a_line_break_stays_in_the_description() {
    let manifest = std::fs::read_to_string(xtask::workspace_root().join("tests/golden/hostile/expected/Cargo.toml"))
        .expect("the golden crate's manifest");
    let manifest: toml::Table = manifest.parse().expect("the manifest is TOML");
    let description = manifest["package"]["description"].as_str().expect("a description");
    assert_eq!(
        description,
        "Rust types for A \"quoted\" title\nover two lines \\ with a backslash, generated from its Smithy model."
    );
}

/// Types named like the helpers of generated code (`Visitor`, `D`, `S`, `A`, `ResponseBody`,
/// `RequestBody`) and like std items (`Option`, `Result`, `String`, `Default`, `Debug`, `Hash`)
/// are written and read as JSON bodies and payloads like any others.
#[test]
fn types_named_like_helpers_and_std_items_read_and_write_json() {
    use golden_hostile::types::{D, Default, Option as OptionShape, RequestBody, Result as ResultShape, S};
    let body = r#"{"d":{"deserializer":"x"},"s":{"serializer":"y","state":3},"a":{"k":{"state":4}},
        "option":{"Some":"z"},"string":{"value":"v"},"result":{"Ok":"o"},"default":{"default":"d","debug":{"hash":"MD5"}}}"#;
    let output = GetThingOutput::from_http_response(&response(200, &[], body)).unwrap();
    assert_eq!(output.d(), Some(&D::builder().deserializer("x").build()));
    assert_eq!(output.s().and_then(S::state), Some(3));
    assert_eq!(output.a().and_then(|a| a.get("k")).and_then(S::state), Some(4));
    assert_eq!(output.option(), Some(&OptionShape::Some("z".to_owned())));
    assert_eq!(output.string().map(|s| s.value()), Some("v"));
    assert_eq!(output.result().and_then(ResultShape::ok), Some("o"));
    assert_eq!(output.default().and_then(Default::default), Some("d"));

    let payload = RequestBody::builder().option(OptionShape::None).build();
    let request = PutThingInput::builder().id("a/b").body(payload.clone()).build().to_http_request().unwrap();
    assert_eq!(request.uri(), "/things/a%2Fb");
    let sent: serde_json::Value = serde_json::from_slice(request.body()).unwrap();
    assert_eq!(sent, serde_json::json!({"option": {"None": {}}}));

    let conflict = response(409, &[("x-amzn-errortype", "ResponseBody")], r#"{"message":"taken","body":{}}"#);
    match PutThingOutput::from_http_response(&conflict).unwrap_err() {
        PutThingError::ResponseBody(error) => assert_eq!(error.message(), Some("taken")),
        other => panic!("expected ResponseBody, got {other:?}"),
    }
    let echoed = response(200, &[], r#"{"message":"m","body":{"option":{"None":{}}}}"#);
    let output = PutThingOutput::from_http_response(&echoed).unwrap();
    assert_eq!(output.body().and_then(|b| b.body()).and_then(RequestBody::option), Some(&OptionShape::None));
}
