import Testing

@testable import PromText

/// Whole expositions compared byte for byte with reviewed golden files (`UPDATE_GOLDEN=1` rewrites them).
@Suite struct ExpositionWriterGoldenTests {
    static func render(
        _ families: [MetricFamily], _ format: ExpositionFormat, _ escaping: NameEscapingScheme = .default
    ) -> [UInt8] {
        var buffer: [UInt8] = []
        ExpositionWriter.write(families, format: format, escaping: escaping, into: &buffer)
        return buffer
    }

    @Test func everyTypeAsText() {
        GoldenFile.expectMatches(Self.render(ExpositionFixtures.everyType, .text), "every-type.prom")
    }

    @Test func everyTypeAsOpenMetrics() {
        GoldenFile.expectMatches(Self.render(ExpositionFixtures.everyType, .openMetrics), "every-type.om.txt")
    }

    @Test(arguments: NameEscapingScheme.allCases)
    func utf8NamesAsText(_ escaping: NameEscapingScheme) {
        GoldenFile.expectMatches(
            Self.render(ExpositionFixtures.utf8Names, .text, escaping), "utf8-names.\(escaping.parameterValue).prom")
    }

    @Test(arguments: NameEscapingScheme.allCases)
    func utf8NamesAsOpenMetrics(_ escaping: NameEscapingScheme) {
        GoldenFile.expectMatches(
            Self.render(ExpositionFixtures.utf8Names, .openMetrics, escaping),
            "utf8-names.\(escaping.parameterValue).om.txt")
    }

    /// Shuffling families, series and label order changes nothing: the writer's order is canonical.
    @Test func outputDoesNotDependOnInputOrder() {
        let shuffled = ExpositionFixtures.everyType.reversed().map { family in
            var family = family
            family.samples = family.samples.reversed().map { sample in
                var sample = sample
                sample.labels = Labels(sample.labels.pairs.reversed())
                return sample
            }
            return family
        }
        for format in ExpositionFormat.allCases {
            #expect(Self.render(shuffled, format) == Self.render(ExpositionFixtures.everyType, format))
        }
    }
}
