import Testing

@testable import RuleEval

/// Prometheus's template functions (template/template.go, prometheus/common helpers/templates). Expected texts come
/// from Prometheus's and common's own tests where they exist (humanizeDuration, humanizeTimestamp) and otherwise
/// from Go's `%.4g` (`fmt.Sprintf("%.4g%s", v, prefix)`).
@Suite struct PrometheusTemplateFunctionTests {
    @Test(arguments: [
        (0.0, "0"), (1.0, "1"), (1234567.0, "1.235M"), (0.001234, "1.234m"), (-1234.0, "-1.234k"),
        (1000.0, "1k"), (999.9999, "1000"), (19854494575.260803, "19.85G"), (744404413.0, "744.4M"),
        (0.1, "100m"), (1e30, "1e+06Y"), (Double.infinity, "+Inf"), (-Double.infinity, "-Inf"), (Double.nan, "NaN"),
    ])
    func humanize(value: Double, expected: String) {
        #expect(TemplateFixture.expand("{{ $value | humanize }}", value: value) == expected)
    }

    @Test(arguments: [
        (1048576.0, "1Mi"), (1.0, "1"), (-1.0, "-1"), (0.5, "0.5"), (1023.0, "1023"), (1024.0, "1ki"),
        (1536.0, "1.5ki"), (Double.nan, "NaN"),
    ])
    func humanize1024(value: Double, expected: String) {
        #expect(TemplateFixture.expand("{{ humanize1024 $value }}", value: value) == expected)
    }

    /// Cases from prometheus/common helpers/templates/time_test.go TestHumanizeDuration.
    @Test(arguments: [
        ("0", "0s"), ("1", "1s"), ("60", "1m 0s"), ("3600", "1h 0m 0s"), ("86400", "1d 0h 0m 0s"),
        ("90000", "1d 1h 0m 0s"), ("-183845", "-2d 3h 4m 5s"), ("899.99", "14m 59s"), (".1", "100ms"),
        (".0001", "100us"), (".12345", "123.5ms"), ("60.1", "1m 0s"), ("60.5", "1m 0s"), ("1.2345", "1.234s"),
        ("12.345", "12.35s"), ("-1", "-1s"), ("1234567", "14d 6h 56m 7s"), ("\"60.5\"", "1m 0s"),
        ("\"+Inf\"", "+Inf"),
    ])
    func humanizeDuration(argument: String, expected: String) {
        #expect(TemplateFixture.expand("{{ humanizeDuration \(argument) }}") == expected)
    }

    /// Cases from prometheus/common helpers/templates/time_test.go TestHumanizeTimestamp.
    @Test(arguments: [
        ("0", "1970-01-01 00:00:00 +0000 UTC"), ("-1", "1969-12-31 23:59:59 +0000 UTC"),
        ("1234567", "1970-01-15 06:56:07 +0000 UTC"), ("9223372036", "2262-04-11 23:47:16 +0000 UTC"),
        ("1435065584.128", "2015-06-23 13:19:44.128 +0000 UTC"),
        ("\"1435065584.128\"", "2015-06-23 13:19:44.128 +0000 UTC"), ("\"+Inf\"", "+Inf"), ("\"-Inf\"", "-Inf"),
        ("\"NaN\"", "NaN"),
    ])
    func humanizeTimestamp(argument: String, expected: String) {
        #expect(TemplateFixture.expand("{{ humanizeTimestamp \(argument) }}") == expected)
    }

    @Test(arguments: [
        ("{{ humanizePercentage 0.1234567 }}", "12.35%"),
        ("{{ humanizePercentage 1 }}", "100%"),
        ("{{ toTime 1435065584.128 }}", "2015-06-23 13:19:44.128 +0000 UTC"),
        ("{{ toDuration 90 }}", "1m30s"),
        (
            "{{ (toTime 1435065584.128).Format \"2006-01-02T15:04:05.000Z07:00 Mon Jan _2 3:04PM .999 MST 002\" }}",
            "2015-06-23T13:19:44.128Z Tue Jun 23 1:19PM .128 UTC 174"
        ),
        (
            "{{ (toTime 1435065584).Format \"Monday, January 2 2006 15:04:05.999 -07:00\" }}",
            "Tuesday, June 23 2015 13:19:44 +00:00"
        ),
        ("{{ (toTime 1435065584.128).Unix }} {{ (toTime -1.5).Unix }} {{ (toTime 0).Year }}", "1435065584 -2 1970"),
        ("{{ (toDuration 90).Seconds }} {{ (toDuration 5400).Hours }} {{ (toDuration 1.5).String }}", "90 1.5 1.5s"),
        ("{{ toDuration 3600 }}", "1h0m0s"),
        ("{{ toDuration 0.5 }}", "500ms"),
        ("{{ toDuration 0 }}", "0s"),
        ("{{ parseDuration \"1h30m\" }}", "5400"),
        ("{{ parseDuration \"1d\" }}", "86400"),
        ("{{ parseDuration \"500ms\" }}", "0.5"),
        ("{{ parseDuration \"1w2d\" | humanizeDuration }}", "9d 0h 0m 0s"),
        ("{{ parseDuration \"0\" }}", "0"),
        ("{{ title \"aa bb CC\" }}", "Aa Bb CC"),
        ("{{ toUpper \"héllo\" }}", "HÉLLO"),
        ("{{ toLower \"HeLLo\" }}", "hello"),
        ("{{ match \"^a.i$\" $labels.job }} {{ match \"x\" \"abc\" }}", "true false"),
        ("{{ reReplaceAll \"localhost:(.*)\" \"my.domain:$1\" \"localhost:3000\" }}", "my.domain:3000"),
        (
            "{{ reReplaceAll \"(?P<host>[^:]+):([0-9]+)\" \"${host}/$2\" $labels.instance }}",
            "host-1.example.com/9100"
        ),
        // Go's Expand reads "$1x" as the group named "1x", which does not exist.
        ("{{ reReplaceAll \"(b)\" \"$1x\" \"abc\" }}", "ac"),
        ("{{ reReplaceAll \"b\" \"$$\" \"abc\" }}", "a$c"),
        // An empty match right after a match is not replaced (regexp.go replaceAll).
        ("{{ reReplaceAll \"a*\" \"X\" \"baaac\" }}", "XbXcX"),
        ("{{ reReplaceAll \"\\\\d\" \"#\" \"a1٣\" }}", "a#٣"),
        // RE2: "$" is the end of the text only, "." does not match a newline.
        (
            "{{ match \"a$\" \"a\\n\" }} {{ match \"a.b\" \"a\\nb\" }} {{ match \"(?s)a.b\" \"a\\nb\" }}",
            "false false true"
        ),
        ("{{ match \"(?i)^API$\" $labels.job }} {{ match \"^[[:alpha:]]+$\" $labels.job }}", "true true"),
        // Go matches runes: "." matches the combining accent on its own.
        ("{{ match \"^e.$\" \"e\\u0301\" }}", "true"),
        ("{{ stripPort $labels.instance }}", "host-1.example.com"),
        ("{{ stripPort \"[::1]:9090\" }} {{ stripPort \"example.com\" }}", "::1 example.com"),
        ("{{ stripDomain $labels.instance }}", "host-1:9100"),
        ("{{ stripDomain \"foo.example.com\" }} {{ stripDomain \"10.0.0.1:9100\" }}", "foo 10.0.0.1:9100"),
        ("{{ stripDomain \"[2001:db8::1]:80\" }}", "[2001:db8::1]:80"),
        ("{{ safeHtml \"<b>\" }}", "<b>"),
        ("{{ graphLink \"up == 0\" }}", "/graph?g0.expr=up+%3D%3D+0&g0.tab=0"),
        ("{{ tableLink \"up\" }}", "/graph?g0.expr=up&g0.tab=1"),
        ("{{ pathPrefix }} {{ externalURL }}", "/prometheus http://prom.example.com:9090/prometheus"),
        ("{{ now }}", "1.7e+09"),
        ("{{ with args \"a\" 2 }}{{ .arg0 }}-{{ .arg1 }}{{ end }}", "a-2"),
    ])
    func stringAndTimeFunctions(text: String, expected: String) {
        #expect(TemplateFixture.expand(text) == expected)
    }

    @Test(arguments: [
        ("{{ query \"up\" | len }}", "2"),
        ("{{ with query \"up\" }}{{ . | first | value }}{{ end }}", "1"),
        (
            "{{ range query \"up\" | sortByLabel \"instance\" }}{{ .Labels.instance }}={{ .Value }} {{ end }}",
            "a:9100=0 b:9100=1 "
        ),
        ("{{ range $i, $s := query \"up\" }}{{ $i }}:{{ label \"instance\" $s }} {{ end }}", "0:b:9100 1:a:9100 "),
        ("{{ query \"up\" | first | label \"instance\" }}", "b:9100"),
        ("{{ (query \"up\" | first).Value }}", "1"),
        ("{{ first (query \"up\") }}", "{map[__name__:up instance:b:9100 job:node] 1}"),
        ("[{{ strvalue (query \"up\" | first) }}]", "[]"),
        ("{{ with query \"none\" }}x{{ else }}no data{{ end }}", "no data"),
    ])
    func queryFunctions(text: String, expected: String) {
        let query: TemplateQueryFunction = { expression in expression == "up" ? TemplateFixture.samples : [] }
        #expect(TemplateFixture.expand(text, query: query) == expected)
    }
}
