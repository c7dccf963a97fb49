//! Amazon DynamoDB (awsJson1_0): a table created, an item written and read back, the tables
//! listed, the table deleted, and a missing table.

mod support;

use moto_dynamodb::error::RequestId;
use moto_dynamodb::http::RequestOptions;
use moto_dynamodb::operation::create_table::{CreateTableInput, CreateTableOutput};
use moto_dynamodb::operation::delete_table::{DeleteTableInput, DeleteTableOutput};
use moto_dynamodb::operation::describe_table::{DescribeTableError, DescribeTableInput, DescribeTableOutput};
use moto_dynamodb::operation::get_item::{GetItemInput, GetItemOutput};
use moto_dynamodb::operation::list_tables::{ListTablesInput, ListTablesOutput};
use moto_dynamodb::operation::put_item::{PutItemInput, PutItemOutput};
use moto_dynamodb::types::{
    AttributeDefinition, AttributeValue, BillingMode, KeySchemaElement, KeyType, ScalarAttributeType, TableStatus,
};

#[test]
fn tables_and_items_round_trip() {
    let moto = support::Moto::start();
    let options = RequestOptions::new().endpoint(moto.endpoint());
    let send = |request| moto.send("dynamodb", request);

    let create = CreateTableInput::builder()
        .table_name("roundtrip")
        .attribute_definitions(
            AttributeDefinition::builder()
                .attribute_name("id")
                .attribute_type(ScalarAttributeType::S)
                .build()
                .expect("a definition"),
        )
        .key_schema(KeySchemaElement::builder().attribute_name("id").key_type(KeyType::Hash).build().expect("a key"))
        .billing_mode(BillingMode::PayPerRequest)
        .build();
    let created =
        CreateTableOutput::from_http_response(&send(create.to_http_request_with(&options).expect("a request")))
            .expect("the table is created");
    let table = created.table_description().expect("the table's description");
    assert_eq!(table.table_name(), Some("roundtrip"));
    assert_eq!(table.table_status(), Some(&TableStatus::Active));
    assert!(created.request_id().is_some(), "the response's request id is kept");

    let put = PutItemInput::builder()
        .table_name("roundtrip")
        .item("id", AttributeValue::S("one".into()))
        .item("count", AttributeValue::N("42".into()))
        .item("tags", AttributeValue::Ss(vec!["a".into(), "b".into()]))
        .item("flag", AttributeValue::Bool(true))
        .item("data", AttributeValue::B(b"\x00\x01binary".to_vec().into()))
        .build();
    PutItemOutput::from_http_response(&send(put.to_http_request_with(&options).expect("a request")))
        .expect("the item is written");

    let get = GetItemInput::builder().table_name("roundtrip").key("id", AttributeValue::S("one".into())).build();
    let got = GetItemOutput::from_http_response(&send(get.to_http_request_with(&options).expect("a request")))
        .expect("the item reads back");
    let item = got.item().expect("the item");
    assert_eq!(item.get("id"), Some(&AttributeValue::S("one".into())));
    assert_eq!(item.get("count"), Some(&AttributeValue::N("42".into())));
    assert_eq!(item.get("flag"), Some(&AttributeValue::Bool(true)));
    assert_eq!(item.get("data"), Some(&AttributeValue::B(b"\x00\x01binary".to_vec().into())));
    let Some(AttributeValue::Ss(tags)) = item.get("tags") else { panic!("a string set: {item:?}") };
    assert_eq!(tags.len(), 2);

    let list = ListTablesInput::builder().build();
    let listed = ListTablesOutput::from_http_response(&send(list.to_http_request_with(&options).expect("a request")))
        .expect("the tables list");
    assert_eq!(listed.table_names(), ["roundtrip"]);

    let delete = DeleteTableInput::builder().table_name("roundtrip").build();
    DeleteTableOutput::from_http_response(&send(delete.to_http_request_with(&options).expect("a request")))
        .expect("the table is deleted");

    let describe = DescribeTableInput::builder().table_name("roundtrip").build();
    let missing =
        DescribeTableOutput::from_http_response(&send(describe.to_http_request_with(&options).expect("a request")));
    match missing {
        Err(DescribeTableError::ResourceNotFoundException(error)) => {
            assert!(error.message().is_some_and(|m| m.contains("roundtrip")), "{error:?}");
        }
        other => panic!("expected ResourceNotFoundException, got {other:?}"),
    }
}
