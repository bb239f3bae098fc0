import Testing
import ZanTestSupport
import ZanText
@testable import ZanDocument

/// The lines of a small text, as the PDF reader sees them.
func sourceLines(_ text: String) -> (lines: [SourceLine], text: NormalizedText) {
    let normalized = Normalizer().normalize(SourceFile(text: text))
    return (SourceLine.lines(of: normalized), normalized)
}

/// Repairs one line as a PDF line with 6-space paragraph indentation.
func repaired(_ line: String) -> String? {
    var (lines, text) = sourceLines(line)
    guard let repair = RepairDisplacedLinks(paragraphIndent: 6, text: text).repair(&lines[0]) else { return nil }
    return repair.after
}

@Suite("Reading: displaced hyperlinks")
struct DisplacedLinkTests {
    @Test("a fragment glued to the final punctuation goes back into the hole before it")
    func gluedToColon() {
        #expect(repaired("      көрсетілген бұйрықпен бекітілген Тұрғын үй көмегін беру :қағидаларында")
                == "көрсетілген бұйрықпен бекітілген Тұрғын үй көмегін беру қағидаларында:")
        #expect(repaired("бұйрыққа  сәйкес жаңа редакцияда жазылсын.қосымшаға")
                == "бұйрыққа қосымшаға сәйкес жаңа редакцияда жазылсын.")
        #expect(repaired("      24-тармақтың  мынадай редакцияда жазылсын:19) тармақшасы")
                == "24-тармақтың 19) тармақшасы мынадай редакцияда жазылсын:")
    }

    @Test("one extra leading space is a hole at the line start")
    func leadingHole() {
        #expect(repaired("       мынадай редакцияда жазылсын:13-тармақ") == "13-тармақ мынадай редакцияда жазылсын:")
        #expect(repaired(" көрсетілген.-қосымшада") == "-қосымшада көрсетілген.")
    }

    @Test("without glue, the last words fill the holes in order")
    func lastWords() {
        #expect(repaired("атқарушының 2021 жылғы 12 тамыздағы № 437  (Нормативтік құқықтық бұйрығына")
                == "атқарушының 2021 жылғы 12 тамыздағы № 437 бұйрығына (Нормативтік құқықтық")
        #expect(repaired("жылғы 2 шілдедегі № 673  (бұдан әрі – Қаулы) және осы  қаулысының Қағидалардың")
                == "жылғы 2 шілдедегі № 673 қаулысының (бұдан әрі – Қаулы) және осы Қағидалардың")
        #expect(repaired("қоса бере отырып, осы Қағидаларға ,  сәйкес нысан бойынша өтініш 2 3-қосымшаларға")
                == "қоса бере отырып, осы Қағидаларға 2, 3-қосымшаларға сәйкес нысан бойынша өтініш")
        #expect(repaired("Республикасы , \"Мемлекеттік тұрғын үй қорынан берілетін тұрғын үйлерді Заңының")
                == "Республикасы Заңының, \"Мемлекеттік тұрғын үй қорынан берілетін тұрғын үйлерді")
    }

    @Test("a subpoint number and its noun move together")
    func subpointUnit() {
        #expect(repaired("Заңның 5-бабы 2-тармағының  11) тармақшасына") == "Заңның 5-бабы 2-тармағының 11) тармақшасына")
        #expect(repaired("әрі – Заң)  1) тармақшасына сәйкес әзірленді 10-бабының")
                == "әрі – Заң) 10-бабының 1) тармақшасына сәйкес әзірленді")
    }

    @Test("a quote stays; the word glued after it moves")
    func gluedToQuote() {
        #expect(repaired("мемлекеттік қызметті көрсету жөніндегі  (бұдан әрі – Қағидалар) \"қағидалар")
                == "мемлекеттік қызметті көрсету жөніндегі қағидалар (бұдан әрі – Қағидалар) \"")
    }

    @Test("no repair without both signs",
          arguments: [
            // a double space, but the line wraps normally (ends with a space): no hole
            "1)  өздері  тұратын ",
            // a line ending in a legal word that was not displaced: no hole
            "Заңның 5-бабы 2-тармағының 11) тармақшасына",
            // ordinary indentation is no hole
            "      5. Осы бұйрық алғашқы ресми жарияланған күнінен кейін",
            // a date and a time are not glue
            "      Осы бұйрық 12.07.2026 ж. сағат 9.00",
            // blanks of a form are not a link
            "Көрсетілетін қызметті алушы қол қойды: сағат _ _ , 20__ жылғы \"__\" _",
            // tabs are table cells, not holes
            "1\tКөрсетілетін қызметті берушінің атауы\tАстана",
          ])
    func noRepair(_ line: String) {
        #expect(repaired(line) == nil)
    }
}

@Suite("Reading: paragraphs")
struct ParagraphTests {
    func paragraphs(_ text: String, shape: InputShape = .pdf) -> [String] {
        let normalized = Normalizer().normalize(SourceFile(text: text))
        var diagnostics: [Diagnostic] = []
        return AssembleParagraphs(shape: shape, text: normalized)
            .run(SourceLine.lines(of: normalized), diagnostics: &diagnostics).map(\.text)
    }

    @Test("hard wraps join with a space, but not after an opening quote or bracket, nor before closing ones")
    func hardWraps() {
        #expect(paragraphs("      1. Көрсетілетін қызметті алушы \"\nАзаматтарға арналған үкімет\" корпорациясы (\nбұдан әрі) не \"электрондық үкіметтің\n\" веб-порталы\n, сондай-ақ 30 (\nотыз) күн ішінде\n; Қаулының 23-\nтармағында осы Қағидаларға 1\n-қосымшада")
                == ["1. Көрсетілетін қызметті алушы \"Азаматтарға арналған үкімет\" корпорациясы (бұдан әрі) не \"электрондық үкіметтің\" веб-порталы, сондай-ақ 30 (отыз) күн ішінде; Қаулының 23-тармағында осы Қағидаларға 1-қосымшада"])
    }

    @Test("an indented line starts a paragraph; a blank line ends one")
    func paragraphStarts() {
        #expect(paragraphs("      1. Бірінші тармақ \nжалғасы.\n      2. Екінші.\n\n2-тарау. Тақырып\n")
                == ["1. Бірінші тармақ жалғасы.", "2. Екінші.", "2-тарау. Тақырып"])
    }

    @Test("a sentence broken by a page break is joined, with a note")
    func pageBreak() throws {
        let text = "      Мемлекеттік қызмет көрсету \n\n\n\nотбасылардан шыққан балаларға.\n\nКелесі абзац."
        let normalized = Normalizer().normalize(SourceFile(text: text))
        var diagnostics: [Diagnostic] = []
        let result = AssembleParagraphs(shape: .pdf, text: normalized)
            .run(SourceLine.lines(of: normalized), diagnostics: &diagnostics).map(\.text)
        #expect(result == ["Мемлекеттік қызмет көрсету отбасылардан шыққан балаларға.", "Келесі абзац."])
        #expect(diagnostics.map(\.id.description) == ["document.page-break-joined"])
        #expect(diagnostics.first?.message == "sentence continued across a page break (3 blank lines) and was joined")
    }

    @Test("adilet text: a paragraph per line, joined across a blank only mid-sentence")
    func adilet() {
        #expect(paragraphs("9. Өтініш берген жағдайда көрсетуге\n\nсұрау салуының хабарлама жіберіледі.\n\n10. Келесі.\nҚазақстан Республикасының\nӨнеркәсіп министрі", shape: .adilet)
                == ["9. Өтініш берген жағдайда көрсетуге сұрау салуының хабарлама жіберіледі.", "10. Келесі.",
                    "Қазақстан Республикасының", "Өнеркәсіп министрі"])
    }

    @Test("tab-separated rows keep their cells; <p> residue is removed and reported")
    func tableRows() {
        let text = "10\t<p>Бас тарту үшін негіздер</p>\t<p>1) анықталған;</p> <p>2) келмеуі.</p>"
        let normalized = Normalizer().normalize(SourceFile(text: text))
        var diagnostics: [Diagnostic] = []
        let rows = AssembleParagraphs(shape: .adilet, text: normalized).run(SourceLine.lines(of: normalized), diagnostics: &diagnostics)
        #expect(rows.first?.cells == ["10", "Бас тарту үшін негіздер", "1) анықталған; 2) келмеуі."])
        #expect(diagnostics.map(\.message) == ["markup residue removed: 3 × </p>, 3 × <p>"])
    }

    @Test("a row the normalizer repaired is cleaned from its repaired text; the others from the file's bytes, alike")
    func repairedRow() {
        let text = "😀 Мемлекеттiк\t<p>қызмет</p>\n\n2\t<p>Бас тарту</p>\t€"
        let normalized = Normalizer().normalize(SourceFile(text: text))
        #expect(!normalized.changes.isEmpty)
        var diagnostics: [Diagnostic] = []
        let rows = AssembleParagraphs(shape: .adilet, text: normalized).run(SourceLine.lines(of: normalized), diagnostics: &diagnostics)
        #expect(rows.map(\.cells) == [["😀 Мемлекеттік", "қызмет"], ["2", "Бас тарту", "€"]])
        #expect(rows.map(\.range) == [SourceRange(0, "😀 Мемлекеттiк\t<p>қызмет</p>".utf8.count),
                                      SourceRange(text.utf8.count - "2\t<p>Бас тарту</p>\t€".utf8.count, text.utf8.count)])
        #expect(diagnostics.count == 2)
    }

    @Test("cells are cut from the row's text when asked for: empty cells kept, the tree's blocks give the same, other paragraphs none")
    func cellsFromText() throws {
        let text = "11\t\t<p>x</p>\t\nБір жол мәтін."
        let normalized = Normalizer().normalize(SourceFile(text: text))
        var diagnostics: [Diagnostic] = []
        let paragraphs = AssembleParagraphs(shape: .adilet, text: normalized).run(SourceLine.lines(of: normalized), diagnostics: &diagnostics)
        try #require(paragraphs.count == 2)
        #expect(paragraphs[0].isTableRow)
        #expect(paragraphs[0].cells == ["11", "", "x", ""])
        #expect(ContentBlock(paragraphs[0]).cells == ["11", "", "x", ""])
        #expect(!paragraphs[1].isTableRow)
        #expect(paragraphs[1].cells == nil)
        #expect(ContentBlock(paragraphs[1]).cells == nil)
    }
}

@Suite("Reading: table cells")
struct CellTests {
    func clean(_ cell: String) -> (String, [String: Int]) {
        var residue: [String: Int] = [:]
        let cleaned = AssembleParagraphs.cleanRow(cell.utf8, residue: &residue)
        return (cleaned, residue)
    }

    @Test("tags read as spaces, runs of spaces become one, none at the ends; each tag counted")
    func tags() {
        let (text, residue) = clean("  <p>Өтініш</p><p>берілген</p>  күні ")
        #expect(text == "Өтініш берілген күні")
        #expect(residue == ["<p>": 2, "</p>": 2])
    }

    @Test("a '<' that opens no residue tag is text")
    func notTags() {
        let (text, residue) = clean("a < b <pre> <p")
        #expect(text == "a < b <pre> <p")
        #expect(residue.isEmpty)
        #expect(clean("").0 == "")
        #expect(clean("<p></p>").0 == "")
    }

    @Test("a row is cleaned cell by cell: tabs kept, empty cells kept, no space carried across a tab")
    func rows() {
        let (text, residue) = clean(" 11 \t<p>Мерзімі</p>\t\t  бес <p>күн</p>\t")
        #expect(text == "11\tМерзімі\t\tбес күн\t")
        #expect(residue == ["<p>": 2, "</p>": 2])
    }
}

@Suite("Reading: seeds")
struct SeedReadingTests {
    static let expected002 = [
        "№ 437 бұйрығына (Нормативтік құқықтық актілері мемлекеттік тіркеу тізілімінде № 23983 болып тіркелген) мынадай өзгеріс енгізілсін:",
        "мемлекеттік қызмет көрсету жөніндегі қағидалар осы бұйрыққа қосымшаға сәйкес жаңа редакцияда жазылсын.",
        "көрсетілген бұйрықпен бекітілген Тұрғын үй көмегін беру қағидаларында:",
        "13-тармақ мынадай редакцияда жазылсын:",
        "24-тармақтың 19) тармақшасы мынадай редакцияда жазылсын:",
        "жөніндегі қағидалар (бұдан әрі – Қағидалар) \"Мемлекеттік көрсетілетін қызметтер туралы\" Қазақстан Республикасы Заңының (бұдан әрі – Заң) 10-бабының 1) тармақшасына сәйкес әзірленді",
        "№ 673 қаулысының (бұдан әрі – Қаулы) және осы Қағидалардың талаптарына сәйкес",
        "осы Қағидаларға 1-қосымшада көрсетілген.",
        "осы Қағидаларға 2, 3-қосымшаларға сәйкес нысан бойынша өтініш береді.",
        "\"электрондық үкіметтің\" веб-порталы (бұдан әрі - портал)",
    ]

    @Test("seed 002's repaired text contains each required line", arguments: expected002)
    func requiredLines(_ line: String) throws {
        let file = try #require(Golden.source("corpus/V2500035943/kaz.txt"))
        let text = DocumentReader().read(file).paragraphs.map(\.text).joined(separator: "\n")
        #expect(text.contains(line))
    }

    @Test("every character of a repaired paragraph links back to the bytes it came from")
    func characterLinks() throws {
        let file = try #require(Golden.source("corpus/V2500035943/kaz.txt"))
        let result = DocumentReader().read(file)
        let paragraph = try #require(result.paragraphs.first { $0.text == "13-тармақ мынадай редакцияда жазылсын:" })
        // "13-тармақ" opens the repaired paragraph but stood at the end of line 22 in the file.
        let start = try #require(paragraph.unit(at: 0))
        let range = result.text.originalRange(ofUnits: start..<start + "13-тармақ".utf16.count)
        #expect(file.text(in: range) == "13-тармақ")
        #expect(file.lineColumn(at: range.start) == LineColumn(line: 22, column: 36))
        let verb = try #require(paragraph.unit(at: "13-тармақ ".utf16.count))
        #expect(file.lineColumn(at: result.text.originalOffset(ofUnit: verb)) == LineColumn(line: 22, column: 8))
    }

    @Test("every unit of every paragraph maps to the same unit of the normalized text; a space to a space or line break",
          arguments: ["V2600038247", "V2500035943"])
    func everyUnitLinks(_ id: String) throws {
        let file = try #require(Golden.source("corpus/\(id)/kaz.txt"))
        let result = DocumentReader().read(file)
        var checked = 0
        for paragraph in result.paragraphs where paragraph.cells == nil {
            for (offset, unit) in paragraph.text.utf16.enumerated() {
                let source = try #require(paragraph.unit(at: offset))
                if unit == 0x20 {
                    #expect([0x20, 0x09, 0x0A, 0x0D].contains(result.text.units[source]), "\(paragraph.text) at \(offset)")
                } else {
                    #expect(result.text.units[source] == unit, "\(paragraph.text) at \(offset)")
                }
                checked += 1
            }
        }
        #expect(checked > 10_000)
        // Words that follow each other in the file share a piece: far fewer pieces than words.
        let words = result.paragraphs.reduce(0) { $0 + $1.text.split(separator: " ").count }
        let pieces = result.paragraphs.reduce(0) { $0 + $1.pieces.count }
        #expect(pieces * 3 < words)
        // Paragraphs of one piece and of several both occur (and both were checked above).
        #expect(result.paragraphs.contains { $0.pieces.count == 1 })
        #expect(result.paragraphs.contains { $0.pieces.count > 1 })
    }

    @Test("a paragraph's text copied from the file's bytes is the text rendered from its units, and so is its range",
          arguments: ["V2600038247", "V2500035943", "every repair"])
    func verbatimText(_ id: String) throws {
        let file = id == "every repair"
            ? SourceFile(text: String(repeating: "Мемлекеттiк\u{00A0}қызмет 😀 и\u{0306}е  көрсету\tқағидасы\r\n13-тармақ € 𝔸.\n\n", count: 20))
            : try #require(Golden.source("corpus/\(id)/kaz.txt"))
        let text = Normalizer().normalize(file)
        let lines = SourceLine.lines(of: text).filter { !$0.isBlank }
        var copied = 0, rendered = 0
        // One walk for all, as the assembler keeps: placed anew when a check starts before it.
        var cursor = text.cursor(at: 0)
        func check(_ chunks: [Chunk]) {
            guard let verbatim = Chunk.verbatim(chunks, in: text, cursor: &cursor) else {
                rendered += 1
                return
            }
            copied += 1
            #expect(verbatim.text == Chunk.render(chunks, in: text))
            let units = chunks[0].units.lowerBound..<chunks[chunks.count - 1].units.upperBound
            #expect(verbatim.range == text.originalRange(ofUnits: units))
        }
        for (index, line) in lines.enumerated() {
            check(line.chunks)
            // Joined to the next line, with a space and without; and its chunks out of order.
            if index + 1 < lines.count {
                for gap in [0, 1] {
                    var next = lines[index + 1].chunks
                    next[0].gapBefore = gap
                    check(line.chunks + next)
                }
            }
            if line.chunks.count > 1 {
                #expect(Chunk.verbatim(line.chunks.reversed(), in: text, cursor: &cursor) == nil)
            }
        }
        // The seeds' are mostly copied; where the normalizer changed a character (in nearly
        // every line of the constructed text), they are rendered.
        #expect(copied > 0)
        #expect(id == "every repair" || copied > rendered * 5)
        #expect(rendered > 0 || text.changes.isEmpty)
    }

    @Test("a paragraph takes 56 bytes: a single piece is kept inline, the table-row flag in padding")
    func paragraphSize() {
        // A document keeps its paragraphs (82,000 in 30 MB): each 8 bytes is 0.7 MB.
        #expect(MemoryLayout<Paragraph>.stride == 56)
        #expect(MemoryLayout<Paragraph.Piece>.stride == 12)
    }

    @Test("shapes are detected", arguments: [("V2600038247", InputShape.adilet), ("V2500035943", .pdf)])
    func shapes(_ id: String, _ shape: InputShape) throws {
        let file = try #require(Golden.source("corpus/\(id)/kaz.txt"))
        #expect(DocumentReader().read(file).shape == shape)
    }

    @Test("no text is lost: every non-space character of the input is in the output once",
          arguments: ["V2600038247", "V2500035943"])
    func lossless(_ id: String) throws {
        let file = try #require(Golden.source("corpus/\(id)/kaz.txt"))
        let result = DocumentReader().read(file)
        func counts(_ text: String) -> [Character: Int] {
            var counts: [Character: Int] = [:]
            for character in text where !character.isWhitespace { counts[character, default: 0] += 1 }
            return counts
        }
        var input = counts(result.text.string)
        // Markup residue is reported as removed.
        for residue in ["<p>", "</p>"] {
            let occurrences = result.text.string.components(separatedBy: residue).count - 1
            for character in residue { input[character, default: 0] -= occurrences }
        }
        let output = counts(result.paragraphs.map(\.text).joined(separator: "\n"))
        #expect(input.filter { $0.value != 0 } == output)
    }

    @Test("zan text goldens", arguments: ["V2600038247", "V2500035943"])
    func goldens(_ id: String) throws {
        let file = try #require(Golden.source("corpus/\(id)/kaz.txt"))
        let result = DocumentReader().read(file)
        Golden.check(result.paragraphs.map(\.text).joined(separator: "\n") + "\n", "text/seed-\(id)/expected.text.txt")
        Golden.check(diagnostics: result.diagnostics, in: file, "text/seed-\(id)/expected.diagnostics.txt")
    }
}

@Suite("Reading: characters outside the BMP")
struct AstralReadingTests {
    func paragraphs(_ text: String) -> [String] {
        let normalized = Normalizer().normalize(SourceFile(text: text))
        var diagnostics: [Diagnostic] = []
        return AssembleParagraphs(shape: .pdf, text: normalized)
            .run(SourceLine.lines(of: normalized), diagnostics: &diagnostics).map(\.text)
    }

    @Test("a digit of two UTF-16 units before a wrapped hyphen joins without a space, as an ASCII one does")
    func astralDigitBeforeHyphen() {
        // U+1D7CF MATHEMATICAL BOLD DIGIT ONE is a number of two UTF-16 units.
        #expect(paragraphs("      Қаулының 𝟏-\nтармағында") == ["Қаулының 𝟏-тармағында"])
        #expect(paragraphs("      Қаулының 1-\nтармағында") == ["Қаулының 1-тармағында"])
        #expect(paragraphs("      Қаулының 𝟏\n-қосымшада") == ["Қаулының 𝟏-қосымшада"])
    }

    @Test("a line's length counts characters: an emoji line is no longer than its letters")
    func lengthInScalars() {
        // 119 characters: short, though 200 of its UTF-16 units are emoji; 120 letters are not.
        let emoji = String(repeating: "😀", count: 100) + String(repeating: " қ", count: 9) + "қ"
        let (lines, text) = sourceLines(emoji + "\n" + String(repeating: "қ", count: 120))
        let statistics = text.units.withUnsafeBufferPointer(InputShape.LineStatistics.init)
        #expect(lines[0].units.count == 219)
        #expect(statistics.count == 2)
        #expect(statistics.short == 1)
    }

    @Test("shape detection counts non-blank lines, their indents (a tab is 8) and lengths; CRLF ends one line")
    func lineStatistics() {
        let units = Array("  a\r\n\r\n        b\n\tc\n   \nd".utf16)
        let statistics = units.withUnsafeBufferPointer(InputShape.LineStatistics.init)
        #expect(statistics.count == 4)
        #expect(statistics.short == 4)
        #expect(statistics.indents == [2: 1, 8: 2])
        #expect(statistics.indented == 3)
    }

    @Test("a text is PDF when a tenth of its lines are indented and its median line is short")
    func shapeByMedian() {
        func shape(short: Int, long: Int) -> InputShape {
            let lines = Array(repeating: "   қысқа жол", count: short) + Array(repeating: "   " + String(repeating: "ұзын ", count: 30), count: long)
            return InputShape.detect(Normalizer().normalize(SourceFile(text: lines.joined(separator: "\n")))).shape
        }
        // The median of four lines is the third shortest: three short lines are needed.
        #expect(shape(short: 3, long: 1) == .pdf)
        #expect(shape(short: 2, long: 2) == .adilet)
        #expect(shape(short: 3, long: 2) == .pdf)
        #expect(shape(short: 2, long: 3) == .adilet)
        #expect(shape(short: 1, long: 0) == .pdf)
        #expect(shape(short: 0, long: 1) == .adilet)
    }

    @Test("a displaced link repair keeps characters outside the BMP whole")
    func repairKeepsAstral() {
        #expect(repaired("бұйрыққа  сәйкес 😀 жаңа редакцияда жазылсын.қосымшаға")
                == "бұйрыққа қосымшаға сәйкес 😀 жаңа редакцияда жазылсын.")
    }
}
