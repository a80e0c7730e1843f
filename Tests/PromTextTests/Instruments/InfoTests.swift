import Testing

@testable import PromText

@Suite struct InfoTests {
    @Test(arguments: ["build", "build_info"])
    func exposesItsLabelsWithValueOneUnderAnInfoName(_ name: String) {
        let info = Info(name: name, help: "Build facts.", labels: ["version": "1.2.0", "revision": "abc123"])
        #expect(
            info.descriptor
                == MetricDescriptor(
                    name: "build_info", type: .info, help: "Build facts.", labelNames: ["version", "revision"]))
        #expect(
            info.collect() == [
                MetricFamily(
                    name: "build_info",
                    type: .info,
                    help: "Build facts.",
                    samples: [Sample(name: "build_info", labels: ["version": "1.2.0", "revision": "abc123"], value: 1)]
                )
            ]
        )
    }
}
