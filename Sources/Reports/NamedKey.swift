/// A JSON key made from a name at run time: the keys of the objects whose fields are declared in a list
/// (`RunFigure.all`, `CompareReport.fields`).
struct NamedKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
