import Testing
import ZanAmendments

/// "owner: path; path" for each reference a text makes.
func references(_ text: String) -> [String] {
    TextReferences.find(in: text).map { reference in
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
