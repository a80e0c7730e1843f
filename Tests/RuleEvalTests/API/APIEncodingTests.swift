import Testing

@testable import RuleEval

@Suite struct APIEncodingTests {
    @Test(arguments: [
        (Int64(1_435_781_451_781), "1435781451.781"), (1_435_781_451_100, "1435781451.100"),
        (1_435_781_451_001, "1435781451.001"), (1_435_781_451_000, "1435781451"), (-1_500, "-1.500"), (0, "0"),
    ])
    func timestampsAsPrometheusWritesThem(milliseconds: Int64, text: String) {
        var writer = APIJSONWriter()
        writer.timestamp(milliseconds)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == text)
    }

    @Test(arguments: [
        (0.0, #""0""#, "0"), (-0.0, #""-0""#, "-0"), (1.5, #""1.5""#, "1.5"), (1e21, #""1e+21""#, "1e+21"),
        (1e20, #""100000000000000000000""#, "100000000000000000000"), (1e-7, #""1e-07""#, "1e-7"),
        (0.000001, #""0.000001""#, "0.000001"), (.nan, #""NaN""#, "0"), (-.infinity, #""-Inf""#, "0"),
    ])
    func sampleValuesAndNumbers(value: Double, sample: String, number: String) {
        var samples = APIJSONWriter()
        samples.sampleValue(value)
        #expect(String(decoding: samples.bytes, as: UTF8.self) == sample)
        var numbers = APIJSONWriter()
        numbers.number(value)
        #expect(String(decoding: numbers.bytes, as: UTF8.self) == number)
    }

    @Test(arguments: [
        ("1700000000", Int64(1_700_000_000_000)), ("1700000000.1234", 1_700_000_000_123),
        ("1700000000.9996", 1_700_000_001_000), ("-1.5", -1_500), ("2023-11-14T22:13:20.5Z", 1_700_000_000_500),
        ("2023-11-15T00:13:20+02:00", 1_700_000_000_000), ("-292273086-05-16T16:47:06Z", -9_223_309_901_258_974_000),
        ("292277025-08-18T07:12:54.999999999Z", 9_223_309_901_258_974_999),
    ])
    func timesParseAsPrometheusParsesThem(text: String, milliseconds: Int64) throws {
        #expect(try APIRequestParameters.parseTime(text) == milliseconds)
    }

    @Test(arguments: ["", "now", "1e20", "2023-11-14", "NaN"])
    func nonTimesAreRejected(text: String) {
        #expect(throws: APIRequestParameters.TimeParseError.self) { try APIRequestParameters.parseTime(text) }
    }
}
