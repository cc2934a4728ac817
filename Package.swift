// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "avtal",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "avtal", targets: ["avtal"]),
        .library(name: "AvtalCore", targets: ["AvtalCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.14.0"),
    ],
    targets: [
        // Debian's libcmark-gfm and its extensions; the wrapper is the only target that imports it.
        .systemLibrary(
            name: "CMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "AvtalMarkdown", dependencies: ["CMarkGFM"]),
        .target(
            name: "AvtalCore",
            dependencies: ["AvtalMarkdown", .product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Redline, amendment text and (later) the site: everything that renders a version for readers.
        .target(
            name: "AvtalPublishing",
            dependencies: [
                "AvtalCore", "AvtalMarkdown", .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Reading responses is the only place untrusted input enters, and the only user of the CSV reader:
        // kept apart so that its dependency and its attack surface stay out of the publishing code.
        .target(
            name: "AvtalResponses",
            dependencies: ["AvtalCore", "AvtalPublishing", .product(name: "CSV", package: "CSV.swift")]
        ),
        // The live preview: the only target that links the HTTP server, so that nothing else carries it.
        .target(
            name: "AvtalServer",
            dependencies: ["AvtalCore", "AvtalPublishing", .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "Logging", package: "swift-log")]
        ),
        .executableTarget(
            name: "avtal",
            dependencies: ["AvtalCore", "AvtalPublishing", "AvtalResponses", "AvtalServer", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The fuzz harnesses: a replay runner when built normally, a libFuzzer binary when `scripts/fuzz`
        // builds it with -sanitize=fuzzer,address -DFUZZING.
        .executableTarget(name: "avtal-fuzz", dependencies: ["AvtalCore", "AvtalResponses"]),
        .testTarget(name: "AvtalMarkdownTests", dependencies: ["AvtalMarkdown"], exclude: ["Resources"]),
        .testTarget(name: "AvtalCoreTests", dependencies: ["AvtalCore"], exclude: ["Fixtures", "Resources"]),
        .testTarget(name: "AvtalPublishingTests", dependencies: ["AvtalPublishing"], exclude: ["Fixtures"]),
        .testTarget(name: "AvtalResponsesTests", dependencies: ["AvtalResponses"], exclude: ["Fixtures"]),
        // Depends on the executables so that `swift test` always builds the binaries it runs.
        .testTarget(name: "AvtalCLITests", dependencies: ["avtal", "avtal-fuzz"], exclude: ["FuzzRegressions"]),
    ],
    swiftLanguageModes: [.v6]
)
