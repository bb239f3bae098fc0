import ZanDocument
import ZanText

/// What an instruction does.
public enum EditOperation: String, Sendable, CaseIterable {
    /// "… мынадай редакцияда жазылсын" (state in the following wording).
    case replace
    /// "… мынадай мазмұндағы 13-1-тармақпен толықтырылсын" (supplement with a unit).
    case insert
    /// "… алып тасталсын" (strike out).
    case delete
    /// "«X» деген сөздер «Y» деген сөздермен ауыстырылсын" (replace words).
    case replaceWords = "replace_words"
    /// "«X» деген сөздерден кейін «Y» деген сөздермен толықтырылсын" (insert words).
    case insertWords = "insert_words"
    /// "«X» деген сөздер алып тасталсын" (strike out words).
    case deleteWords = "delete_words"
    /// "… күші жойылды деп танылсын" (declare an act no longer in force).
    case repealAct = "repeal_act"
}

/// Where an edit's wording operations apply.
public enum EditScope: String, Sendable {
    /// The cited units.
    case unit
    /// "бүкіл мәтін бойынша" (throughout the text) of the cited document or unit.
    case wholeText = "whole_text"
}

/// Which document of the amended act the targets are in.
public enum DocumentRole: String, Sendable {
    /// The act itself ("көрсетілген бұйрықтың 3-тармағы").
    case `self`
    /// The Rules (or other document) it approves ("көрсетілген бұйрықпен бекітілген … Қағидаларында").
    case approved
}

/// Where an inserted unit goes.
public struct InsertPosition: Hashable, Sendable {
    public enum Place: String, Sendable {
        case after, before
        /// At the end of the container `target`.
        case end
    }

    public let place: Place
    public let target: TargetPath

    public init(_ place: Place, _ target: TargetPath) {
        self.place = place
        self.target = target
    }
}

/// One structured change an amending act makes: the operation, the act and document it changes,
/// every unit it targets, its wording, and where the instruction is in the source.
public struct Edit: Hashable, Sendable {
    public var op: EditOperation
    public var scope: EditScope
    /// The amended act; nil when the input names none (a fragment of instructions).
    public var act: ActReference?
    public var document: DocumentRole
    /// The name of the approved document as the instruction gives it ("Тұрғын үй көмегін беру
    /// қағидалары"), when `document` is `.approved`.
    public var approvedTitle: String?
    /// Every unit the instruction addresses, outer → inner; `[.whole]` is the whole document.
    /// For an insertion, the new units.
    public var targets: [TargetPath]
    /// For an insertion, the number of the new unit ("13-1", "5-1"); nil when it has none.
    public var newNum: String?
    public var position: InsertPosition?
    public var oldWords: String?
    public var newWords: String?
    /// For an insertion of words, the words they go after (or, with `beforeWords`, before).
    public var afterWords: String?
    public var beforeWords: String?
    /// The new wording without its outer quotes, paragraphs joined with "\n".
    public var newText: String?
    /// The new wording parsed into provisions (a replaced point keeps its subpoints and parts).
    public var payload: [Provision]
    /// When the new wording is an attachment of the amending act ("осы бұйрыққа 1-қосымшаға
    /// сәйкес"), that attachment's eId ("att_1").
    public var attachment: String?
    /// The instruction sentence.
    public var source: SourceRange

    public init(op: EditOperation, scope: EditScope = .unit, act: ActReference?, document: DocumentRole,
                approvedTitle: String? = nil, targets: [TargetPath], source: SourceRange) {
        self.op = op
        self.scope = scope
        self.act = act
        self.document = document
        self.approvedTitle = approvedTitle
        self.targets = targets
        self.newNum = nil
        self.position = nil
        self.payload = []
        self.source = source
    }
}
