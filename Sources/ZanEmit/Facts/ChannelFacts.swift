import ZanText

/// Channels and actors of a service: the State Corporation ("Азаматтарға арналған үкімет"
/// мемлекеттік корпорациясы, Государственная корпорация), the "цифрлық / электрондық үкімет"
/// web portal with its address (www.egov.kz), the service provider (көрсетілетін қызметті
/// беруші, услугодатель), the unified contact centre (1414) and the post. One fact per channel
/// per paragraph: where the paragraph first names it.
enum ChannelFacts {
    enum Channel: String, CaseIterable {
        case stateCorporation = "state_corporation"
        case portal
        case provider
        case contactCenter = "contact_center"
        case post
    }

    /// A channel named at some tokens: the channel, the tokens, the portal's name as quoted and
    /// the address written next to it.
    struct Mention {
        var channel: Channel
        var tokens: Range<Int>
        var name: String?
        var url: String?
    }

    static func read(_ text: TokenizedText) -> [FoundFact] {
        var seen: [Channel] = []   // five at most (a set hashed each one's name)
        var found: [FoundFact] = []
        for mention in mentions(in: text, range: 0..<text.tokens.count) where !seen.contains(mention.channel) {
            seen.append(mention.channel)
            var fields: FactFields = ["channel": .string(mention.channel.rawValue)]
            if mention.channel == .portal {
                fields["name"] = .string(mention.name)
                fields["url"] = .string(mention.url)
            }
            found.append(FoundFact(kind: .channel, tokens: mention.tokens, fields: fields))
        }
        return found
    }

    /// Every mention of a channel among `range`, left to right.
    static func mentions(in text: TokenizedText, range: Range<Int>) -> [Mention] {
        var mentions: [Mention] = []
        var index = range.lowerBound
        while index < range.upperBound {
            if let mention = mention(in: text, at: index, within: range) {
                mentions.append(mention)
                index = mention.tokens.upperBound
            } else {
                index += 1
            }
        }
        return mentions
    }

    /// The stem of the first word of every mention below: a word that starts none of them
    /// starts no mention, and is turned away before the stems are tried one by one (at every
    /// word of every paragraph: 8 % of reading the facts of 20 generated works' paragraphs).
    /// A mention added below adds its first word here.
    static let firstWords = StemFilter(["мемлекеттік", "государственн", "госкорпораци", "веб-портал", "портал", "көрсетілетін",
                                        "услугодател", "бірыңғай", "един", "пошта"] + russianPost)

    /// "почта" and the forms of it that name a channel of delivery.
    static let russianPost = ["почта", "почтой", "почтовым", "почтовой"]

    /// The mention starting at word `index`, if any. Words are compared as bytes (`hasStem`,
    /// `sameBytes`): this runs for every word of every paragraph, and `hasPrefix` or `==` on
    /// two different Cyrillic strings compares them under canonical equivalence.
    static func mention(in text: TokenizedText, at index: Int, within range: Range<Int>) -> Mention? {
        guard text.lowerWord(index, mayStart: firstWords), let word = text.lowerWord(index) else { return nil }
        let next = text.lowerWord(index + 1) ?? ""
        // "Мемлекеттік корпорация(ға, дан, …)", "Государственная корпорация", "Госкорпорация".
        if (word.sameBytes(as: "мемлекеттік") || word.hasStem("государственн")) && next.hasStem("корпораци") {
            return Mention(channel: .stateCorporation, tokens: index..<index + 2)
        }
        if word.hasStem("госкорпораци") { return Mention(channel: .stateCorporation, tokens: index..<index + 1) }
        // "«цифрлық үкіметтің» веб-порталы: www.egov.kz", "веб-портал «электронного правительства» www.egov.kz".
        if word.hasStem("веб-портал") || word.hasStem("портал") {
            var mention = Mention(channel: .portal, tokens: index..<index + 1)
            if let (open, close) = quote(in: text, endingAt: index - 1), close > open + 1 {
                mention.name = string(text, open + 1..<close)
                mention.tokens = open..<index + 1
            } else if let (open, close) = quote(in: text, startingAt: index + 1), close > open + 1, close < range.upperBound {
                mention.name = string(text, open + 1..<close)
                mention.tokens = index..<close + 1
            }
            // The address: right after (", " or ":" between) or right before the name.
            var after = mention.tokens.upperBound
            while after < min(range.upperBound, mention.tokens.upperBound + 3), text.tokens[after].kind != .url,
                  [":", ",", "–", "-", "("].contains(text.lowerToken(after) ?? "") { after += 1 }
            if after < range.upperBound, text.tokens[after].kind == .url {
                mention.url = text.normalized(text.tokens[after])
                mention.tokens = mention.tokens.lowerBound..<after + 1
            } else if mention.tokens.lowerBound > range.lowerBound, text.tokens[mention.tokens.lowerBound - 1].kind == .url {
                mention.url = text.normalized(text.tokens[mention.tokens.lowerBound - 1])
                mention.tokens = mention.tokens.lowerBound - 1..<mention.tokens.upperBound
            }
            return mention
        }
        // "көрсетілетін қызметті беруші(нің, ге, …)", "услугодатель".
        if word.sameBytes(as: "көрсетілетін"), next.sameBytes(as: "қызметті"), text.lowerWord(index + 2)?.hasStem("беруші") == true {
            return Mention(channel: .provider, tokens: index..<index + 3)
        }
        if word.hasStem("услугодател") { return Mention(channel: .provider, tokens: index..<index + 1) }
        // "Бірыңғай байланыс орталығы", "Единый контакт-центр".
        if word.sameBytes(as: "бірыңғай"), next.sameBytes(as: "байланыс"), text.lowerWord(index + 2)?.hasStem("орталы") == true {
            return Mention(channel: .contactCenter, tokens: index..<index + 3)
        }
        if word.hasStem("един"), next.hasStem("контакт-центр") {
            return Mention(channel: .contactCenter, tokens: index..<index + 2)
        }
        // "пошта", "почта" (and their cases), as a channel of delivery.
        if word.hasStem("пошта") || russianPost.contains(where: { word.sameBytes(as: $0) }) {
            return Mention(channel: .post, tokens: index..<index + 1)
        }
        return nil
    }

    /// The quotation that closes at token `close` (its open and close indices).
    static func quote(in text: TokenizedText, endingAt close: Int) -> (Int, Int)? {
        guard text.tokens.indices.contains(close), text.tokens[close].kind == .quoteClose else { return nil }
        var index = close - 1
        while index >= max(0, close - 8) {
            if text.tokens[index].kind == .quoteOpen { return (index, close) }
            index -= 1
        }
        return nil
    }

    /// The quotation that opens at token `open`.
    static func quote(in text: TokenizedText, startingAt open: Int) -> (Int, Int)? {
        guard text.tokens.indices.contains(open), text.tokens[open].kind == .quoteOpen else { return nil }
        for index in open + 1..<min(text.tokens.count, open + 8) where text.tokens[index].kind == .quoteClose {
            return (open, index)
        }
        return nil
    }

    static func string(_ text: TokenizedText, _ range: Range<Int>) -> String {
        let bytes = text.source.bytes[text.tokens[range.lowerBound].range.start..<text.tokens[range.upperBound - 1].range.end]
        return String(decoding: bytes, as: UTF8.self)
    }
}
