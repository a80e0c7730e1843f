import Testing

@testable import Exporter

@Suite struct RouterTests {
    let router: Router = {
        var router = Router()
        router.register("/metrics") { _ in .text("metrics") }
        router.register("/api/v1/rules", methods: [.get, .post]) { request in .text(request.method.rawValue) }
        return router
    }()

    @Test(arguments: [
        (HTTPMethod.get, "/metrics", 200, "/metrics"),
        (.head, "/metrics", 200, "/metrics"),
        (.post, "/metrics", 405, "/metrics"),
        (.get, "/metrics/", 404, "other"),
        (.get, "/METRICS", 404, "other"),
        (.post, "/api/v1/rules?x=1", 200, "/api/v1/rules"),
    ])
    func routesByExactPathAndMethod(method: HTTPMethod, target: String, status: Int, handler: String) {
        let (name, response) = router.respond(to: HTTPRequest(method: method, target: target))
        #expect(response.status.code == status)
        #expect(name == handler)
    }

    @Test func methodNotAllowedListsAllowedMethodsIncludingHead() {
        let response = router.respond(to: HTTPRequest(method: .delete, target: "/api/v1/rules")).response
        #expect(response.headers["Allow"] == "GET, HEAD, POST")
    }
}
