import Exporter
import Foundation
import Testing

@testable import RuleEval

/// ``TLSTransport`` against a local HTTPS server with a certificate made at test time.
@Suite(.serialized) struct TLSTransportTests {
    static func get(_ server: TestTLSServer, _ configuration: TLSConfiguration, timeout: Duration = .seconds(5))
        throws(HTTPClientError) -> HTTPClientResponse
    {
        let client = HTTPClient(timeout: timeout, transport: TLSTransport(configuration: configuration))
        return try client.send(.get, host: "127.0.0.1", port: server.port, target: "/metrics")
    }

    @Test func verifiesTheServerAgainstTheConfiguredCAFile() throws {
        let server = try TestTLSServer()
        defer { server.stop() }
        let response = try Self.get(server, TLSConfiguration(caFile: server.caFile))
        #expect(response.status == 200)
        #expect(response.body == Array("ok".utf8))
        #expect(server.requests.first?.hasPrefix("GET /metrics HTTP/1.1") == true)
    }

    @Test func aBodyEndedByClosingTheConnectionWithoutCloseNotifyIsComplete() throws {
        let server = try TestTLSServer()
        defer { server.stop() }
        let client = HTTPClient(
            timeout: .seconds(5), transport: TLSTransport(configuration: .init(caFile: server.caFile)))
        let response = try client.send(.get, host: "127.0.0.1", port: server.port, target: "/close-delimited")
        #expect(response.body == Array("until the end".utf8))
    }

    @Test func refusesAServerTheSystemCAsDoNotTrust() throws {
        let server = try TestTLSServer()
        defer { server.stop() }
        #expect {
            try Self.get(server, TLSConfiguration())
        } throws: { error in
            String(describing: error).hasPrefix("tls: certificate verify failed: self-signed certificate")
        }
    }

    @Test func insecureSkipVerifyAcceptsAnyCertificate() throws {
        let server = try TestTLSServer()
        defer { server.stop() }
        #expect(try Self.get(server, TLSConfiguration(insecureSkipVerify: true)).status == 200)
    }

    @Test(arguments: [("localhost", true), ("example.com", false)])
    func checksTheServerNameAgainstTheCertificate(serverName: String, accepted: Bool) throws {
        let server = try TestTLSServer()
        defer { server.stop() }
        let configuration = TLSConfiguration(caFile: server.caFile, serverName: serverName)
        if accepted {
            #expect(try Self.get(server, configuration).status == 200)
        } else {
            #expect {
                try Self.get(server, configuration)
            } throws: { error in
                String(describing: error) == "tls: certificate verify failed: hostname mismatch"
            }
        }
    }

    @Test func presentsTheConfiguredClientCertificate() throws {
        let server = try TestTLSServer(requiringClientCertificate: true)
        defer { server.stop() }
        #expect(throws: HTTPClientError.self) { try Self.get(server, TLSConfiguration(caFile: server.caFile)) }
        let configuration = TLSConfiguration(
            caFile: server.caFile, certFile: server.clientCertFile, keyFile: server.clientKeyFile)
        #expect(try Self.get(server, configuration).status == 200)
        #expect(server.requests.count == 1)
    }

    @Test func aMissingCAFileIsATLSError() throws {
        let server = try TestTLSServer()
        defer { server.stop() }
        #expect {
            try Self.get(server, TLSConfiguration(caFile: "/nonexistent/ca.pem"))
        } throws: { error in
            String(describing: error).hasPrefix("tls: cannot load CA file /nonexistent/ca.pem")
        }
    }

    @Test func theDeadlineCoversAHandshakeTheServerNeverAnswers() throws {
        // A listening socket nobody accepts from: TCP connects, the ServerHello never comes.
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) }
        }
        listen(listener, 4)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        let client = HTTPClient(timeout: .milliseconds(300), transport: TLSTransport())
        let begin = ContinuousClock.now
        #expect(throws: HTTPClientError.timedOut(seconds: 0.3)) {
            try client.send(.get, host: "127.0.0.1", port: Int(UInt16(bigEndian: address.sin_port)), target: "/")
        }
        #expect(ContinuousClock.now - begin < .seconds(2))
    }
}
