public enum GreenAllocCLIModule {}
