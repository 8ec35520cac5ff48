public enum GreenAllocIOModule {}
