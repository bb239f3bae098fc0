import Testing
import ZanAmendments
import ZanText

/// "owner: path; path" for each reference a text makes. Read both ways, which must agree: the
/// text read as a document, and its tokens as the facts' reader has them.
func references(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
    let found = TextReferences.find(in: text)
    let tokens = Tokenizer().tokenize(SourceFile(text: text)).lowercasingWords()
    #expect(TextReferences.find(inTokens: tokens) == found, "read from its tokens", sourceLocation: sourceLocation)
    return found.map { reference in
        let owner: String = switch reference.owner {
        case .same: "same"
        case .thisAct: "this act"
        case .act(let act): "\(act.kind?.rawValue ?? "act")" + (act.title.map { " «\($0)»" } ?? "")
        case .document(let title): "document" + (title.map { " «\($0)»" } ?? "")
        case .enclosing(let unit): "this \(unit.rawValue)"
        }
        return owner + ": " + reference.paths.map(\.description).joined(separator: "; ")
    }
}

@Suite("References a provision makes: internal, relative, to another act or document")
struct TextReferencesTests {
    @Test("internal: bare, 'осы Қағидалардың', an appendix, a list of points, Russian 'настоящих Правил'")
    func sameDocument() {
        #expect(references("осы Қағидалардың 25-тармағына сәйкес") == ["same: paragraph 25"])
        #expect(references("Қағидалардың 11-тармағына сәйкес жекешелендірген жағдайда") == ["same: paragraph 11"])
        #expect(references("осы Қағидаларға 1-қосымшаға сәйкес нысан бойынша") == ["same: appendix 1"])
        #expect(references("осы Қағидаларға 2, 3-қосымшаларға сәйкес") == ["same: appendix 2; appendix 3"])
        #expect(references("14-тармақтың 2) тармақшасында көзделген") == ["same: paragraph 14 › subparagraph 2"])
        #expect(references("в соответствии с пунктом 25 настоящих Правил") == ["same: paragraph 25"])
    }

    @Test("relative: 'осы тармақтың 1) тармақшасына', 'подпунктом 1) настоящего пункта'")
    func relative() {
        #expect(references("кезеңдер осы тармақтың 1) тармақшасына ұқсас.") == ["this paragraph: subparagraph 1"])
        #expect(references("предусмотренные подпунктом 1) настоящего пункта") == ["this paragraph: subparagraph 1"])
    }

    @Test("the act itself: 'осы бұйрыққа 1-қосымша', 'пункт 2 настоящего приказа'")
    func thisAct() {
        #expect(references("осы бұйрыққа 1-қосымшаға сәйкес") == ["this act: appendix 1"])
        #expect(references("согласно пункту 2 настоящего приказа") == ["this act: paragraph 2"])
    }

    @Test("another act: a law with its title, a defined short name, a parenthesis between, a decree; Russian")
    func external() {
        #expect(references("\"Мемлекеттік көрсетілетін қызметтер туралы\" Қазақстан Республикасы Заңының 25-бабының 2-тармағына")
                == ["law «Мемлекеттік көрсетілетін қызметтер туралы»: article 25 › paragraph 2"])
        #expect(references("Заңның 5-бабы 2-тармағының 11) тармақшасына сәйкес") == ["law: article 5 › paragraph 2 › subparagraph 11"])
        #expect(references("Қазақстан Республикасы Заңының (бұдан әрі – Заң) 10-бабының 1) тармақшасына сәйкес әзірленді")
                == ["law: article 10 › subparagraph 1"])
        #expect(references("Әкімшілік рәсімдік-процестік кодексінің (бұдан әрі – ҚР ӘРПК) 73-бабына сәйкес") == ["code: article 73"])
        #expect(references("Қаулының 23-тармағында көрсетілген жағдайларды қоспағанда") == ["decree: paragraph 23"])
        #expect(references("в соответствии со статьей 8 Закона Республики Казахстан \"О персональных данных и их защите\"")
                == ["law «О персональных данных и их защите»: article 8"])
    }

    @Test("read from tokens as from the text: homoglyphs, spaces, a table row's tab, quotes, an instruction")
    func fromTokens() {
        #expect(references("осы Қағидалардың  25-тармағына  сәйкес") == ["same: paragraph 25"])
        #expect(references("осы Қағидалардың 25-тармағына сәйкес, 1-қосымшаға сәйкес нысан бойынша") == ["same: paragraph 25", "same: appendix 1"])
        // A table row's cells, joined by a tab: each reference covers its own words. (Read as a
        // document, the line was a table row whose cells were joined again, and the first
        // reference ran over the tab into "осы".)
        let row = "Қағидаларға 1-қосымша\tосы Қағидалардың 3-тармағы"
        let cells = TextReferences.find(inTokens: Tokenizer().tokenize(SourceFile(text: row)).lowercasingWords())
        #expect(cells.map { String(decoding: Array(row.utf8)[$0.range.start..<$0.range.end], as: UTF8.self) }
                == ["Қағидаларға 1-қосымша", "осы Қағидалардың 3-тармағы"])
        #expect(cells.map(\.paths) == [[TargetPath([TargetStep(.appendix, "1")])], [TargetPath([TargetStep(.paragraph, "3")])]])
        #expect(references("Ережелердің 4-тармағында «пайдаланушы» деген сөз «тұтынушы» деген сөзбен ауыстырылсын;").count == 1)
        // A Latin "i" in a Kazakh word, as PDF extraction leaves it.
        #expect(references("осы Қағидалардың 7-тармағында көрсетiлген") == ["same: paragraph 7"])
    }

    @Test("another document: '… талаптар тізбесінің 9-тармағында'")
    func otherDocument() {
        #expect(references("негізгі талаптар тізбесінің 9-тармағында көзделген") == ["document: paragraph 9"])
    }

    @Test("not references: a noun without a number, a date, a duration, an enumerator of a list")
    func notReferences() {
        #expect(references("осы Қағидаларға қосымшаға сәйкес нысан") == [])
        #expect(references("2008 жылғы 1 маусымнан кейін 5 (бес) жұмыс күні ішінде") == [])
        #expect(references("1) өтініш; 2) жеке басын куәландыратын құжат;") == [])
        #expect(references("белгіленген жұмыс кестесіне сәйкес") == [])
    }
}
