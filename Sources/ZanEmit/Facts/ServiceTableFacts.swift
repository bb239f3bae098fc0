import ZanText
import ZanTimeline

/// The state-service table ("… мемлекеттік қызметті көрсетуге қойылатын негізгі талаптардың
/// тізбесі", "Перечень основных требований к оказанию государственной услуги"): each row, known
/// by its heading, becomes one typed `service` fact — provider, channels, term (with its stages),
/// form, result, fee, schedule, documents, refusal grounds, other requirements.
///
/// A table is read as one when at least four of its rows' headings are such fields; the row's
/// fact covers the whole row text (every paragraph of it).
enum ServiceTableFacts {
    enum Field: String, CaseIterable {
        case provider, subtype, channels, term, form, result, fee, schedule, documents
        case refusalGrounds = "refusal_grounds"
        case requirements
    }

    /// Heading words of each field, Kazakh and Russian, tried in this order: the first field
    /// whose every word of one alternative is in the heading (lowercased) wins. Order matters:
    /// the fee row also names "тәсілдері" (ways of paying), most rows name "кіші түрлерін".
    static let headings: [(Field, [[String]])] = [
        (.fee, [["төлемақы"], ["оплат"], ["стоимост"]]),
        (.refusalGrounds, [["бас тарту", "негіз"], ["основани", "отказ"]]),
        (.documents, [["құжаттар", "тізбе"], ["перечень", "документ"]]),
        (.requirements, [["өзге", "талап"], ["иные", "требовани"]]),
        (.schedule, [["жұмыс граф"], ["жұмыс кесте"], ["график работы"]]),   // "графигі": к → г before a vowel
        (.subtype, [["кіші түр", "атау"], ["подвид", "наименовани"]]),
        (.provider, [["берушінің атауы"], ["наименование услугодател"]]),
        (.term, [["мерзім"], ["срок"]]),
        (.form, [["нысаны"], ["форма"]]),
        (.result, [["нәтиже"], ["результат"]]),
        (.channels, [["тәсіл"], ["способ"]]),
    ]

    static func field(ofHeading heading: String) -> Field? {
        let lowered = CaseMapping.lowercased(heading)
        return headings.first { _, alternatives in
            alternatives.contains { words in words.allSatisfy(lowered.containsBytes) }
        }?.0
    }

    /// The row facts of a table when it is a state-service table: (row index, fact).
    static func read(_ table: RuleNode) -> [(row: Int, fact: Fact)] {
        var fields: [(Int, Field)] = []
        for (index, row) in table.children.enumerated() where row.kind == .row && row.eId != nil && !row.unknown
            && !row.repealed && !row.text.isEmpty {
            if let field = row.heading.flatMap(field(ofHeading:)) { fields.append((index, field)) }
        }
        guard Set(fields.map(\.1)).count >= 4 else { return [] }
        return fields.map { index, field in (index, fact(field, table.children[index])) }
    }

    static func fact(_ field: Field, _ row: RuleNode) -> Fact {
        let joined = row.text.joined(separator: "\n")
        let text = Tokenizer().tokenize(SourceFile(text: joined))
        let list = StatedList(text)
        var fields: FactFields = ["field": .string(field.rawValue)]
        switch field {
        case .provider, .subtype:
            fields["value"] = .string(list.items.map(\.text).joined(separator: "; "))
        case .form:
            let lowered = CaseMapping.lowercased(joined)
            var forms: [JSON] = []
            if lowered.containsBytes("электрон") { forms.append(.string("electronic")) }
            if lowered.containsBytes("қағаз") || lowered.containsBytes("бумажн") { forms.append(.string("paper")) }
            fields["forms"] = .array(forms)
            fields["partly_automated"] = .bool(["ішінара", "частично"].contains(where: lowered.containsBytes))
        case .fee:
            let fees = FeeFacts.read(text)
            fields["free"] = .bool(fees.contains { $0.fields["free"] == .bool(true) })
            if let paid = fees.first(where: { $0.fields["free"] == .bool(false) }) {
                fields["amount"] = paid.fields["amount"]
                fields["currency"] = paid.fields["currency"]
            }
        case .term:
            fields["durations"] = .array(durations(text, list))
        case .channels, .schedule:
            fields["items"] = .array(list.leaves.map { .string($0.text) })
            fields["channels"] = .array(channels(text, list, field))
        case .result, .documents, .refusalGrounds, .requirements:
            fields["items"] = .array(list.leaves.map { .string($0.text) })
        }
        if list.items.contains(where: { !$0.items.isEmpty }) {
            fields["groups"] = .array(list.items.map { item in
                var group: [String: JSON] = [
                    "label": .string(item.label ?? item.text),
                    "items": .array(item.items.map { .string($0.text) }),
                ]
                let mentions = ChannelFacts.mentions(in: text, range: item.tokens.lowerBound..<(item.items.first?.tokens.lowerBound ?? item.tokens.upperBound))
                group["channel"] = .string(mentions.first?.channel.rawValue)
                return .object(group)
            })
        }
        fields["remarks"] = .string(list.remarks)
        let last = row.text.count - 1
        return Fact(id: "", kind: .service, eId: row.eId ?? "", paragraph: 0, lastParagraph: last,
                    span: 0..<row.text[last].count, source: joined, fields: fields)
    }

    /// The term's periods in order, each with the case and the stage it belongs to ("1) … кезінде",
    /// "үшінші кезең"). A period the row states without a relation is the term of the service:
    /// `within`.
    static func durations(_ text: TokenizedText, _ list: StatedList) -> [JSON] {
        Durations.all(in: text).map { match in
            var duration: [String: JSON] = [
                "value": .int(match.value.value),
                "unit": .string(match.value.unit.rawValue),
                "relation": .string((match.value.relation ?? .within).rawValue),
            ]
            let start = match.tokens.lowerBound
            if let item = list.items.first(where: { $0.tokens.contains(start) }) {
                if let label = item.label { duration["case"] = .string(item.number.map { "\($0)) \(label)" } ?? label) }
                let leaf = item.items.first { $0.tokens.contains(start) } ?? item
                if let lead = leaf.lead { duration["stage"] = .string(lead) }
            }
            return .object(duration)
        }
    }

    /// The channels a row names: for the channels row every item's first channel; for the
    /// schedule, the channel each item is the schedule of (the words before its dash).
    static func channels(_ text: TokenizedText, _ list: StatedList, _ field: Field) -> [JSON] {
        var seen = Set<String>()
        var out: [JSON] = []
        for item in list.leaves {
            var range = item.tokens
            if field == .schedule, let dash = range.first(where: { text.tokens[$0].kind == .dash || ["–", "-", "—"].contains(text.normalized(text.tokens[$0])) }) {
                range = range.lowerBound..<dash
            }
            guard let mention = ChannelFacts.mentions(in: text, range: range).first,
                  seen.insert(mention.channel.rawValue).inserted else { continue }
            var channel: [String: JSON] = ["channel": .string(mention.channel.rawValue)]
            if mention.channel == .portal {
                var url = mention.url
                if url == nil, let token = range.first(where: { text.tokens[$0].kind == .url }) {
                    url = text.normalized(text.tokens[token])
                }
                channel["name"] = .string(mention.name)
                channel["url"] = .string(url)
            }
            out.append(.object(channel))
        }
        return out
    }
}
