/// A Go slice flowing through template execution, with the name of its Go type (`[]string`, `template.Alerts`),
/// which decides its methods and how it prints.
struct TemplateList: Sendable {
    /// Go's `reflect.Type.String()` of the slice.
    var goTypeName: String
    /// The elements in order.
    var elements: [TemplateValue]

    /// Go's `[]string`.
    static func strings(_ strings: [String]) -> TemplateList {
        TemplateList(goTypeName: "[]string", elements: strings.map { .string($0) })
    }

    /// The elements as Go strings, when this is a `[]string`.
    var stringElements: [String]? {
        guard goTypeName == "[]string" else { return nil }
        return elements.map { $0.stringKindValue ?? "" }
    }
}
