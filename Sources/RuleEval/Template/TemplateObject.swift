/// A Go struct value flowing through template execution: its exported fields in declaration order (the order
/// `fmt` prints them in) and the name of its Go type.
struct TemplateObject: Sendable {
    /// Go's `reflect.Type.String()` of the struct.
    var goTypeName: String
    /// The exported fields in declaration order.
    var fields: [(name: String, value: TemplateValue)]

    /// The value of the field `name`, `nil` when the struct has no such field.
    func field(_ name: String) -> TemplateValue? {
        fields.first { $0.name == name }?.value
    }
}
