import Testing

@testable import PromText

@Suite struct MetricVectorTests {
    private func requests() -> CounterFamily {
        CounterFamily(name: "http_requests_total", help: "Requests.", labelNames: ["method", "code"])
    }

    @Test func cachesOneChildPerLabelValues() {
        let family = requests()
        #expect(family.labels("GET", "200") === family.labels("GET", "200"))
        #expect(family.labels("GET", "200") === family.labels(["GET", "200"]))
        #expect(family.labels("GET", "200") === family.labels(["code": "200", "method": "GET"]))
        #expect(family.labels("GET", "200") !== family.labels("GET", "500"))
    }

    @Test func everyArityFindsTheSameChildAsTheArrayForm() {
        let one = GaugeFamily(name: "one", help: "", labelNames: ["a"])
        #expect(one.labels("x") === one.labels(["x"]))
        let three = GaugeFamily(name: "three", help: "", labelNames: ["a", "b", "c"])
        #expect(three.labels("x", "y", "z") === three.labels(["x", "y", "z"]))
        #expect(three.labels("x", "y", "z") !== three.labels("x", "z", "y"))
        let four = GaugeFamily(name: "four", help: "", labelNames: ["a", "b", "c", "d"])
        #expect(four.labels("w", "x", "y", "z") === four.labels(["w", "x", "y", "z"]))
    }

    @Test func valuesThatConcatenateAlikeAreDifferentChildren() {
        let family = requests()
        family.labels("ab", "c").increment()
        family.labels("a", "bc").increment(by: 2)
        family.labels("", "abc").increment(by: 3)
        #expect(family.labels("ab", "c").value == 1)
        #expect(family.labels("a", "bc").value == 2)
        #expect(family.labels("", "abc").value == 3)
        #expect(family.collect().first?.samples.count == 3)
    }

    @Test func collectsLabelsSortedByNameAndSeriesSortedByThoseValues() {
        let family = requests()  // label names: method, code
        family.labels("POST", "200").increment()
        family.labels("GET", "500").increment(by: 2)
        family.labels("GET", "200").increment(by: 3)
        family.labels("DELETE", "500").increment(by: 4)
        let samples = family.collect().first?.samples ?? []
        #expect(
            samples == [
                Sample(name: "http_requests_total", labels: ["code": "200", "method": "GET"], value: 3),
                Sample(name: "http_requests_total", labels: ["code": "200", "method": "POST"], value: 1),
                Sample(name: "http_requests_total", labels: ["code": "500", "method": "DELETE"], value: 4),
                Sample(name: "http_requests_total", labels: ["code": "500", "method": "GET"], value: 2),
            ]
        )
    }

    @Test func exposesNothingUntilALabelledChildIsUsed() {
        #expect(requests().collect().first?.samples == [])
    }

    @Test func unlabelledFamilyIsExposedAtZeroFromTheStart() {
        let family = CounterFamily(name: "jobs_total", help: "Jobs.")
        #expect(family.collect().first?.samples == [Sample(name: "jobs_total", value: 0)])
    }

    @Test func removedChildrenAreNoLongerExposed() {
        let family = requests()
        let removed = family.labels("GET", "200")
        removed.increment()
        family.labels("GET", "500").increment()
        #expect(family.remove("GET", "200"))
        #expect(!family.remove("GET", "200"))
        #expect(family.collect().first?.samples.map(\.labels) == [["code": "500", "method": "GET"]])
        #expect(family.labels("GET", "200") !== removed)
        #expect(family.labels("GET", "200").value == 0)
        #expect(family.remove(["code": "200", "method": "GET"]))
    }

    @Test func manyChildrenSurviveGrowthAndRemoval() {
        let family = GaugeFamily(name: "slots", help: "", labelNames: ["id"])
        for id in 0..<1_000 {
            family.labels(String(id)).set(Double(id))
        }
        for id in stride(from: 0, to: 1_000, by: 2) {
            #expect(family.remove(String(id)))
        }
        #expect(family.collect().first?.samples.count == 500)
        for id in 0..<1_000 {
            #expect(family.labels(String(id)).value == (id.isMultiple(of: 2) ? 0 : Double(id)))
        }
        #expect(family.collect().first?.samples.count == 1_000)
    }

    @Test func removeAllClearsChildren() {
        let family = requests()
        family.labels("GET", "200").increment()
        family.removeAll()
        #expect(family.collect().first?.samples == [])
        let unlabelled = GaugeFamily(name: "temperature", help: "")
        unlabelled.labels().set(3)
        unlabelled.removeAll()
        #expect(unlabelled.collect().first?.samples == [Sample(name: "temperature", value: 0)])
    }

    @Test func rejectsTooFewLabelValues() async {
        await #expect(processExitsWith: .failure) {
            _ = CounterFamily(name: "x", help: "", labelNames: ["a", "b"]).labels("only-one")
        }
    }

    @Test func rejectsLabelPairsWithOtherNames() async {
        await #expect(processExitsWith: .failure) {
            _ = CounterFamily(name: "x", help: "", labelNames: ["a", "b"]).labels(["a": "1", "c": "2"])
        }
    }
}
