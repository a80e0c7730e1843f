/// A request handler: a synchronous function from request to response, run on the server's handler pool.
public typealias HTTPHandler = @Sendable (HTTPRequest) -> HTTPResponse

/// Routes requests by exact path, or else by the longest registered path prefix, and method.
///
/// A path registered for `GET` also answers `HEAD` (the server drops the body). A known path with another method
/// gets `405 Method Not Allowed` with an `Allow` field; an unknown path gets `404 Not Found`.
public struct Router: Sendable {
    private struct Route: Sendable {
        var methods: Set<HTTPMethod>
        var handler: HTTPHandler
    }

    /// The label value used in server metrics for requests that matched no route.
    public static let unmatchedHandlerName = "other"

    private var routes: [String: Route] = [:]
    private var prefixRoutes: [(prefix: String, route: Route)] = []

    /// Creates an empty router.
    public init() {}

    /// Registers `handler` for requests to exactly `path` with one of `methods`; re-registering a path replaces it.
    public mutating func register(_ path: String, methods: Set<HTTPMethod> = [.get], handler: @escaping HTTPHandler) {
        routes[path] = Route(methods: methods, handler: handler)
    }

    /// Registers `handler` for every path that starts with `prefix` and has no exact route (for paths with
    /// parameters, such as `/api/v1/label/<name>/values`); the longest matching prefix wins. Requests are counted
    /// under the prefix.
    public mutating func register(
        prefix: String, methods: Set<HTTPMethod> = [.get], handler: @escaping HTTPHandler
    ) {
        prefixRoutes.removeAll { $0.prefix == prefix }
        prefixRoutes.append((prefix, Route(methods: methods, handler: handler)))
        prefixRoutes.sort { $0.prefix.count > $1.prefix.count }
    }

    /// The response to `request` and the handler name it is counted under (the route's path, or
    /// ``unmatchedHandlerName``).
    public func respond(to request: HTTPRequest) -> (handlerName: String, response: HTTPResponse) {
        let matched =
            routes[request.path].map { (request.path, $0) }
            ?? prefixRoutes.first { request.path.hasPrefix($0.prefix) }.map { ($0.prefix, $0.route) }
        guard let (name, route) = matched else {
            return (Router.unmatchedHandlerName, .error(.notFound))
        }
        let allowed = route.methods.contains(.get) ? route.methods.union([.head]) : route.methods
        guard allowed.contains(request.method) else {
            var response = HTTPResponse.error(.methodNotAllowed)
            response.headers.add(name: "Allow", value: allowed.map(\.rawValue).sorted().joined(separator: ", "))
            return (name, response)
        }
        return (name, route.handler(request))
    }
}
