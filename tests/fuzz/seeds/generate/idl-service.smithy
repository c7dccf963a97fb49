$version: "2"
namespace ex

service Svc {
    version: "1"
    operations: [Put]
}

@http(method: "PUT", uri: "/things/{id}")
@idempotent
operation Put {
    input := {
        @required
        @httpLabel
        id: String

        @httpPayload
        thing: Thing
    }
    output := {
        @httpHeader("X-Count")
        count: Integer
    }
}

union Thing {
    text: String
    number: Long
    nested: Thing
}
