/// The JSON Schemas (2020-12) of the files in `rules/`, written by every build to
/// `rules/schema/` so the published data carries its contract. CI validates every file of
/// `rules/` against them with a real validator (Python's `jsonschema`); README documents them.
public enum RuleSetSchema {
    /// File name → schema text.
    public static let files: [(String, String)] = [
        ("units.schema.json", units),
        ("facts.schema.json", facts),
        ("work-index.schema.json", workIndex),
        ("build-index.schema.json", buildIndex),
        ("diff.schema.json", diff),
    ]

    static let base = "https://zan.kz/schema/"

    /// Shared definitions: dates, effective dates, provenance, diagnostics, units, runs of a table.
    static let definitions = #"""
      "$defs": {
        "isoDate": { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
        "effectiveDate": {
          "description": "A date a change takes effect. When provisional, `date` is the earliest possible value (e.g. registration date + N + 1 for N days after an unknown publication date).",
          "type": "object",
          "required": ["date", "provisional", "basis"],
          "additionalProperties": false,
          "properties": {
            "date": { "$ref": "#/$defs/isoDate" },
            "provisional": { "type": "boolean" },
            "basis": { "type": "string", "description": "How the date was reached." }
          }
        },
        "position": {
          "type": "object",
          "required": ["line", "column"],
          "additionalProperties": false,
          "properties": { "line": { "type": "integer", "minimum": 1 }, "column": { "type": "integer", "minimum": 1 } }
        },
        "provenance": {
          "description": "Where a unit's wording comes from: the act, the point of it holding the instruction, the operation, the instruction's range in the act's file (relative to the corpus). Without `op`, the text as it stands in the act's own file (and no `effective`).",
          "type": "object",
          "required": ["act", "file", "start", "end"],
          "additionalProperties": false,
          "properties": {
            "act": { "type": "string" },
            "point": { "type": "string" },
            "op": { "enum": ["replace", "insert", "delete", "replace_words", "insert_words", "delete_words", "repeal_act"] },
            "file": { "type": "string" },
            "start": { "$ref": "#/$defs/position" },
            "end": { "$ref": "#/$defs/position" },
            "effective": { "$ref": "#/$defs/effectiveDate", "description": "When this wording took effect in the work: the instruction's entry into force." }
          }
        },
        "diagnostic": {
          "type": "object",
          "required": ["id", "severity", "message"],
          "additionalProperties": false,
          "properties": {
            "id": { "type": "string", "pattern": "^[a-z]+\\.[a-z-]+$" },
            "severity": { "enum": ["error", "warning", "note"] },
            "message": { "type": "string" },
            "file": { "type": "string" },
            "line": { "type": "integer", "minimum": 1 },
            "column": { "type": "integer", "minimum": 1 }
          }
        },
        "fact": {
          "description": "A value a unit states, with its legal reference: the unit (`eId`), the paragraphs it spans (0-based indices into `text`: `paragraph` to `last_paragraph`, joined by a line break), the character span (start in `paragraph`, end in `last_paragraph`) and the words (`source`). `id` is stable within a version. Fields by kind — duration: value, unit, relation, anchor, digits, words; fee: free, amount, currency; frequency: count, per; channel: channel, name, url; reference: scope, cites, targets, status, in_act, within, act, title, work; service (a row of a state-service table): field and, by field, value, forms, partly_automated, free, amount, currency, durations, channels, items, groups, remarks.",
          "type": "object",
          "required": ["id", "kind", "eId", "paragraph", "last_paragraph", "span", "source", "notes"],
          "additionalProperties": false,
          "properties": {
            "id": { "type": "string", "pattern": "#(duration|fee|frequency|channel|reference|service)-[0-9]+$" },
            "kind": { "enum": ["duration", "fee", "frequency", "channel", "reference", "service"] },
            "eId": { "type": "string" },
            "paragraph": { "type": "integer", "minimum": 0 },
            "last_paragraph": { "type": "integer", "minimum": 0 },
            "span": {
              "type": "object", "required": ["start", "end"], "additionalProperties": false,
              "properties": { "start": { "type": "integer", "minimum": 0 }, "end": { "type": "integer", "minimum": 0 } }
            },
            "source": { "type": "string" },
            "notes": { "type": "array", "items": { "type": "string" } },
            "value": { "type": ["integer", "string"], "description": "duration: the length; service provider / subtype: the row's words." },
            "unit": { "$ref": "#/$defs/duration_unit" },
            "relation": { "$ref": "#/$defs/duration_relation" },
            "anchor": { "type": ["string", "null"], "description": "The event the period runs from, as written." },
            "digits": { "type": "integer" },
            "words": { "type": "integer" },
            "free": { "type": "boolean" },
            "amount": { "type": "integer" },
            "currency": { "enum": ["KZT", "MCI"] },
            "count": { "type": "integer", "minimum": 1 },
            "per": { "enum": ["day", "week", "month", "quarter", "half_year", "year"] },
            "channel": { "$ref": "#/$defs/channel_kind" },
            "name": { "type": ["string", "null"], "description": "The portal's name as quoted (\"цифрлық үкіметтің\")." },
            "url": { "type": ["string", "null"] },
            "scope": { "enum": ["internal", "external"] },
            "cites": { "type": "array", "items": { "type": "string" }, "description": "The cited units, outer → inner (\"paragraph 14 › subparagraph 2\")." },
            "targets": { "type": "array", "items": { "type": ["string", "null"] }, "description": "Internal references: each cited unit's eId in this version (null when it has none)." },
            "status": { "enum": ["resolved", "dangling", "not_in_corpus", "external"], "description": "resolved: every cited unit is in this version; dangling: one does not exist or is struck out (a warning of the build); not_in_corpus: the text where it would be is unknown; external: another act or document." },
            "in_act": { "type": "boolean", "description": "Internal references: read in the act itself (\"осы бұйрыққа 1-қосымша\"), not in the document it approves." },
            "within": { "type": "string", "description": "Internal references read in the citing unit's own unit of this kind (\"осы тармақтың 1) тармақшасы\")." },
            "act": { "type": ["string", "null"], "description": "External references: order, decree, decision, law, code; document (an approved document); amended (the act an instruction amends, or whose wording it quotes)." },
            "title": { "type": ["string", "null"] },
            "work": { "type": ["string", "null"], "description": "The adilet id of the cited act, when the reference names its date and number." },
            "field": { "enum": ["provider", "subtype", "channels", "term", "form", "result", "fee", "schedule", "documents", "refusal_grounds", "requirements"] },
            "forms": { "type": "array", "items": { "enum": ["electronic", "paper"] } },
            "partly_automated": { "type": "boolean" },
            "durations": {
              "type": "array",
              "description": "The term's periods in order; `case` and `stage` when the row states several (\"1) … кезінде\", \"үшінші кезең\").",
              "items": {
                "type": "object", "required": ["value", "unit", "relation"], "additionalProperties": false,
                "properties": {
                  "value": { "type": "integer" }, "unit": { "$ref": "#/$defs/duration_unit" }, "relation": { "$ref": "#/$defs/duration_relation" },
                  "case": { "type": ["string", "null"] }, "stage": { "type": ["string", "null"] }
                }
              }
            },
            "channels": {
              "type": "array",
              "items": {
                "type": "object", "required": ["channel"], "additionalProperties": false,
                "properties": { "channel": { "$ref": "#/$defs/channel_kind" }, "name": { "type": ["string", "null"] }, "url": { "type": ["string", "null"] } }
              }
            },
            "items": { "type": "array", "items": { "type": "string" }, "description": "The row's list (documents, refusal grounds, results, …), groups flattened." },
            "groups": {
              "type": "array",
              "description": "When the list is grouped (\"1) Мемлекеттік корпорацияға: …; 2) порталға: …\"): each group's label, the channel it names, its items.",
              "items": {
                "type": "object", "required": ["label", "items", "channel"], "additionalProperties": false,
                "properties": { "label": { "type": "string" }, "channel": { "oneOf": [{ "$ref": "#/$defs/channel_kind" }, { "type": "null" }] }, "items": { "type": "array", "items": { "type": "string" } } }
              }
            },
            "remarks": { "type": ["string", "null"], "description": "Words after the list's last item that are not part of it." }
          }
        },
        "duration_unit": { "enum": ["working_day", "calendar_day", "day", "week", "month", "year", "hour"] },
        "duration_relation": { "enum": ["within", "after", "before", "no_later_than", null] },
        "channel_kind": { "enum": ["state_corporation", "portal", "provider", "contact_center", "post"] },
        "runs": {
          "type": "array",
          "items": { "type": "array", "prefixItems": [{ "type": "integer", "minimum": 0 }, { "type": "integer", "minimum": 0 }], "items": false, "minItems": 2 },
          "description": "Runs of a table's entries: [first, last], both included (the entries of [[0, 2], [7, 7]] are 0, 1, 2 and 7)."
        },
        "unit": {
          "description": "One unit of a version's tree, without the units under it. `depth`: 0 for the root (the document), 1 for its children, and so on. `unknown`: its own wording is not in the corpus; `partial`: units under it exist that the corpus does not contain; `repealed`: struck out, the slot kept.",
          "type": "object",
          "required": ["depth", "kind", "text"],
          "additionalProperties": false,
          "properties": {
            "depth": { "type": "integer", "minimum": 0 },
            "kind": { "enum": ["document", "preamble", "section", "chapter", "paragraph_sign", "article", "paragraph", "subparagraph", "part", "quotation", "signature", "approval", "attachment", "appendix", "form", "table", "row"] },
            "eId": { "type": "string" },
            "num": { "type": "string" },
            "heading": { "type": "string" },
            "text": { "type": "array", "items": { "type": "string" } },
            "unknown": { "const": true },
            "partial": { "const": true },
            "repealed": { "const": true },
            "provenance": { "$ref": "#/$defs/provenance" }
          }
        }
      }
    """#

    static let units = #"""
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "https://zan.kz/schema/units.schema.json",
      "title": "Zan rule set: the units of every version of a work (rules/<work>/units.json)",
      "type": "object",
      "required": ["format", "work", "units"],
      "additionalProperties": false,
      "properties": {
        "format": { "const": \#(RuleSetJSON.format) },
        "work": { "type": "string" },
        "units": {
          "type": "array", "items": { "$ref": "#/$defs/unit" },
          "description": "Every unit of the work's versions, each once (its own wording, flags, provenance and depth), in the order first stated (versions oldest first, each in pre-order). A version (in the work's index) names its tree by `units` runs of these entries, in pre-order (a unit, then the units under it): each unit is a child of the nearest unit before it whose depth is one less."
        }
      },
    """# + definitions + "}\n"

    static let facts = #"""
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "https://zan.kz/schema/facts.schema.json",
      "title": "Zan rule set: the facts of every version of a work (rules/<work>/facts.json)",
      "type": "object",
      "required": ["format", "work", "facts"],
      "additionalProperties": false,
      "properties": {
        "format": { "const": \#(RuleSetJSON.format) },
        "work": { "type": "string" },
        "facts": {
          "type": "array", "items": { "$ref": "#/$defs/fact" },
          "description": "Every fact the work's versions state, each once, in the order first stated (versions oldest first, each in document order). A version (in the work's index) names its facts, in document order, by `facts` runs of these entries."
        }
      },
    """# + definitions + "}\n"

    static let workIndex = #"""
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "https://zan.kz/schema/work-index.schema.json",
      "title": "Zan rule set: a work and its versions (rules/<work>/index.json)",
      "type": "object",
      "required": ["format", "work", "versions", "units", "facts", "diagnostics"],
      "additionalProperties": false,
      "properties": {
        "format": { "const": \#(RuleSetJSON.format) },
        "work": {
          "type": "object",
          "required": ["id", "kind", "title", "date", "number", "registration", "in_corpus", "exists_from", "repealed"],
          "additionalProperties": false,
          "properties": {
            "id": { "type": "string" },
            "kind": { "type": ["string", "null"] },
            "title": { "type": ["string", "null"] },
            "date": { "oneOf": [{ "type": "null" }, { "$ref": "#/$defs/isoDate" }] },
            "number": { "type": ["string", "null"] },
            "registration": { "type": ["string", "null"] },
            "in_corpus": { "type": "boolean", "description": "False for a work known only from references to it: its text is unknown except where edits set it." },
            "exists_from": { "oneOf": [{ "type": "null" }, { "$ref": "#/$defs/effectiveDate" }] },
            "repealed": {
              "oneOf": [
                { "type": "null" },
                { "type": "object", "required": ["from", "by"], "additionalProperties": false,
                  "properties": { "from": { "$ref": "#/$defs/effectiveDate" }, "by": { "type": "string" } } }
              ]
            }
          }
        },
        "versions": {
          "type": "array",
          "items": {
            "type": "object",
            "required": ["from", "to", "provisional", "amended_by", "changed", "units", "facts"],
            "additionalProperties": false,
            "properties": {
              "changed": {
                "type": "array", "items": { "type": "string" }, "uniqueItems": true,
                "description": "The eIds of the units that differ from the previous version (wording, flags, provenance, or a unit inside them) and of units new in this version or gone from it, sorted; an edit to a point lists the point and every unit that holds it. Empty for the first version. A unit is the first node with its eId in document order."
              },
              "from": { "$ref": "#/$defs/effectiveDate" },
              "to": { "oneOf": [{ "type": "null" }, { "$ref": "#/$defs/effectiveDate" }] },
              "provisional": { "type": "boolean", "description": "True when either bound is provisional." },
              "amended_by": { "type": "array", "items": { "type": "string" } },
              "units": { "$ref": "#/$defs/runs", "description": "The version's tree: the entries of the work's units.json these runs give, in pre-order." },
              "facts": { "$ref": "#/$defs/runs", "description": "The values the version states, in document order: the entries of the work's facts.json these runs give." }
            }
          }
        },
        "units": {
          "type": "object",
          "required": ["file", "sha256"],
          "additionalProperties": false,
          "description": "The work's unit table, which the versions' `units` runs index.",
          "properties": {
            "file": { "const": "units.json" },
            "sha256": { "type": "string", "pattern": "^[0-9a-f]{64}$" }
          }
        },
        "facts": {
          "type": "object",
          "required": ["file", "sha256"],
          "additionalProperties": false,
          "description": "The work's fact table, which the versions' `facts` runs index.",
          "properties": {
            "file": { "const": "facts.json" },
            "sha256": { "type": "string", "pattern": "^[0-9a-f]{64}$" }
          }
        },
        "diagnostics": { "type": "array", "items": { "$ref": "#/$defs/diagnostic" } }
      },
    """# + definitions + "}\n"

    static let buildIndex = #"""
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "https://zan.kz/schema/build-index.schema.json",
      "title": "Zan rule set: what the last build read and wrote (rules/index.json)",
      "type": "object",
      "required": ["format", "documents", "works"],
      "additionalProperties": false,
      "properties": {
        "format": { "const": \#(RuleSetJSON.format) },
        "documents": {
          "type": "object",
          "additionalProperties": {
            "type": "object",
            "required": ["sha256", "changes"],
            "additionalProperties": false,
            "properties": {
              "sha256": { "type": "string", "pattern": "^[0-9a-f]{64}$" },
              "changes": { "type": "array", "items": { "type": "string" } }
            }
          }
        },
        "works": {
          "type": "object",
          "description": "Work id → the SHA-256 of rules/<work>/index.json, which lists the SHA-256 of the work's units.json and facts.json.",
          "additionalProperties": { "type": "string", "pattern": "^[0-9a-f]{64}$" }
        }
      }
    }
    """# + "\n"

    /// `zan diff --format json`: not a file of `rules/`, but published beside them so that a
    /// consumer of diffs has the same contract.
    static let diff = #"""
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "https://zan.kz/schema/diff.schema.json",
      "title": "Zan diff: what changed in a work between two versions (zan diff --format json)",
      "type": "object",
      "required": ["format", "work", "from", "to", "order", "amended_by", "summary", "changes", "unchanged", "values_changed"],
      "additionalProperties": false,
      "properties": {
        "format": { "const": \#(WorkDiff.jsonFormat) },
        "work": {
          "type": "object", "required": ["id", "title"], "additionalProperties": false,
          "properties": { "id": { "type": "string" }, "title": { "type": ["string", "null"] } }
        },
        "from": { "$ref": "#/$defs/end", "description": "The date asked for and the version in force on it." },
        "to": { "$ref": "#/$defs/end" },
        "order": { "type": ["string", "null"], "description": "The order asked for with --order; null for --from/--to." },
        "amended_by": { "type": "array", "items": { "type": "string" }, "description": "The acts that start the versions after `from`'s, up to `to`'s." },
        "summary": {
          "type": "object",
          "required": ["added", "removed", "repealed", "changed", "restated", "moved", "unchanged", "not_in_corpus_before", "values_changed"],
          "additionalProperties": false,
          "properties": {
            "added": { "type": "integer", "minimum": 0 }, "removed": { "type": "integer", "minimum": 0 },
            "repealed": { "type": "integer", "minimum": 0 }, "changed": { "type": "integer", "minimum": 0 },
            "restated": { "type": "integer", "minimum": 0 }, "moved": { "type": "integer", "minimum": 0 },
            "unchanged": { "type": "integer", "minimum": 0 },
            "not_in_corpus_before": { "type": "integer", "minimum": 0, "description": "Changes whose earlier wording is not in the corpus." },
            "values_changed": { "type": "integer", "minimum": 0 }
          }
        },
        "changes": { "type": "array", "items": { "$ref": "#/$defs/change" }, "description": "In document order." },
        "unchanged": { "type": "array", "items": { "$ref": "#/$defs/unit" }, "description": "Provisions the same on both sides, in document order." },
        "values_changed": {
          "type": "array",
          "description": "Rule values (facts) that changed: the same unit, kind and number (followed through moves) with another value.",
          "items": {
            "type": "object", "required": ["eId", "label", "part", "kind", "before", "after", "provenance"], "additionalProperties": false,
            "properties": {
              "eId": { "type": ["string", "null"] }, "label": { "type": "string" }, "part": { "type": ["string", "null"] },
              "kind": { "enum": ["duration", "fee", "frequency", "channel", "service"] },
              "before": { "$ref": "units.schema.json#/$defs/fact" },
              "after": { "$ref": "units.schema.json#/$defs/fact" },
              "provenance": { "oneOf": [{ "type": "null" }, { "$ref": "units.schema.json#/$defs/provenance" }] }
            }
          }
        }
      },
      "$defs": {
        "end": {
          "type": "object", "required": ["date", "version"], "additionalProperties": false,
          "properties": {
            "date": { "$ref": "units.schema.json#/$defs/isoDate" },
            "version": {
              "type": "object", "required": ["from", "to"], "additionalProperties": false,
              "properties": {
                "from": { "$ref": "units.schema.json#/$defs/effectiveDate" },
                "to": { "oneOf": [{ "type": "null" }, { "$ref": "units.schema.json#/$defs/effectiveDate" }] }
              }
            }
          }
        },
        "unit": {
          "type": "object", "required": ["eId", "label", "part"], "additionalProperties": false,
          "properties": {
            "eId": { "type": ["string", "null"] },
            "label": { "type": "string", "description": "\"13\", \"2.5)\" (subpoint 5 of point 2), \"6 › part 2\", \"appendix 1\"; relative to `part`." },
            "part": { "type": ["string", "null"], "description": "The attachment (\"att_1\"); null in the body of the act." }
          }
        },
        "side": {
          "type": "object", "required": ["status"], "additionalProperties": false,
          "properties": {
            "status": { "enum": ["absent", "not_in_corpus", "repealed", "text"], "description": "absent: the provision does not exist on this side; not_in_corpus: it exists (or may) but its wording is not in the corpus; repealed: struck out; text: `text` holds its wording." },
            "text": { "type": "array", "items": { "type": "string" } },
            "complete": { "type": "boolean", "description": "False when parts of the wording are not in the corpus (marked in `text`)." }
          }
        },
        "change": {
          "type": "object",
          "required": ["change", "eId", "label", "part", "was", "before", "after", "words", "provenance"],
          "additionalProperties": false,
          "properties": {
            "change": { "enum": ["added", "removed", "repealed", "changed", "restated", "moved"] },
            "eId": { "type": ["string", "null"] },
            "label": { "type": "string" },
            "part": { "type": ["string", "null"] },
            "was": { "oneOf": [{ "type": "null" }, { "$ref": "#/$defs/unit" }], "description": "Where a moved provision was." },
            "before": { "$ref": "#/$defs/side" },
            "after": { "$ref": "#/$defs/side" },
            "words": {
              "oneOf": [
                { "type": "null" },
                { "type": "array", "items": {
                    "type": "object", "required": ["op", "text"], "additionalProperties": false,
                    "properties": { "op": { "enum": ["equal", "delete", "insert"] }, "text": { "type": "string" } } } }
              ],
              "description": "The word-level diff when both wordings are wholly in the corpus: equal + insert segments give the new wording."
            },
            "provenance": { "type": "array", "items": { "$ref": "units.schema.json#/$defs/provenance" } }
          }
        }
      }
    }
    """# + "\n"
}
