import Testing

@Test func placeholderGreenAllocCLITests() {}
