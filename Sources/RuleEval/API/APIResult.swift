/// What an endpoint answers: its `data` value (`nil` for Prometheus's empty `204 No Content`) and warnings.
struct APIResult {
    /// The JSON of the `data` field.
    var data: APIJSONWriter?
    /// Prometheus's `warnings`, e.g. `results truncated due to limit`.
    var warnings: [String] = []

    /// A result whose data `write` produces.
    init(warnings: [String] = [], _ write: (inout APIJSONWriter) -> Void) {
        var writer = APIJSONWriter()
        write(&writer)
        self.data = writer
        self.warnings = warnings
    }

    /// `204 No Content`.
    static let noContent = APIResult(data: nil)

    private init(data: APIJSONWriter?) {
        self.data = data
    }
}
