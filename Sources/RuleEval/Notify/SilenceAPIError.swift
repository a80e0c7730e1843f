import Exporter

/// A failed silence API request as Alertmanager answers it: the status and a JSON body, which is either the
/// handler's error string (`"Failed to create silence: ..."`) or go-openapi's validation error
/// (`{"code":602,"message":"comment in body is required"}`), or no body at all (404 for an unknown ID).
struct SilenceAPIError: Error, Sendable, Hashable {
    /// The HTTP status.
    var status: HTTPStatus
    /// The JSON body, `nil` for none.
    var body: JSONValue?

    /// go-openapi's `422 Unprocessable Entity` for a request that breaks the OpenAPI schema.
    static let unprocessableEntity = HTTPStatus(code: 422, reasonPhrase: "Unprocessable Entity")

    /// A handler error: `status` with the message as a JSON string.
    static func message(_ message: String, status: HTTPStatus = .badRequest) -> SilenceAPIError {
        SilenceAPIError(status: status, body: .string(message))
    }

    /// A go-openapi parameter validation error (`errors.Validation`): 422 with `code` and `message`.
    static func validation(code: Int, _ message: String) -> SilenceAPIError {
        SilenceAPIError(
            status: unprocessableEntity,
            body: .object([("code", .number(Double(code))), ("message", .string(message))]))
    }

    /// go-openapi's error for a body that is not valid JSON or has a wrongly typed member: 400 with code 400.
    static func unparsableBody(_ reason: String) -> SilenceAPIError {
        SilenceAPIError(
            status: .badRequest,
            body: .object([
                ("code", .number(400)),
                ("message", .string("parsing silence body from \"\" failed, because \(reason)")),
            ]))
    }

    /// A required body member is missing (go-openapi `RequiredFailCode`).
    static func required(_ name: String) -> SilenceAPIError {
        validation(code: 602, "\(name) in body is required")
    }

    /// The response to send.
    var response: HTTPResponse {
        guard let body else { return HTTPResponse(status: status) }
        return SilenceAPI.json(body, status: status)
    }
}
