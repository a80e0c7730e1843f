/// Turns a parsed request into response bytes on a handler thread: route, compress, count, serialize.
struct HTTPResponder: Sendable {
    let router: Router
    let compression: ResponseCompression?
    let metrics: HTTPServerMetrics?

    /// The serialized response to `request` and whether the connection stays open after it.
    /// `isDraining` (the server is shutting down, asked once the handler returns) ends the connection.
    func respond(to request: HTTPRequest, isDraining: () -> Bool) -> (bytes: [UInt8], keepAlive: Bool) {
        let start = ContinuousClock.now
        var (handlerName, response) = router.respond(to: request)
        compression?.apply(to: &response, requestHeaders: request.headers)
        metrics?.observe(handler: handlerName, code: response.status.code, duration: start.duration(to: .now))
        let handlerCloses = response.headers.listElements(for: "Connection").contains {
            $0.equalsIgnoringASCIICase("close")
        }
        let keepAlive = request.keepAlive && !handlerCloses && !isDraining()
        let bytes = response.serialized(
            omittingBody: request.method == .head, keepAlive: keepAlive, date: CalendarTime.now().imfFixdate,
            requestVersion: request.version)
        return (bytes, keepAlive)
    }
}
