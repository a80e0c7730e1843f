import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A fetched HTTP response, for tests.
public struct FetchedResponse: Sendable {
    /// The status code (0 when the request failed before a response).
    public var status: Int
    /// Response headers, names lowercased.
    public var headers: [String: String]
    /// The body.
    public var body: Data

    /// The body as UTF-8 text.
    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// Blocking HTTP requests for tests (URLSession; tests are not bound by the exporter's memory budget).
public enum HTTPFetch {
    /// Sends `method` to `url` with `headers` and `body`, waiting at most `timeout` seconds.
    public static func request(
        _ url: String, method: String = "GET", headers: [String: String] = [:], body: Data? = nil,
        timeout: Double = 10
    ) -> FetchedResponse {
        guard let target = URL(string: url) else { return FetchedResponse(status: 0, headers: [:], body: Data()) }
        var request = URLRequest(url: target, timeoutInterval: timeout)
        request.httpMethod = method
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let box = ResponseBox()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, response, _ in
            let http = response as? HTTPURLResponse
            var fields: [String: String] = [:]
            for (name, value) in http?.allHeaderFields ?? [:] {
                fields["\(name)".lowercased()] = "\(value)"
            }
            box.set(FetchedResponse(status: http?.statusCode ?? 0, headers: fields, body: data ?? Data()))
            done.signal()
        }.resume()
        _ = done.wait(timeout: .now() + timeout + 1)
        return box.get() ?? FetchedResponse(status: 0, headers: [:], body: Data())
    }

    /// Polls `url` until it answers `status` or `timeout` seconds pass; returns whether it did.
    public static func waitFor(_ url: String, status: Int = 200, timeout: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if request(url, timeout: 2).status == status { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }
}

private final class ResponseBox: @unchecked Sendable {  // state guarded by `lock`
    private let lock = NSLock()
    private var response: FetchedResponse?

    func set(_ value: FetchedResponse) { lock.withLock { response = value } }
    func get() -> FetchedResponse? { lock.withLock { response } }
}
