import Testing

@testable import Exporter

@Suite struct QueryParametersTests {
    @Test func repeatedKeysKeepEveryValueInOrder() {
        let query = QueryParameters(parsing: "collect[]=cpu&collect[]=meminfo&exclude[]=")
        #expect(query.values(for: "collect[]") == ["cpu", "meminfo"])
        #expect(query["exclude[]"] == "")
        #expect(query["missing"] == nil)
    }

    @Test func decodesPercentEscapesAndPlus() {
        let query = QueryParameters(parsing: "query=up%7Bjob%3D%22node%22%7D+%3E+0&a%20b=c+d")
        #expect(query["query"] == "up{job=\"node\"} > 0")
        #expect(query["a b"] == "c d")
    }

    @Test func bareKeyIsPresentWithEmptyValue() {
        let query = QueryParameters(parsing: "verbose&x=1")
        #expect(query.contains("verbose"))
        #expect(query["verbose"] == "")
        #expect(!query.contains("quiet"))
    }

    @Test func pairsWithInvalidEscapesAreDroppedAndEmptyPairsIgnored() {
        let query = QueryParameters(parsing: "a=%zz&&b=%4&c=%41=x")
        #expect(query.pairs == [QueryParameters.Pair(key: "c", value: "A=x")])
    }
}
