// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "enquiry-bot",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Knowledge", targets: ["Knowledge"]),
        .executable(name: "enquiry-bot", targets: ["Bot"]),
    ],
    targets: [
        // ICU's dictionary word break ships with Foundation on Linux (`_FoundationICU`).
        .target(name: "Knowledge", path: "Sources/Knowledge",
                linkerSettings: [.linkedLibrary("_FoundationICU", .when(platforms: [.linux]))]),
        .target(name: "CSystemShims", path: "Sources/CSystemShims"),
        .executableTarget(
            name: "Bot",
            dependencies: ["Knowledge", "CSystemShims"],
            path: "Sources/Bot"
        ),
        .testTarget(name: "KnowledgeTests", dependencies: ["Knowledge"], path: "Tests/KnowledgeTests"),
        .testTarget(name: "BotTests", dependencies: ["Bot", "Knowledge"], path: "Tests/BotTests"),
        .testTarget(name: "DaemonTests", dependencies: [], path: "Tests/DaemonTests"),
    ],
    swiftLanguageModes: [.v6]
)
