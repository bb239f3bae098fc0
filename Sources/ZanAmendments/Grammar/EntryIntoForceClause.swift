import ZanText

/// Reads clauses on entry into force: "Осы бұйрық 2026 жылғы 12 шілдеден бастап қолданысқа
/// енгізіледі", "… алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң …",
/// "… күнінен бастап", "… күнінен кейін", "қол қойылған күнінен бастап", split clauses
/// ("…, 1-тармақтың 3) тармақшасын қоспағанда, …"), and their Russian forms ("вводится в
/// действие по истечении десяти календарных дней после дня его первого официального опубликования").
struct ReadEntryIntoForce {
    let sentence: Sentence

    /// True when the sentence is about entry into force.
    static func isClause(_ sentence: Sentence) -> Bool {
        sentence.tokens.contains { index in
            let word = sentence.lowered[index]
            return (word.sameBytes(as: "қолданысқа") && sentence.word(index + 1)?.hasStem("енгізіл") == true)
                || (word.hasStem("вводит") && sentence.word(index + 1).sameBytes(as: "в") && sentence.word(index + 2).sameBytes(as: "действие"))
                || (word.sameBytes(as: "вступает") && sentence.word(index + 1).sameBytes(as: "в") && sentence.word(index + 2).sameBytes(as: "силу"))
        }
    }

    /// The rule the clause states, its exceptions, and the units it is about when it is about
    /// units of the act ("1-тармақтың 3) тармақшасы … қолданысқа енгізіледі"), not the whole act.
    func read() -> (rule: EntryIntoForce, subject: [TargetPath])? {
        var exceptionTokens: Range<Int>?
        var exceptions: [EntryIntoForce.Exception] = []
        // "…, X-ты қоспағанда, …" / "за исключением X, который вводится в действие с …".
        if let except = sentence.tokens.first(where: { sentence.lowered[$0].sameBytes(as: "қоспағанда") }) {
            // The excepted units run back from "қоспағанда" to the comma before them, or to the
            // sentence's start (which may be "қоспағанда" itself: then there are none).
            var start = except
            while start > sentence.tokens.lowerBound, sentence.lower(start - 1) != "," { start -= 1 }
            exceptionTokens = start..<except + 1
            exceptions.append(exception(in: start..<except))
        } else if let except = sentence.tokens.first(where: { sentence.lowered[$0].sameBytes(as: "за") && sentence.word($0 + 1).sameBytes(as: "исключением") }) {
            var end = except + 2
            while end < sentence.tokens.upperBound, sentence.lower(end) != "," || end == except + 2 {
                if sentence.lower(end) == "," && sentence.word(end + 1)?.hasStem("котор") == true {
                    // the exception's own rule runs to the next comma after "который … с <date>"
                    var stop = end + 1
                    while stop < sentence.tokens.upperBound, sentence.lower(stop) != "," { stop += 1 }
                    end = stop
                    break
                }
                end += 1
            }
            exceptionTokens = except..<end
            exceptions.append(exception(in: except + 2..<end))
        }
        let main = sentence.tokens.filter { !(exceptionTokens?.contains($0) ?? false) }
        guard let (kind, date, days, calendar) = rule(in: main) else { return nil }
        let subject = CitationReader(sentence: sentence, russian: ReadClause.isRussian(sentence))
            .read(at: main.first ?? sentence.tokens.lowerBound)
            .map(\.paths) ?? []
        let rule = EntryIntoForce(kind: kind, date: date, days: days, calendar: calendar, exceptions: exceptions,
                                  text: sentence.string, range: sentence.range)
        return (rule, subject)
    }

    /// An exception's units and, when the text gives it there ("2027 жылғы 1 қаңтардан бастап
    /// қолданысқа енгізілетін …"), its own rule.
    func exception(in tokens: Range<Int>) -> EntryIntoForce.Exception {
        let russian = ReadClause.isRussian(sentence)
        let reader = CitationReader(sentence: sentence, russian: russian)
        var targets: [TargetPath] = []
        var index = tokens.lowerBound
        while index < tokens.upperBound {
            if let citation = reader.read(at: index), citation.tokens.upperBound <= tokens.upperBound {
                targets += citation.paths
                index = citation.tokens.upperBound
            } else {
                index += 1
            }
        }
        var own: EntryIntoForce?
        if let (kind, date, days, calendar) = rule(in: Array(tokens)) {
            own = EntryIntoForce(kind: kind, date: date, days: days, calendar: calendar,
                                 text: sentence.string(tokens), range: sentence.range(of: tokens))
        }
        return EntryIntoForce.Exception(targets: targets, rule: own, range: sentence.range(of: tokens))
    }

    /// The kind of rule the tokens state.
    func rule(in tokens: [Int]) -> (EntryIntoForce.Kind, CivilDate?, Int?, Bool?)? {
        let words = Set(tokens.map { sentence.lowered[$0] })
        func has(_ word: String, then next: String) -> Bool {
            tokens.contains { sentence.lowered[$0] == word && sentence.lower($0 + 1) == next }
        }
        // "қол қойылған күнінен бастап" / "со дня подписания".
        if words.contains("қойылған") && words.contains("қол") || words.contains("подписания") {
            return (.onSigning, nil, nil, nil)
        }
        let published = words.contains { $0.hasStem("жарияланған") || $0.hasStem("опубликовани") }
        if published {
            for index in tokens {
                if let match = Durations.duration(in: sentence.text, at: index), match.tokens.upperBound <= (tokens.last ?? 0) + 1 {
                    let duration = match.value
                    // Periods in months or years are not modelled: reported, never misread as days.
                    guard [.day, .calendarDay, .workingDay].contains(duration.unit) else { return nil }
                    return (.afterPublication, nil, duration.value, duration.unit == .calendarDay)
                }
            }
            if has("күнінен", then: "кейін") || has("күннен", then: "кейін") || words.contains("после") {
                return (.dayAfterPublication, nil, nil, nil)
            }
            return (.onPublication, nil, nil, nil)
        }
        for index in tokens {
            if let match = Dates.date(in: sentence.text, at: index) {
                return (.fixed, match.value, nil, nil)
            }
        }
        return nil
    }
}
