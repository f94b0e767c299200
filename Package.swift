// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "TokenPlant",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tokenplant", targets: ["tokenplant"]),
        .library(name: "LinearProgramming", targets: ["LinearProgramming"]),
        .library(name: "PlantModel", targets: ["PlantModel"]),
        .library(name: "Planner", targets: ["Planner"]),
        .library(name: "Reports", targets: ["Reports"]),
        .library(name: "Climate", targets: ["Climate"]),
        .library(name: "Twin", targets: ["Twin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
    ],
    targets: [
        // GLPK's C API; no Swift API of its own. Debian ships no glpk.pc, so no pkgConfig.
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        .target(name: "LinearProgramming", dependencies: ["CGLPK"]),
        .target(
            name: "PlantModel",
            dependencies: [.product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources/catalog.yaml")]
        ),
        .target(name: "Planner", dependencies: ["PlantModel", "LinearProgramming"]),
        .target(name: "Climate", dependencies: ["PlantModel"]),
        .target(name: "Twin", dependencies: ["PlantModel", "Planner", "Climate"]),
        .target(
            name: "Reports",
            dependencies: ["PlantModel", "Planner", "Twin", .product(name: "CSV", package: "CSV.swift")]
        ),
        .executableTarget(
            name: "tokenplant",
            dependencies: [
                "PlantModel", "Planner", "Reports", "Climate", "Twin",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "LinearProgrammingTests", dependencies: ["LinearProgramming"]),
        .testTarget(name: "PlantModelTests", dependencies: ["PlantModel"]),
        .testTarget(name: "ClimateTests", dependencies: ["Climate", "PlantModel"]),
        .testTarget(name: "TwinTests", dependencies: ["Twin", "Planner", "PlantModel", "Climate", "Reports"]),
        .testTarget(name: "PlannerTests", dependencies: ["Planner", "PlantModel", "LinearProgramming", "Reports"]),
    ],
    swiftLanguageModes: [.v6]
)
