/// The structural units of a legal text, named as Zan names them everywhere (DESIGN.md §1).
/// Raw values are the names used in JSON and in eIds' long forms.
public enum UnitKind: String, Sendable, Codable, CaseIterable, Comparable {
    case section                            // бөлім / раздел
    case chapter                            // тарау / глава
    case paragraphSign = "paragraph_sign"   // параграф
    case article                            // бап / статья
    case paragraph                          // тармақ / пункт
    case subparagraph                       // тармақша / подпункт
    case part                               // бөлік / часть
    case indent                             // абзац
    case sentence                           // сөйлем / предложение
    case appendix                           // қосымша / приложение
    case preamble                           // кіріспе / преамбула
    case title                              // атау, тақырып / заголовок, наименование
    case table                              // кесте / таблица
    case row                                // жол / строка
    case column                             // баған / графа

    public static func < (lhs: UnitKind, rhs: UnitKind) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
