import Foundation
import PromText
import Testing

@testable import RuleEval

/// The SMTP client against a scripted server on 127.0.0.1, and the message Tocsin renders.
@Suite struct SMTPClientTests {
    static func configuration(port: UInt16) -> EmailConfiguration {
        var configuration = EmailConfiguration(
            to: "DB team <db@example.org>, oncall@example.org", from: "Tocsin <alerts@example.org>",
            smarthost: "127.0.0.1:\(port)")
        configuration.hello = "tocsin.test"
        configuration.authUsername = "user"
        configuration.authPassword = "pass"
        return configuration
    }

    @Test func deliversWithAuthPlainAndDotStuffing() throws {
        let server = try TestSMTPServer()
        let message = Array("Subject: hi\r\n\r\nline one\n.hidden\n..two\nend".utf8)
        try SMTPClient(timeout: .seconds(3)).send(message, to: Self.configuration(port: server.port))
        let session = server.session()
        #expect(
            session.commands == [
                "EHLO tocsin.test", "AUTH PLAIN " + Base64.encode(Array("\0user\0pass".utf8)),
                "MAIL FROM:<alerts@example.org>", "RCPT TO:<db@example.org>", "RCPT TO:<oncall@example.org>", "DATA",
                "QUIT",
            ])
        // The server undoes nothing: what it records is the stuffed form a real server would unstuff.
        #expect(
            String(decoding: session.data, as: UTF8.self)
                == "Subject: hi\r\n\r\nline one\r\n..hidden\r\n...two\r\nend\r\n")
    }

    @Test func usesAuthLoginWhenPlainIsNotOffered() throws {
        let server = try TestSMTPServer(extensions: ["AUTH LOGIN"])
        try SMTPClient(timeout: .seconds(3)).send(Array("x".utf8), to: Self.configuration(port: server.port))
        let commands = server.session().commands
        #expect(
            commands.prefix(4) == [
                "EHLO tocsin.test", "AUTH LOGIN", Base64.encode(Array("user".utf8)), Base64.encode(Array("pass".utf8)),
            ])
    }

    @Test func fallsBackToHeloAndSkipsAuthWithoutEhlo() throws {
        let server = try TestSMTPServer(overrides: ["EHLO": "502 not implemented"])
        try SMTPClient(timeout: .seconds(3)).send(Array("x".utf8), to: Self.configuration(port: server.port))
        #expect(
            server.session().commands.prefix(3) == [
                "EHLO tocsin.test", "HELO tocsin.test", "MAIL FROM:<alerts@example.org>",
            ])
    }

    @Test(arguments: [("RCPT", "550 no such user", true), ("MAIL", "451 try later", false)])
    func classifiesRejections(verb: String, reply: String, permanent: Bool) throws {
        let server = try TestSMTPServer(overrides: [verb: reply])
        let failure = #expect(throws: SMTPClient.Failure.self) {
            try SMTPClient(timeout: .seconds(3)).send(Array("x".utf8), to: Self.configuration(port: server.port))
        }
        #expect(failure?.isPermanent == permanent)
        #expect(failure?.message.hasSuffix(reply) == true)
        _ = server.session()
    }

    @Test func rendersAlertmanagerStyleDefaults() throws {
        let alert = NotifierAlert(
            labels: ["alertname": "DiskFull", "instance": "db1"], annotations: ["summary": "disk full"], startsAt: 0,
            generatorURL: "http://prom/graph")
        let notification = Notification(
            receiver: "db-mail", integration: .init(kind: .email, index: 0), routeID: "{}", groupKey: "{}:{}",
            groupLabels: ["alertname": "DiskFull"], alerts: [alert], status: .firing, flushedAt: 1_700_000_000_000,
            firing: [alert.fingerprint], resolved: [], flushID: 1)
        var configuration = Self.configuration(port: 25)
        configuration.headers = ["Reply-To": "ops@example.org"]
        let text = String(
            decoding: try EmailMessage.render(
                notification, configuration: configuration, externalURL: "http://am", now: 1_700_000_000_000),
            as: UTF8.self)
        #expect(
            text.hasPrefix("From: Tocsin <alerts@example.org>\r\nTo: DB team <db@example.org>, oncall@example.org\r\n"))
        #expect(text.contains("\r\nSubject: [FIRING:1] DiskFull (db1)\r\n"))
        #expect(text.contains("\r\nMessage-Id: <\(notification.idempotencyKey)@tocsin>\r\n"))
        #expect(text.contains("\r\nDate: Tue, 14 Nov 2023 22:13:20 +0000\r\n"))
        #expect(text.contains("\r\nReply-To: ops@example.org\r\n"))
        #expect(text.contains("View in Alertmanager: http://am/#/alerts?receiver=db-mail\n"))
        #expect(text.contains("[1] Firing\nLabels:\n - alertname = DiskFull\n - instance = db1\n"))
    }
}

extension SMTPClientTests {
    @Test(arguments: [
        ("content-type", "Content-Type"), ("X-PRIORITY", "X-Priority"), ("straße", "straße"),
        ("two words", "two words"),
    ])
    func headerNamesAreCanonical(name: String, canonical: String) {
        #expect(SMTPClient.canonicalHeaderName(name) == canonical)
    }
}
