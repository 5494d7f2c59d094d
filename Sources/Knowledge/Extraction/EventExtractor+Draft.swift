import Foundation

/// Who an organisation is to an event.
enum OrganiserRole {
    /// `主办`, `联合主办`, `牵头`.
    case organiser
    /// `承办`.
    case undertaker
    /// `协办`.
    case coOrganiser
}

/// An event being assembled while its article is read. Setters keep the first value read;
/// lists skip repeats; prizes of the same group and rank are merged.
struct EventDraft {
    /// The event as read so far.
    var fact: Event
    /// Grouping key of its name.
    let core: String
    /// Its name without quotes, ordinal or year, normalised (a later `展评活动` is a tail of it).
    let stripped: String
    /// Content of the first quotation in its name (`田园五镇`), normalised.
    let quoted: String?
    /// Whether its name makes it a contest on its own.
    let isContest: Bool

    /// Starts an event from its first printed name, with the forms derived from it as aliases.
    init(article: Int, candidate c: EventCandidate, sentence: Int) {
        fact = Event(article: article, name: Sourced(c.printed, sentence: sentence))
        core = c.core
        stripped = c.variants.count > 1 ? c.variants[1] : c.core
        quoted = c.quoted
        isContest = EventExtractor.contestSuffixes.contains(c.suffix) || EventExtractor.contestWords.contains { c.printed.containsText($0) }
        for v in c.variants { addAlias(v) }
        if let q = c.quoted { addAlias(q + c.suffix) }
        if let sponsor = c.sponsor { addAlias(sponsor) }
    }

    /// Whether a name found later refers to this event: same core, or a tail of its name of at
    /// least four characters with the same ending (`展评活动` for `…现场展评活动`).
    func isReferred(to c: EventCandidate) -> Bool {
        c.core == core || (c.core.count >= 4 && stripped.hasSuffix(c.core) && !c.printed.contains("\u{201C}"))
    }

    /// Adds a short form or variant, unless it is the name itself or already known.
    mutating func addAlias(_ a: String) {
        guard !a.isEmpty, a != fact.name.value, !fact.aliases.contains(a) else { return }
        fact.aliases.append(a)
    }

    /// Whether this is worth keeping: an event with details an enquirer can use, or a contest with a venue or date.
    var isEvent: Bool {
        let f = fact
        let details = !f.organisers.isEmpty || !f.undertakers.isEmpty || f.theme != nil || !f.groups.isEmpty || !f.prizes.isEmpty
            || !f.eligibility.isEmpty || !f.benefits.isEmpty || f.dates.contains { $0.value.kind != .held }
        // a contest name alone is not a fact either: it needs a venue, a date or a detail
        return details || (isContest && (f.venue != nil || !f.dates.isEmpty))
    }

    /// Sets the venue unless one was read already.
    mutating func setVenue(_ v: String, _ sc: SentenceScanner) {
        if fact.venue == nil { fact.venue = Sourced(v, sentence: sc.sentenceID) }
    }

    /// Sets the theme unless one was read already.
    mutating func setTheme(_ v: String, _ sc: SentenceScanner) {
        if fact.theme == nil { fact.theme = Sourced(v, sentence: sc.sentenceID) }
    }

    /// Adds an organisation in its role, once.
    mutating func addOrganiser(_ v: String, role: OrganiserRole, _ sc: SentenceScanner) {
        let item = Sourced(v, sentence: sc.sentenceID)
        switch role {
        case .organiser: if !fact.organisers.contains(where: { $0.value == v }) { fact.organisers.append(item) }
        case .undertaker: if !fact.undertakers.contains(where: { $0.value == v }) { fact.undertakers.append(item) }
        case .coOrganiser: if !fact.coOrganisers.contains(where: { $0.value == v }) { fact.coOrganisers.append(item) }
        }
    }

    /// Adds a milestone unless the same kind and date is known.
    mutating func addDate(_ v: EventDate, _ sc: SentenceScanner) {
        if !fact.dates.contains(where: { $0.value.kind == v.kind && $0.value.date == v.date }) { fact.dates.append(Sourced(v, sentence: sc.sentenceID)) }
    }

    /// Adds a group, once.
    mutating func addGroup(_ v: String, _ sc: SentenceScanner) {
        if !fact.groups.contains(where: { $0.value == v }) { fact.groups.append(Sourced(v, sentence: sc.sentenceID)) }
    }

    /// Adds a prize, or completes one of the same group and rank (amount, count, winner).
    mutating func addPrize(_ v: Prize, _ sc: SentenceScanner) {
        if let i = fact.prizes.firstIndex(where: { $0.value.group == v.group && $0.value.rank == v.rank
            && ($0.value.winner == nil || v.winner == nil || $0.value.winner == v.winner) }) {
            var p = fact.prizes[i].value
            p.amount = p.amount ?? v.amount
            p.count = p.count ?? v.count
            p.winner = p.winner ?? v.winner
            fact.prizes[i].value = p
        } else {
            fact.prizes.append(Sourced(v, sentence: sc.sentenceID))
        }
    }

    /// Adds a kind of entrant, once.
    mutating func addEligibility(_ v: String, _ sc: SentenceScanner) {
        if !fact.eligibility.contains(where: { $0.value == v }) { fact.eligibility.append(Sourced(v, sentence: sc.sentenceID)) }
    }

    /// Adds a benefit, once.
    mutating func addBenefit(_ v: String, _ sc: SentenceScanner) {
        if !fact.benefits.contains(where: { $0.value == v }) { fact.benefits.append(Sourced(v, sentence: sc.sentenceID)) }
    }
}
