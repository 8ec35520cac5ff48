public struct NamedPark: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var city: String
    public var namedIn: Int
    public var award: Double
    public init(id: String, name: String, city: String, namedIn: Int, award: Double) {
        self.id = id
        self.name = name
        self.city = city
        self.namedIn = namedIn
        self.award = award
    }
}
