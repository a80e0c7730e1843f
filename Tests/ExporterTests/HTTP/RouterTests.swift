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

    @Test(arguments: [
        ("/api/v1/label/job/values", "/api/v1/label/"),
        ("/api/v2/silence/abc", "/api/v2/"),
        ("/api/v1/rules", "/api/v1/rules"),
        ("/api/v3", "other"),
    ])
    func exactPathsWinThenTheLongestPrefix(target: String, handler: String) {
        var router = self.router
        router.register(prefix: "/api/v2/") { _ in .text("v2") }
        router.register(prefix: "/api/v1/label/") { request in .text(request.path) }
        router.register(prefix: "/api/v1/") { _ in .text("v1") }
        let (name, response) = router.respond(to: HTTPRequest(method: .get, target: target))
        #expect(name == handler)
        #expect(response.status.code == (handler == "other" ? 404 : 200))
    }
}
