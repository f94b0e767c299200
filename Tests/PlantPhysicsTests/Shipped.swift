import Foundation
import PlantModel

/// Shipped designs and sites, loaded from the package's own folders.
enum Shipped {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static func design(_ name: String) throws -> ReferenceDesign {
        try ReferenceDesign.load(from: root + "/reference-designs/\(name).yaml", catalog: Catalog.bundled()).value
    }

    static func site(_ name: String) throws -> Site {
        try Site.load(from: root + "/sites/\(name).yaml").value
    }
}
