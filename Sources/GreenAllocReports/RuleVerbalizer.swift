import GreenAllocCore

/// A rule (`eligible`, `when`, `where`) in plain words, in the report's language:
/// `park.status in ['named_provincial','named_national']` → 所属园区的状态为省级生态工业园区或国家生态工业园区 /
/// its park's status is provincial eco-industrial park or national eco-industrial park. Columns by their
/// names in words, code values by their labels (`RuleVocabulary`); what it has no words for (a free column,
/// an unknown value) is shown readably as written. Never fails: a rule that does not parse is quoted.
struct RuleVerbalizer {
    let words: RuleVocabulary
    /// The date rules read as `as_of`, shown beside its name when known.
    let asOf: Day?

    init(language: ReportLanguage, asOf: Day? = nil) {
        words = RuleVocabulary(language: language)
        self.asOf = asOf
    }

    var zh: Bool { words.language == .zh }
    func pick(_ chinese: String, _ english: String) -> String { words.pick(chinese, english) }

    /// The rule written as a condition in words.
    func sentence(_ source: String) -> String {
        guard let tree = RuleTree(parsing: source) else { return pick("（规则：", "(rule: ") + source + pick("）", ")") }
        return condition(tree)
    }

    /// A condition: `and`, `or`, `not`, comparisons, membership, missing tests, a boolean column.
    func condition(_ tree: RuleTree) -> String {
        switch tree {
        case .all(let items):
            return items.map { grouped($0, inside: .all([])) }.joined(separator: pick("，且", " and "))
        case .any(let items):
            return items.map { grouped($0, inside: .any([])) }.joined(separator: pick("，或", " or "))
        case .not(let operand):
            return pick("并非", "not ") + parenthesized(condition(operand), when: isLogical(operand))
        case .comparison(let op, let left, let right):
            return comparison(op, left, right)
        case .membership(let left, let list, let negated):
            return membership(left, list, negated: negated)
        case .missingTest(let operand, let negated):
            return term(operand) + (negated ? pick("已填写", " is given") : pick("未填写", " is not given"))
        case .column(let entity, let name):
            return truth(entity: entity, column: name, true)
        case .literal(.boolean(let value)):
            return value ? pick("所有项目", "every project") : pick("无项目", "no project")
        default:
            return term(tree)
        }
    }

    func isLogical(_ tree: RuleTree) -> Bool {
        switch tree {
        case .all, .any: true
        default: false
        }
    }

    /// An operand of `and` / `or`: a chain of the other kind goes in parentheses.
    func grouped(_ tree: RuleTree, inside parent: RuleTree) -> String {
        switch (tree, parent) {
        case (.any, .all), (.all, .any): parenthesized(condition(tree), when: true)
        default: condition(tree)
        }
    }

    func parenthesized(_ text: String, when needed: Bool) -> String {
        needed ? pick("（", "(") + text + pick("）", ")") : text
    }

    /// A boolean column is true (or false): `project.naming_prerequisite` → 项目为园区命名必需项目.
    func truth(entity: String, column: String, _ value: Bool) -> String {
        switch (entity, column, value) {
        case ("project", "naming_prerequisite", true): return pick("项目为园区命名必需项目", "the project is a naming prerequisite")
        case ("project", "naming_prerequisite", false): return pick("项目不是园区命名必需项目", "the project is not a naming prerequisite")
        case ("project", "funded", true): return pick("项目已获补助", "the project is funded")
        case ("project", "funded", false): return pick("项目未获补助", "the project is not funded")
        default:
            return words.subject(entity: entity, column: column) + (value ? pick("为是", " is true") : pick("为否", " is false"))
        }
    }

    func comparison(_ op: RuleComparison, _ left: RuleTree, _ right: RuleTree) -> String {
        // A value on the left reads better on the right: `5000 < project.investment` is `investment > 5000`.
        if case .literal = left, !isLiteral(right) { return comparison(op.mirrored, right, left) }
        if case .column(let entity, let column) = left {
            if case .literal(.boolean(let value)) = right, op == .equal || op == .notEqual {
                return truth(entity: entity, column: column, value == (op == .equal))
            }
            if case .literal(.text(let text)) = right {
                let value = words.valueLabel(text, column: column) ?? quoted(text)
                let subject = words.subject(entity: entity, column: column)
                if RuleVocabulary.isOrdered(column), op != .equal, op != .notEqual { return subject + ordered(op, value) }
                return subject + relation(op, dates: false) + value
            }
        }
        let dates = isDate(left) || isDate(right)
        return term(left) + relation(op, dates: dates) + term(right)
    }

    func isLiteral(_ tree: RuleTree) -> Bool {
        if case .literal = tree { return true }
        return false
    }

    /// Whether a side reads as a date: `as_of`, a date, a date column of the format, or date arithmetic.
    func isDate(_ tree: RuleTree) -> Bool {
        switch tree {
        case .asOf, .literal(.date): true
        case .column(_, let name): name == "barred_until"
        case .arithmetic(let first, _): isDate(first)
        default: false
        }
    }

    func relation(_ op: RuleComparison, dates: Bool) -> String {
        switch (op, dates) {
        case (.equal, false): pick("为", " is ")
        case (.notEqual, false): pick("不为", " is not ")
        case (.less, false): pick("低于", " is below ")
        case (.lessOrEqual, false): pick("不高于", " is at most ")
        case (.greater, false): pick("高于", " is above ")
        case (.greaterOrEqual, false): pick("不低于", " is at least ")
        case (.equal, true): pick("为", " is ")
        case (.notEqual, true): pick("不为", " is not ")
        case (.less, true): pick("早于", " is before ")
        case (.lessOrEqual, true): pick("不晚于", " is on or before ")
        case (.greater, true): pick("晚于", " is after ")
        case (.greaterOrEqual, true): pick("不早于", " is on or after ")
        }
    }

    /// An ordered column (maturity, finance tier) against one of its values.
    func ordered(_ op: RuleComparison, _ value: String) -> String {
        switch op {
        case .less: pick("尚未达到" + value, " is below " + value)
        case .lessOrEqual: pick("不超过" + value, " is " + value + " or below")
        case .greater: pick("超过" + value, " is beyond " + value)
        case .greaterOrEqual: pick("达到" + value + "及以上", " is " + value + " or beyond")
        case .equal: pick("为" + value, " is " + value)
        case .notEqual: pick("不为" + value, " is not " + value)
        }
    }

    func membership(_ left: RuleTree, _ list: RuleTree, negated: Bool) -> String {
        var column: String?
        if case .column(_, let name) = left { column = name }
        let items: [String]
        if case .list(let elements) = list {
            items = elements.map { element in
                if case .literal(.text(let text)) = element {
                    return column.flatMap { words.valueLabel(text, column: $0) } ?? quoted(text)
                }
                return term(element)
            }
        } else {
            items = [term(list)]
        }
        let subject = term(left)
        if negated {
            return subject + pick("不属于", " is none of ") + items.joined(separator: pick("、", ", "))
        }
        return subject + pick("为", " is ") + alternatives(items)
    }

    /// `a、b或c` / `a, b or c`.
    func alternatives(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: pick("、", ", ")) + pick("或", " or ") + last
    }

    func quoted(_ text: String) -> String { pick("「" + text + "」", "“" + text + "”") }
}
