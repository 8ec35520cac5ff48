import Testing

@Test func placeholderMILPTests() {}
