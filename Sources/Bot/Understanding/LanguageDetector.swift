import Foundation
import Knowledge

/// zh or en, from the scripts in the text: any Han character makes it Chinese unless ASCII
/// words clearly dominate (`What is 暖心坊?` is English with a Chinese name).
enum LanguageDetector {
    static func detect(_ text: String) -> Language {
        var han = 0
        var letters = 0
        var words = 0
        var inWord = false
        for s in text.unicodeScalars {
            if ScalarClass.isHan(s) { han += 1; inWord = false }
            else if ScalarClass.isASCIILetter(s) { letters += 1; if !inWord { words += 1 }; inWord = true }
            else { inWord = false }
        }
        if han == 0 { return letters >= 2 ? .en : .zh }
        // English sentence wrapping a Chinese name: several English words and few Han characters.
        if words >= 3 && letters >= 2 * han { return .en }
        return .zh
    }
}
