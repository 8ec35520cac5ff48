import Testing

@Test func placeholderGreenAllocCoreTests() {}
