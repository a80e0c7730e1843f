// swift-tools-version:6.0
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6)
]

let package = Package(
    name: "Tocsin",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "PromText", targets: ["PromText"]),
        .library(name: "Exporter", targets: ["Exporter"]),
        .library(name: "RuleEval", targets: ["RuleEval"]),
        .executable(name: "tocsin-exporter", targets: ["ExporterCommand"]),
        .executable(name: "tocsin-ruleeval", targets: ["RuleEvalCommand"]),
        .executable(name: "tocsin-bench", targets: ["Bench"]),
        .executable(name: "tocsin-webhook-printer", targets: ["WebhookPrinterCommand"]),
    ],
    targets: [
        .target(name: "PromText", swiftSettings: strictSettings),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "Exporter", dependencies: ["PromText", "CZlib"], swiftSettings: strictSettings),
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .target(name: "RuleEval", dependencies: ["PromText", "Exporter", "COpenSSL"], swiftSettings: strictSettings),
        .executableTarget(name: "ExporterCommand", dependencies: ["Exporter"], swiftSettings: strictSettings),
        .executableTarget(name: "RuleEvalCommand", dependencies: ["RuleEval"], swiftSettings: strictSettings),
        .executableTarget(name: "WebhookPrinterCommand", dependencies: ["RuleEval"], swiftSettings: strictSettings),
        .executableTarget(name: "Bench", dependencies: ["PromText", "RuleEval"], swiftSettings: strictSettings),
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strictSettings),
        .testTarget(
            name: "PromTextTests",
            dependencies: ["PromText", "TestSupport"],
            exclude: ["Writer/Golden"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ExporterTests",
            dependencies: ["Exporter", "TestSupport"],
            exclude: ["Collectors/Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "RuleEvalTests",
            dependencies: ["RuleEval", "TestSupport"],
            exclude: ["Corpus/Files", "Engine/Fixtures"],
            swiftSettings: strictSettings
        ),
    ]
)
