import ZanDocument
import ZanText

/// A citation a person types ("13-тармақ", "14-тармақтың 2) тармақшасы", "4-тармақтың екінші
/// бөлігі", "1-қосымша", "подпункт 2) пункта 14"), read by the same grammar that reads the
/// citations of amending acts, so a query and an instruction name a unit the same way.
public enum CitationText {
    /// The units the text cites, outer → inner, or nil when the text is not a citation from its
    /// first word to its last (a final full stop or colon is allowed).
    public static func parse(_ text: String) -> [TargetPath]? {
        let file = SourceFile(text: text, path: "<citation>")
        let read = DocumentReader().read(file)
        guard read.paragraphs.count == 1, let paragraph = read.paragraphs.first else { return nil }
        let sentences = Sentence.split(paragraph, in: SourceMap(read.text))
        guard sentences.count == 1, let sentence = sentences.first else { return nil }
        var end = sentence.tokens.upperBound
        while end > sentence.tokens.lowerBound, [".", ":", ";"].contains(sentence.lower(end - 1)) { end -= 1 }
        let russian = ReadClause.isRussian(sentence)
        guard let citation = CitationReader(sentence: sentence, russian: russian).read(at: sentence.tokens.lowerBound),
              citation.tokens.upperBound == end, citation.isComplete else { return nil }
        return citation.paths
    }
}
