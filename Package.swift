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
    ],
    targets: [
        .target(name: "PromText", swiftSettings: strictSettings),
        .target(name: "Exporter", dependencies: ["PromText"], swiftSettings: strictSettings),
        .target(name: "RuleEval", dependencies: ["PromText", "Exporter"], swiftSettings: strictSettings),
        .executableTarget(name: "ExporterCommand", dependencies: ["Exporter"], swiftSettings: strictSettings),
        .executableTarget(name: "RuleEvalCommand", dependencies: ["RuleEval"], swiftSettings: strictSettings),
        .executableTarget(name: "Bench", dependencies: ["PromText"], swiftSettings: strictSettings),
        .testTarget(name: "PromTextTests", dependencies: ["PromText"], swiftSettings: strictSettings),
        .testTarget(name: "ExporterTests", dependencies: ["Exporter"], swiftSettings: strictSettings),
        .testTarget(
            name: "RuleEvalTests", dependencies: ["RuleEval"], exclude: ["PromQL/Fixtures"], swiftSettings: strictSettings),
    ]
)
