import Foundation
import Testing

@testable import RuleEval

@Suite struct CredentialHeaderTests {
    @Test func basicAuthIsBase64OfUserColonPassword() throws {
        let value = try CredentialHeader.value(
            basicAuth: BasicAuthentication(username: "alice", password: "s3cret"), authorization: nil)
        #expect(value == "Basic YWxpY2U6czNjcmV0")
    }

    @Test func authorizationUsesItsTypeAndReadsCredentialFilesEachTime() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("token-\(UUID())")
        defer { try? FileManager.default.removeItem(at: file) }
        try "first\n".write(to: file, atomically: true, encoding: .utf8)
        let settings = Authorization(credentialsFile: file.path)
        #expect(try CredentialHeader.value(basicAuth: nil, authorization: settings) == "Bearer first")
        try "second".write(to: file, atomically: true, encoding: .utf8)
        #expect(try CredentialHeader.value(basicAuth: nil, authorization: settings) == "Bearer second")
    }

    @Test func missingCredentialFilesAreErrorsAndNoSettingsMeanNoHeader() throws {
        #expect(try CredentialHeader.value(basicAuth: nil, authorization: nil) == nil)
        #expect(throws: CredentialHeader.ReadError.self) {
            try CredentialHeader.value(basicAuth: nil, authorization: Authorization(credentialsFile: "/no/such/file"))
        }
    }

    @Test func alertmanagerEndpointsCarryTheirCredentials() throws {
        var configuration = AlertmanagerConfiguration()
        configuration.staticConfigs = [StaticConfiguration(targets: ["am:9093"])]
        configuration.basicAuth = BasicAuthentication(username: "u", password: "p")
        let endpoint = try #require(AlertmanagerEndpoint.endpoints(of: configuration).first)
        #expect(endpoint.basicAuth == configuration.basicAuth)
    }
}
