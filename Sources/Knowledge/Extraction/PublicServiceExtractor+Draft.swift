import Foundation

/// A service being assembled while its article is read: the fact so far and the normalised
/// names that refer to it. Setters keep the first value read; lists skip repeats.
struct ServiceDraft {
    /// The service as read so far.
    var fact: PublicService
    /// Normalised names that refer to it: the name, printed variants, abbreviations.
    var keys: Set<String>
    /// The normalised name it was first printed with.
    let base: String
    /// The word it is referred back to and abbreviated with (`中心`).
    let head: String
    /// How many sentences mention it (picks the article's main service).
    var mentionCount = 0

    /// Starts a service from its first printed name.
    init(article: Int, candidate c: ServiceCandidate, sentence: Int) {
        fact = PublicService(article: article, name: Sourced(c.printed, sentence: sentence))
        keys = [c.name]
        base = c.name
        head = PublicServiceExtractor.suffixHeads[c.suffix] ?? c.suffix
    }

    /// Records another name for it (a printed variant or an abbreviation) as a key and an alias.
    mutating func addName(_ name: String, printed: String) {
        keys.insert(name)
        if printed != fact.name.value && !fact.aliases.contains(printed) { fact.aliases.append(printed) }
    }

    /// Whether anything beyond a name was read: a name alone is not a fact.
    var hasAttributes: Bool {
        let f = fact
        return f.host != nil || f.location != nil || f.established != nil || f.serviceCount != nil || f.windowCount != nil
            || !f.departments.isEmpty || !f.services.isEmpty || !f.commitments.isEmpty || !f.results.isEmpty
            || !f.hours.isEmpty || !f.phones.isEmpty
            || (!f.programmes.isEmpty && mentionCount >= 2)
    }

    /// Sets the host unless one was read already.
    mutating func setHost(_ v: String, _ sc: SentenceScanner) {
        if fact.host == nil { fact.host = Sourced(v, sentence: sc.sentenceID) }
    }

    /// Sets the location unless one was read already (never the service's own name).
    mutating func setLocation(_ v: String, _ sc: SentenceScanner) {
        if fact.location == nil && !keys.contains(v) { fact.location = Sourced(v, sentence: sc.sentenceID) }
    }

    /// Sets when it was set up unless already known.
    mutating func setEstablished(_ v: String, _ sc: SentenceScanner) {
        if fact.established == nil { fact.established = Sourced(v, sentence: sc.sentenceID) }
    }

    /// Sets the number of services unless already known.
    mutating func setCount(_ v: Amount, _ sc: SentenceScanner) {
        if fact.serviceCount == nil { fact.serviceCount = Sourced(v, sentence: sc.sentenceID) }
    }

    /// Sets the number of windows unless already known.
    mutating func setWindows(_ v: Amount, _ sc: SentenceScanner) {
        if fact.windowCount == nil { fact.windowCount = Sourced(v, sentence: sc.sentenceID) }
    }

    /// Adds a department, once.
    mutating func addDepartment(_ v: String, _ sc: SentenceScanner) {
        if !fact.departments.contains(where: { $0.value == v }) { fact.departments.append(Sourced(v, sentence: sc.sentenceID)) }
    }

    /// Adds something it offers, once (never its own name).
    mutating func addService(_ v: String, _ sc: SentenceScanner) {
        guard v != fact.name.value, !fact.services.contains(where: { $0.value == v }) else { return }
        fact.services.append(Sourced(v, sentence: sc.sentenceID))
    }

    /// Adds a time commitment, once.
    mutating func addCommitment(_ v: Commitment, _ sc: SentenceScanner) {
        // a repeat of a promise without its scope (`…30分钟内做出回响,中心会在30分钟内做出回响`) adds nothing
        let repeated = fact.commitments.contains { $0.value == v || (v.scope == nil && $0.value.action == v.action && $0.value.limit == v.limit) }
        if !repeated { fact.commitments.append(Sourced(v, sentence: sc.sentenceID)) }
    }

    /// Adds opening hours, once.
    mutating func addHours(_ v: String, _ sc: SentenceScanner) {
        if !fact.hours.contains(where: { $0.value == v }) { fact.hours.append(Sourced(v, sentence: sc.sentenceID)) }
    }

    /// Adds a phone number, once per number.
    mutating func addPhone(_ v: PhoneNumber, _ sc: SentenceScanner) {
        if !fact.phones.contains(where: { $0.value.number == v.number }) { fact.phones.append(Sourced(v, sentence: sc.sentenceID)) }
    }

    /// Adds a result figure, once per measure and value.
    mutating func addResult(_ v: Figure, _ sc: SentenceScanner) {
        if !fact.results.contains(where: { $0.value.measure == v.measure && $0.value.value == v.value }) {
            fact.results.append(Sourced(v, sentence: sc.sentenceID))
        }
    }
}
