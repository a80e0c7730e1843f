import Testing

@testable import RuleEval

@Suite struct AlertTemplateExpansionTests {
    /// Variables, fields and missing keys. Prometheus sets `missingkey=zero` (template/template.go
    /// NewTemplateExpander), so a missing label of the `map[string]string` prints as the empty string.
    @Test(arguments: [
        ("{{ $labels.job }}", "api"),
        ("{{ .Labels.job }}/{{ $labels.instance }}", "api/host-1.example.com:9100"),
        ("[{{ $labels.missing }}]", "[]"),
        ("{{ $externalLabels.region }} {{ .ExternalLabels.region }}", "eu-west eu-west"),
        ("{{ $externalURL }}", "http://prom.example.com:9090/prometheus"),
        ("{{ .Value }} {{ $value }}", "1234.5 1234.5"),
        ("{{ $labels }}", "map[__name__:up instance:host-1.example.com:9100 job:api]"),
        ("{{ index $labels \"job\" }}", "api"),
        ("[{{ index $labels \"nope\" }}]", "[]"),
        ("{{ (args 1 \"x\").arg1 }}", "x"),
        ("{{ (args 1).arg5 }}", "<no value>"),
        ("{{ $ := 1 }}{{ $ }}", "1"),
        ("{{ $.Labels.job }} {{ $.Value }}", "api 1234.5"),
        ("{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ end }}{{ $x }}", "2"),
        ("{{ $x := \"a\" }}{{ with $y := \"b\" }}{{ $x }}{{ $y }}{{ end }}", "ab"),
    ])
    func variablesAndFields(text: String, expected: String) {
        #expect(TemplateFixture.expand(text) == expected)
    }

    @Test func parsedTemplateExpandsForManyAlerts() throws {
        let template = try AlertTemplate.parse("{{ $labels.job }}: {{ $value | humanize }}", name: "HighLoad")
        #expect(template.templateName == "__alert_HighLoad")
        #expect(template.text == "{{ $labels.job }}: {{ $value | humanize }}")
        for (job, value, expected) in [("api", 1234.0, "api: 1.234k"), ("db", 0.5, "db: 500m")] {
            let text = template.expand(
                labels: ["job": job], externalLabels: [:], externalURL: "", value: value, evaluationTime: 0,
                query: nil)
            #expect(text == expected)
        }
    }

    @Test func executeThrowsTheExecutionError() throws {
        let template = try AlertTemplate.parse("{{ humanize \"x\" }}", name: "A")
        let data = AlertTemplateData(labels: [:], externalLabels: [:], externalURL: "", value: 0)
        let error = #expect(throws: TemplateError.self) { try template.execute(data, evaluationTime: 0, query: nil) }
        #expect(error?.phase == .execution)
        #expect(error?.position.column == AlertTemplate.preamble.utf8.count + 4)
    }

    /// `{{ $value }}` prints float64 with `%v`: shortest digits, `%e` form when the exponent is < -4 or >= 21
    /// ... in strconv's 'g' with shortest precision the threshold is 6 (strconv/ftoa.go `eprec = 6`), which the
    /// promtool outputs in the conformance suite confirm (`7.44404413e+08`).
    @Test(arguments: [
        (1234567.0, "1.234567e+06"),
        (744404413.0, "7.44404413e+08"),
        (19854494575.260803, "1.9854494575260803e+10"),
        (100000.0, "100000"),
        (123456.7, "123456.7"),
        (0.0001, "0.0001"),
        (0.00001, "1e-05"),
        (1e21, "1e+21"),
        (3.0, "3"),
        (-2.5, "-2.5"),
        (0.0, "0"),
        (-0.0, "-0"),
        (Double.nan, "NaN"),
        (Double.infinity, "+Inf"),
        (-Double.infinity, "-Inf"),
        (Double.leastNonzeroMagnitude, "5e-324"),
        (0.1 + 0.2, "0.30000000000000004"),
    ])
    func valuePrintsLikeGo(value: Double, expected: String) {
        #expect(TemplateFixture.expand("{{ $value }}", value: value) == expected)
    }

    /// Fixed precision rounds the exact binary value half to even, as Go's strconv does.
    @Test(arguments: [
        ("%.2f", 0.125, "0.12"),
        ("%.2f", 0.375, "0.38"),
        ("%.2f", 2.675, "2.67"),
        ("%.2f", 1.005, "1.00"),
        ("%.2f", 3960854851.0, "3960854851.00"),
        ("%.0f", 2.5, "2"),
        ("%.4g", 123456.0, "1.235e+05"),
        ("%.4g", 100.0, "100"),
        ("%.3e", 1234.5, "1.234e+03"),
        ("%e", 1234.5, "1.234500e+03"),
        ("%f", 1.0, "1.000000"),
        ("%g", 1e6, "1e+06"),
        ("%G", 1e-7, "1E-07"),
        ("%8.3f", -3.14159, "  -3.142"),
        ("%-8.2f|", 3.14159, "3.14    |"),
        ("%08.2f", -3.14159, "-0003.14"),
        ("%+.1f", 2.0, "+2.0"),
        ("% .1f", 2.0, " 2.0"),
        ("%5.1f", Double.infinity, " +Inf"),
        ("%05.1f", -Double.infinity, " -Inf"),
        ("%f", Double.nan, "NaN"),
        ("%v", 1.5, "1.5"),
        ("%.3v", 3.14159, "3.14"),
        ("%d", 1.5, "%!d(float64=1.5)"),
        ("%s", 1.5, "%!s(float64=1.5)"),
    ])
    func printfFormatsFloats(format: String, value: Double, expected: String) {
        #expect(TemplateFixture.expand("{{ printf \"\(format)\" $value }}", value: value) == expected)
    }

    @Test(arguments: [
        (
            #"{{ printf "%d|%5d|%-5d|%05d|%x|%X|%o|%b|%#x|%+d" 42 42 42 -42 255 255 8 5 255 3 }}"#,
            "42|   42|42   |-0042|ff|FF|10|101|0xff|+3"
        ),
        (
            #"{{ printf "%s|%q|%v|%5s|%-5s|%.2s|%x" "ab" "a\"b" "c" "d" "e" "xyz" "hi" }}"#,
            #"ab|"a\"b"|c|    d|e    |xy|6869"#
        ),
        (#"{{ printf "%t %v" true false }}"#, "true false"),
        (#"{{ printf "100%%" }}"#, "100%"),
        (#"{{ printf "%d" }}"#, "%!d(MISSING)"),
        (#"{{ printf "%d" "x" }}"#, "%!d(string=x)"),
        (#"{{ printf "%t" 1 }}"#, "%!t(int=1)"),
        (#"{{ printf "a" 1 "b" }}"#, "a%!(EXTRA int=1, string=b)"),
        (#"{{ printf "%" }}"#, "%!(NOVERB)"),
        (#"{{ printf "%[2]d %[1]d" 1 2 }}"#, "2 1"),
        (#"{{ printf "%[3]d" 1 }}"#, "%!d(BADINDEX)"),
        (#"{{ printf "%*d" 4 7 }}"#, "   7"),
        (#"{{ printf "%-*d|" 3 7 }}"#, "7  |"),
        (#"{{ printf "%*d" "x" 7 }}"#, "%!(BADWIDTH)7"),
        (#"{{ printf "%.*f" -1 1.5 }}"#, "%!(BADPREC)1.500000"),
        (#"{{ printf "%v" $labels.nope }}"#, ""),
        (#"{{ printf "%T %T %T %T" 1 1.5 "s" $labels }}"#, "int float64 string map[string]string"),
        (#"{{ printf "%v" (args 1).arg3 }}"#, "<nil>"),
        (#"{{ printf "%s" (args 1).arg3 }}"#, "%!s(<nil>)"),
        (#"{{ printf "%c|%U|%q" 65 9731 65 }}"#, "A|U+2603|'A'"),
    ])
    func printfFormatsOtherValues(text: String, expected: String) {
        #expect(TemplateFixture.expand(text) == expected)
    }

    @Test(arguments: [
        (#"{{ print 1 2 "a" 3 "b" "c" }}"#, "1 2a3bc"),
        (#"{{ print }}"#, ""),
        (#"{{ println 1 "a" }}"#, "1 a\n"),
        (#"{{ print true 1.5 }}"#, "true 1.5"),
        (#"{{ html "<a href='x'>&\"" }}"#, "&lt;a href=&#39;x&#39;&gt;&amp;&#34;"),
        (#"{{ html 1 2 }}"#, "1 2"),
        (#"{{ js "it's <b>=\"x\"\n" }}"#, #"it\'s \u003Cb\u003E\u003D\"x\"\u000A"#),
        (#"{{ urlquery "a b&c/d~" }}"#, "a+b%26c%2Fd~"),
        (#"{{ len $labels }} {{ len "héllo" }} {{ len (args 1 2) }}"#, "3 6 2"),
        (#"{{ index "abc" 1 }}"#, "98"),
        (#"{{ slice "hello" 1 3 }}|{{ slice "hello" 2 }}|{{ slice "hello" }}"#, "el|llo|hello"),
    ])
    func goBuiltins(text: String, expected: String) {
        #expect(TemplateFixture.expand(text) == expected)
    }

    /// `and`/`or` short-circuit and return the deciding operand (text/template funcs.go).
    @Test(arguments: [
        (#"{{ or "" "x" }}"#, "x"),
        (#"{{ or 0 "" }}"#, ""),
        (#"{{ and 1 0 }}"#, "0"),
        (#"{{ and 1 2 }}"#, "2"),
        (#"{{ and 0 (index $labels 1) }}"#, "0"),
        (#"{{ or 1 (index $labels 1) }}"#, "1"),
        (#"{{ "x" | and 1 }}"#, "x"),
        (#"{{ not "" }} {{ not 1 }} {{ not $labels }}"#, "true false false"),
        (#"{{ eq "b" "a" "b" }} {{ eq 1 2 }} {{ ne 1 2 }}"#, "true false true"),
        (#"{{ lt "a" "b" }} {{ le 2 2 }} {{ gt 2.5 1.5 }} {{ ge 1 2 }}"#, "true true true false"),
        (#"{{ eq $value 1234.5 }} {{ gt $value 1000.0 }}"#, "true true"),
        (#"{{ eq $labels.job "api" }}"#, "true"),
        (#"{{ eq (safeHtml "a") "a" }}"#, "true"),
    ])
    func logicAndComparisons(text: String, expected: String) {
        #expect(TemplateFixture.expand(text) == expected)
    }

    @Test(arguments: [
        ("{{ if gt $value 1000.0 }}high{{ else }}low{{ end }}", "high"),
        ("{{ if lt $value 1000.0 }}low{{ else if lt $value 2000.0 }}mid{{ else }}high{{ end }}", "mid"),
        ("{{ if $labels.missing }}yes{{ else }}no{{ end }}", "no"),
        ("{{ with $labels.job }}job={{ . }}{{ end }}", "job=api"),
        ("{{ with $labels.missing }}x{{ else }}none{{ end }}", "none"),
        ("{{ with $labels.missing }}x{{ else with $labels.job }}{{ . }}{{ end }}", "api"),
        (
            "{{ range $k, $v := $labels }}{{ $k }}={{ $v }};{{ end }}",
            "__name__=up;instance=host-1.example.com:9100;job=api;"
        ),
        ("{{ range $labels }}{{ . }},{{ end }}", "up,host-1.example.com:9100,api,"),
        ("{{ range $v := $labels }}{{ $v }},{{ end }}", "up,host-1.example.com:9100,api,"),
        ("{{ range $externalLabels }}{{ . }}{{ else }}empty{{ end }}", "eu-west"),
        ("{{ range (args).arg0 }}x{{ else }}empty{{ end }}", "empty"),
        ("{{ range 3 }}{{ . }}{{ end }}", "012"),
        ("{{ range $i := 5 }}{{ if eq $i 3 }}{{ break }}{{ end }}{{ $i }}{{ end }}", "012"),
        ("{{ range 5 }}{{ if eq . 1 }}{{ continue }}{{ end }}{{ . }}{{ end }}", "0234"),
        ("{{ range 0 }}x{{ else }}none{{ end }}", "none"),
        ("{{ $n := 0 }}{{ range $labels }}{{ $n = 1 }}{{ end }}{{ $n }}", "1"),
    ])
    func controlStructures(text: String, expected: String) {
        #expect(TemplateFixture.expand(text) == expected)
    }

    @Test(arguments: [
        ("a  {{- 1 -}}  b", "a1b"),
        ("a \n\t{{- 1 }} b", "a1 b"),
        ("a {{ 1 -}}\n\n b", "a 1b"),
        ("a{{/* comment */}}b", "ab"),
        ("a {{- /* comment */ -}} b", "ab"),
        ("{{-3}}", "-3"),
        ("x{{ `raw\\n` }}", "xraw\\n"),
        ("{{ \"\\u00e9\\x41\\t\" }}", "éA\t"),
        ("{{ 'a' }} {{ 0x1F }} {{ 1e3 }} {{ 1_000 }} {{ -0 }}", "97 31 1000 1000 0"),
        ("{{ 0x1p-2 }} {{ 0xE }} {{ 0o17 }} {{ 017 }} {{ 0b101 }} {{ 1.0 }} {{ -.5 }}", "0.25 14 15 15 5 1 -0.5"),
        ("{{\n$labels.job\n}}", "api"),
        ("{{ (printf \"%s-%s\" $labels.job \"x\") | toUpper }}", "API-X"),
        ("{{ $labels.job | printf \"%s!\" }}", "api!"),
    ])
    func lexicalForms(text: String, expected: String) {
        #expect(TemplateFixture.expand(text) == expected)
    }
}
