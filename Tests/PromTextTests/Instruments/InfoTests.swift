import Testing

@testable import PromText

@Suite struct InfoTests {
    @Test(arguments: ["build", "build_info"])
    func exposesItsLabelsSortedByNameWithValueOneUnderAnInfoName(_ name: String) {
        let info = Info(name: name, help: "Build facts.", labels: ["version": "1.2.0", "revision": "abc123"])
        #expect(
            info.descriptor
                == MetricDescriptor(
                    name: "build_info", type: .info, help: "Build facts.", labelNames: ["revision", "version"]))
        #expect(
            info.collect() == [
                MetricFamily(
                    name: "build_info",
                    type: .info,
                    help: "Build facts.",
                    samples: [Sample(name: "build_info", labels: ["revision": "abc123", "version": "1.2.0"], value: 1)]
                )
            ]
        )
    }
}
