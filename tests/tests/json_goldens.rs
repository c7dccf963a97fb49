//! Every type of the golden crates survives value → JSON → value, fully populated.

use std::fmt::Debug;

use serde::Serialize;
use serde::de::DeserializeOwned;

/// Asserts that `value` reads back equal from its JSON, and that writing it again gives the same
/// JSON (as a value: map entries come in no particular order).
fn round_trip<T: Serialize + DeserializeOwned + PartialEq + Debug>(value: &T) {
    let json = serde_json::to_string(value).unwrap();
    let read: T = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"));
    assert_eq!(&read, value, "{json}");
    let again: serde_json::Value = serde_json::to_value(&read).unwrap();
    assert_eq!(again, serde_json::from_str::<serde_json::Value>(&json).unwrap(), "writing again gives the same JSON");
}

#[test]
fn naming_obstacle_course() {
    use golden_naming::operation::get_result::{GetResultInput, GetResultOutput};
    use golden_naming::operation::r#match::{MatchInput, MatchOutput};
    use golden_naming::types::error::{Error, Unhandled};
    use golden_naming::types::{Box as Boxed, Option as Choice, Result as Outcome, String as Text};

    let text = Text::builder().value("v").build().unwrap();
    let outcome =
        Outcome::builder().ok("yes").err(Error::builder().message("no").build().unwrap()).default("d").build();
    let nested = Boxed::builder().inner(Boxed::builder().inner(Boxed::builder().build()).build()).build();
    let input = MatchInput::builder()
        .r#type("t")
        .r#match("m")
        .self_value("s")
        .crate_value(true)
        .builder_value("b")
        .build_value("bv")
        .r#async("a")
        .r#gen("g")
        .option(Choice::UnknownValue)
        .result(outcome.clone())
        .string(text.clone())
        .r#box(nested)
        .vec(text.clone())
        .build();
    round_trip(&input);
    round_trip(&MatchOutput::builder().ok(true).build());
    round_trip(
        &GetResultInput::builder()
            .foo("1")
            .set_foo_value("2")
            .get_foo_value("3")
            .foo_bar("4")
            .foo_bar_value("5")
            .build(),
    );
    round_trip(&GetResultOutput::builder().ok("x").build());
    round_trip(&Unhandled::builder().message("m").build());
    for value in [Choice::Some, Choice::None, Choice::UnknownValue, Choice::SelfValue, Choice::from("later")] {
        round_trip(&value);
    }
    // The member named `Self` keeps its wire name.
    assert_eq!(serde_json::to_string(&Choice::SelfValue).unwrap(), r#""self""#);
    assert_eq!(serde_json::to_value(&input).unwrap()["type"], "t");
}

#[test]
fn enums() {
    use golden_enums::operation::put_enums::{PutEnumsInput, PutEnumsOutput};
    use golden_enums::types::{InstanceSize, Level};
    #[allow(deprecated)]
    let legacy = InstanceSize::Legacy;
    let input = PutEnumsInput::builder()
        .size(InstanceSize::T2Micro)
        .level(Level::High)
        .sizes(InstanceSize::T2Large)
        .sizes(legacy)
        .sizes(InstanceSize::UnknownValue)
        .sizes(InstanceSize::from("t3.nano"))
        .build()
        .unwrap();
    round_trip(&input);
    round_trip(&PutEnumsOutput::builder().size(InstanceSize::from("")).build());
    round_trip(&Level::from(-4));
}

#[test]
fn optionality_and_defaults() {
    use golden_optionality::operation::apply::ApplyInput;
    use golden_optionality::operation::configure::{ConfigureInput, ConfigureOutput};
    use golden_optionality::primitives::{Blob, DateTime, Document};
    use golden_optionality::types::{Level, Mode, Settings};

    let settings = Settings::builder().depth(3).small(-1).scale(0.5).build().unwrap();
    let full = ConfigureInput::builder()
        .name("n")
        .nickname("nick")
        .retries(0)
        .enabled(true)
        .ratio(2.5)
        .label("")
        .mode(Mode::Safe)
        .tags("t")
        .level(-9)
        .hint("h")
        .count(4)
        .settings(settings.clone())
        .since(6)
        .start_at(DateTime::from_secs(-5))
        .payload(Blob::new(vec![0, 255]))
        .metadata(Document::from(vec![Document::from(1.5), Document::Null]))
        .level2(Level::One)
        .build()
        .unwrap();
    round_trip(&full);
    let minimal = ConfigureInput::builder().name("n").settings(settings).build().unwrap();
    round_trip(&minimal);
    // Defaults are filled by the builder, so they are written; `@addedDefault` members are not.
    let json = serde_json::to_value(&minimal).unwrap();
    assert_eq!(json["retries"], 3);
    assert_eq!(json["label"], "none");
    assert!(json.get("since").is_none());
    round_trip(&ConfigureOutput::builder().id("i").build().unwrap());
    round_trip(&ApplyInput::builder().depth(1).build());
}

#[test]
fn collections() {
    use std::collections::HashMap;

    use golden_collections::operation::put_collections::{PutCollectionsInput, PutCollectionsOutput};
    use golden_collections::types::{Kind, Node};

    let leaf = Node::builder().name("leaf").build().unwrap();
    let tree = Node::builder()
        .name("root")
        .children(leaf.clone())
        .children(Node::builder().name("mid").children(leaf.clone()).build().unwrap())
        .parent(leaf.clone())
        .build()
        .unwrap();
    let input = PutCollectionsInput::builder()
        .matrix(vec!["a".into(), "b".into()])
        .matrix(vec![])
        .names("n1")
        .names("n2")
        .groups("g", vec!["x".into()])
        .sparse(Some("s".into()))
        .sparse(None)
        .sparse_map("k", None)
        .sparse_map("j", Some(2))
        .nodes(tree.clone())
        .secrets("p4ssw0rd")
        .counts_by_kind(Kind::A, 1)
        .counts_by_kind(Kind::from("c"), -1)
        .build()
        .unwrap();
    round_trip(&input);
    let json = serde_json::to_value(&input).unwrap();
    assert_eq!(json["sparse"], serde_json::json!(["s", null]), "sparse lists keep null");
    assert_eq!(json["sparseMap"]["k"], serde_json::Value::Null, "sparse maps keep null");
    round_trip(&PutCollectionsOutput::builder().tree(tree).build());
    let empty = PutCollectionsInput::builder().names("only").set_groups(Some(HashMap::new())).build().unwrap();
    round_trip(&empty);
}

#[test]
fn services_and_their_errors() {
    use golden_services::operation::get_bucket::GetBucketOutput;
    use golden_services::operation::watch_object::WatchObjectOutput;
    use golden_services::primitives::{DateTime, EventStream};
    use golden_services::types::error::{InternalError, NoSuchBucket, ThrottlingError, WatchError};
    use golden_services::types::{ChangedEvent, DeletedEvent, ObjectEvents};

    round_trip(&GetBucketOutput::builder().created(DateTime::from_secs(1)).build().unwrap());
    let events = EventStream::new(vec![
        ObjectEvents::Changed(ChangedEvent::builder().size(1).build()),
        ObjectEvents::Deleted(DeletedEvent::builder().build()),
        ObjectEvents::WatchError(WatchError::builder().message("lost").build()),
    ]);
    round_trip(&WatchObjectOutput::builder().events(events).build());
    round_trip(&NoSuchBucket::builder().message("no").build().unwrap());
    round_trip(&ThrottlingError::builder().message("slow").build());
    // Sensitive values are hidden from Debug, not from the wire.
    let internal = InternalError::builder().message("trace").build();
    assert_eq!(serde_json::to_value(&internal).unwrap()["message"], "trace");
    round_trip(&internal);
}

#[test]
fn amplifybackend_errors_and_every_enum() {
    use amplifybackend::types::error::{
        BadRequestException, GatewayTimeoutException, NotFoundException, TooManyRequestsException,
    };
    use amplifybackend::types::{
        AdditionalConstraintsElement, AuthResources, DeliveryMethod, MfaMode, MfaTypesElement, OAuthGrantType,
        OAuthScopesElement, Service,
    };
    round_trip(&BadRequestException::builder().message("m").build());
    round_trip(&GatewayTimeoutException::builder().message("m").build());
    round_trip(&NotFoundException::builder().message("m").resource_type("App").build());
    round_trip(&TooManyRequestsException::builder().message("m").limit_type("l").build());
    for value in AdditionalConstraintsElement::values() {
        round_trip(&AdditionalConstraintsElement::from(*value));
    }
    for value in AuthResources::values().iter().chain(DeliveryMethod::values()).chain(MfaMode::values()) {
        round_trip(&AuthResources::from(*value));
        round_trip(&DeliveryMethod::from(*value));
        round_trip(&MfaMode::from(*value));
    }
    for value in MfaTypesElement::values().iter().chain(OAuthGrantType::values()).chain(OAuthScopesElement::values()) {
        round_trip(&MfaTypesElement::from(*value));
        round_trip(&OAuthGrantType::from(*value));
        round_trip(&OAuthScopesElement::from(*value));
        round_trip(&Service::from(*value));
    }
}
