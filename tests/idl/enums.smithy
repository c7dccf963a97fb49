// The `enums` golden model (tests/golden/enums/model.json) written in the IDL, with a mixin:
// both must generate the same crate.
$version: "2"

namespace example.enums

service EnumService {
    version: "2024-01-01"
    operations: [PutEnums]
}

operation PutEnums {
    input: PutEnumsInput
    output: PutEnumsOutput
}

@mixin
structure SizeHolder {
    @required
    size: InstanceSize
}

structure PutEnumsInput with [SizeHolder] {
    level: Level
    sizes: InstanceSizes
}

structure PutEnumsOutput {
    size: InstanceSize
}

/// An instance size.
enum InstanceSize {
    /// The smallest size.
    T2_MICRO = "t2.micro"

    T2_LARGE = "t2.large"

    Unknown = "unknown"

    @deprecated(message: "Use T2_MICRO.")
    LEGACY = "legacy-size"
}

intEnum Level {
    LOW = 1
    HIGH = 10
}

list InstanceSizes {
    member: InstanceSize
}
