import Foundation

/// A problem in `intents/`: says which file, which intent and which field.
struct IntentCatalogError: Error, CustomStringConvertible, Equatable {
    var file: String
    var intent: String?
    var field: String?
    var message: String

    var description: String {
        var where_ = file
        if let intent { where_ += ": intent '\(intent)'" }
        if let field { where_ += ", field '\(field)'" }
        return where_ + ": " + message
    }
}
