import ZanText

/// A fact's fields ("value": 6, "unit": "working_day", …): a few members, kept as pairs
/// sorted by key in code point order, the order `facts.json` writes them in.
///
/// A fact has at most a dozen fields, read, set, compared and copied for every version a
/// build places: as a dictionary, each of those hashed its keys (a reference resolved again
/// in a version copied its fields' table to set two of them, and comparing two facts looked up
/// every key), and writing them sorted the keys again.
public struct FactFields: Hashable, Sendable, RandomAccessCollection, ExpressibleByDictionaryLiteral {
    public typealias Element = (key: String, value: JSON)

    private var pairs: [Element] = []

    public init() {}

    public init(dictionaryLiteral elements: (String, JSON)...) {
        pairs.reserveCapacity(elements.count)
        for (key, value) in elements { self[key] = value }
    }

    public init(_ fields: some Sequence<Element>) {
        pairs.reserveCapacity(fields.underestimatedCount)
        for (key, value) in fields { self[key] = value }
    }

    public var startIndex: Int { pairs.startIndex }
    public var endIndex: Int { pairs.endIndex }
    public subscript(position: Int) -> Element { pairs[position] }

    /// The keys, in code point order.
    public var keys: [String] { pairs.map(\.key) }

    /// The fields as a dictionary (for a `JSON.object`).
    public var dictionary: [String: JSON] {
        Dictionary(pairs.lazy.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    /// The value of a field; setting nil removes it.
    public subscript(key: String) -> JSON? {
        get { index(of: key).map { pairs[$0].value } }
        set {
            switch (index(of: key), newValue) {
            case (let index?, let value?): pairs[index].value = value
            case (let index?, nil): pairs.remove(at: index)
            case (nil, let value?):
                var at = 0
                while at < pairs.count, JSON.codePointOrder(pairs[at].key, key) { at += 1 }
                pairs.insert((key, value), at: at)
            case (nil, nil): break
            }
        }
    }

    /// Sets every field of `other`, over a field of the same key: the two lists merged in one
    /// pass into one new array (setting them one by one copied the shared array, then grew it).
    public mutating func merge(_ other: FactFields) {
        guard !other.pairs.isEmpty else { return }
        var merged: [Element] = []
        merged.reserveCapacity(pairs.count + other.pairs.count)
        var mine = 0
        for pair in other.pairs {
            while mine < pairs.count, JSON.codePointOrder(pairs[mine].key, pair.key) {
                merged.append(pairs[mine])
                mine += 1
            }
            if mine < pairs.count, pairs[mine].key.sameBytes(as: pair.key) { mine += 1 }   // replaced
            merged.append(pair)
        }
        merged += pairs[mine...]
        pairs = merged
    }

    /// The fields `isIncluded` keeps, in order.
    public func filter(_ isIncluded: (Element) throws -> Bool) rethrows -> FactFields {
        var kept = FactFields()
        kept.pairs = try pairs.filter(isIncluded)
        return kept
    }

    /// Where `key` is. Keys are compared as bytes (their lengths first): these ASCII names are
    /// equal as strings when their bytes are.
    private func index(of key: String) -> Int? {
        // By index: a closure over the pairs copied each one, retaining its value.
        for index in pairs.indices where pairs[index].key.sameBytes(as: key) { return index }
        return nil
    }

    public static func == (a: FactFields, b: FactFields) -> Bool {
        a.pairs.count == b.pairs.count
            && zip(a.pairs, b.pairs).allSatisfy { $0.key.sameBytes(as: $1.key) && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(pairs.count)
        for (key, value) in pairs {
            hasher.combine(key)
            hasher.combine(value)
        }
    }
}
