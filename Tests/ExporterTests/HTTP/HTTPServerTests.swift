import Glibc
import Testing

@testable import Exporter

@Suite struct HTTPServerTests {
    static func router() -> Router {
        var router = Router()
        router.register("/hello") { request in
            .text("hello \(request.query["name"] ?? "world")")
        }
        router.register("/echo", methods: [.post]) { request in
            HTTPResponse(status: .ok, headers: ["Content-Type": "application/octet-stream"], body: request.body)
        }
        return router
    }

    @Test func keepAliveConnectionServesSeveralRequests() throws {
        try withTestServer(router: Self.router()) { _, port in
            let connection = try #require(TestHTTPConnection(port: port))
            for name in ["a", "b", "c"] {
                connection.send("GET /hello?name=\(name) HTTP/1.1\r\nHost: x\r\n\r\n")
                let response = try #require(connection.readResponse())
                #expect(response.status == 200)
                #expect(response.text == "hello \(name)\n")
                #expect(response.headers["Connection"] == nil)
                #expect(response.headers["Date"] != nil)
            }
        }
    }
}
