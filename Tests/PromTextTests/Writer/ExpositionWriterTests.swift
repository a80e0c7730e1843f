import Testing

@testable import PromText

@Suite struct ExpositionWriterTests {
    func render(
        _ families: [MetricFamily], _ format: ExpositionFormat = .text, _ escaping: NameEscapingScheme = .default
    ) -> String {
        var buffer: [UInt8] = []
        ExpositionWriter.write(families, format: format, escaping: escaping, into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    func gauge(_ name: String, _ samples: [Sample], help: String? = nil) -> MetricFamily {
        MetricFamily(name: name, type: .gauge, help: help, samples: samples)
    }

    @Test func escapesEveryLabelValueSoNoneCanBreakTheScrape() {
        let hostile = "x\"} 1\nfake_metric 2 \\"
        let output = render([gauge("g", [Sample(name: "g", labels: ["v": hostile], value: 1)])])
        #expect(output == "# TYPE g gauge\ng{v=\"x\\\"} 1\\nfake_metric 2 \\\\\"} 1\n")
        #expect(output.split(separator: "\n").count == 2)
    }

    @Test func escapesHelpPerFormat() {
        let family = gauge("g", [Sample(name: "g", value: 1)], help: "a \"b\" \\ c\nd")
        #expect(render([family], .text).hasPrefix("# HELP g a \"b\" \\\\ c\\nd\n# TYPE g gauge\n"))
        #expect(render([family], .openMetrics).hasPrefix("# HELP g a \\\"b\\\" \\\\ c\\nd\n# TYPE g gauge\n"))
    }

    @Test func emptyHelpKeepsTheSeparatingSpace() {
        #expect(render([gauge("g", [Sample(name: "g", value: 1)], help: "")]) == "# HELP g \n# TYPE g gauge\ng 1\n")
    }

    @Test func sortsFamiliesSeriesAndLabels() {
        let families = [
            gauge("b", [Sample(name: "b", value: 1)]),
            gauge(
                "a",
                [
                    Sample(name: "a", labels: ["z": "1", "m": "2"], value: 1),
                    Sample(name: "a", labels: ["m": "1", "z": "9"], value: 2),
                    Sample(name: "a", value: 3),
                ]),
        ]
        #expect(
            render(families) == """
                # TYPE a gauge
                a 3
                a{m="1",z="9"} 2
                a{m="2",z="1"} 1
                # TYPE b gauge
                b 1

                """)
    }

    @Test func comparesNamesAsBytesLikeGo() {
        let families = [gauge("a_b", [Sample(name: "a_b", value: 1)]), gauge("aB", [Sample(name: "aB", value: 1)])]
        #expect(render(families).hasPrefix("# TYPE aB gauge"))
    }

    @Test func writesTimestampsAndOmitsNegativeOnes() {
        let family = gauge(
            "g",
            [
                Sample(name: "g", labels: ["a": "1"], value: 1, timestampMilliseconds: 1_520_879_607_789),
                Sample(name: "g", labels: ["a": "2"], value: 1, timestampMilliseconds: -1),
                Sample(name: "g", labels: ["a": "3"], value: 1, timestampMilliseconds: 0),
            ])
        #expect(render([family], .text).contains("g{a=\"1\"} 1 1520879607789\ng{a=\"2\"} 1\ng{a=\"3\"} 1 0\n"))
        #expect(
            render([family], .openMetrics).contains(
                "g{a=\"1\"} 1.0 1.520879607789e+09\ng{a=\"2\"} 1.0\ng{a=\"3\"} 1.0 0.0\n"))
    }

    @Test func leavesOutFamiliesWithoutSamplesAndAlwaysEndsOpenMetricsWithEOF() {
        #expect(render([gauge("g", [])], .text) == "")
        #expect(render([], .openMetrics) == "# EOF\n")
    }

    @Test func appendsToTheCallersBuffer() {
        var buffer = Array("prefix\n".utf8)
        ExpositionWriter.write([gauge("g", [Sample(name: "g", value: 1)])], format: .text, into: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "prefix\n# TYPE g gauge\ng 1\n")
    }

    @Test(arguments: [
        ("requests_total", "requests_total", "# TYPE requests counter\nrequests_total 1.0\n"),
        ("requests", "requests_total", "# TYPE requests counter\nrequests_total 1.0\n"),
        ("requests", "requests", "# TYPE requests unknown\nrequests 1.0\n"),
    ])
    func namesOpenMetricsCounters(_ familyName: String, _ sampleName: String, _ expected: String) {
        let family = MetricFamily(name: familyName, type: .counter, samples: [Sample(name: sampleName, value: 1)])
        #expect(render([family], .openMetrics) == expected + "# EOF\n")
    }

    @Test func namesTextCountersLikeTheirSamples() {
        let family = MetricFamily(
            name: "requests", type: .counter,
            samples: [
                Sample(name: "requests_total", value: 1), Sample(name: "requests_created", value: 1_700_000_000),
            ])
        #expect(render([family], .text) == "# TYPE requests_total counter\nrequests_total 1\n")
    }

    @Test func writesUnitOnlyWhenItIsTheNameSuffix() {
        let matching = MetricFamily(
            name: "size_bytes", type: .gauge, unit: "bytes", samples: [Sample(name: "size_bytes", value: 1)])
        let mismatched = MetricFamily(
            name: "size", type: .gauge, unit: "bytes", samples: [Sample(name: "size", value: 1)])
        #expect(render([matching], .openMetrics).hasPrefix("# TYPE size_bytes gauge\n# UNIT size_bytes bytes\n"))
        #expect(!render([mismatched], .openMetrics).contains("# UNIT"))
        #expect(!render([matching], .text).contains("# UNIT"))
    }

    @Test func writesExemplarsOnlyWhereOpenMetricsAllowsThem() {
        let exemplar = Exemplar(labels: ["trace_id": "t"], value: 1, timestampMilliseconds: 1_500)
        let counter = MetricFamily(
            name: "c", type: .counter, samples: [Sample(name: "c_total", value: 1, exemplar: exemplar)])
        let gauge = gauge("g", [Sample(name: "g", value: 1, exemplar: exemplar)])
        let unlabelled = MetricFamily(
            name: "d", type: .counter,
            samples: [Sample(name: "d_total", value: 1, exemplar: Exemplar(labels: [:], value: 1))])
        let output = render([counter, gauge, unlabelled], .openMetrics)
        #expect(output.contains("c_total 1.0 # {trace_id=\"t\"} 1.0 1.5\n"))
        #expect(output.contains("g 1.0\n"))
        #expect(output.contains("d_total 1.0\n"))
        #expect(render([counter], .text) == "# TYPE c_total counter\nc_total 1\n")
    }

    @Test func writesBoundsCanonicallyAndLast() {
        let family = MetricFamily(
            name: "h", type: .histogram,
            samples: [
                Sample(name: "h_bucket", labels: ["le": "+inf", "a": "x"], value: 2),
                Sample(name: "h_bucket", labels: ["le": "1e0", "a": "x"], value: 1.5),
                Sample(name: "h_count", labels: ["a": "x"], value: 2),
            ])
        #expect(
            render([family], .text) == """
                # TYPE h histogram
                h_bucket{a="x",le="1"} 1.5
                h_bucket{a="x",le="+Inf"} 2
                h_count{a="x"} 2

                """)
        #expect(
            render([family], .openMetrics) == """
                # TYPE h histogram
                h_bucket{a="x",le="1.0"} 1.5
                h_bucket{a="x",le="+Inf"} 2
                h_count{a="x"} 2
                # EOF

                """)
    }

    @Test func keepsABoundThatIsNotANumberAsItIs() {
        let family = MetricFamily(
            name: "s", type: .summary, samples: [Sample(name: "s", labels: ["quantile": "p\"99"], value: 1)])
        #expect(render([family]) == "# TYPE s summary\ns{quantile=\"p\\\"99\"} 1\n")
    }

    @Test func quotesOrEscapesLabelNamesOutsideTheLegacySet() {
        let family = gauge("g", [Sample(name: "g", labels: ["a:b": "1", "ok": "2"], value: 1)])
        #expect(render([family], .text, .allowUTF8).hasSuffix("g{\"a:b\"=\"1\",ok=\"2\"} 1\n"))
        #expect(render([family], .text, .underscores).hasSuffix("g{a_b=\"1\",ok=\"2\"} 1\n"))
    }

    @Test func writesOpenMetricsOnlyTypesAsGaugesInText() {
        let info = MetricFamily(name: "build_info", type: .info, samples: [Sample(name: "build_info", value: 1)])
        let stateset = MetricFamily(
            name: "s", type: .stateset, samples: [Sample(name: "s", labels: ["s": "on"], value: 1)])
        #expect(render([info, stateset]) == "# TYPE build_info gauge\nbuild_info 1\n# TYPE s gauge\ns{s=\"on\"} 1\n")
        #expect(render([info], .openMetrics) == "# TYPE build info\nbuild_info 1.0\n# EOF\n")
    }

    @Test func writesOpenMetricsCountsAsIntegersOnlyWhenIntegral() {
        let family = MetricFamily(
            name: "s", type: .summary,
            samples: [Sample(name: "s_count", labels: ["a": "1"], value: 3e6), Sample(name: "s_count", value: 2.5)])
        #expect(render([family], .openMetrics) == "# TYPE s summary\ns_count 2.5\ns_count{a=\"1\"} 3000000\n# EOF\n")
        #expect(render([family], .text) == "# TYPE s summary\ns_count 2.5\ns_count{a=\"1\"} 3e+06\n")
    }
}
