import Foundation

/// Fills a response template: `{name}` placeholders replaced in one pass (unknown ones left as
/// they are), and a doubled full stop the substitution may create (`…。` + `。`) collapsed.
enum TemplateText {
    static func fill(_ template: String, _ values: [String: String]) -> String {
        var out = String.UnicodeScalarView()
        var name = String.UnicodeScalarView()
        var inPlaceholder = false
        for s in template.unicodeScalars {
            if inPlaceholder {
                if s == "}" {
                    let key = String(name)
                    if let v = values[key] { out.append(contentsOf: v.unicodeScalars) } else { out.append("{"); out.append(contentsOf: name); out.append("}") }
                    inPlaceholder = false
                    name = String.UnicodeScalarView()
                } else {
                    name.append(s)
                }
            } else if s == "{" {
                inPlaceholder = true
            } else {
                if s == "。", out.last == "。" { continue }
                out.append(s)
            }
        }
        if inPlaceholder { out.append("{"); out.append(contentsOf: name) }
        return String(out)
    }
}

/// `a` without repeats, first occurrences kept in order (cited sentences, suggestions…).
func orderedUnique<T: Hashable>(_ a: [T]) -> [T] {
    var seen = Set<T>()
    return a.filter { seen.insert($0).inserted }
}
