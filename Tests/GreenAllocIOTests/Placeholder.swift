import Testing

@Test func placeholderGreenAllocIOTests() {}
