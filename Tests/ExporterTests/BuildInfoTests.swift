import Testing

@testable import Exporter

@Suite struct BuildInfoTests {
    @Test func versionIsSemantic() {
        #expect(BuildInfo.version.split(separator: ".").count == 3)
    }
}
